/**
 * Word 97–2003 documents (.doc) and Kingsoft WPS documents (.wps, the same binary format) →
 * SourceDocument, with a small reader of the Word binary format ([MS-DOC]) on the OLE container.
 *
 * Why our own reader rather than word-extractor: word-extractor returns the body as one string in
 * which cell ends and row ends are both \x07, so a row of an empty cell and a row end cannot be told
 * apart and the three statistics tables lose their grid. The table structure lives in the
 * paragraph properties (PAPX: "in table", "table row end" = TTP, nesting depth) and the row
 * definition (sprmTDefTable: cell boundaries and merge flags), which we read here.
 *
 * What is read: the piece table (CLX in the table stream) gives the main document text in CP
 * order; paragraph properties come from the PAPX FKPs, character properties (hidden text) from
 * the CHPX FKPs. Fields show their result, not their code (\x13 code \x14 result \x15); hidden
 * text is skipped; footnote marks and pictures are not text. Auto-numbering labels come from the
 * list tables (LST/LFO) replayed by numbering.ts; text boxes are read from their own story, after
 * the paragraph holding their anchor. Headers, footers, footnotes and comments are separate
 * stories and are not read, as in the .docx reader. Whitespace and line breaks end up as the
 * .docx path leaves them, so both formats give the same blocks.
 */
import type { Block, SourceDocument } from '../model/types';
import { IngestError, LIMITS } from './errors';
import { expandTable, type RawCell } from './html-grid';
import { renderBlocks } from './render';
import { computeLabels, type NumberingDefs, type ScannedParagraph } from './numbering';
import type { OleFile } from './ole';

const DAMAGED =
  'Word 文档（.doc）内容已损坏或结构异常，无法解析，请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再导入。';

function bad(detail: string): IngestError {
  return new IngestError(`${DAMAGED}（${detail}）`);
}

interface Fib {
  nFib: number;
  encrypted: boolean;
  tableName: '0Table' | '1Table';
  ccpText: number;
  /** Lengths of the stories after the main text, in order: footnotes, headers, macros, comments, endnotes, text boxes. */
  ccpFtn: number;
  ccpHdd: number;
  ccpMcr: number;
  ccpAtn: number;
  ccpEdn: number;
  ccpTxbx: number;
  fcLcb: (index: number) => { fc: number; lcb: number };
}

/** FIB indexes (pairs in FibRgFcLcb97) of the structures we read. */
const FC_PLCF_BTE_CHPX = 12;
const FC_PLCF_BTE_PAPX = 13;
const FC_CLX = 33;
const FC_PLCF_SPA_MOM = 40;
const FC_PLCF_TXBX_TXT = 56;
const FC_PLF_LST = 73;
const FC_PLF_LFO = 74;

export function readFib(word: Buffer): Fib {
  if (word.length < 64 || word.readUInt16LE(0) !== 0xa5ec) throw bad('文件信息块无效');
  const nFib = word.readUInt16LE(2);
  const flags = word.readUInt16LE(0x0a);
  const csw = word.readUInt16LE(32);
  const lwStart = 34 + csw * 2 + 2;
  if (lwStart + 16 > word.length) throw bad('文件信息块过短');
  const cslw = word.readUInt16LE(34 + csw * 2);
  const ccpText = word.readInt32LE(lwStart + 12);
  const fcStart = lwStart + cslw * 4 + 2;
  const cbRgFcLcb = fcStart - 2 + 2 <= word.length ? word.readUInt16LE(fcStart - 2) : 0;
  return {
    nFib,
    encrypted: (flags & 0x0100) !== 0,
    tableName: (flags & 0x0200) !== 0 ? '1Table' : '0Table',
    ccpText,
    ...(() => {
      // FibRgLw97 indexes 4–9; a short FIB (cslw < 10) has no text box story.
      const at = (i: number): number =>
        i < cslw && lwStart + i * 4 + 4 <= word.length
          ? Math.max(0, word.readInt32LE(lwStart + i * 4))
          : 0;
      return {
        ccpFtn: at(4),
        ccpHdd: at(5),
        ccpMcr: at(6),
        ccpAtn: at(7),
        ccpEdn: at(8),
        ccpTxbx: at(9),
      };
    })(),
    fcLcb: (index) => {
      const p = fcStart + index * 8;
      if (index >= cbRgFcLcb || p + 8 > word.length) return { fc: 0, lcb: 0 };
      return { fc: word.readUInt32LE(p), lcb: word.readUInt32LE(p + 4) };
    },
  };
}

