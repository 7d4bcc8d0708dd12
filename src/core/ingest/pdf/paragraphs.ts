/**
 * Lines → paragraphs. A report is set in one column: a paragraph's first line is indented (or
 * centred, for titles), its last line stops short of the right margin, and Chinese wraps at the
 * page width mid-word. So a line continues the paragraph above unless the line above stopped
 * short, this one is indented, starts a numbered item, changes the font size, or sits after a
 * gap wider than the usual line spacing. Wrapped Chinese lines are joined without a space.
 */
import { joinPieces, union, type PageRect } from './geometry';
import type { Line } from './lines';
import { at } from '../../model/checked';

export interface Para {
  text: string;
  page: number;
  box: PageRect;
  lines: Line[];
  /** Font size of the paragraph's first line. */
  size: number;
}

/** Starts of a numbered item or heading: always a new paragraph. */
const ITEM_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[条部章节])/;
const SENTENCE_END = /[。！？!?：:；;]$/;

export interface Margins {
  left: number;
  right: number;
  /** Usual distance between the tops of two lines of a paragraph. */
  pitch: number;
}

/** The page's text margins, from its lines (long lines define them). */
export function margins(lines: readonly Line[], fallback?: Margins): Margins {
  const long = lines.filter((l) => l.glyphs.length >= 12);
  if (long.length < 3 && fallback) return fallback;
  const src = long.length ? long : lines;
  const lefts = src.map((l) => Math.round(l.x0));
  const counts = new Map<number, number>();
  for (const x of lefts) counts.set(x, (counts.get(x) ?? 0) + 1);
  const left = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const rights = src.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? rights[rights.length - 1] ?? 0;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = at(lines, i).y0 - at(lines, i - 1).y0;
    if (d > 0) gaps.push(d);
  }
  gaps.sort((a, b) => a - b);
  const pitch = gaps[Math.floor(gaps.length / 2)] ?? fallback?.pitch ?? 20;
  return { left, right, pitch };
}

/** Whether `line` continues the paragraph whose last line is `prev`. */
export function continues(prev: Line, line: Line, m: Margins): boolean {
  const em = Math.max(prev.size, 1);
  if (prev.x1 < m.right - 1.5 * em) return false; // the line above stopped short
  if (SENTENCE_END.test(prev.text.trim()) && prev.x1 < m.right - 0.5 * em) return false;
  if (Math.abs(line.size - prev.size) > prev.size * 0.15) return false;
  // A centred title too long for one line: a full first line, the rest centred under it.
  const middle = (m.left + m.right) / 2;
  const centred = (l: Line) => Math.abs((l.x0 + l.x1) / 2 - middle) <= em;
  if (
    centred(prev) &&
    centred(line) &&
    line.x0 > m.left + 0.8 * em &&
    line.y0 - prev.y0 <= Math.max(m.pitch, em) * 2.2
  ) {
    return !SENTENCE_END.test(prev.text.trim()) && !ITEM_START.test(line.text.trim());
  }
  if (line.x0 > m.left + 0.8 * em) return false; // indented or centred
  if (ITEM_START.test(line.text.trim())) return false;
  if (line.y0 - prev.y0 > Math.max(m.pitch, em) * 1.6) return false;
  return true;
}

export function paragraphText(lines: readonly Line[]): string {
  return lines.reduce((s, l) => joinPieces(s, l.text), '');
}

export function toParagraphs(lines: readonly Line[], page: number, m: Margins): Para[] {
  const out: Para[] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (!cur.length) return;
    out.push({
      text: paragraphText(cur),
      page,
      box: union(cur),
      lines: cur,
      size: at(cur, 0).size,
    });
    cur = [];
  };
  for (const l of lines) {
    const prev = cur[cur.length - 1];
    if (prev && !continues(prev, l, m)) flush();
    cur.push(l);
  }
  flush();
  return out;
}
