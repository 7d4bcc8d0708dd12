/**
 * Shared lookups of the table rules: every cell of tables 二, 三 and 四 with its keys, its
 * Chinese name as a reviewer reads it (表三「（七）总计」行「自然人」列), and whether it is a count or a
 * 万元 amount. Built once from the glossary so that no rule spells a label by hand.
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
  REVIEW_COLUMN_KEYS,
  REVIEW_COLUMN_LABELS,
  REVIEW_GROUP_KEYS,
  REVIEW_GROUP_LABELS,
  TABLE_SHORT,
  applicationRowName,
  type ApplicantColumnKey,
  type ApplicationRowKey,
  type ReviewColumnKey,
  type ReviewGroupKey,
  type SectionKey,
  type TableKey,
} from '../../model/glossary';
import { numericValue } from '../../model/factory';
import type { CellValue, ReportModel } from '../../model/types';
import type { Quantity } from './compare';

/** One cell of a table with its canonical location. */
export interface TableCellRef {
  table: TableKey;
  /** Row key (table 二 row, table 三 row, table 四 group). */
  row: string;
  /** Column key (table 二: issued/repealed/effective, 'decisions' or 'amount'). */
  column: string;
  cell: CellValue;
  kind: Quantity;
}

/** The section each table sits in (section key equals table key by design of the glossary). */
export const TABLE_SECTION: Record<TableKey, SectionKey> = {
  activeDisclosure: 'activeDisclosure',
  applications: 'applications',
  reviewLitigation: 'reviewLitigation',
};

/**
 * The 2021 tables are only checked on a 2021-format report: an outdated or unrecognised
 * template carries null or partial tables, and checking them would turn extraction gaps into
 * false errors (structure/outdated-template already reports the template).
 */
export function checksTables(report: ReportModel): boolean {
  return report.template === '2021';
}

/** Every cell of one table of the report, in table order; [] when the table is absent. */
export function tableCells(report: ReportModel, table: TableKey): TableCellRef[] {
  const out: TableCellRef[] = [];
  if (table === 'activeDisclosure') {
    const t = report.tables.activeDisclosure;
    if (!t) return out;
    for (const row of DOCUMENT_ROW_KEYS) {
      for (const column of DOCUMENT_COLUMN_KEYS) out.push({ table, row, column, cell: t[row][column], kind: 'count' });
    }
    for (const row of DECISION_ROW_KEYS) out.push({ table, row, column: 'decisions', cell: t[row], kind: 'count' });
    out.push({ table, row: 'administrativeFees', column: 'amount', cell: t.administrativeFees, kind: 'amount' });
  } else if (table === 'applications') {
    const t = report.tables.applications;
    if (!t) return out;
    for (const row of APPLICATION_ROW_KEYS) {
      for (const column of APPLICANT_COLUMN_KEYS) out.push({ table, row, column, cell: t[row][column], kind: 'count' });
    }
  } else {
    const t = report.tables.reviewLitigation;
    if (!t) return out;
    for (const row of REVIEW_GROUP_KEYS) {
      for (const column of REVIEW_COLUMN_KEYS) out.push({ table, row, column, cell: t[row][column], kind: 'count' });
    }
  }
  return out;
}

/** The Chinese name of a row as printed in the report. */
export function rowLabel(table: TableKey, row: string): string {
  if (table === 'activeDisclosure') return ACTIVE_ROW_LABELS[row as keyof typeof ACTIVE_ROW_LABELS] ?? row;
  if (table === 'applications') return applicationRowName(row as ApplicationRowKey);
  return REVIEW_GROUP_LABELS[row as ReviewGroupKey] ?? row;
}

/** The Chinese name of a column as printed in the report. */
export function columnLabel(table: TableKey, column: string): string {
  if (table === 'activeDisclosure') return ACTIVE_COLUMN_LABELS[column as keyof typeof ACTIVE_COLUMN_LABELS] ?? column;
  if (table === 'applications') return APPLICANT_COLUMN_LABELS[column as ApplicantColumnKey] ?? column;
  return REVIEW_COLUMN_LABELS[column as ReviewColumnKey] ?? column;
}

/** 表三「（七）总计」行「自然人」列 — how a reviewer names a cell. */
export function cellName(table: TableKey, row: string, column: string): string {
  return `${TABLE_SHORT[table]}「${rowLabel(table, row)}」行「${columnLabel(table, column)}」列`;
}

/**
 * The value a sum may use: blank counts as 0 (numericValue); a missing cell or one holding text
 * gives null, and the identity involving it is skipped (invalid-value reports the text).
 */
export function usable(cell: CellValue | undefined): number | null {
  if (!cell || cell.missing) return null;
  return numericValue(cell);
}

/** Values of several cells, or null as soon as one of them cannot be used. */
export function usableAll(cells: readonly (CellValue | undefined)[]): number[] | null {
  const out: number[] = [];
  for (const c of cells) {
    const v = usable(c);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** Formats a number for a message (4 decimals at most, no float noise). */
export function fmt(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}

/** The difference as a reviewer says it: 相差 3. */
export function diffText(expected: number, actual: number): string {
  return `相差 ${fmt(Math.abs(expected - actual))}`;
}
