/**
 * Reads one file into a SourceDocument. The reader is chosen by the file's content (first bytes,
 * then inner structure: the parts of a zip, the streams of an OLE compound file), never by its
 * name alone: offices send .docx files that are really .doc, .doc files that are RTF or HTML,
 * .xls files that are web pages exported by a portal. The extension is a hint, used to decide
 * which files a folder walk considers and to word messages; where name and content disagree the
 * content wins and a note says so (the 审查 screen shows notes).
 *
 * Every reader throws IngestError with a Chinese message for input it cannot read.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SourceDocument, SourceFormat } from '../model/types';
import { IngestError, LIMITS, type IngestErrorCode } from './errors';
import { looksBinary } from './encoding';
import { classifyOle, isOle, openOle } from './ole';
import { listEntries } from './zip-guard';

// Each reader (and its library: mammoth, exceljs, pdf.js, htmlparser2) loads on first use, so a
// process that never reads a file — the command line's main thread while its reader threads
// work — starts without them.
const readers = {
  doc: () => import('./doc'),
  docx: () => import('./docx'),
  html: () => import('./html'),
  mht: () => import('./mht'),
  txt: () => import('./txt'),
  xls: () => import('./xls'),
  xlsx: () => import('./xlsx'),
  pdf: () => import('./pdf'),
};

/** Extensions a folder walk considers, and the format each one normally holds. */
export const READABLE_EXTENSIONS: Record<string, SourceFormat> = {
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'txt',
  '.md': 'md',
  '.doc': 'doc',
  '.wps': 'doc', // Kingsoft WPS: the Word binary format under another name
  '.xls': 'xls',
  '.et': 'xls', // Kingsoft spreadsheets: BIFF8 under another name
  '.mht': 'mht',
  '.mhtml': 'mht',
  '.pdf': 'pdf',
};