/** Pre-Word-97 files (Word 6/95) and files encrypted with a password: told apart before reading. */
export function docProblem(ole: OleFile): string | null {
  const word = ole.streams.get('WordDocument');
  if (!word) return null;
  let fib: Fib;
  try {
    fib = readFib(word);
  } catch {
    return null; // read() reports the damage with its own message
  }
  if (fib.encrypted)
    return '这是设置了打开密码的 Word 文档（.doc/.wps 已加密），无法读取。请在 Word 或 WPS 中取消密码后另存为 .docx 或 PDF 再导入。';
  if (fib.nFib < 101)
    return '这是 Word 6.0/95 或更早版本的文档，格式过旧无法读取。请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再导入。';
  return null;
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

function readPieces(table: Buffer, fc: number, lcb: number): Piece[] {
  if (lcb === 0 || fc + lcb > table.length) throw bad('缺少文本片段表');
  let p = fc;
  const end = fc + lcb;
  while (p < end && table[p] === 0x01) {
    const cb = table.readUInt16LE(p + 1);
    p += 3 + cb;
  }
  if (p >= end || table[p] !== 0x02) throw bad('文本片段表无效');
  const lcbPcd = table.readUInt32LE(p + 1);
  const start = p + 5;
  if (start + lcbPcd > table.length || lcbPcd < 16) throw bad('文本片段表超出范围');
  const n = Math.floor((lcbPcd - 4) / 12);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = table.readInt32LE(start + i * 4);
    const cpEnd = table.readInt32LE(start + (i + 1) * 4);
    const raw = table.readUInt32LE(start + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({ cpStart, cpEnd, fc: compressed ? (raw & 0x3fffffff) / 2 : raw, compressed });
  }
  return pieces;
}

/** Size in bytes of a sprm's operand at p (p points at the 2-byte opcode). */
function operandSize(buf: Buffer, p: number, end: number): { data: number; size: number } {
  const op = buf.readUInt16LE(p);
  switch ((op >> 13) & 7) {
    case 0:
    case 1:
      return { data: p + 2, size: 1 };
    case 2:
    case 4:
    case 5:
      return { data: p + 2, size: 2 };
    case 3:
      return { data: p + 2, size: 4 };
    case 7:
      return { data: p + 2, size: 3 };
    default:
      if (op === 0xd608 || op === 0xd606) {
        // sprmTDefTable: a 2-byte size that counts itself minus one.
        if (p + 4 > end) return { data: end, size: 0 };
        return { data: p + 4, size: Math.max(0, buf.readUInt16LE(p + 2) - 1) };
      }
      if (p + 3 > end) return { data: end, size: 0 };
      return { data: p + 3, size: buf[p + 2] as number };
  }
}

interface Sprm {
  buf: Buffer;
  data: number;
  size: number;
}
type Sprms = Map<number, Sprm>;

function parseSprms(buf: Buffer, start: number, end: number): Sprms {
  const out: Sprms = new Map();
  let p = start;
  while (p + 2 <= end) {
    const op = buf.readUInt16LE(p);
    const o = operandSize(buf, p, end);
    if (o.data + o.size > end) break;
    // Several sprmTVertMerge entries may occur (one per cell): keep them all under distinct keys.
    out.set(op === 0xd62b ? 0xd62b0000 + (buf[o.data + 1] ?? 0) : op, { buf, ...o });
    p = o.data + o.size;
  }
  return out;
}

interface PropRun {
  fcStart: number;
  fcEnd: number;
  sprms: Sprms;
  istd: number;
}

/** Reads the PAPX (para = true) or CHPX FKPs named by a bin table (PlcBte) into runs sorted by FC. */
function readFkps(
  word: Buffer,
  table: Buffer,
  data: Buffer | undefined,
  fc: number,
  lcb: number,
  para: boolean,
): PropRun[] {
  if (lcb < 8 || fc + lcb > table.length) return [];
  const n = Math.floor((lcb - 4) / 8);
  const runs: PropRun[] = [];
  const seenPages = new Set<number>();
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    if (seenPages.has(pn)) continue;
    seenPages.add(pn);
    const off = pn * 512;
    if (off + 512 > word.length) continue;
    const page = word.subarray(off, off + 512);
    const crun = page[511] as number;
    for (let r = 0; r < crun; r++) {
      if (4 * (crun + 1) + (para ? 13 : 1) * (r + 1) > 511) break;
      const fcStart = page.readUInt32LE(r * 4);
      const fcEnd = page.readUInt32LE((r + 1) * 4);
      const bOffset = (para ? page[4 * (crun + 1) + r * 13] : page[4 * (crun + 1) + r]) as number;
      let sprms: Sprms = new Map();
      let istd = 0;
      if (bOffset !== 0) {
        const o = bOffset * 2;
        if (para) {
          const cb = page[o] as number;
          const start = cb === 0 ? o + 2 : o + 1;
          const len = cb === 0 ? 2 * (page[o + 1] as number) : 2 * cb - 1;
          const end = Math.min(511, start + len);
          if (start + 2 <= end) {
            istd = page.readUInt16LE(start);
            sprms = parseSprms(page, start + 2, end);
            // A paragraph whose properties do not fit in the page (a wide table row's definition)
            // keeps them in the Data stream, named by sprmPHugePapx: cbGrpprl (2 bytes) + grpprl.
            const huge = sprms.get(0x6646) ?? sprms.get(0x6645);
            if (huge && huge.size === 4 && data) {
              const at = page.readUInt32LE(huge.data);
              if (at + 2 <= data.length) {
                const cbHuge = data.readUInt16LE(at);
                for (const [k, v] of parseSprms(
                  data,
                  at + 2,
                  Math.min(data.length, at + 2 + cbHuge),
                ))
                  sprms.set(k, v);
              }
            }
          }
        } else {
          const cb = page[o] as number;
          sprms = parseSprms(page, o + 1, Math.min(511, o + 1 + cb));
        }
      }
      runs.push({ fcStart, fcEnd, sprms, istd });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function findRun(runs: readonly PropRun[], fc: number): PropRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid] as PropRun;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}

const byteOf = (run: PropRun | undefined, op: number): number | undefined => {
  const o = run?.sprms.get(op);
  return o && o.size >= 1 ? (o.buf[o.data] as number) : undefined;
};

/** A table row's cell layout from sprmTDefTable, with merge flags (TC80) and sprmTVertMerge. */
interface RowDef {
  /** Cell boundaries in twips: cell i spans [x[i], x[i+1]). */
  x: number[];
  /** Per cell: 0 none, 1 continues the merge above, 3 starts a vertical merge. */
  vMerge: number[];
  /** Per cell: true when merged into the previous cell horizontally (old-style TC80 horzMerge). */
  hMerged: boolean[];
}

function rowDef(run: PropRun | undefined): RowDef | null {
  const def = run?.sprms.get(0xd608);
  if (!run || !def) return null;
  const b = def.buf;
  const n = b[def.data] as number;
  const x: number[] = [];
  const end = def.data + def.size;
  for (let i = 0; i <= n; i++) {
    const p = def.data + 1 + i * 2;
    if (p + 2 > end) return null;
    x.push(b.readInt16LE(p));
  }
  const vMerge: number[] = [];
  const hMerged: boolean[] = [];
  const tcStart = def.data + 1 + (n + 1) * 2;
  for (let i = 0; i < n; i++) {
    const p = tcStart + i * 20;
    const grf = p + 2 <= end ? b.readUInt16LE(p) : 0;
    hMerged.push((grf & 0x3) >= 2);
    vMerge.push((grf >> 5) & 0x3);
  }
  for (let i = 0; i < n; i++) {
    const vm = run.sprms.get(0xd62b0000 + i);
    if (vm && vm.size >= 2) vMerge[i] = vm.buf[vm.data + 1] as number;
  }
  return { x, vMerge, hMerged };
}

interface RawRow {
  cells: string[];
  def: RowDef | null;
}

/** Turns rows of cell texts with their definitions into a grid: columns from all cell boundaries. */
function buildTable(rows: readonly RawRow[]): RawCell[][] {
  const bounds = new Set<number>();
  for (const r of rows)
    if (r.def && r.def.x.length === r.cells.length + 1) for (const x of r.def.x) bounds.add(x);
  // A real table has a few dozen distinct cell edges; beyond that (a crafted file) lay cells out by
  // index, so that placing them stays linear.
  const cols = bounds.size > 256 ? [] : [...bounds].sort((a, b) => a - b);
  // Index of a boundary: nearest known one (widths are written in twips; equal columns line up exactly).
  const colOf = (x: number): number => {
    let best = 0;
    cols.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs((cols[best] as number) - x)) best = i;
    });
    return best;
  };
  type Slot = { text: string; col: number; span: number; v: number };
  const laid: Slot[][] = rows.map((r) => {
    const d = cols.length && r.def && r.def.x.length === r.cells.length + 1 ? r.def : null;
    const out: Slot[] = [];
    r.cells.forEach((text, i) => {
      const col = d ? colOf(d.x[i] as number) : i;
      const span = d ? Math.max(1, colOf(d.x[i + 1] as number) - col) : 1;
      const prev = out[out.length - 1];
      if (d?.hMerged[i] && prev) {
        prev.span = col + span - prev.col;
        if (text.trim()) prev.text = prev.text ? `${prev.text}\n${text}` : text;
        return;
      }
      out.push({ text, col, span, v: d?.vMerge[i] ?? 0 });
    });
    return out;
  });
  // Vertical merges: a continuing cell (1) extends the cell above in the same column.
  const result: RawCell[][] = [];
  const origin = new Map<string, RawCell>();
  laid.forEach((row, r) => {
    const outRow: RawCell[] = [];
    let cursor = 0;
    for (const s of row) {
      if (s.col > cursor) outRow.push({ text: '', rowSpan: 1, colSpan: s.col - cursor }); // gridBefore / gaps
      const above = origin.get(`${r - 1},${s.col},${s.span}`);
      // 1 (and the undefined 2) continue the merge above; 3 starts one.
      if ((s.v === 1 || s.v === 2) && above) {
        above.rowSpan += 1;
        origin.set(`${r},${s.col},${s.span}`, above);
        cursor = s.col + s.span;
        continue;
      }
      const cell: RawCell = { text: s.text, rowSpan: 1, colSpan: s.span };
      if (s.v === 3) origin.set(`${r},${s.col},${s.span}`, cell);
      outRow.push(cell);
      cursor = s.col + s.span;
    }
    result.push(outRow);
  });
  return result;
}

