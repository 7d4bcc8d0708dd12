/** Builds small documents for extraction tests: text through the real text parser, or blocks. */
import { extractReport } from '../../src/core/extract';
import { parseText } from '../../src/core/ingest/txt';
import { renderBlocks } from '../../src/core/ingest/render';
import {
  APPLICATION_ROW_LABELS,
  APPLICATION_ROW_KEYS,
  type ApplicationRowKey,
} from '../../src/core/model/glossary';
import type { Block, ReportModel, SourceDocument, TableCell } from '../../src/core/model/types';

export function docFromText(
  text: string,
  fileName = 'report.txt',
  format: 'txt' | 'md' = 'txt',
): SourceDocument {
  const blocks = parseText(text, format);
  return { format, fileName, blocks, html: renderBlocks(blocks), notes: [] };
}

export function docFromBlocks(blocks: Block[], fileName = 'report.docx'): SourceDocument {
  return { format: 'docx', fileName, blocks, html: renderBlocks(blocks), notes: [] };
}

export function extractText(
  text: string,
  fileName = 'report.txt',
  format: 'txt' | 'md' = 'txt',
): ReportModel {
  return extractReport(docFromText(text, fileName, format), { id: 't1', file: fileName });
}

/** A distinct value per table-三 cell, so that any mix-up of rows or columns shows. */
export function appValue(row: ApplicationRowKey, col: number): number {
  return APPLICATION_ROW_KEYS.indexOf(row) * 10 + col + 1;
}

/** Row labels as a Word copy writes them (group label before the first sub-row). */
export function appRowLabels(row: ApplicationRowKey): string[] {
  const label = APPLICATION_ROW_LABELS[row];
  const groups: Partial<Record<ApplicationRowKey, string>> = {
    granted: '三、本年度办理结果',
    'denied.stateSecret': '（三）不予公开',
    'unableToProvide.notHeld': '（四）无法提供',
    'notProcessed.petition': '（五）不予处理',
    'otherHandling.overdueCorrection': '（六）其他处理',
  };
  const g = groups[row];
  return g ? [g, label] : [label];
}

/** Table 三 as Word's "copy as text" writes it: one cell per TAB line, rows split by blank lines. */
export function applicationsLayoutA(
  value: (row: ApplicationRowKey, col: number) => string = (r, c) => String(appValue(r, c)),
): string {
  const rows: string[][] = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['', '自然人', '法人或其他组织', '总\n计'],
    ['', '', '商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  for (const row of APPLICATION_ROW_KEYS)
    rows.push([...appRowLabels(row), ...Array.from({ length: 7 }, (_, c) => value(row, c))]);
  return rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n');
}

export function cell(
  text: string,
  r: number,
  c: number,
  extra: Partial<TableCell> = {},
): TableCell {
  return { text, rowSpan: 1, colSpan: 1, covered: false, originRow: r, originCol: c, ...extra };
}