/** The format the extension suggests (null: not a kind of file the auditor reads). */
export function formatOf(path: string): SourceFormat | null {
  return READABLE_EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

/** Why a file of another kind was skipped, and what to do; built from the list above so it stays true. */
export function unsupportedFileMessage(): string {
  return `不是可审查的文件类型（可审查 ${Object.keys(READABLE_EXTENSIONS).join('、')}）；如是年度报告，请另存为 .docx 后再审查。`;
}
const FORMAT_LABEL: Record<SourceFormat, string> = {
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 工作簿（.xlsx）',
  html: '网页（HTML）',
  txt: '纯文本',
  md: '纯文本',
  doc: '旧版 Word 文档（.doc）',
  xls: '旧版 Excel 工作簿（.xls）',
  mht: '网页存档（.mht）',
  pdf: 'PDF 文件',
};

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  sig.every((b, i) => bytes[i] === b);

/** The first bytes as lower-case text (after a UTF-8 BOM), for recognising text formats. */
function head(bytes: Buffer): string {
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return bytes
    .subarray(start, start + 4096)
    .toString('latin1')
    .toLowerCase();
}

function isMht(h: string): boolean {
  // A MIME message: header lines first, MIME-Version among them, HTML or multipart content.
  return (
    /^(?:[a-z-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*mime-version:/.test(h.trimStart()) &&
    /content-type:\s*(multipart\/|text\/html)/.test(h)
  );
}

function isHtml(h: string, strict: boolean): boolean {
  const t = h.trimStart();
  if (/^<(!doctype html|html|\?xml[^>]*>\s*<html)/.test(t)) return true;
  return !strict && t.startsWith('<') && /<(html|body|table)[\s>]/.test(t);
}

/** 'doc' stands for any OLE compound file: readOle tells Word, Excel and the rest apart. */
type Reader = 'docx' | 'xlsx' | 'doc' | 'xls' | 'html' | 'mht' | 'txt' | 'pdf';

/** Unreadable kinds found inside a name we read: each its message, naming the format. */
function refuse(message: string, code: IngestErrorCode): never {
  throw new IngestError(message, code);
}

const ASK = '请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再导入。';

/** Decides the reader from the content; `hint` is the format the extension suggests. */
function sniff(bytes: Buffer, hint: SourceFormat): Reader {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // A zip: Word or Excel by its parts. Anything else goes to the reader the name suggests
    // (it explains what the zip is), or to the docx reader for other names.
    const kind = hint === 'xlsx' || hint === 'xls' ? 'xlsx' : 'docx';
    const names = new Set(listEntries(bytes, kind).map((e) => e.name));
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    return kind;
  }
  if (isOle(bytes)) return 'doc'; // refined by the caller from the streams (see readOle)
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    refuse(
      `这是 RTF 格式的文档${hint === 'doc' ? '（虽然扩展名是 .doc）' : ''}，无法直接读取。${ASK}`,
      'unsupported',
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (looksBinary(bytes)) {
    if (hint === 'doc')
      refuse(
        `文件不是可识别的 Word 文档，可能是早期 WPS 或 Microsoft Works 等旧格式，无法读取。${ASK}`,
        'legacy-unreadable',
      );
    if (hint === 'xls')
      refuse(
        '文件不是可识别的 Excel 工作簿，可能是旧格式或已损坏，无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。',
        'legacy-unreadable',
      );
    // The text readers and the zip check word their own message for binary bytes.
    // A PDF may carry bytes before its header; pdf.js finds it, or says it is no PDF.
    if (hint === 'pdf') return 'pdf';
    return hint === 'txt' || hint === 'md'
      ? 'txt'
      : hint === 'html' || hint === 'mht'
        ? 'html'
        : hint === 'xlsx'
          ? 'xlsx'
          : 'docx';
  }
  const h = head(bytes);
  if (isMht(h)) return 'mht';
  if (h.trimStart().startsWith('<?xml') && !isHtml(h, true)) {
    // Word/Excel 2003 XML: the OOXML readers explain it.
    return hint === 'xlsx' || hint === 'xls' ? 'xlsx' : 'docx';
  }
  // A page named .html/.mht is read as a page even when it starts mid-markup; a .txt/.md is a
  // page only when it plainly begins as one (a report may quote a tag in its text).
  if (hint === 'html' || hint === 'mht') return 'html';
  if (isHtml(h, hint === 'txt' || hint === 'md')) return 'html';
  if (hint === 'txt' || hint === 'md') return 'txt';
  if (hint === 'pdf') return 'pdf'; // the PDF reader says it is no PDF
  // Plain text under an Office name is far more often a broken or placeholder file than a report
  // typed in Notepad: say what it is instead of auditing it as a report full of missing sections.
  if (hint === 'doc')
    refuse(
      '文件内容是纯文本，不是 Word 文档（.doc），请将扩展名改为 .txt 后再导入。',
      'wrong-format',
    );
  if (hint === 'xls')
    refuse(
      '文件内容是纯文本，不是 Excel 工作簿（.xls），请将扩展名改为 .txt 后再导入。',
      'wrong-format',
    );
  return hint === 'xlsx' ? 'xlsx' : 'docx'; // zip-guard words the same refusal for .docx/.xlsx
}

async function readOle(bytes: Buffer, name: string, hint: SourceFormat): Promise<SourceDocument> {
  const ole = openOle(bytes);
  const k = classifyOle(ole);
  const excelish = hint === 'xls' || hint === 'xlsx';
  switch (k.kind) {
    case 'encrypted-ooxml':
      return refuse(
        excelish
          ? '文档已加密：这是设置了打开密码的 Excel 工作簿（.xlsx），无法读取。请在 Excel 或 WPS 中解除密码后再导入。'
          : '文档已加密：这是设置了打开密码的 Word 文档（.docx），无法读取。请在 Word 或 WPS 中解除密码后再导入。',
        'encrypted',
      );
    case 'doc':
      return (await readers.doc()).read(ole, name);
    case 'xls':
      return (await readers.xls()).read(ole, name);
    case 'old-excel':
      return refuse(
        '这是 Excel 5.0/95 或更早版本的工作簿，格式过旧无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。',
        'legacy-unreadable',
      );
    case 'works':
      return refuse(`这是 Microsoft Works 文档，无法读取。${ASK}`, 'unsupported');
    case 'old-wps':
      return refuse(
        `这是早期金山 WPS（WPS 2000 及更早版本）格式的文档，无法读取。${ASK}`,
        'legacy-unreadable',
      );
    case 'powerpoint':
      return refuse(
        '这是 PowerPoint 演示文稿，不是年度报告文档，请提供 Word、Excel、网页或文本格式的报告。',
        'wrong-format',
      );
    case 'other':
      return refuse(
        `这是无法识别的 OLE 复合文档（可能是其他程序的文件），无法读取。${ASK}`,
        'unsupported',
      );
  }
}

/** Reads bytes already in memory (the desktop app and tests use this). */
export async function readBytes(
  bytes: Buffer,
  fileName: string,
  opts: { html?: boolean } = {},
): Promise<SourceDocument> {
  const hint = formatOf(fileName);
  if (!hint) {
    throw new IngestError(
      `不支持的文件类型「${extname(fileName) || '无扩展名'}」，请提供 .docx、.doc、.wps、.xlsx、.xls、.et、.pdf、.html、.mht、.txt 或 .md 文件。`,
      'unsupported',
    );
  }
  if (bytes.length === 0) throw new IngestError('文件为空（0 字节），无法读取。', 'empty');
  if (bytes.length > LIMITS.maxFileBytes)
    throw new IngestError(
      `文件过大（${mb(bytes.length)}），超过单个报告 ${mb(LIMITS.maxFileBytes)} 的上限。`,
      'too-large',
    );
  const name = basename(fileName);
  const reader = sniff(bytes, hint);
  let out: SourceDocument;
  switch (reader) {
    case 'docx':
      out = await (await readers.docx()).read(bytes, name, opts);
      break;
    case 'xlsx':
      out = await (await readers.xlsx()).read(bytes, name);
      break;
    case 'doc':
    case 'xls':
      out = await readOle(bytes, name, hint);
      break;
    case 'html':
      out = await (await readers.html()).read(bytes, name);
      break;
    case 'mht':
      out = (await readers.mht()).read(bytes, name);
      break;
    case 'txt':
      out = await (await readers.txt()).read(bytes, name, hint === 'md' ? 'md' : 'txt');
      break;
    case 'pdf':
      out = await (await readers.pdf()).read(bytes, name);
      break;
  }
  if (out.format !== hint) {
    out.notes.unshift(
      `文件扩展名为「${extname(fileName).toLowerCase()}」，但实际内容是${FORMAT_LABEL[out.format]}，已按实际内容读取。`,
    );
  }
  return out;
}

/** `html: false`: the caller needs no display HTML (a .docx may then be read without mammoth). */
export async function readPath(
  path: string,
  opts: { html?: boolean } = {},
): Promise<SourceDocument> {
  const info = await stat(path);
  if (!info.isFile()) throw new IngestError('不是文件，无法读取。', 'not-a-file');
  if (info.size === 0) throw new IngestError('文件为空（0 字节），无法读取。', 'empty');
  if (info.size > LIMITS.maxFileBytes)
    throw new IngestError(
      `文件过大（${mb(info.size)}），超过单个报告 ${mb(LIMITS.maxFileBytes)} 的上限。`,
      'too-large',
    );
  return readBytes(await readFile(path), path, opts);
}
