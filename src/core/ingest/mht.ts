/**
 * Web archives (.mht/.mhtml), as browsers and Word save a page "as a single file": a MIME message
 * (multipart/related) whose first text/html part is the page, followed by its images and styles.
 * The HTML part is decoded (quoted-printable or base64, then the charset the part or the page
 * declares, GBK included) and handed to the HTML reader; the other parts are ignored.
 */
import type { SourceDocument } from '../model/types';
import { decodeWith } from './encoding';
import { IngestError, LIMITS } from './errors';
import { readDecoded, sniffCharset } from './html';

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

/** Splits "Name: value" header lines (with folded continuation lines) from the body at the first blank line. */
function parsePart(raw: Buffer): Part {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const headEnd = m ? m.index : text.length;
  const bodyStart = m ? m.index + m[0].length : text.length;
  const headers = new Map<string, string>();
  const unfolded = text.slice(0, headEnd).replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body: raw.subarray(Buffer.byteLength(text.slice(0, bodyStart), 'latin1')) };
}

function param(value: string | undefined, name: string): string | null {
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function decodeQuotedPrintable(body: Buffer): Buffer {
  const s = body.toString('latin1').replace(/=\r?\n/g, '');
  const out = Buffer.alloc(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out[n++] = parseInt(s.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

function decodeBody(part: Part): Buffer {
  const cte = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (cte === 'base64')
    return Buffer.from(part.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (cte === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

/** The first text/html part of the archive (recursing into nested multiparts). */
function htmlPart(part: Part, depth: number): Part | null {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('text/html')) return part;
  if (!type.startsWith('multipart/') || depth > 5) return null;
  const boundary = param(part.headers.get('content-type'), 'boundary');
  if (!boundary) return null;
  const delim = Buffer.from(`--${boundary}`, 'latin1');
  let at = part.body.indexOf(delim);
  while (at >= 0) {
    const start = at + delim.length;
    if (part.body.subarray(start, start + 2).toString('latin1') === '--') break;
    const next = part.body.indexOf(delim, start);
    const raw = part.body.subarray(start, next < 0 ? part.body.length : next).subarray(0);
    const inner = parsePart(raw.subarray(raw[0] === 0x0d ? 2 : raw[0] === 0x0a ? 1 : 0));
    const found = htmlPart(inner, depth + 1);
    if (found) return found;
    at = next;
  }
  return null;
}

export function read(bytes: Buffer, fileName: string): SourceDocument {
  // A saved page with its images inlined is larger than the page alone: allow a few times the text limit.
  if (bytes.length > LIMITS.maxTextBytes * 4) {
    throw new IngestError(
      `网页存档文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），不像是一份年度报告。`,
      'too-large',
    );
  }
  const part = htmlPart(parsePart(bytes), 0);
  if (!part)
    throw new IngestError(
      '网页存档（.mht）中没有找到网页正文（text/html 部分），请用浏览器打开后另存为 .html 再导入。',
      'no-text',
    );
  const html = decodeBody(part);
  if (html.length > LIMITS.maxTextBytes)
    throw new IngestError('网页存档中的网页正文过大，不像是一份年度报告。', 'too-large');
  const label = param(part.headers.get('content-type'), 'charset') ?? sniffCharset(html);
  const decoded = decodeWith(html, label);
  const notes = ['已从网页存档（.mht）中读取网页正文。'];
  if (decoded.encoding === 'gb18030') notes.push('已按 GBK 编码读取。');
  const doc = readDecoded(decoded.text, fileName, notes);
  return { ...doc, format: 'mht' };
}
