/**
 * Checks an Office Open XML file (.docx/.xlsx) before any library decompresses it: the bytes
 * must be a zip (not an old .doc/.xls, an encrypted document, a PDF or a renamed text file), its
 * central directory must be readable, and the declared sizes must stay within LIMITS so a zip
 * bomb is refused before it is inflated. `readEntry` inflates one entry with a hard output bound,
 * so a directory that lies about sizes cannot make us allocate more than it declared.
 */
import { inflateRawSync } from 'node:zlib';
import { IngestError, LIMITS } from './errors';

export type OfficeKind = 'docx' | 'xlsx';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const KIND_LABEL: Record<OfficeKind, string> = {
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 工作簿（.xlsx）',
};
const MAIN_PART: Record<OfficeKind, string> = {
  docx: 'word/document.xml',
  xlsx: 'xl/workbook.xml',
};
const MAX_ENTRIES = 5000;
/**
 * XML parts that the libraries parse into a DOM (mammoth's xmldom, exceljs' SAX + models) cost
 * far more than inflating them; a real report's body is well under 5 MB, so 30 MB of XML in one
 * part is refused up front rather than parsed for minutes.
 */
const MAX_PARSED_XML_BYTES = 30 * 1024 * 1024;
const PARSED_PART =
  /^(word\/document\.xml|word\/(footnotes|endnotes|comments|styles|numbering)\.xml|xl\/worksheets\/[^/]+\.xml|xl\/sharedStrings\.xml|xl\/styles\.xml)$/;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** An OLE compound file holding "EncryptionInfo"/"EncryptedPackage" is a password-protected OOXML file. */
function isEncryptedOle(bytes: Buffer): boolean {
  const probe = bytes.subarray(0, Math.min(bytes.length, 1024 * 1024));
  return (
    probe.includes(Buffer.from('EncryptedPackage', 'utf16le')) ||
    probe.includes(Buffer.from('EncryptionInfo', 'utf16le'))
  );
}

function looksLikeText(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096);
  let printable = 0;
  for (const b of bytes.subarray(0, n)) {
    if (b === 0) return false;
    if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) printable++;
  }
  return n > 0 && printable / n > 0.95;
}

/** Explains why bytes that are not a zip cannot be read as the given kind. */
function notAZip(bytes: Buffer, kind: OfficeKind): IngestError {
  if (startsWith(bytes, OLE)) {
    if (isEncryptedOle(bytes))
      return new IngestError('文档已加密，请解除密码后再导入。', 'encrypted');
    return kind === 'docx'
      ? new IngestError(
          '这是旧版 Word（.doc）或加密的文档，请另存为 .docx 后再导入。',
          'wrong-format',
        )
      : new IngestError(
          '这是旧版 Excel（.xls）或加密的工作簿，请另存为 .xlsx 后再导入。',
          'wrong-format',
        );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    return new IngestError(
      `这是 PDF 文件，不是 ${KIND_LABEL[kind]}，请提供 Word、Excel、网页或文本格式的报告。`,
      'wrong-format',
    );
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]))
    return new IngestError('这是 RTF 文档，请用 Word 另存为 .docx 后再导入。', 'wrong-format');
  if (looksLikeText(bytes)) {
    const head = bytes.subarray(0, 2048).toString('latin1').toLowerCase();
    if (head.includes('mime-version:') && head.includes('multipart/related')) {
      return new IngestError(
        '这是网页存档（.mht）文件，请用 Word 或浏览器打开后另存为 .docx 或 .html 再导入。',
        'wrong-format',
      );
    }
    if (
      head.startsWith('<?xml') ||
      head.includes('<w:worddocument') ||
      head.includes('<?mso-application')
    ) {
      return new IngestError(
        `文件内容是 XML（如 Word/Excel 2003 XML 格式），不是 ${KIND_LABEL[kind]}，请用 Office 打开后另存为 ${kind === 'docx' ? '.docx' : '.xlsx'} 再导入。`,
        'wrong-format',
      );
    }
    if (head.includes('<html') || head.includes('<!doctype html') || head.includes('<body')) {
      // Word's "save as web page" named .doc/.docx happens often.
      return new IngestError(
        `文件内容是网页（HTML），不是 ${KIND_LABEL[kind]}，请将扩展名改为 .html 后再导入。`,
        'wrong-format',
      );
    }
    return new IngestError(
      `文件内容是纯文本，不是 ${KIND_LABEL[kind]}，请将扩展名改为 .txt 后再导入。`,
      'wrong-format',
    );
  }
  return new IngestError(
    `文件不是有效的 ${KIND_LABEL[kind]}（可能已损坏，或扩展名与内容不符）。`,
    'corrupt',
  );
}