/** Number formats (MSONFC, [MS-DOC] 2.9.158) by the names numbering.ts formats. */
const NFC: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  10: 'ideographDigital',
  11: 'japaneseCounting',
  14: 'decimalFullWidth',
  16: 'japaneseLegal',
  17: 'japaneseDigitalTenThousand',
  18: 'decimalEnclosedCircle',
  19: 'decimalFullWidth2',
  22: 'decimalZero',
  23: 'bullet',
  26: 'decimalEnclosedFullstop',
  27: 'decimalEnclosedParen',
  28: 'decimalEnclosedCircleChinese',
  30: 'ideographTraditional',
  31: 'ideographZodiac',
  33: 'taiwaneseCounting',
  34: 'ideographLegalTraditional',
  35: 'taiwaneseCountingThousand',
  36: 'taiwaneseDigital',
  37: 'chineseCounting',
  38: 'chineseLegalSimplified',
  39: 'chineseCountingThousand',
  255: 'none',
};

/**
 * Word's list definitions (PlfLst with the LVLs after it, and PlfLfo) as numbering.ts' defs, so
 * auto-numbered headings ("一、", "（一）") get their labels as in the .docx reader. Keyed by lsid
 * (abstract list) and by 1-based LFO index (the paragraph's sprmPIlfo). Level overrides of the
 * LFOs are not read. Anything malformed gives no labels rather than an error: numbering is an aid.
 */
