/**
 * Table cells shared between reports, for a run that keeps thousands of models only to audit them
 * and write the JSON and the workbook (the command line, issue 12: memory flat in the batch).
 *
 * A report's three tables hold some 200 CellValues; as they arrive from a reader thread each is an
 * object of its own with its own position object, its own copy of the raw text and its number in a
 * box — about 185 bytes, three quarters of what a model weighs. Most cells of a batch repeat the
 * same few contents ("0", blank, not found), so one object per distinct content serves them all.
 *
 * What is dropped is a grid cell's position (block, row, column), which only the app uses, to
 * highlight the cell. On the command line a position reaches a finding through cellDraft
 * (rules/util/table-cells.ts), which always names the table, and describeLocation
 * (export/location.ts) reads the position of such a finding only when it has no row, i.e. when it
 * is not a grid cell's: a position without a row is therefore kept, with its cell unshared. The
 * JSON never carries positions. The app never calls this: its models keep every position.
 */
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  DOCUMENT_ROW_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
} from './glossary';
import type { CellValue, ReportModel } from './types';

/** Raw texts longer than this are rare and seldom repeat: their cells are copied, not shared. */
const SHARED_RAW_MAX = 32;

/** A number as the engine stores it most compactly: an integer as a small integer, not a box. */
function compactNumber(v: number): number {
  // `v | 0` is a small integer; -0 and numbers beyond 32 bits keep their own representation.
  return (v | 0) === v && !Object.is(v, -0) ? v | 0 : v;
}

/** The cells of one run's models; one pool per run (it lives as long as the models). */
export class CellPool {
  private readonly shared = new Map<string, CellValue>();

  /** Distinct cell contents held (for tests and measurements). */
  get size(): number {
    return this.shared.size;
  }

  /** A cell with the same content as `c`: shared when it has no position that must be kept. */
  cell(c: CellValue): CellValue {
    const pos = c.pos;
    if (pos !== undefined && pos.row === undefined) return c;
    const value = c.value === null ? null : compactNumber(c.value);
    if (c.raw.length > SHARED_RAW_MAX)
      return { value, raw: c.raw, blank: c.blank, missing: c.missing };
    const number = value === null ? 'n' : Object.is(value, -0) ? '-0' : String(value);
    const key = `${c.blank ? 1 : 0}${c.missing ? 1 : 0}${number}|${c.raw}`;
    const known = this.shared.get(key);
    if (known) return known;
    const fresh: CellValue = { value, raw: c.raw, blank: c.blank, missing: c.missing };
    this.shared.set(key, fresh);
    return fresh;
  }

  /** Replaces the cells of `model`'s tables by pooled ones, in place; returns the model. */
  compactTables(model: ReportModel): ReportModel {
    const { activeDisclosure: a, applications: p, reviewLitigation: r } = model.tables;
    if (a) {
      for (const row of DOCUMENT_ROW_KEYS)
        for (const col of DOCUMENT_COLUMN_KEYS) a[row][col] = this.cell(a[row][col]);
      a.licensing = this.cell(a.licensing);
      a.punishment = this.cell(a.punishment);
      a.coercion = this.cell(a.coercion);
      a.administrativeFees = this.cell(a.administrativeFees);
    }
    if (p)
      for (const row of APPLICATION_ROW_KEYS)
        for (const col of APPLICANT_COLUMN_KEYS) p[row][col] = this.cell(p[row][col]);
    if (r)
      for (const group of REVIEW_GROUP_KEYS)
        for (const col of REVIEW_COLUMN_KEYS) r[group][col] = this.cell(r[group][col]);
    return model;
  }
}