const CORRUPT = (kind: OfficeKind): IngestError =>
  new IngestError(
    `${KIND_LABEL[kind]}已损坏或不完整（压缩目录无法读取），请重新下载或用 Office 打开后另存再导入。`,
    'corrupt',
  );

/** Finds the end-of-central-directory record (it may be followed by a comment of up to 64 KB). */
function findEocd(bytes: Buffer): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x05 &&
      bytes[i + 3] === 0x06
    )
      return i;
  }
  return -1;
}

/** Reads the central directory; throws IngestError for anything malformed. */
export function listEntries(bytes: Buffer, kind: OfficeKind): ZipEntry[] {
  if (bytes.length < 22)
    throw bytes.length === 0
      ? new IngestError('文件为空（0 字节），无法读取。', 'empty')
      : notAZip(bytes, kind);
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) throw notAZip(bytes, kind);
  const eocd = findEocd(bytes);
  if (eocd < 0) throw CORRUPT(kind);
  let count = bytes.readUInt16LE(eocd + 10);
  let cdSize = bytes.readUInt32LE(eocd + 12);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // ZIP64: the real values sit in the zip64 end record named by the locator just before the EOCD.
    const loc = eocd - 20;
    if (loc < 0 || bytes.readUInt32LE(loc) !== 0x07064b50) throw CORRUPT(kind);
    const rec = Number(bytes.readBigUInt64LE(loc + 8));
    if (rec + 56 > bytes.length || bytes.readUInt32LE(rec) !== 0x06064b50) throw CORRUPT(kind);
    count = Number(bytes.readBigUInt64LE(rec + 32));
    cdSize = Number(bytes.readBigUInt64LE(rec + 40));
    cdOffset = Number(bytes.readBigUInt64LE(rec + 48));
  }
  if (count > MAX_ENTRIES)
    throw new IngestError(
      `压缩包中的文件数量异常（${count} 个），不像是正常的 ${KIND_LABEL[kind]}，已拒绝读取。`,
      'too-large',
    );
  if (cdOffset + cdSize > bytes.length) throw CORRUPT(kind);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw CORRUPT(kind);
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    let compressedSize = bytes.readUInt32LE(p + 20);
    let uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    let localHeaderOffset = bytes.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > bytes.length) throw CORRUPT(kind);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extra field (id 1): 64-bit values for the fields saturated above, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = bytes.readUInt16LE(x);
      const size = bytes.readUInt16LE(x + 2);
      if (id === 1) {
        let q = x + 4;
        const take = (): number => {
          if (q + 8 > x + 4 + size) throw CORRUPT(kind);
          const v = Number(bytes.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      x += 4 + size;
    }
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Full pre-flight check of an OOXML file: zip structure, encryption, declared sizes (zip bomb),
 * and that the main part of the expected kind is present. Returns the entries.
 */
export function checkOfficeZip(bytes: Buffer, kind: OfficeKind): ZipEntry[] {
  const entries = listEntries(bytes, kind);
  if (entries.some((e) => e.encrypted))
    throw new IngestError('文档已加密，请解除密码后再导入。', 'encrypted');
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    if (e.uncompressedSize > LIMITS.maxEntryBytes)
      throw bomb(kind, `其中「${e.name}」解压后达 ${mb(e.uncompressedSize)}`);
    if (e.method !== 0 && e.method !== 8)
      throw new IngestError(
        `${KIND_LABEL[kind]}使用了不支持的压缩方式，请用 Office 打开后另存再导入。`,
        'unsupported',
      );
    if (
      e.compressedSize > 0 &&
      e.uncompressedSize > 1024 * 1024 &&
      e.uncompressedSize / e.compressedSize > LIMITS.maxCompressionRatio
    ) {
      throw bomb(
        kind,
        `其中「${e.name}」的压缩比高达 ${Math.round(e.uncompressedSize / e.compressedSize)} 倍`,
      );
    }
    if (PARSED_PART.test(e.name) && e.uncompressedSize > MAX_PARSED_XML_BYTES) {
      throw new IngestError(
        `${KIND_LABEL[kind]}的内容过大（「${e.name}」解压后 ${mb(e.uncompressedSize)}），不像是一份年度报告，已拒绝读取。`,
        'too-large',
      );
    }
    total += e.uncompressedSize;
    compressed += e.compressedSize;
  }
  if (total > LIMITS.maxUnzippedBytes) throw bomb(kind, `解压后共 ${mb(total)}`);
  if (compressed > 0 && total > 1024 * 1024 && total / compressed > LIMITS.maxCompressionRatio) {
    throw bomb(kind, `整体压缩比高达 ${Math.round(total / compressed)} 倍`);
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has(MAIN_PART[kind])) {
    if (kind === 'docx' && names.has('xl/workbook.xml'))
      throw new IngestError(
        '这是 Excel 工作簿（.xlsx），不是 Word 文档，请将扩展名改为 .xlsx 后再导入。',
        'wrong-format',
      );
    if (kind === 'xlsx' && names.has('word/document.xml'))
      throw new IngestError(
        '这是 Word 文档（.docx），不是 Excel 工作簿，请将扩展名改为 .docx 后再导入。',
        'wrong-format',
      );
    if (names.has('ppt/presentation.xml'))
      throw new IngestError(`这是 PowerPoint 演示文稿，不是 ${KIND_LABEL[kind]}。`, 'wrong-format');
    throw new IngestError(
      `压缩包中没有${kind === 'docx' ? ' Word 正文（word/document.xml）' : '工作簿（xl/workbook.xml）'}，不是有效的 ${KIND_LABEL[kind]}。`,
      'wrong-format',
    );
  }
  return entries;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function bomb(kind: OfficeKind, detail: string): IngestError {
  return new IngestError(
    `${KIND_LABEL[kind]}的压缩内容异常（${detail}），疑似“压缩炸弹”，已拒绝读取。`,
    'zip-bomb',
  );
}

/**
 * Inflates one entry, never producing more than its declared size (bounded by LIMITS): a
 * directory that under-declares cannot trick us into a huge allocation.
 */
export function readEntry(bytes: Buffer, entry: ZipEntry, kind: OfficeKind): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) throw CORRUPT(kind);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw CORRUPT(kind);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return Buffer.from(data);
  const limit = Math.min(entry.uncompressedSize, LIMITS.maxEntryBytes);
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
    return out;
  } catch (e) {
    const code: unknown = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
    if (e instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE') {
      throw bomb(kind, `「${entry.name}」解压后超过声明的大小`);
    }
    throw CORRUPT(kind);
  }
}

/** Reads the named entry as UTF-8 text, or null when absent. */
export function readText(
  bytes: Buffer,
  entries: readonly ZipEntry[],
  name: string,
  kind: OfficeKind,
): string | null {
  const e = entries.find((x) => x.name === name);
  return e ? readEntry(bytes, e, kind).toString('utf8') : null;
}
