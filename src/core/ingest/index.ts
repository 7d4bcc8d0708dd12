/**
 * Reads one file into a SourceDocument, dispatching on the extension and guarding sizes.
 * Every reader exports `read(bytes, fileName): Promise<SourceDocument>` and throws IngestError
 * with a Chinese message for input it cannot read.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SourceDocument, SourceFormat } from '../model/types';
import { IngestError, LIMITS } from './errors';
import * as docx from './docx';
import * as xlsx from './xlsx';
import * as html from './html';
import * as txt from './txt';
import * as pdf from './pdf';

export const READABLE_EXTENSIONS: Record<string, SourceFormat> = {
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'txt',
  '.md': 'md',
  '.pdf': 'pdf',
};

export function formatOf(path: string): SourceFormat | null {
  return READABLE_EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads bytes already in memory (the desktop app and tests use this). */
export async function readBytes(bytes: Buffer, fileName: string): Promise<SourceDocument> {
  const format = formatOf(fileName);
  if (!format) throw new IngestError(`不支持的文件类型「${extname(fileName) || '无扩展名'}」，请提供 .docx、.xlsx、.pdf、.html、.txt 或 .md 文件。`);
  if (bytes.length === 0) throw new IngestError('文件为空（0 字节），无法读取。');
  if (bytes.length > LIMITS.maxFileBytes) throw new IngestError(`文件过大（${mb(bytes.length)}），超过单个报告 ${mb(LIMITS.maxFileBytes)} 的上限。`);
  const name = basename(fileName);
  switch (format) {
    case 'docx':
      return docx.read(bytes, name);
    case 'xlsx':
      return xlsx.read(bytes, name);
    case 'html':
      return html.read(bytes, name);
    case 'txt':
    case 'md':
      return txt.read(bytes, name, format);
    case 'pdf':
      return pdf.read(bytes, name);
  }
}

export async function readPath(path: string): Promise<SourceDocument> {
  const info = await stat(path);
  if (!info.isFile()) throw new IngestError('不是文件，无法读取。');
  if (info.size === 0) throw new IngestError('文件为空（0 字节），无法读取。');
  if (info.size > LIMITS.maxFileBytes) throw new IngestError(`文件过大（${mb(info.size)}），超过单个报告 ${mb(LIMITS.maxFileBytes)} 的上限。`);
  return readBytes(await readFile(path), path);
}
