/**
 * Table cells, rows, tables and block positions shared between reports, for a run that keeps thousands of models only to audit them
 * and write the JSON and the workbook (the command line, issue 12: memory flat in the batch).
 *
 * A report's three tables hold some 200 CellValues; as they arrive from a reader thread each is an
 * object of its own with its own position object, its own copy of the raw text and its number in a
 * box — about 185 bytes, three quarters of what a model weighs. Most cells of a batch repeat the
 * same few contents ("0", blank, not found), so one object per distinct content serves them all;
 * so does one object per distinct row and per distinct table (all-zero tables are common), and
 * one object per block number for a position that holds nothing but the block.
 *
 * What is dropped is a grid cell's position (block, row, column), which only the app uses, to
 * highlight the cell. On the command line a position reaches a finding through cellDraft
 * (rules/util/table-cells.ts), which always names the table, and describeLocation
 * (export/location.ts) reads the position of such a finding only when it has no row, i.e. when it
 * is not a grid cell's: a position without a row is therefore kept, with its cell unshared. The
 * JSON never carries positions. The app never calls this: its models keep every position.
 */
import {
  type ApplicantColumnKey,
  type DocumentColumnKey,
  type ReviewColumnKey,
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  DOCUMENT_ROW_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
} from './glossary';
import type {
  ActiveDisclosureTable,
  ApplicationsTable,
  CellValue,
  ReportModel,
  ReviewLitigationTable,
  SourcePos,
} from './types';

/** Raw texts longer than this are rare and seldom repeat: their cells are copied, not shared. */
const SHARED_RAW_MAX = 32;

/** A number as the engine stores it most compactly: an integer as a small integer, not a box. */
function compactNumber(v: number): number {
  // `v | 0` is a small integer; -0 and numbers beyond 32 bits keep their own representation.
  return (v | 0) === v && !Object.is(v, -0) ? v | 0 : v;
}

/**
 * The cells, rows, tables and positions of one run's models; one pool per run (it lives as long
 * as the models). Nothing shared is ever changed: rules and writers only read a model.
 */
export class CellPool {
  private readonly cells = new Map<string, CellValue>();
  private readonly documentRows = new Map<string, Record<DocumentColumnKey, CellValue>>();
  private readonly applicantRows = new Map<string, Record<ApplicantColumnKey, CellValue>>();
  private readonly reviewRows = new Map<string, Record<ReviewColumnKey, CellValue>>();
  private readonly active = new Map<string, ActiveDisclosureTable>();
  private readonly applications = new Map<string, ApplicationsTable>();
  private readonly review = new Map<string, ReviewLitigationTable>();
  private readonly blocks = new Map<number, SourcePos>();
  /** An id for each shared cell and row, from which the keys of rows and tables are made. */
  private readonly ids = new Map<object, string>();

  /** Distinct cell contents held (for tests and measurements). */
  get size(): number {
    return this.cells.size;
  }

  /** `v` as the shared object of its kind and key, with an id. */
  private share<T extends object>(shared: Map<string, T>, key: string, v: T): T {
    const known = shared.get(key);
    if (known !== undefined) return known;
    shared.set(key, v);
    this.ids.set(v, `${this.ids.size},`);
    return v;
  }

  /** A cell with the same content as `c`: shared when it has no position that must be kept. */
  cell(c: CellValue): CellValue {
    const pos = c.pos;
    if (pos !== undefined && pos.row === undefined) return c;
    const value = c.value === null ? null : compactNumber(c.value);
    const cell = { value, raw: c.raw, blank: c.blank, missing: c.missing };
    if (c.raw.length > SHARED_RAW_MAX) return cell;
    const number = value === null ? 'n' : Object.is(value, -0) ? '-0' : String(value);
    return this.share(this.cells, `${c.blank ? 1 : 0}${c.missing ? 1 : 0}${number}|${c.raw}`, cell);
  }

  /** The key of objects made of `parts`: their ids in order; '' when one of them is not shared. */
  private keyOf(parts: readonly object[]): string {
    let key = '';
    for (const p of parts) {
      const id = this.ids.get(p);
      if (id === undefined) return '';
      key += id;
    }
    return key;
  }

  /** `row` with pooled cells (changed in place); a shared row instead when every cell is shared. */
  private row<K extends string>(
    shared: Map<string, Record<K, CellValue>>,
    keys: readonly K[],
    row: Record<K, CellValue>,
  ): Record<K, CellValue> {
    for (const k of keys) row[k] = this.cell(row[k]);
    const key = this.keyOf(keys.map((k) => row[k]));
    return key ? this.share(shared, key, row) : row;
  }

  /** A table made of `parts`: the shared one when every part is shared. */
  private table<T extends object>(shared: Map<string, T>, parts: readonly object[], table: T): T {
    const key = this.keyOf(parts);
    return key ? this.share(shared, key, table) : table;
  }

  /** `{ block: n }`, one object per block number; any other position as it is. */
  pos(p: SourcePos): SourcePos {
    const keys = Object.keys(p);
    if (keys.length !== 1 || keys[0] !== 'block') return p;
    const known = this.blocks.get(p.block);
    if (known) return known;
    this.blocks.set(p.block, p);
    return p;
  }

  /** Replaces the cells, rows, tables and block positions of `model` by pooled ones; returns it. */
  compact(model: ReportModel): ReportModel {
    const t = model.tables;
    const a = t.activeDisclosure;
    if (a) {
      for (const k of DOCUMENT_ROW_KEYS)
        a[k] = this.row(this.documentRows, DOCUMENT_COLUMN_KEYS, a[k]);
      a.licensing = this.cell(a.licensing);
      a.punishment = this.cell(a.punishment);
      a.coercion = this.cell(a.coercion);
      a.administrativeFees = this.cell(a.administrativeFees);
      const parts = [
        ...DOCUMENT_ROW_KEYS.map((k) => a[k]),
        a.licensing,
        a.punishment,
        a.coercion,
        a.administrativeFees,
      ];
      t.activeDisclosure = this.table(this.active, parts, a);
    }
    const p = t.applications;
    if (p) {
      for (const k of APPLICATION_ROW_KEYS)
        p[k] = this.row(this.applicantRows, APPLICANT_COLUMN_KEYS, p[k]);
      t.applications = this.table(
        this.applications,
        APPLICATION_ROW_KEYS.map((k) => p[k]),
        p,
      );
    }
    const r = t.reviewLitigation;
    if (r) {
      for (const k of REVIEW_GROUP_KEYS) r[k] = this.row(this.reviewRows, REVIEW_COLUMN_KEYS, r[k]);
      t.reviewLitigation = this.table(
        this.review,
        REVIEW_GROUP_KEYS.map((k) => r[k]),
        r,
      );
    }
    for (const para of model.paragraphs) para.pos = this.pos(para.pos);
    for (const s of model.sections) {
      for (const para of s.paragraphs) para.pos = this.pos(para.pos);
      if (s.heading) s.heading.pos = this.pos(s.heading.pos);
    }
    for (const h of model.headingsInOrder) h.pos = this.pos(h.pos);
    if (model.titlePos) model.titlePos = this.pos(model.titlePos);
    return model;
  }
}
