/**
 * The cell catalogue: every cell of the three standard tables (表二 10 cells, 表三 25×7, 表四 3×5)
 * with its keys, its kind and how to read it from a report, plus the Chinese names of rows,
 * columns and cells. The table rules, the Excel export and the year comparison all enumerate and
 * name cells; they take both from here so the three can never disagree on order, keys or words.
 *
 * Pure (glossary and types only, no Node) so the renderer can import it as well as the core.
 */
import {
  ACTIVE_COLUMN_LABELS,
  ACTIVE_ROW_LABELS,
  APPLICANT_COLUMN_KEYS,
  APPLICANT_COLUMN_LABELS,
  APPLICATION_GROUP_LABELS,
  APPLICATION_ROW_KEYS,
  APPLICATION_ROW_LABELS,
  DECISION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  DOCUMENT_ROW_KEYS,
  FEE_ROW_KEY,
  REVIEW_COLUMN_KEYS,
  REVIEW_COLUMN_LABELS,
  REVIEW_GROUP_KEYS,
  REVIEW_GROUP_LABELS,
  TABLE_KEYS,
  TABLE_SHORT,
  applicationRowName,
  type ActiveRowKey,
  type ApplicantColumnKey,
  type ApplicationRowKey,
  type DocumentColumnKey,
  type ReviewColumnKey,
  type ReviewGroupKey,
  type TableKey,
} from './glossary';
import { isKeyOf } from './checked';
import type { CellValue, ReportTables } from './types';

/** Counts (件数, 决定数量, 申请数) are integers; the one 万元 amount is 行政事业性收费. */
export type CellKind = 'count' | 'amount';

/**
 * Column keys as findings name them. Table 二's single-value rows have no column in the template;
 * they get 'decisions' (行政许可/处罚/强制) or 'amount' (行政事业性收费) so that every cell has a
 * column and the rules' messages can name it (「本年处理决定数量」列).
 */
export type CellColumnKey =
  DocumentColumnKey | 'decisions' | 'amount' | ApplicantColumnKey | ReviewColumnKey;
/** Row keys: table 二 rows, table 三 rows, table 四 groups. */
export type CellRowKey = ActiveRowKey | ApplicationRowKey | ReviewGroupKey;

/** One cell of a standard table. */
export interface CellDef {
  table: TableKey;
  row: CellRowKey;
  column: CellColumnKey;
  kind: CellKind;
  /**
   * True for table 二's single-value rows (行政许可 … 行政事业性收费): one value spanning the
   * document columns. The export keys them by row alone and the comparison spans them.
   */
  single: boolean;
  /** The extracted cell; undefined when the report has no such table. */
  get(tables: ReportTables): CellValue | undefined;
}

/** One row of a standard table with its cells, in template order. */
export interface RowDef {
  table: TableKey;
  row: CellRowKey;
  single: boolean;
  cells: readonly CellDef[];
}

/** The multi-value grid of one table, rows × columns, every cell read through `pick`. */
function grid<T extends TableKey, R extends CellRowKey, C extends CellColumnKey>(
  table: T,
  rows: readonly R[],
  columns: readonly C[],
  pick: (t: NonNullable<ReportTables[T]>, row: R, column: C) => CellValue,
): CellDef[] {
  return rows.flatMap((row) =>
    columns.map((column) => ({
      table,
      row,
      column,
      kind: 'count' as const,
      single: false,
      get: (tables: ReportTables): CellValue | undefined => {
        const t = tables[table];
        return t ? pick(t, row, column) : undefined;
      },
    })),
  );
}

/** A single-value row of table 二. */
function single(
  row: Exclude<ActiveRowKey, 'regulations' | 'normativeDocuments'>,
  column: 'decisions' | 'amount',
  kind: CellKind,
): CellDef {
  return {
    table: 'activeDisclosure',
    row,
    column,
    kind,
    single: true,
    get: (tables) => tables.activeDisclosure?.[row],
  };
}

