/**
 * The common check of active/invalid-value, applications/invalid-value and review/invalid-value:
 * a cell is negative, a count is fractional, or the cell holds text that is neither a number
 * nor a blank marker. Blank cells and blank markers ("—", "/", "无") are not invalid: they count
 * as 0 and table/blank-cell tells the user. Missing cells (not located) are extraction gaps, not
 * values the agency wrote, so they are not reported here either.
 */
import type { TableKey } from '../../model/glossary';
import type { ReportModel } from '../../model/types';
import type { Draft } from '../types';
import { cellDraft, cellName, checksTables, fmt, tableCells } from './table-cells';

export function invalidValueDrafts(report: ReportModel, table: TableKey): Draft[] {
  if (!checksTables(report)) return [];
  const drafts: Draft[] = [];
  for (const ref of tableCells(report, table)) {
    const { cell } = ref;
    if (cell.missing || cell.blank) continue;
    const where = cellName(table, ref.row, ref.column);
    if (cell.value === null) {
      drafts.push(
        cellDraft(ref, {
          quote: cell.raw,
          message: `${where}填写“${cell.raw}”，不是数字，无法参与统计；应填写阿拉伯数字，没有的填 0。`,
        }),
      );
    } else if (cell.value < 0) {
      drafts.push(
        cellDraft(ref, {
          actual: cell.value,
          message: `${where}为 ${fmt(cell.value)}，数量或金额不能为负数。`,
        }),
      );
    } else if (ref.kind === 'count' && !Number.isInteger(cell.value)) {
      drafts.push(
        cellDraft(ref, {
          actual: cell.value,
          message: `${where}为 ${fmt(cell.value)}，件数应为整数。`,
        }),
      );
    }
  }
  return drafts;
}
