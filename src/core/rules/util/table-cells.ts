/**
 * Shared lookups of the table rules: every cell of tables 二, 三 and 四 with its keys, its
 * Chinese name as a reviewer reads it (表三「（七）总计」行「自然人」列), and whether it is a count or a
 * 万元 amount. The cells and their names come from the model's cell catalogue (shared with the
 * export and the year comparison), so that no rule spells a label by hand.
 */
import type { SectionKey, TableKey } from '../../model/glossary';
import { tableCellDefs } from '../../model/cells';
import { numericValue } from '../../model/factory';
import type { CellValue, ReportModel, SourcePos } from '../../model/types';
import type { Draft } from '../types';
import type { Quantity } from './compare';

// The rules name cells exactly as the catalogue does; re-exported so rules keep one import.
export { cellName, columnLabel, rowLabel } from '../../model/cells';

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

/** Where a table finding points: a cell (row and column), a row, or the whole table. */
export interface CellPlace {
  table: TableKey;
  row?: string;
  column?: string;
  /** The cell (or anything with a source position, e.g. the table's own) whose position to give. */
  cell?: { pos?: SourcePos | undefined } | undefined;
}

/**
 * A draft pointing at one place of a standard table: its section, table, row and column, and the
 * cell's source position when it has one. The table counterpart of quoteDraft (util/text.ts).
 */
export function cellDraft(
  place: CellPlace,
  fields: Omit<Draft, 'section' | 'table' | 'row' | 'column' | 'pos'>,
): Draft {
  const { table, row, column, cell } = place;
  return {
    section: TABLE_SECTION[table],
    table,
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
    ...fields,
    ...(cell?.pos ? { pos: cell.pos } : {}),
  };
}

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
  if (!report.tables[table]) return [];
  const out: TableCellRef[] = [];
  for (const def of tableCellDefs(table)) {
    // Present table ⇒ every cell is there (the types say so); the check only narrows the type.
    const cell = def.get(report.tables);
    if (cell) out.push({ table, row: def.row, column: def.column, cell, kind: def.kind });
  }
  return out;
}

/**
 * The value a sum may use: blank counts as 0 (numericValue); a missing cell or one holding text
 * gives null, and the identity involving it is skipped (invalid-value reports the text).
 */
export function usable(cell: CellValue | undefined): number | null {
  if (!cell || cell.missing) return null;
  return numericValue(cell);
}

/** Values of several cells (as many as given, in order), or null as soon as one of them cannot be used. */
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
