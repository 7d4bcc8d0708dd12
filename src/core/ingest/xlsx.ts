/**
 * Excel workbooks (.xlsx) → SourceDocument. Offices send the three statistics tables as a
 * workbook: one sheet per table, or all on one sheet under section headings, often with a title
 * in the first rows. Each sheet's used range is cut into segments at empty rows; title-like and
 * heading-like single-cell rows become paragraphs, the rest become 'grid' TableBlocks with merges
 * expanded. A workbook has no report text, so extraction will find no sections: that is a
 * finding, not a crash.
 */
import ExcelJS from 'exceljs';
import type { Block, SourceDocument, TableCell } from '../model/types';
import { IngestError, LIMITS } from './errors';
import { renderBlocks } from './render';
import { checkOfficeZip, readEntry } from './zip-guard';
import { at } from '../model/checked';

export interface Slot {
  text: string;
  /** Sheet coordinates (0-based) of the merge origin; equals own position when not merged. */
  or: number;
  oc: number;
  /** Has text or a border: part of a ruled table even when blank. */
  boxed: boolean;
}

function hasBorder(cell: ExcelJS.Cell): boolean {
  const b = cell.border;
  return !!b && !!(b.top?.style || b.bottom?.style || b.left?.style || b.right?.style);
}

/** Applies the common fixed-decimal formats ("0.00", "#,##0.0") so numbers read as displayed. */
export function formatNumber(v: number, numFmt: string | undefined): string {
  const fmt = (numFmt ?? '').split(';')[0] ?? '';
  const m = /^(#,##)?0(\.(0+))?$/.exec(fmt.replace(/\\/g, ''));
  if (!m) return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  const s = v.toFixed(m[3]?.length ?? 0);
  if (!m[1]) return s;
  // Thousands separators in the integer part only, every three digits ("1,131,506.25").
  const [int = '', frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, cell.numFmt);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) {
    // Formula: show the cached result, as Excel does.
    const r: unknown = v.result;
    if (typeof r === 'number') return formatNumber(r, cell.numFmt);
    if (r instanceof Date) return r.toISOString().slice(0, 10);
    return r === undefined || r === null || typeof r === 'object' ? '' : String(r);
  }
  if (typeof v === 'object' && 'error' in v) return '';
  // Rich text and hyperlinks: exceljs' text joins the runs.
  return cell.text.replace(/\r\n?/g, '\n');
}

const HEADING =
  /^[一二三四五六七八九十]{1,2}[、.．]|年度报告|^[（(][一二三四五六七八九十]{1,2}[)）]\s*\S*情况$/;
const TABLE_LABEL = /^(第二十条|（本列数据|\(本列数据|申请人情况|信息内容|行政复议|行政诉讼)/;
const NUMERIC = /^[\s\d０-９.,，．%-]+$/;

function sheetGrid(ws: ExcelJS.Worksheet, notes: string[]): Slot[][] {
  let maxRow = 0;
  let maxCol = 0;
  // cellCount includes styled blank cells: a ruled blank column is still part of its table.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    maxCol = Math.max(maxCol, row.cellCount);
    maxRow = Math.max(maxRow, r);
  });
  if (maxRow === 0 || maxCol === 0) return [];
  maxCol = Math.min(maxCol, 1000);
  if (maxRow * maxCol > LIMITS.maxTableCells) {
    const rows = Math.max(1, Math.floor(LIMITS.maxTableCells / maxCol));
    notes.push(`工作表「${ws.name}」过大，仅读取了前 ${rows} 行。`);
    maxRow = rows;
  }
  const grid: Slot[][] = [];
  for (let r = 1; r <= maxRow; r++) {
    const row = ws.getRow(r);
    const out: Slot[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) {
        const m = cell.master;
        out.push({ text: '', or: Number(m.row) - 1, oc: Number(m.col) - 1, boxed: true });
      } else {
        const text = cellText(cell);
        const blank = text.trim() === '';
        out.push({
          text: blank ? '' : text,
          or: r - 1,
          oc: c - 1,
          boxed: !blank || hasBorder(cell),
        });
      }
    }
    grid.push(out);
  }
  // Covered slots take their origin's text (TableCell contract).
  grid.forEach((row, r) =>
    row.forEach((s, c) => {
      if (s.or === r && s.oc === c) return;
      const o = grid[s.or]?.[s.oc];
      if (o) s.text = o.text;
    }),
  );
  return grid;
}

