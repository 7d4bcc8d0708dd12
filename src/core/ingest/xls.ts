/**
 * Excel 97–2003 workbooks (.xls) and Kingsoft spreadsheets (.et, the same BIFF8 format) →
 * SourceDocument, read exactly as the .xlsx reader reads a workbook (same sheet segmentation:
 * xlsx.ts sheetBlocks), so both give the same blocks.
 *
 * Why a small BIFF8 cell reader of our own rather than the `xlsx` package: the npm release 0.18.5
 * has known vulnerabilities when reading crafted files and later SheetJS builds are not on the npm
 * registry; the tables offices send need only cell values, merges, number formats and borders,
 * which are a dozen record types ([MS-XLS]): BOUNDSHEET, SST (+CONTINUE), LABELSST, LABEL,
 * RSTRING, NUMBER, RK, MULRK, FORMULA (cached result, STRING), BOOLERR, BLANK, MULBLANK,
 * MERGEDCELLS, XF, FORMAT, and FILEPASS to recognise encryption.
 */
import type { Block, SourceDocument } from '../model/types';
import { IngestError, LIMITS } from './errors';
import type { OleFile } from './ole';
import { renderBlocks } from './render';
import { formatNumber, sheetBlocks, type Slot } from './xlsx';
import {
  DAMAGED,
  ENCRYPTED_XLS,
  OLD_EXCEL,
  R,
  records,
  rk,
  Segments,
  shortString,
} from './xls-records';

