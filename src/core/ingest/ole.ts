/**
 * OLE compound files (the container of .doc, .wps, .xls, .et and of password-protected
 * .docx/.xlsx): a structural check of our own, then `cfb` to read the streams, then a
 * classification by the streams inside.
 *
 * Why a check before cfb: cfb 1.2.2 follows a stream's FAT chain without remembering the sectors
 * it has visited (get_sector_list), so a crafted chain that loops back makes it allocate until the
 * process dies; it also silently returns short streams when a size points beyond the file. We walk
 * every chain once ourselves, bounded, and refuse the file with a Chinese message before cfb sees it.
 */
import * as CFB from 'cfb';
import { IngestError } from './errors';
import { at } from '../model/checked';

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function isOle(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

const DAMAGED =
  '文件已损坏（OLE 复合文档结构异常），无法读取。请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再导入。';
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAX_REGSECT = 0xfffffffa;
/** A directory of a real report holds a few dozen entries; this bounds the directory walk. */
const MAX_DIR_ENTRIES = 10_000;

function damaged(detail: string): IngestError {
  // The detail helps whoever reads a bug report; the user sees a plain sentence first.
  return new IngestError(`${DAMAGED}（${detail}）`, 'corrupt');
}

/** Follows a chain in a sector allocation table; refuses loops, out-of-range links and overlong chains. */
function chain(table: Uint32Array, start: number, limit: number, what: string): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  let s = start;
  while (s !== ENDOFCHAIN) {
    if (s > MAX_REGSECT || s >= table.length) throw damaged(`${what}的扇区链指向文件之外`);
    if (seen.has(s)) throw damaged(`${what}的扇区链出现循环`);
    seen.add(s);
    out.push(s);
    if (out.length > limit) throw damaged(`${what}的扇区链过长`);
    s = at(table, s);
  }
  return out;
}

/**
 * Validates the compound file's structure: header, FAT, directory chain, and for every stream
 * that its chain has no loop and covers the declared size.
 */
export function checkOle(bytes: Buffer): void {
  if (bytes.length < 512 || !isOle(bytes)) throw damaged('文件头无效或文件过短');
  const major = bytes.readUInt16LE(26);
  const shift = bytes.readUInt16LE(30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)))
    throw damaged('版本或扇区大小无效');
  const ssz = 1 << shift;
  const miniShift = bytes.readUInt16LE(32);
  if (miniShift !== 6) throw damaged('短扇区大小无效');
  const nSectors = Math.floor((bytes.length - ssz + ssz - 1) / ssz);
  const sectorOffset = (s: number): number => (s + 1) * ssz;
  const nFat = bytes.readUInt32LE(44);
  const dirStart = bytes.readUInt32LE(48);
  const miniCutoff = bytes.readUInt32LE(56);
  const miniFatStart = bytes.readUInt32LE(60);
  const nMiniFat = bytes.readUInt32LE(64);
  let difat = bytes.readUInt32LE(68);
  const nDifat = bytes.readUInt32LE(72);
  if (nFat > nSectors || nDifat > nSectors || nMiniFat > nSectors)
    throw damaged('分配表的扇区数超出文件大小');
  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < nFat; i++)
    fatSectors.push(bytes.readUInt32LE(76 + i * 4));
  const seenDifat = new Set<number>();
  while (fatSectors.length < nFat) {
    if (difat > MAX_REGSECT || difat >= nSectors || seenDifat.has(difat))
      throw damaged('DIFAT 扇区链无效');
    seenDifat.add(difat);
    const off = sectorOffset(difat);
    for (let i = 0; i < ssz / 4 - 1 && fatSectors.length < nFat; i++)
      fatSectors.push(bytes.readUInt32LE(off + i * 4));
    difat = bytes.readUInt32LE(off + ssz - 4);
  }
  const fat = new Uint32Array((fatSectors.length * ssz) / 4);
  fatSectors.forEach((s, i) => {
    if (s > MAX_REGSECT || s >= nSectors) throw damaged('FAT 扇区位置超出文件');
    const off = sectorOffset(s);
    for (let j = 0; j < ssz / 4; j++)
      fat[i * (ssz / 4) + j] =
        off + j * 4 + 4 <= bytes.length ? bytes.readUInt32LE(off + j * 4) : FREESECT;
  });
  const dir = chain(fat, dirStart, nSectors, '目录');
  const entryCount = Math.min(MAX_DIR_ENTRIES, (dir.length * ssz) / 128);
  const miniFatChain =
    miniFatStart === ENDOFCHAIN ? [] : chain(fat, miniFatStart, nSectors, '短扇区分配表');
  const miniFat = new Uint32Array((miniFatChain.length * ssz) / 4);
  miniFatChain.forEach((s, i) => {
    const off = sectorOffset(s);
    for (let j = 0; j < ssz / 4; j++)
      miniFat[i * (ssz / 4) + j] =
        off + j * 4 + 4 <= bytes.length ? bytes.readUInt32LE(off + j * 4) : FREESECT;
  });
  let rootStart = ENDOFCHAIN;
  let rootSize = 0;
  for (let i = 0; i < entryCount; i++) {
    const s = at(dir, Math.floor((i * 128) / ssz));
    const off = sectorOffset(s) + ((i * 128) % ssz);
    if (off + 128 > bytes.length) throw damaged('目录项超出文件');
    const type = bytes[off + 66];
    const start = bytes.readUInt32LE(off + 116);
    const size =
      major === 3 ? bytes.readUInt32LE(off + 120) : Number(bytes.readBigUInt64LE(off + 120));
    if (type === 5) {
      rootStart = start;
      rootSize = size;
      if (start !== ENDOFCHAIN) {
        const n = chain(fat, start, nSectors, '短扇区数据').length;
        if (n * ssz < size) throw damaged('短扇区数据的大小超出文件');
      }
    } else if (type === 2) {
      if (size > bytes.length * 64) throw damaged('数据流的大小超出文件');
      if (size === 0) continue;
      if (size < miniCutoff) {
        const n = chain(miniFat, start, Math.ceil(rootSize / 64) + 1, '短数据流').length;
        if (n * 64 < size) throw damaged('数据流的大小超出文件');
      } else {
        const n = chain(fat, start, nSectors, '数据流').length;
        if (n * ssz < size) throw damaged('数据流的大小超出文件');
      }
    }
  }
  if (rootStart === ENDOFCHAIN && rootSize > 0) throw damaged('根目录项无效');
}