/** Distinct merge origins with text in a row. */
function originsWithText(row: readonly Slot[]): Slot[] {
  const seen = new Set<string>();
  const out: Slot[] = [];
  for (const s of row) {
    const k = `${s.or},${s.oc}`;
    if (seen.has(k) || s.text.trim() === '') continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

function toTable(grid: readonly Slot[][], r0: number, r1: number): TableCell[][] | null {
  // Trim columns with neither text nor rules throughout the segment.
  const width = grid[0]?.length ?? 0;
  let c0 = width;
  let c1 = 0;
  for (let r = r0; r < r1; r++) {
    at(grid, r).forEach((s, c) => {
      if (s.boxed) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c + 1);
      }
    });
  }
  if (c1 <= c0) return null;
  const inside = (s: Slot): boolean => s.or >= r0 && s.or < r1 && s.oc >= c0 && s.oc < c1;
  const rows: TableCell[][] = [];
  for (let r = r0; r < r1; r++) {
    const row: TableCell[] = [];
    for (let c = c0; c < c1; c++) {
      const s = at(at(grid, r), c);
      const own = s.or === r && s.oc === c;
      const covered = !own && inside(s);
      row.push({
        text: s.text,
        rowSpan: 1,
        colSpan: 1,
        covered,
        originRow: covered ? s.or - r0 : r - r0,
        originCol: covered ? s.oc - c0 : c - c0,
      });
    }
    rows.push(row);
  }
  // Spans of origins: the extent of the cells pointing at them.
  rows.forEach((row, rr) =>
    row.forEach((cell, cc) => {
      if (!cell.covered) return;
      const o = rows[cell.originRow]?.[cell.originCol];
      if (!o) return;
      o.rowSpan = Math.max(o.rowSpan, rr - cell.originRow + 1);
      o.colSpan = Math.max(o.colSpan, cc - cell.originCol + 1);
    }),
  );
  return rows;
}

export function sheetBlocks(grid: readonly Slot[][], blocks: Block[]): void {
  let firstMulti = grid.findIndex((row) => originsWithText(row).length > 1);
  if (firstMulti < 0) firstMulti = grid.length;
  let start = -1;
  const close = (end: number): void => {
    if (start < 0) return;
    const rows = toTable(grid, start, end);
    if (rows && blocks.length < LIMITS.maxBlocks)
      blocks.push({ kind: 'table', layout: 'grid', rows });
    start = -1;
  };
  grid.forEach((row, r) => {
    const texts = originsWithText(row);
    if (texts.length === 0) {
      // A ruled row of blank cells belongs to its table; an unruled blank row separates tables.
      if (row.some((s) => s.boxed)) {
        if (start < 0) start = r;
      } else close(r);
      return;
    }
    const lone = at(texts, 0);
    const only = texts.length === 1 ? lone.text.trim() : null;
    // A label row whose value cells are ruled but blank is a table row, not a heading.
    const otherRuled = row.some((s) => s.boxed && (s.or !== lone.or || s.oc !== lone.oc));
    const paragraph =
      only !== null &&
      !otherRuled &&
      !NUMERIC.test(only) &&
      !TABLE_LABEL.test(only) &&
      (r < firstMulti || HEADING.test(only));
    if (paragraph) {
      close(r);
      if (blocks.length < LIMITS.maxBlocks)
        blocks.push({ kind: 'paragraph', text: only.replace(/\s*\n\s*/g, '') });
      return;
    }
    if (start < 0) start = r;
  });
  close(grid.length);
}

export async function read(bytes: Buffer, fileName: string): Promise<SourceDocument> {
  const entries = checkOfficeZip(bytes, 'xlsx');
  // exceljs inflates without a bound: inflate the XML parts ourselves first, each bounded by its
  // declared size, so a directory that under-declares is refused before exceljs sees it.
  for (const e of entries) if (/\.(xml|rels)$/i.test(e.name)) readEntry(bytes, e, 'xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' load typing wants its own Buffer alias; the bytes are a Node Buffer either way.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(
      'Excel 工作簿内容已损坏或结构异常，无法解析，请用 Excel 打开后另存为 .xlsx 再导入。',
      'corrupt',
    );
  }
  const notes: string[] = [];
  const blocks: Block[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    sheetBlocks(sheetGrid(ws, notes), blocks);
  }
  if (blocks.length === 0) notes.push('工作簿中没有内容。');
  else if (!blocks.some((b) => b.kind === 'paragraph' && b.text.length > 60))
    notes.push('Excel 工作簿只含表格，没有报告正文。');
  return { format: 'xlsx', fileName, blocks, html: renderBlocks(blocks), notes };
}