function readLists(table: Buffer, fib: Fib): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map() };
  const lst = fib.fcLcb(FC_PLF_LST);
  const lfo = fib.fcLcb(FC_PLF_LFO);
  if (
    lst.lcb < 2 ||
    lst.fc + lst.lcb > table.length ||
    lfo.lcb < 4 ||
    lfo.fc + lfo.lcb > table.length
  )
    return defs;
  try {
    const cLst = table.readUInt16LE(lst.fc);
    let p = lst.fc + lst.lcb;
    for (let i = 0; i < cLst && i < 1000; i++) {
      const at = lst.fc + 2 + i * 28;
      const lsid = table.readInt32LE(at);
      const simple = ((table[at + 26] as number) & 1) === 1;
      const levels = new Map<
        number,
        { numFmt: string; lvlText: string; start: number; isLgl: boolean }
      >();
      for (let l = 0; l < (simple ? 1 : 9); l++) {
        const start = table.readInt32LE(p);
        const nfc = table[p + 4] as number;
        const legal = ((table[p + 5] as number) & 0x04) !== 0;
        const cbChpx = table[p + 24] as number;
        const cbPapx = table[p + 25] as number;
        p += 28 + cbPapx + cbChpx;
        const cch = table.readUInt16LE(p);
        let text = '';
        for (let k = 0; k < cch; k++) {
          const c = table.readUInt16LE(p + 2 + k * 2);
          // Characters 0–8 are placeholders for the number of that level.
          text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
        }
        p += 2 + cch * 2;
        levels.set(l, { numFmt: NFC[nfc] ?? 'decimal', lvlText: text, start, isLgl: legal });
      }
      defs.abstracts.set(String(lsid), levels);
    }
    const lfoMac = table.readInt32LE(lfo.fc);
    for (let i = 0; i < lfoMac && i < 10_000 && lfo.fc + 4 + (i + 1) * 16 <= table.length; i++) {
      defs.nums.set(String(i + 1), {
        abstractId: String(table.readInt32LE(lfo.fc + 4 + i * 16)),
        starts: new Map(),
      });
    }
  } catch {
    return { abstracts: new Map(), nums: new Map() };
  }
  return defs;
}

