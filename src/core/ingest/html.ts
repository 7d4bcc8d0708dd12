/**
 * Saved web pages (.html/.htm) → SourceDocument. Government portals serve UTF-8 or
 * GBK/GB2312 pages; the charset comes from the meta tag when present, else from detection.
 * Page chrome (navigation, breadcrumbs, 字号/打印/分享 bars, scripts) is dropped; the report text
 * and tables are kept (see html-grid.ts).
 */
import type { SourceDocument } from '../model/types';
import { decodeWith, looksBinary } from './encoding';
import { IngestError, LIMITS } from './errors';
import { htmlToBlocks } from './html-grid';

/** Charset declared in the first bytes: <meta charset=…> or http-equiv content="…; charset=…". */
export function sniffCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m?.[1] ?? null;
}

export async function read(bytes: Buffer, fileName: string): Promise<SourceDocument> {
  if (bytes.length === 0) throw new IngestError('文件为空（0 字节），无法读取。', 'empty');
  if (bytes.length > LIMITS.maxTextBytes) {
    throw new IngestError(
      `网页文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），超过 ${LIMITS.maxTextBytes / 1024 / 1024} MB 的上限，不像是一份年度报告。`,
      'too-large',
    );
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw new IngestError(
      '这不是网页文件，而是压缩包或 Office 文档（.docx/.xlsx），请检查文件扩展名。',
      'wrong-format',
    );
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    throw new IngestError(
      '这是 PDF 文件，不是网页，请提供网页、Word 或文本格式的报告。',
      'wrong-format',
    );
  if (looksBinary(bytes))
    throw new IngestError('文件内容是二进制数据，不是网页，请检查文件扩展名。', 'wrong-format');
  const decoded = decodeWith(bytes, sniffCharset(bytes));
  const notes: string[] = [];
  if (decoded.encoding === 'gb18030') notes.push('已按 GBK 编码读取。');
  if (decoded.encoding.startsWith('utf-16')) notes.push('已按 UTF-16 编码读取。');
  return readDecoded(decoded.text, fileName, notes);
}

/** A page already decoded to text (the web-archive reader decodes its HTML part itself). */
export function readDecoded(
  text: string,
  fileName: string,
  leadingNotes: readonly string[] = [],
): SourceDocument {
  const { blocks, html, notes, images } = htmlToBlocks(text, { dropChrome: true });
  const allNotes = [...leadingNotes, ...notes];
  if (blocks.length === 0) allNotes.push('网页中没有找到正文内容。');
  return {
    format: 'html',
    fileName,
    blocks,
    html,
    notes: allNotes,
    ...(images.length ? { images } : {}),
  };
}
