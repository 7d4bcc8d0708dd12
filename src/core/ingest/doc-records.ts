/**
 * The records of the Word binary format ([MS-DOC]) that the .doc reader uses: the FIB (where
 * everything is), the piece table (CLX: which bytes hold which characters), property runs of the
 * PAPX/CHPX FKPs with their sprms, and the text of a CP range. See doc.ts for what is read and why.
 */
import { at } from '../model/checked';
import { IngestError } from './errors';
import type { OleFile } from './ole';

const DAMAGED =
  'Word 文档（.doc）内容已损坏或结构异常，无法解析，请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再导入。';

export function bad(detail: string): IngestError {
  return new IngestError(`${DAMAGED}（${detail}）`, 'corrupt');
}

export interface Fib {
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
export const FC_PLCF_BTE_CHPX = 12;
export const FC_PLCF_BTE_PAPX = 13;
export const FC_CLX = 33;
export const FC_PLCF_SPA_MOM = 40;
export const FC_PLCF_TXBX_TXT = 56;
export const FC_PLF_LST = 73;
export const FC_PLF_LFO = 74;

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
export function docProblem(ole: OleFile): IngestError | null {
  const word = ole.streams.get('WordDocument');
  if (!word) return null;
  let fib: Fib;
  try {
    fib = readFib(word);
  } catch {
    return null; // read() reports the damage with its own message
  }
  if (fib.encrypted)
    return new IngestError(
      '这是设置了打开密码的 Word 文档（.doc/.wps 已加密），无法读取。请在 Word 或 WPS 中取消密码后另存为 .docx 或 PDF 再导入。',
      'encrypted',
    );
  if (fib.nFib < 101)
    return new IngestError(
      '这是 Word 6.0/95 或更早版本的文档，格式过旧无法读取。请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再导入。',
      'legacy-unreadable',
    );
  return null;
}

export interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

export function readPieces(table: Buffer, fc: number, lcb: number): Piece[] {
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
      return { data: p + 3, size: buf.readUInt8(p + 2) };
  }
}

export interface Sprm {
  buf: Buffer;
  data: number;
  size: number;
}
export type Sprms = Map<number, Sprm>;

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

export interface PropRun {
  fcStart: number;
  fcEnd: number;
  sprms: Sprms;
  istd: number;
}

/** Reads the PAPX (para = true) or CHPX FKPs named by a bin table (PlcBte) into runs sorted by FC. */
export function readFkps(
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
    const crun = page.readUInt8(511);
    for (let r = 0; r < crun; r++) {
      if (4 * (crun + 1) + (para ? 13 : 1) * (r + 1) > 511) break;
      const fcStart = page.readUInt32LE(r * 4);
      const fcEnd = page.readUInt32LE((r + 1) * 4);
      const bOffset = page.readUInt8(4 * (crun + 1) + (para ? r * 13 : r));
      let sprms: Sprms = new Map();
      let istd = 0;
      if (bOffset !== 0) {
        const o = bOffset * 2;
        if (para) {
          const cb = page.readUInt8(o);
          const start = cb === 0 ? o + 2 : o + 1;
          const len = cb === 0 ? 2 * page.readUInt8(o + 1) : 2 * cb - 1;
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
          const cb = page.readUInt8(o);
          sprms = parseSprms(page, o + 1, Math.min(511, o + 1 + cb));
        }
      }
      runs.push({ fcStart, fcEnd, sprms, istd });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

export function findRun(runs: readonly PropRun[], fc: number): PropRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = at(runs, mid);
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}

export const byteOf = (run: PropRun | undefined, op: number): number | undefined => {
  const o = run?.sprms.get(op);
  return o && o.size >= 1 ? o.buf.readUInt8(o.data) : undefined;
};

export const cp1252 = new TextDecoder('windows-1252');

/** Characters of a CP range through the piece table (for stories other than the main text). */
export function textOf(word: Buffer, pieces: readonly Piece[], cp0: number, cp1: number): string {
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