const cp1252 = new TextDecoder('windows-1252');

/** Characters of a CP range through the piece table (for stories other than the main text). */
function textOf(word: Buffer, pieces: readonly Piece[], cp0: number, cp1: number): string {
  let out = '';
  for (const pc of pieces) {
    const a = Math.max(cp0, pc.cpStart);
    const b = Math.min(cp1, pc.cpEnd);
    if (b <= a) continue;
    const width = pc.compressed ? 1 : 2;
    const from = pc.fc + (a - pc.cpStart) * width;
    const to = from + (b - a) * width;
    if (to > word.length) return out;
    const bytes = word.subarray(from, to);
    out += pc.compressed ? cp1252.decode(bytes) : bytes.toString('utf16le');
  }
  return out;
}

/** Displayed lines of a story's text: field codes dropped, results kept, control characters out. */
function storyLines(text: string): string[] {
  let out = '';
  const fields: boolean[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 0x13) fields.push(false);
    else if (c === 0x14) {
      if (fields.length) fields[fields.length - 1] = true;
    } else if (c === 0x15) fields.pop();
    else if (!fields.every((f) => f)) continue;
    else if (c === 0x0d || c === 0x07 || c === 0x0b || c === 0x0c) out += '\n';
    else if (c === 0x1e) out += '-';
    else if (c >= 0x20 || c === 0x09) out += ch;
  }
  return lines(out);
}

