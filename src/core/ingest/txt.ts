/**
 * Plain-text and Markdown reader. Text reports reach offices as copies out of Word or web pages,
 * so the table structure survives only as conventions of the copying tool:
 *  (a) Word's "copy as text": one cell per line prefixed by a TAB, rows separated by blank lines,
 *      a cell's own line breaks continue on lines without the TAB ("⇥商业\n企业");
 *  (b) tab-separated rows, one row per line (spreadsheet copies, Markdown exports);
 *  (c) web-page text, one cell per line with no row structure: kept as paragraphs, extraction
 *      reads the labels and value runs from them;
 *  (d) Markdown headings and pipe tables.
 */
import type { Block, ParagraphBlock, SourceDocument, TableBlock, TableCell } from '../model/types';
import { at } from '../model/checked';
import { decodeText, looksBinary } from './encoding';
import { IngestError, LIMITS } from './errors';
import { renderBlocks } from './render';

/** Word and WPS leave bookmark names in text exports ("[bookmark: _GoBack]"): never content. */
const ARTEFACT = /\[bookmark:\s*[^\]]*\]/g;

const ENCODING_NOTES: Record<string, string> = {
  gb18030: '已按 GBK（GB18030）编码读取。',
  'utf-16le': '已按 UTF-16 编码读取。',
  'utf-16be': '已按 UTF-16 编码读取。',
};

export async function read(
  bytes: Buffer,
  fileName: string,
  format: 'txt' | 'md',
): Promise<SourceDocument> {
  if (bytes.length > LIMITS.maxTextBytes) {
    throw new IngestError(
      `文本文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），超过 ${LIMITS.maxTextBytes / 1024 / 1024} MB 的上限，不像是一份年度报告。`,
      'too-large',
    );
  }
  if (looksBinary(bytes)) {
    throw new IngestError(
      '文件内容不是文本（含二进制数据），可能是扩展名有误的 Word、PDF 或压缩文件，请确认文件格式。',
      'wrong-format',
    );
  }
  const decoded = decodeText(bytes);
  const notes: string[] = [];
  const note = ENCODING_NOTES[decoded.encoding];
  if (note) notes.push(note);
  const blocks = parseText(decoded.text, format);
  if (wrapWidth(splitLines(decoded.text)) !== null)
    notes.push('文本按页面宽度折行（如 PDF 文字层），已将折行的段落重新合并。');
  if (blocks.length > LIMITS.maxBlocks) {
    throw new IngestError(
      `文件段落过多（${blocks.length} 段），超过 ${LIMITS.maxBlocks} 段的上限，不像是一份年度报告。`,
      'too-large',
    );
  }
  if (!blocks.some((b) => b.kind === 'table' || b.text.length > 0)) {
    throw new IngestError('文件中没有可读的文字内容。', 'no-text');
  }
  return { format, fileName, blocks, html: renderBlocks(blocks), notes };
}

interface Line {
  text: string;
  blank: boolean;
}

function cleanLine(raw: string): string {
  return raw
    .replace(ARTEFACT, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[\u200b\ufeff]/g, '');
}

function isTabCellLine(s: string): boolean {
  return s.startsWith('\t');
}

function hasTab(s: string): boolean {
  return s.includes('\t');
}

/** A paragraph that merely ends with a stray TAB is prose; a table line has cells. */
function startsTable(s: string): boolean {
  if (isTabCellLine(s)) return true;
  const tabs = (s.match(/\t/g) ?? []).length;
  const filled = s.split('\t').filter((c) => c.trim()).length;
  return tabs >= 3 || (tabs >= 1 && filled >= 2);
}

const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const MD_TABLE = /^\s*\|.*\|\s*$/;
const MD_TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Decoded text as cleaned lines (any line ending). A line is blank when it holds only spaces; a
 * line holding a TAB is never blank (a lone TAB is an empty cell).
 */
function splitLines(text: string): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((r) => {
      const t = cleanLine(r);
      // A line holding only a TAB is an empty cell (layout a), not a row separator.
      return { text: t, blank: t.trim() === '' && !t.includes('\t') };
    });
}

