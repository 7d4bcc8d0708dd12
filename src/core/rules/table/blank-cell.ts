/**
 * table/blank-cell — rules.md, Any table:
 * "cells are blank or hold a blank marker and were counted as 0 (one finding per table, listing
 * the cells)". Severity info: a blank usually means zero, but the reviewer should know that the
 * sums of the other table rules treated it so.
 *
 * One finding per table of a 2021-format report that has at least one blank cell (CellValue.blank:
 * empty, "—", "-", "/", "无"); the finding points at the first blank cell and lists them all (the
 * first twenty by name, then the count). Missing cells (not located) are not listed: they were not
 * counted as 0, their identities were skipped.
 */
import { TABLE_KEYS, TABLE_SHORT } from '../../model/glossary';
import type { Draft, ReportRule } from '../types';
import { cellDraft, checksTables, columnLabel, rowLabel, tableCells } from '../util/table-cells';

/** Enough names for a reviewer to see the pattern; the rest is a count. */
const LISTED_CELLS = 20;

export const tableBlankCell: ReportRule = {
  meta: {
    id: 'table/blank-cell',
    severity: 'info',
    title: '表格空白单元格按 0 计',
    description:
      '表格中有空白单元格或填写了“—”“/”“无”等空白标记，审查时按 0 计算。格式要求没有的数据填 0，请确认这些单元格确实为 0。',
  },
  scope: 'report',
  check: ({ report }) => {
    if (!checksTables(report)) return [];
    const drafts: Draft[] = [];
    for (const table of TABLE_KEYS) {
      const blanks = tableCells(report, table).filter((ref) => ref.cell.blank && !ref.cell.missing);
      const first = blanks[0];
      if (!first) continue;
      const names = blanks.slice(0, LISTED_CELLS).map((ref) => {
        const marker = ref.cell.raw ? `（“${ref.cell.raw}”）` : '';
        return `「${rowLabel(table, ref.row)}」行「${columnLabel(table, ref.column)}」列${marker}`;
      });
      const more = blanks.length > LISTED_CELLS ? `等` : '';
      drafts.push(
        cellDraft(
          { table, cell: first.cell },
          {
            message: `${TABLE_SHORT[table]}有 ${blanks.length} 个单元格为空白或空白标记，已按 0 计算：${names.join('、')}${more}。`,
          },
        ),
      );
    }
    return drafts;
  },
};