/**
 * Text boxes: their text lives in a story of its own after the main text; each box (PlcftxbxTxt,
 * identified by the shape id) is anchored in the main text by a shape (PlcSpaMom: anchor CP and
 * shape id). Returns each anchor CP with the lines of its box, which are read after the paragraph
 * holding the anchor, as the .docx reader reads a text box (mammoth's "extra" paragraphs).
 */
function readTextBoxes(
  word: Buffer,
  table: Buffer,
  fib: Fib,
  pieces: readonly Piece[],
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (fib.ccpTxbx <= 0) return out;
  const spa = fib.fcLcb(FC_PLCF_SPA_MOM);
  const txbx = fib.fcLcb(FC_PLCF_TXBX_TXT);
  if (
    spa.lcb < 4 + 26 ||
    spa.fc + spa.lcb > table.length ||
    txbx.lcb < 4 + 22 ||
    txbx.fc + txbx.lcb > table.length
  )
    return out;
  const nSpa = Math.floor((spa.lcb - 4) / 30);
  const anchorOf = new Map<number, number>();
  for (let i = 0; i < nSpa; i++)
    anchorOf.set(
      table.readInt32LE(spa.fc + (nSpa + 1) * 4 + i * 26),
      table.readInt32LE(spa.fc + i * 4),
    );
  const start = fib.ccpText + fib.ccpFtn + fib.ccpHdd + fib.ccpMcr + fib.ccpAtn + fib.ccpEdn;
  const n = Math.floor((txbx.lcb - 4) / 26);
  for (let i = 0; i < n; i++) {
    const cp0 = table.readInt32LE(txbx.fc + i * 4);
    const cp1 = table.readInt32LE(txbx.fc + (i + 1) * 4);
    const lid = table.readInt32LE(txbx.fc + (n + 1) * 4 + i * 22 + 14);
    const anchor = anchorOf.get(lid);
    if (anchor === undefined || cp1 <= cp0 || cp0 < 0 || cp1 > fib.ccpTxbx) continue;
    const text = storyLines(textOf(word, pieces, start + cp0, start + cp1));
    if (text.length) out.set(anchor, [...(out.get(anchor) ?? []), ...text]);
  }
  return out;
}

/**
 * Whitespace as the .docx path leaves it (html-grid: runs of spaces, tabs and NBSP collapse to one
 * space, zero-width characters go, ends are trimmed incl. the ideographic space), so that a report
 * reads the same from .doc and .docx.
 */
function tidy(line: string): string {
  return line
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[ \t\n\r\f\u00a0]+/g, ' ')
    .replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