const CELLS_BY_TABLE: Record<TableKey, readonly CellDef[]> = {
  activeDisclosure: [
    ...grid(
      'activeDisclosure',
      DOCUMENT_ROW_KEYS,
      DOCUMENT_COLUMN_KEYS,
      (t, row, column) => t[row][column],
    ),
    ...DECISION_ROW_KEYS.map((row) => single(row, 'decisions', 'count')),
    single(FEE_ROW_KEY, 'amount', 'amount'),
  ],
  applications: grid(
    'applications',
    APPLICATION_ROW_KEYS,
    APPLICANT_COLUMN_KEYS,
    (t, row, column) => t[row][column],
  ),
  reviewLitigation: grid(
    'reviewLitigation',
    REVIEW_GROUP_KEYS,
    REVIEW_COLUMN_KEYS,
    (t, row, column) => t[row][column],
  ),
};

/** Every cell of tables 二, 三 and 四, in template order (10 + 175 + 15, fixed by the 2021 template). */
export const CELLS: readonly CellDef[] = TABLE_KEYS.flatMap((table) => CELLS_BY_TABLE[table]);

/** The cells of one table, in template order. */
export function tableCellDefs(table: TableKey): readonly CellDef[] {
  return CELLS_BY_TABLE[table];
}

/**
 * The columns of a table's value grid, as its header prints them. Table 二's single-value rows
 * span these three; their own column keys ('decisions', 'amount') are not grid columns.
 */
export const GRID_COLUMNS: Record<TableKey, readonly CellColumnKey[]> = {
  activeDisclosure: DOCUMENT_COLUMN_KEYS,
  applications: APPLICANT_COLUMN_KEYS,
  reviewLitigation: REVIEW_COLUMN_KEYS,
};

function rowsOf(table: TableKey): RowDef[] {
  const rows: { table: TableKey; row: CellRowKey; single: boolean; cells: CellDef[] }[] = [];
  for (const cell of CELLS_BY_TABLE[table]) {
    const last = rows[rows.length - 1];
    if (last && last.row === cell.row) last.cells.push(cell);
    else rows.push({ table, row: cell.row, single: cell.single, cells: [cell] });
  }
  return rows;
}

const ROWS_BY_TABLE: Record<TableKey, readonly RowDef[]> = {
  activeDisclosure: rowsOf('activeDisclosure'),
  applications: rowsOf('applications'),
  reviewLitigation: rowsOf('reviewLitigation'),
};

/** The rows of one table with their cells, in template order. */
export function tableRowDefs(table: TableKey): readonly RowDef[] {
  return ROWS_BY_TABLE[table];
}

function label<K extends string>(
  labels: Record<K, string>,
  key: string | undefined,
): string | undefined {
  // Own keys only: a key like 'toString' must not find Object.prototype's member.
  return isKeyOf(labels, key) ? labels[key] : undefined;
}

/**
 * The Chinese name of a row as a reviewer reads it, or undefined when the glossary does not know
 * the key. Table 三 sub-rows carry their group (（三）不予公开 1.属于国家秘密), and a rule may point at a
 * whole group of sub-rows (`denied` → （三）不予公开).
 */
export function findRowLabel(table: TableKey, row: string | undefined): string | undefined {
  if (table === 'activeDisclosure') return label(ACTIVE_ROW_LABELS, row);
  if (table === 'applications') {
    if (isKeyOf(APPLICATION_ROW_LABELS, row)) return applicationRowName(row);
    return label(APPLICATION_GROUP_LABELS, row);
  }
  return label(REVIEW_GROUP_LABELS, row);
}

/** The Chinese name of a column as printed in the report, or undefined when the glossary does not know the key. */
export function findColumnLabel(table: TableKey, column: string | undefined): string | undefined {
  if (table === 'activeDisclosure') return label(ACTIVE_COLUMN_LABELS, column);
  if (table === 'applications') return label(APPLICANT_COLUMN_LABELS, column);
  return label(REVIEW_COLUMN_LABELS, column);
}

/** The Chinese name of a row; an unknown key is returned as is. */
export function rowLabel(table: TableKey, row: string): string {
  return findRowLabel(table, row) ?? row;
}

/** The Chinese name of a column; an unknown key is returned as is. */
export function columnLabel(table: TableKey, column: string): string {
  return findColumnLabel(table, column) ?? column;
}

/** 表三「（七）总计」行「自然人」列 — how a reviewer names a cell. */
export function cellName(table: TableKey, row: string, column: string): string {
  return `${TABLE_SHORT[table]}「${rowLabel(table, row)}」行「${columnLabel(table, column)}」列`;
}