/** Built-in number formats that fix the decimals ([MS-XLS] 2.5.165); custom ones come from FORMAT. */
const BUILTIN_FORMATS: Record<number, string> = { 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00' };
/** Built-in date formats, including the CJK ones (27–36, 50–58) Chinese Excel and WPS use. */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const DATE_MARK = '\u0000date';

/** A custom format that shows a date: y/m/d outside quoted text and [colour]/[$-locale] brackets. */
function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[yd]|m(?!\S*[hs])/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** A date serial (1900 or 1904 system) as the .xlsx reader shows dates: yyyy-mm-dd. */
function serialDate(v: number, date1904: boolean): string {
  const ms = Date.UTC(1899, 11, 30) + (v + (date1904 ? 1462 : 0)) * 86_400_000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().slice(0, 10);
}

interface Globals {
  date1904: boolean;
  sst: string[];
  sheets: { name: string; pos: number; hidden: boolean; worksheet: boolean }[];
  xfFormat: string[];
  xfBorder: boolean[];
}

function readGlobals(stream: Buffer): Globals {
  const g: Globals = { date1904: false, sst: [], sheets: [], xfFormat: [], xfBorder: [] };
  const formats = new Map<number, string>();
  const xfIfmt: number[] = [];
  let first = true;
  const all = records(stream, 0);
  // Date formats are marked so that cells show a date, as exceljs gives the .xlsx reader a Date.
  const formatOfXf = (i: number): string => {
    const f = formats.get(i);
    if (f !== undefined) return isDateFormat(f) ? DATE_MARK : f;
    return BUILTIN_DATES.has(i) ? DATE_MARK : (BUILTIN_FORMATS[i] ?? '');
  };
  let pendingSst: Buffer[] | null = null;
  const finishSst = (): void => {
    if (!pendingSst) return;
    const segs = new Segments(pendingSst);
    segs.u32();
    const unique = segs.u32();
    for (let i = 0; i < unique && g.sst.length < 1_000_000; i++)
      g.sst.push(segs.richString().replace(/\r\n?/g, '\n'));
    pendingSst = null;
  };
  for (const rec of all) {
    if (first) {
      if (rec.type !== R.BOF || rec.data.length < 4) throw new IngestError(DAMAGED, 'corrupt');
      if (rec.data.readUInt16LE(0) !== 0x0600)
        throw new IngestError(OLD_EXCEL, 'legacy-unreadable');
      first = false;
      continue;
    }
    if (pendingSst && rec.type === R.CONTINUE) {
      pendingSst.push(rec.data);
      continue;
    }
    finishSst();
    switch (rec.type) {
      case R.FILEPASS:
        throw new IngestError(ENCRYPTED_XLS, 'encrypted');
      case R.SST:
        pendingSst = [rec.data];
        break;
      case R.BOUNDSHEET:
        if (rec.data.length >= 8) {
          g.sheets.push({
            pos: rec.data.readUInt32LE(0),
            hidden: (rec.data.readUInt8(4) & 0x03) !== 0,
            worksheet: rec.data[5] === 0,
            name: shortString(rec.data, 6, 1),
          });
        }
        break;
      case 0x0022: // DATEMODE
        g.date1904 = rec.data.length >= 2 && rec.data.readUInt16LE(0) === 1;
        break;
      case R.FORMAT:
        if (rec.data.length >= 5)
          formats.set(rec.data.readUInt16LE(0), shortString(rec.data, 2, 2));
        break;
      case R.XF:
        if (rec.data.length >= 14) {
          xfIfmt.push(rec.data.readUInt16LE(2));
          const borders = rec.data.readUInt32LE(10);
          g.xfBorder.push((borders & 0xffff) !== 0);
        }
        break;
      case R.EOF:
        g.xfFormat = xfIfmt.map(formatOfXf);
        return g;
    }
  }
  finishSst();
  g.xfFormat = xfIfmt.map(formatOfXf);
  return g;
}

interface Cell {
  text: string;
  boxed: boolean;
}

function readSheet(
  stream: Buffer,
  pos: number,
  g: Globals,
  name: string,
  notes: string[],
): Slot[][] {
  const cells = new Map<number, Cell>();
  const merges: [number, number, number, number][] = [];
  let maxRow = -1;
  let maxCol = -1;
  const MAX_COL = 1000;
  const key = (r: number, c: number): number => r * 16384 + c;
  const put = (r: number, c: number, ixfe: number, text: string): void => {
    if (c >= MAX_COL || r > 1_048_576) return;
    const t = text.trim() === '' ? '' : text;
    const boxed = t !== '' || (g.xfBorder[ixfe] ?? false);
    if (!boxed) return;
    cells.set(key(r, c), { text: t, boxed });
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
  };
  const num = (v: number, ixfe: number): string => {
    const fmt = g.xfFormat[ixfe];
    return fmt === DATE_MARK ? serialDate(v, g.date1904) : formatNumber(v, fmt);
  };
  let formulaString: { r: number; c: number; ixfe: number } | null = null;
  let first = true;
  for (const rec of records(stream, pos)) {
    const d = rec.data;
    if (first) {
      if (rec.type !== R.BOF) throw new IngestError(DAMAGED, 'corrupt');
      first = false;
      continue;
    }
    if (rec.type === R.EOF) break;
    if (formulaString && rec.type === R.STRING) {
      put(formulaString.r, formulaString.c, formulaString.ixfe, shortString(d, 0, 2));
      formulaString = null;
      continue;
    }
    formulaString = null;
    if (d.length < 6 && rec.type !== R.MERGEDCELLS) continue;
    switch (rec.type) {
      case R.LABELSST:
        if (d.length >= 10)
          put(
            d.readUInt16LE(0),
            d.readUInt16LE(2),
            d.readUInt16LE(4),
            g.sst[d.readUInt32LE(6)] ?? '',
          );
        break;
      case R.LABEL:
      case R.RSTRING:
        put(
          d.readUInt16LE(0),
          d.readUInt16LE(2),
          d.readUInt16LE(4),
          shortString(d, 6, 2).replace(/\r\n?/g, '\n'),
        );
        break;
      case R.NUMBER:
        if (d.length >= 14)
          put(
            d.readUInt16LE(0),
            d.readUInt16LE(2),
            d.readUInt16LE(4),
            num(d.readDoubleLE(6), d.readUInt16LE(4)),
          );
        break;
      case R.RK:
        if (d.length >= 10)
          put(
            d.readUInt16LE(0),
            d.readUInt16LE(2),
            d.readUInt16LE(4),
            num(rk(d.readUInt32LE(6)), d.readUInt16LE(4)),
          );
        break;
      case R.MULRK: {
        const r = d.readUInt16LE(0);
        const c0 = d.readUInt16LE(2);
        const n = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < n; i++) {
          const ixfe = d.readUInt16LE(4 + i * 6);
          put(r, c0 + i, ixfe, num(rk(d.readUInt32LE(6 + i * 6)), ixfe));
        }
        break;
      }
      case R.BLANK:
        put(d.readUInt16LE(0), d.readUInt16LE(2), d.readUInt16LE(4), '');
        break;
      case R.MULBLANK: {
        const r = d.readUInt16LE(0);
        const c0 = d.readUInt16LE(2);
        const n = Math.floor((d.length - 6) / 2);
        for (let i = 0; i < n; i++) put(r, c0 + i, d.readUInt16LE(4 + i * 2), '');
        break;
      }
      case R.BOOLERR:
        if (d.length >= 8)
          put(
            d.readUInt16LE(0),
            d.readUInt16LE(2),
            d.readUInt16LE(4),
            d[7] ? '' : d[6] ? 'TRUE' : 'FALSE',
          );
        break;
      case R.FORMULA: {
        // The cached result, as Excel shows it; a string result follows in a STRING record.
        if (d.length < 20) break;
        const r = d.readUInt16LE(0);
        const c = d.readUInt16LE(2);
        const ixfe = d.readUInt16LE(4);
        if (d.readUInt16LE(12) === 0xffff) {
          const kind = d[6];
          if (kind === 0) formulaString = { r, c, ixfe };
          else if (kind === 1) put(r, c, ixfe, d[8] ? 'TRUE' : 'FALSE');
          else put(r, c, ixfe, '');
        } else put(r, c, ixfe, num(d.readDoubleLE(6), ixfe));
        break;
      }
      case R.MERGEDCELLS: {
        if (d.length < 2) break;
        const n = Math.min(d.readUInt16LE(0), Math.floor((d.length - 2) / 8));
        for (let i = 0; i < n; i++) {
          const p = 2 + i * 8;
          merges.push([
            d.readUInt16LE(p),
            d.readUInt16LE(p + 2),
            d.readUInt16LE(p + 4),
            d.readUInt16LE(p + 6),
          ]);
        }
        break;
      }
    }
  }
  for (const [r0, r1, , c1] of merges) {
    maxRow = Math.max(maxRow, Math.min(r1, r0 + 1000));
    maxCol = Math.min(MAX_COL - 1, Math.max(maxCol, c1));
  }
  if (maxRow < 0 || maxCol < 0) return [];
  let rows = maxRow + 1;
  const cols = maxCol + 1;
  if (rows * cols > LIMITS.maxTableCells) {
    rows = Math.max(1, Math.floor(LIMITS.maxTableCells / cols));
    notes.push(`工作表「${name}」过大，仅读取了前 ${rows} 行。`);
  }
  const grid: Slot[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Slot[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = cells.get(key(r, c));
      row.push({ text: cell?.text ?? '', or: r, oc: c, boxed: cell?.boxed ?? false });
    }
    grid.push(row);
  }
  // Merged areas: covered slots point at the origin and repeat its text (TableCell contract).
  // Overlapping merges in a crafted file could repeat the work: bound it by the grid size.
  let budget = rows * cols * 2;
  for (const [r0, r1, c0, c1] of merges) {
    budget -= (Math.min(r1, rows - 1) - r0 + 1) * (Math.min(c1, cols - 1) - c0 + 1);
    if (budget < 0) break;
    const o = grid[r0]?.[c0];
    if (!o) continue;
    for (let r = r0; r <= r1 && r < rows; r++) {
      for (let c = c0; c <= c1 && c < cols; c++) {
        if (r === r0 && c === c0) continue;
        const s = grid[r]?.[c];
        if (s) Object.assign(s, { text: o.text, or: r0, oc: c0, boxed: true });
      }
    }
    o.boxed = true;
  }
  return grid;
}

export function read(ole: OleFile, fileName: string): SourceDocument {
  const stream = ole.streams.get('Workbook');
  if (!stream) {
    if (ole.streams.has('Book')) throw new IngestError(OLD_EXCEL, 'legacy-unreadable');
    throw new IngestError(DAMAGED, 'corrupt');
  }
  const g = readGlobals(stream);
  const notes: string[] = [];
  const blocks: Block[] = [];
  for (const sh of g.sheets) {
    if (sh.hidden || !sh.worksheet) continue;
    if (sh.pos >= stream.length) throw new IngestError(DAMAGED, 'corrupt');
    sheetBlocks(readSheet(stream, sh.pos, g, sh.name, notes), blocks);
  }
  if (blocks.length === 0) notes.push('工作簿中没有内容。');
  else if (!blocks.some((b) => b.kind === 'paragraph' && b.text.length > 60))
    notes.push('Excel 工作簿只含表格，没有报告正文。');
  return { format: 'xls', fileName, blocks, html: renderBlocks(blocks), notes };
}
