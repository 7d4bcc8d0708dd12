/**
 * The columns of the 数据 sheet: every extracted cell of tables 二, 三 and 四, in template order,
 * named by table, row and column in Chinese ("表三 一、本年新收 · 自然人"), so an office can run its
 * own statistics over all its reports.
 */
import { CELLS, columnLabel, rowLabel } from '../model/cells';
import { TABLE_SHORT, type TableKey } from '../model/glossary';
import type { CellValue, ReportModel } from '../model/types';

export interface DataColumn {
  /** Stable key `table.row.column`, for code and tests. */
  key: string;
  table: TableKey;
  /** Row key (table-四: group key). */
  row: string;
  /** Column key; absent for the single-value rows of table 二 (行政许可 … 行政事业性收费). */
  column?: string;
  /** Chinese header: 表三 一、本年新收 · 自然人. */
  header: string;
  /** The extracted cell, or undefined when the report has no such table. */
  cell(report: ReportModel): CellValue | undefined;
}

/**
 * Column headers repeat the row name 7 times, so the long template labels are shortened to what a
 * reviewer says; the group prefix keeps sub-rows unambiguous.
 */
const SHORT_APPLICATION_ROWS: Partial<Record<string, string>> = {
  newReceived: '一、本年新收',
  carriedOver: '二、上年结转',
  granted: '三、（一）予以公开',
  'otherHandling.overdueCorrection': '（六）其他处理 1.逾期不补正',
  'otherHandling.overdueFee': '（六）其他处理 2.逾期未缴费',
  carriedForward: '四、结转下年度继续办理',
};

/** The row name in a header: the short form for the long table-三 rows, the reviewer's name otherwise. */
function headerRowName(table: TableKey, row: string): string {
  const short = table === 'applications' ? SHORT_APPLICATION_ROWS[row] : undefined;
  return short ?? rowLabel(table, row);
}

function dataColumnsOnce(): DataColumn[] {
  return CELLS.map((def) => ({
    // Table 二's single-value rows are keyed and described by row alone: the sheet has no column
    // for them in the template, the catalogue's 'decisions'/'amount' only names the value.
    key: def.single ? `${def.table}.${def.row}` : `${def.table}.${def.row}.${def.column}`,
    table: def.table,
    row: def.row,
    ...(def.single ? {} : { column: def.column }),
    header: `${TABLE_SHORT[def.table]} ${headerRowName(def.table, def.row)} · ${columnLabel(def.table, def.column)}`,
    cell: (r: ReportModel) => def.get(r.tables),
  }));
}

let cached: readonly DataColumn[] | undefined;

/** 10 cells of table 二, 175 of table 三, 15 of table 四 (fixed by the 2021 template). */
export function dataColumns(): readonly DataColumn[] {
  cached ??= dataColumnsOnce();
  return cached;
}

/** The 数据 sheet opens with these, then one column per table cell (dataColumns()). */
export const DATA_LEAD_HEADERS = ['单位', '年度', '文件', '当前版本'] as const;

/** A1-style column letters (1 → A, 27 → AA). */
export function colLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}
