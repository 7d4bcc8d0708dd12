/**
 * Glyphs → text lines. Glyphs sharing a band of the page (their vertical centres within half an
 * em) form a line, read left to right; inside a line, a gap wider than WIDE_GAP ems splits it
 * into chunks (the columns of a table without rules, or a label and its value).
 */
import { joinPieces, union, type Glyph } from './geometry';
import { at } from '../../model/checked';

export interface Chunk {
  text: string;
  glyphs: Glyph[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Line {
  text: string;
  chunks: Chunk[];
  glyphs: Glyph[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Median font size. */
  size: number;
}

/** A gap this many ems wide separates columns, not words. */
export const WIDE_GAP = 1.6;

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return at(s, Math.floor(s.length / 2));
}

/** Text of glyphs already in reading order: a space only between Latin pieces set apart. */
export function glyphText(glyphs: readonly Glyph[]): string {
  let s = '';
  let prev: Glyph | null = null;
  for (const g of glyphs) {
    if (prev && g.x0 - prev.x1 > Math.min(g.size, prev.size) * 0.25) s = joinPieces(s, g.text);
    else s += g.text;
    prev = g;
  }
  return s;
}

function chunkOf(glyphs: Glyph[]): Chunk {
  return { text: glyphText(glyphs), glyphs, ...union(glyphs) };
}

function lineOf(glyphs: Glyph[]): Line {
  glyphs.sort((a, b) => a.x0 - b.x0);
  const size = median(glyphs.map((g) => g.size));
  const chunks: Chunk[] = [];
  let cur: Glyph[] = [];
  for (const g of glyphs) {
    const prev = cur[cur.length - 1];
    if (prev && g.x0 - prev.x1 > WIDE_GAP * Math.max(size, 1)) {
      chunks.push(chunkOf(cur));
      cur = [];
    }
    cur.push(g);
  }
  if (cur.length) chunks.push(chunkOf(cur));
  return { text: chunks.map((c) => c.text).join(' '), chunks, glyphs, size, ...union(glyphs) };
}

/** Groups glyphs into lines, top to bottom. */
export function buildLines(glyphs: readonly Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const groups: { glyphs: Glyph[]; center: number; size: number }[] = [];
  for (const g of sorted) {
    const c = (g.y0 + g.y1) / 2;
    const last = groups[groups.length - 1];
    if (last && Math.abs(c - last.center) <= Math.min(last.size, g.size) * 0.5) {
      last.glyphs.push(g);
      // The band follows the line's first glyphs: a run of slightly offset digits must not drag it.
      continue;
    }
    groups.push({ glyphs: [g], center: c, size: g.size });
  }
  return groups.map((g) => lineOf(g.glyphs)).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/**
 * Text of a table cell: its lines joined without a break, because a label wrapped inside a cell
 * ("商业" / "企业") or printed one character per line down a merged cell is one label.
 */
export function cellText(glyphs: readonly Glyph[]): string {
  if (glyphs.length === 0) return '';
  return buildLines(glyphs).reduce((s, l) => joinPieces(s, l.text), '');
}