/** Markdown emphasis around a whole line ("**一、总体情况**") is decoration, not text. */
function stripEmphasis(s: string): string {
  const m = /^(\*\*|__)(.+)\1$/.exec(s);
  return m ? (m[2] ?? s).trim() : s;
}

export function parseText(text: string, format: 'txt' | 'md'): Block[] {
  const raw = splitLines(text);
  const wrap = wrapWidth(raw);
  const lines = wrap === null ? raw : unwrap(raw, wrap);
  // Markdown headings are honoured in .md files and in .txt files that plainly use them.
  const markdown =
    format === 'md' || lines.some((l) => MD_HEADING.test(l.text) && /^#{1,6}\s+\S/.test(l.text));
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = at(lines, i);
    if (line.blank) {
      i++;
      continue;
    }
    if (markdown) {
      const h = MD_HEADING.exec(line.text);
      if (h) {
        const body = (h[2] ?? '').trim();
        if (body)
          blocks.push({
            kind: 'paragraph',
            text: stripEmphasis(body),
            headingLevel: (h[1] ?? '#').length,
          });
        i++;
        continue;
      }
      if (MD_TABLE.test(line.text)) {
        i = readPipeTable(lines, i, blocks);
        continue;
      }
    }
    if (startsTable(line.text)) {
      i = readTabTable(lines, i, blocks);
      continue;
    }
    blocks.push({
      kind: 'paragraph',
      text: markdown ? stripEmphasis(line.text.trim()) : line.text.trim(),
    });
    i++;
  }
  return blocks;
}

const SENTENCE_END = /[。！？!?；;：:）)」』”"]$/;
/** Starts of lines that open a new paragraph: numbered items and headings. */
const ITEM_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[条部章])/;
const PAGE_NUMBER_LINE = /^\s*[-—–]\s*\d+\s*[-—–]\s*$/;

function width(s: string): number {
  return s.replace(/\s+/g, '').length;
}

/** The page width of a hard-wrapped text, in characters (spaces ignored), or null when it is not one. */
export function wrapWidth(lines: readonly Line[]): number | null {
  // PDF text layers (and some e-mail copies) break every paragraph at the page width: many
  // prose lines of nearly the same length that do not end a sentence. Table labels of web text
  // are short and of every length, long paragraphs of Word copies end their sentences.
  const widths = lines
    .filter((l) => !l.blank && !l.text.includes('\t'))
    .map((l) => width(l.text))
    .filter((w) => w >= 20);
  if (widths.length < 10) return null;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const mode = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  // Digits and Latin letters are narrower than Chinese: full lines vary a few characters around the mode.
  const near = widths.filter((w) => w >= mode - 3 && w <= mode + 4).length;
  if (near * 10 < widths.length * 5) return null;
  const open = lines.filter(
    (l) => !l.blank && width(l.text) >= mode - 3 && !SENTENCE_END.test(l.text.trim()),
  ).length;
  return open * 10 >= near * 6 ? mode : null;
}

/**
 * Joins a line to the next when it runs to the page width without ending a sentence and the
 * next line does not open a new item. Page-number lines between the halves are dropped. Short
 * lines (table cells, headings) are never joined.
 */
function unwrap(lines: readonly Line[], mode: number): Line[] {
  const kept = lines.filter((l) => !PAGE_NUMBER_LINE.test(l.text));
  const out: Line[] = [];
  for (const l of kept) {
    const prev = out[out.length - 1];
    const t = l.text.trim();
    if (
      prev &&
      !prev.blank &&
      !l.blank &&
      !prev.text.includes('\t') &&
      !l.text.includes('\t') &&
      width(prev.text) >= mode - 3 &&
      !SENTENCE_END.test(prev.text.trim()) &&
      !ITEM_START.test(t) &&
      // A table row of a text layer ends with its values; a value alone is a cell.
      !/\d\s+\d+\s*$/.test(t) &&
      !/^[\d\s.,，%－—-]+$/.test(t)
    ) {
      prev.text = `${prev.text.trimEnd()}${t}`;
      continue;
    }
    out.push({ ...l });
  }
  return out;
}