/** Lines of a paragraph or cell (line breaks and paragraph marks), tidied, empty ones dropped. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map(tidy)
    .filter((l) => l !== '');
}

export function read(ole: OleFile, fileName: string): SourceDocument {
  const word = ole.streams.get('WordDocument');
  if (!word) throw bad('缺少 WordDocument 数据流');
  const problem = docProblem(ole);
  if (problem) throw new IngestError(problem);
  const fib = readFib(word);
  const table = ole.streams.get(fib.tableName);
  if (!table) throw bad(`缺少 ${fib.tableName} 数据流`);
  const clx = fib.fcLcb(FC_CLX);
  const pieces = readPieces(table, clx.fc, clx.lcb);
  const bte = fib.fcLcb(FC_PLCF_BTE_PAPX);
  const data = ole.streams.get('Data');
  const papx = readFkps(word, table, data, bte.fc, bte.lcb, true);
  const bteC = fib.fcLcb(FC_PLCF_BTE_CHPX);
  const chpx = readFkps(word, table, data, bteC.fc, bteC.lcb, false);
  const ccpText = Math.max(0, fib.ccpText);

  // Main-document characters in CP order, each with its file offset (for property lookup).
  const chars: string[] = [];
  const fcs: number[] = [];
  for (const pc of pieces) {
    if (pc.cpStart >= ccpText) break;
    const end = Math.min(pc.cpEnd, ccpText);
    const count = end - pc.cpStart;
    if (count <= 0) continue;
    const width = pc.compressed ? 1 : 2;
    if (pc.fc + count * width > word.length) throw bad('文本片段超出文件');
    const bytes = word.subarray(pc.fc, pc.fc + count * width);
    const text = pc.compressed ? cp1252.decode(bytes) : bytes.toString('utf16le');
    for (let i = 0; i < count; i++) {
      chars.push(text[i] ?? '');
      fcs.push(pc.fc + i * width);
    }
    if (chars.length > LIMITS.maxTextBytes)
      throw new IngestError('Word 文档的正文过长，不像是一份年度报告，已拒绝读取。');
  }

  const blocks: Block[] = [];
  const notes: string[] = [];
  const images: number[] = [];
  // Every paragraph's list membership, in order (counters run through table paragraphs too), and
  // which of them became paragraph blocks, for the numbering labels computed at the end.
  const lists = readLists(table, fib);
  const scanned: ScannedParagraph[] = [];
  const labelled = new Map<number, number>();
  const boxes = readTextBoxes(word, table, fib, pieces);
  let boxLines: string[] = [];
  let para = '';
  let cell = '';
  let rowCells: string[] = [];
  let rows: RawRow[] = [];
  const fields: boolean[] = []; // per open field: true once past the separator (showing the result)
  const showing = (): boolean => fields.every((f) => f);
  let truncated = false;

  const pushBlock = (b: Block): void => {
    if (blocks.length < LIMITS.maxBlocks) blocks.push(b);
    else truncated = true;
  };
  const flushTable = (): void => {
    if (rows.length === 0) return;
    const { rows: grid, truncated: cut } = expandTable(buildTable(rows));
    if (cut) notes.push('表格过大，已截断。');
    if (grid.length > 0) pushBlock({ kind: 'table', layout: 'grid', rows: grid });
    rows = [];
  };
  const endParagraph = (run: PropRun | undefined, inTable: boolean): void => {
    const text = para;
    para = '';
    const ilfo = run?.sprms.get(0x460b);
    const ilfoValue = ilfo && ilfo.size === 2 ? ilfo.buf.readInt16LE(ilfo.data) : 0;
    const ilvl = byteOf(run, 0x260a);
    if (lists.nums.size && scanned.length < LIMITS.maxBlocks * 2) {
      scanned.push({
        text: '',
        ...(ilfoValue > 0 ? { numId: String(ilfoValue) } : {}),
        ...(ilvl !== undefined ? { ilvl } : {}),
      });
    }
    if (inTable) {
      const withBoxes = boxLines.length ? [text, ...boxLines].join('\n') : text;
      boxLines = [];
      cell = cell ? `${cell}\n${withBoxes}` : withBoxes;
      return;
    }
    flushTable();
    const istd = run?.istd ?? 0;
    const outline = byteOf(run, 0x2640);
    const level =
      istd >= 1 && istd <= 9
        ? istd
        : outline !== undefined && outline < 9
          ? outline + 1
          : undefined;
    // A manual line break starts a new paragraph block, as <br> does on the .docx path.
    lines(text).forEach((line, i) => {
      if (i === 0 && ilfoValue > 0 && blocks.length < LIMITS.maxBlocks)
        labelled.set(blocks.length, scanned.length - 1);
      pushBlock(
        level
          ? { kind: 'paragraph', text: line, headingLevel: level }
          : { kind: 'paragraph', text: line },
      );
    });
    for (const line of boxLines) pushBlock({ kind: 'paragraph', text: line });
    boxLines = [];
  };

  for (let cp = 0; cp < chars.length; cp++) {
    const ch = chars[cp] as string;
    const code = ch.charCodeAt(0);
    const box = boxes.get(cp);
    if (box) boxLines.push(...box);
    if (code === 0x13) {
      fields.push(false);
      continue;
    }
    if (code === 0x14) {
      if (fields.length) fields[fields.length - 1] = true;
      continue;
    }
    if (code === 0x15) {
      fields.pop();
      continue;
    }
    const fc = fcs[cp] as number;
    if (code === 0x0d || code === 0x07 || code === 0x0c) {
      const run = findRun(papx, fc);
      const itapSprm = run?.sprms.get(0x6649);
      const itap =
        itapSprm && itapSprm.size === 4 ? itapSprm.buf.readInt32LE(itapSprm.data) : undefined;
      const inTable = byteOf(run, 0x2416) === 1 || (itap ?? 0) >= 1;
      const depth = itap ?? (inTable ? 1 : 0);
      if (code === 0x0c && !inTable) {
        endParagraph(run, false); // page or section break: ends the paragraph
        continue;
      }
      if (depth >= 2) {
        // Nested table: its cell and row ends (paragraph marks with fInnerTableCell/fInnerTtp)
        // become line breaks in the outer cell's text.
        endParagraph(run, true);
        continue;
      }
      if (code === 0x07 && inTable) {
        const ttp = byteOf(run, 0x2417) === 1;
        if (ttp) {
          endParagraph(run, true);
          rows.push({ cells: rowCells, def: rowDef(run) });
          rowCells = [];
          cell = '';
          para = '';
          continue;
        }
        endParagraph(run, true);
        rowCells.push(lines(cell).join('\n'));
        cell = '';
        continue;
      }
      endParagraph(run, inTable && code !== 0x0c);
      continue;
    }
    if (!showing()) continue;
    if (chpx.length) {
      const c = findRun(chpx, fc);
      const vanish = byteOf(c, 0x083c);
      // Hidden text (sprmCFVanish = 1, or 0x81: opposite of a style that is not hidden) is not shown.
      if (vanish === 1 || vanish === 0x81) continue;
    }
    if (code === 0x09) para += '\t';
    else if (code === 0x0b) para += '\n';
    else if (code === 0x1e)
      para += '-'; // non-breaking hyphen: shows as a dash
    else if (code === 0x1f)
      continue; // optional hyphen: shows nothing mid-line
    else if (code === 0x01 || code === 0x08) {
      // An inline picture or a drawn object: not text, but where it stands matters (table-as-image).
      if (!rows.length && !rowCells.length && images[images.length - 1] !== blocks.length)
        images.push(blocks.length);
    } else if (code < 0x20)
      continue; // note references, annotation marks
    else para += ch;
  }
  if (tidy(para)) endParagraph(undefined, false);
  if (rowCells.length) rows.push({ cells: rowCells, def: null });
  flushTable();
  if (labelled.size) {
    const labels = computeLabels(scanned, lists, new Map());
    let any = false;
    for (const [block, i] of labelled) {
      const b = blocks[block];
      const l = labels[i];
      if (b?.kind !== 'paragraph' || !l) continue;
      if (l.label) {
        b.numberingLabel = l.label;
        any = true;
      }
      if (l.level !== undefined) b.listLevel = l.level;
    }
    if (any) notes.push('已根据 Word 自动编号恢复标题编号（如“一、”）。');
  }
  if (truncated) notes.push(`文档内容过多，仅读取了前 ${LIMITS.maxBlocks} 段。`);
  if (blocks.length === 0) notes.push('文档中没有文字内容。');
  return {
    format: 'doc',
    fileName,
    blocks,
    html: renderBlocks(blocks),
    notes,
    ...(images.length ? { images } : {}),
  };
}