export interface OleFile {
  /** Top-level streams by name (storages are listed with their full path, e.g. "Macros/VBA"). */
  streams: Map<string, Buffer>;
}

/** Opens a compound file after checkOle; any error of the library becomes the Chinese message. */
export function openOle(bytes: Buffer): OleFile {
  checkOle(bytes);
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw new IngestError(DAMAGED, 'corrupt');
  }
  const streams = new Map<string, Buffer>();
  container.FileIndex.forEach((e, i) => {
    if (e.type !== 2 || !e.content) return;
    const full = container.FullPaths[i] ?? e.name;
    const rel = full.slice(full.indexOf('/') + 1);
    streams.set(
      rel,
      e.content instanceof Uint8Array ? Buffer.from(e.content) : Buffer.from(e.content),
    );
  });
  return { streams };
}

/** What an OLE compound file holds, judged by its streams. */
export type OleKind =
  | { kind: 'doc' }
  | { kind: 'xls' }
  | { kind: 'encrypted-ooxml' }
  | { kind: 'old-excel' }
  | { kind: 'works' }
  | { kind: 'old-wps' }
  | { kind: 'powerpoint' }
  | { kind: 'other' };

export function classifyOle(ole: OleFile): OleKind {
  const has = (n: string): boolean => ole.streams.has(n);
  if (has('EncryptedPackage') || has('EncryptionInfo')) return { kind: 'encrypted-ooxml' };
  if (has('WordDocument')) return { kind: 'doc' };
  if (has('Workbook')) return { kind: 'xls' };
  if (has('Book')) return { kind: 'old-excel' };
  if (has('PowerPoint Document')) return { kind: 'powerpoint' };
  // Microsoft Works word processor files: a CONTENTS stream with MatOST/SPELLING beside it.
  if (has('MatOST') || (has('CONTENTS') && has('SPELLING'))) return { kind: 'works' };
  // Kingsoft WPS 2000 and earlier kept their own streams in the compound file ("WpsContent", "WPS…").
  for (const name of ole.streams.keys()) if (/^wps/i.test(name)) return { kind: 'old-wps' };
  return { kind: 'other' };
}