function makeGrid(rows: string[][]): TableBlock {
  const width = Math.max(1, ...rows.map((r) => r.length));
  // Copies out of Word drop merged cells' covered positions, so rows differ in length. The grid
  // contract wants a rectangle: a short row's last cell is taken to span the rest of the row
  // (covered positions, never read as values), rather than inventing empty cells that would
  // read as blanks.
  const grid: TableCell[][] = rows.map((r, ri) => {
    const n = Math.max(1, r.length);
    return Array.from({ length: width }, (_, ci) => {
      const last = ci >= n - 1;
      const originCol = last ? n - 1 : ci;
      return {
        text: (r[originCol] ?? '').trim(),
        rowSpan: 1,
        colSpan: ci === n - 1 ? width - n + 1 : 1,
        covered: ci > originCol,
        originRow: ri,
        originCol,
      };
    });
  });
  return { kind: 'table', layout: 'grid', rows: grid };
}

/** A line that cannot be the rest of a cell: a numbered heading, or a long sentence. */
function cannotContinueCell(s: string): boolean {
  const t = s.trim();
  return /^[一二三四五六七八九十]+[、.．]/.test(t) || /^#{1,6}\s/.test(t) || t.length > 60;
}

/**
 * Reads a run of tab lines starting at `start`. Decides between layout (a), one cell per line,
 * and layout (b), one row per line, by how many tabs the lines carry.
 */
function readTabTable(lines: Line[], start: number, blocks: Block[]): number {
  // The chunk: tab lines, blank lines and (for layout a) continuation lines, until a plain line
  // follows a blank line or a line that cannot continue a cell.
  let end = start;
  let prevBlank = false;
  while (end < lines.length) {
    const l = at(lines, end);
    if (l.blank) {
      prevBlank = true;
      end++;
      continue;
    }
    if (hasTab(l.text)) {
      prevBlank = false;
      end++;
      continue;
    }
    if (prevBlank || cannotContinueCell(l.text)) break;
    end++;
  }
  // Trailing blank lines are not part of the table.
  while (end > start && at(lines, end - 1).blank) end--;
  const chunk = lines.slice(start, end);
  const tabLines = chunk.filter((l) => hasTab(l.text));
  const manyTabs = tabLines.filter((l) => (l.text.match(/\t/g) ?? []).length >= 3).length;
  const rowPerLine = manyTabs * 2 > tabLines.length;

  const rows: string[][] = [];
  if (rowPerLine) {
    for (const l of chunk) {
      if (l.blank) continue;
      if (!hasTab(l.text) && rows.length > 0) {
        // A row's last cell broken over lines.
        const last = at(rows, -1);
        last[last.length - 1] = `${last[last.length - 1] ?? ''}\n${l.text.trim()}`;
        continue;
      }
      rows.push(l.text.split('\t').map((c) => c.trim()));
    }
  } else {
    let row: string[] = [];
    for (const l of chunk) {
      if (l.blank) {
        if (row.length) rows.push(row);
        row = [];
        continue;
      }
      if (isTabCellLine(l.text)) {
        row.push(...l.text.slice(1).split('\t'));
      } else if (hasTab(l.text)) {
        row.push(...l.text.split('\t'));
      } else if (row.length) {
        row[row.length - 1] = `${(row[row.length - 1] ?? '').trimEnd()}\n${l.text.trim()}`;
      } else {
        row.push(l.text);
      }
    }
    if (row.length) rows.push(row);
  }
  // A lone tab line that holds a single cell of prose is a paragraph with a stray tab, not a table.
  const [only] = rows;
  if (only && rows.length === 1 && only.filter((c) => c.trim()).length <= 1) {
    const text = only.join(' ').trim();
    if (text) blocks.push({ kind: 'paragraph', text } satisfies ParagraphBlock);
    return end;
  }
  blocks.push(makeGrid(rows));
  return end;
}

function readPipeTable(lines: Line[], start: number, blocks: Block[]): number {
  let i = start;
  const rows: string[][] = [];
  while (i < lines.length && MD_TABLE.test(at(lines, i).text)) {
    const t = at(lines, i).text.trim();
    if (!MD_TABLE_SEPARATOR.test(t)) {
      rows.push(
        t
          .replace(/^\|/, '')
          .replace(/\|$/, '')
          .split('|')
          .map((c) => c.trim().replace(/<br\s*\/?>/gi, '\n')),
      );
    }
    i++;
  }
  blocks.push(makeGrid(rows));
  return i;
}
