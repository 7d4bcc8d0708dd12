/**
 * The columns of the 数据 sheet: every extracted cell of tables 二, 三 and 四, in template order,
 * named by table, row and column in Chinese ("表三 一、本年新收 · 自然人"), so an office can run its
 * own statistics over all its reports.
 */
import {
  ACTIVE_COLUMN_LABELS,
  ACTIVE_ROW_LABELS,
  APPLICANT_COLUMN_KEYS,
  APPLICANT_COLUMN_LABELS,
  APPLICATION_ROW_KEYS,
  DECISION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  DOCUMENT_ROW_KEYS,
  FEE_ROW_KEY,
  REVIEW_COLUMN_KEYS,
  REVIEW_COLUMN_LABELS,
  REVIEW_GROUP_KEYS,
  REVIEW_GROUP_LABELS,
  TABLE_SHORT,
  applicationRowName,
  type ApplicationRowKey,
  type TableKey,
} from '../model/glossary';
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
const SHORT_APPLICATION_ROWS: Partial<Record<ApplicationRowKey, string>> = {
  newReceived: '一、本年新收',
  carriedOver: '二、上年结转',
  granted: '三、（一）予以公开',
  'otherHandling.overdueCorrection': '（六）其他处理 1.逾期不补正',
  'otherHandling.overdueFee': '（六）其他处理 2.逾期未缴费',
  carriedForward: '四、结转下年度继续办理',
};

function dataColumnsOnce(): DataColumn[] {
  const cols: DataColumn[] = [];
  const t2 = TABLE_SHORT.activeDisclosure;
  for (const row of DOCUMENT_ROW_KEYS) {
    for (const col of DOCUMENT_COLUMN_KEYS) {
      cols.push({
        key: `activeDisclosure.${row}.${col}`,
        table: 'activeDisclosure',
        row,
        column: col,
        header: `${t2} ${ACTIVE_ROW_LABELS[row]} · ${ACTIVE_COLUMN_LABELS[col]}`,
        cell: (r) => r.tables.activeDisclosure?.[row][col],
      });
    }
  }
  for (const row of DECISION_ROW_KEYS) {
    cols.push({
      key: `activeDisclosure.${row}`,
      table: 'activeDisclosure',
      row,
      header: `${t2} ${ACTIVE_ROW_LABELS[row]} · ${ACTIVE_COLUMN_LABELS.decisions}`,
      cell: (r) => r.tables.activeDisclosure?.[row],
    });
  }
  cols.push({
    key: `activeDisclosure.${FEE_ROW_KEY}`,
    table: 'activeDisclosure',
    row: FEE_ROW_KEY,
    header: `${t2} ${ACTIVE_ROW_LABELS[FEE_ROW_KEY]} · ${ACTIVE_COLUMN_LABELS.amount}`,
    cell: (r) => r.tables.activeDisclosure?.[FEE_ROW_KEY],
  });

  const t3 = TABLE_SHORT.applications;
  for (const row of APPLICATION_ROW_KEYS) {
    const rowName = SHORT_APPLICATION_ROWS[row] ?? applicationRowName(row);
    for (const col of APPLICANT_COLUMN_KEYS) {
      cols.push({
        key: `applications.${row}.${col}`,
        table: 'applications',
        row,
        column: col,
        header: `${t3} ${rowName} · ${APPLICANT_COLUMN_LABELS[col]}`,
        cell: (r) => r.tables.applications?.[row][col],
      });
    }
  }

  const t4 = TABLE_SHORT.reviewLitigation;
  for (const group of REVIEW_GROUP_KEYS) {
    for (const col of REVIEW_COLUMN_KEYS) {
      cols.push({
        key: `reviewLitigation.${group}.${col}`,
        table: 'reviewLitigation',
        row: group,
        column: col,
        header: `${t4} ${REVIEW_GROUP_LABELS[group]} · ${REVIEW_COLUMN_LABELS[col]}`,
        cell: (r) => r.tables.reviewLitigation?.[group][col],
      });
    }
  }
  return cols;
}

let cached: readonly DataColumn[] | undefined;

/** 10 cells of table 二, 175 of table 三, 15 of table 四 (fixed by the 2021 template). */
export function dataColumns(): readonly DataColumn[] {
  cached ??= dataColumnsOnce();
  return cached;
}
