/**
 * The plain values the PDF layout analysis works on. Everything is in PDF points measured from
 * the page's top-left corner (x right, y down), so that boxes can be handed to the viewer as they
 * are. The pdf.js glue (../pdf.ts) produces these; every module here is pure and testable with
 * hand-made pages.
 */
import type { PageRect } from '../../model/types';
import { at } from '../../model/checked';

export type { PageRect };

/** One character (or a run of Latin characters) with its box. */
export interface Glyph {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size in points (the run's em): the unit for "a wide gap", "an indent". */
  size: number;
}

/** A horizontal or vertical ruling line. */
export interface Rule {
  /** 'h': y0 === y1; 'v': x0 === x1. */
  dir: 'h' | 'v';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  glyphs: Glyph[];
  rules: Rule[];
  /** Area share of the page covered by images (0..1+): a page of images and no text is a scan. */
  imageCover: number;
}

export function rectOf(b: { x0: number; y0: number; x1: number; y1: number }): PageRect {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { x0: r(b.x0), y0: r(b.y0), x1: r(b.x1), y1: r(b.y1) };
}

export function union(
  boxes: readonly { x0: number; y0: number; x1: number; y1: number }[],
): PageRect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.y0 < y0) y0 = b.y0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y1 > y1) y1 = b.y1;
  }
  return { x0, y0, x1, y1 };
}

/** CJK ideographs, kana, full-width forms and CJK punctuation: joined to neighbours without a space. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x20000 && c <= 0x2fa1f) ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019
  );
}

/**
 * Joins two pieces of one line or of a wrapped paragraph: Chinese never takes a space between
 * pieces (a PDF breaks lines mid-word), Latin words and numbers keep one.
 */
export function joinPieces(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  const last = at(a, -1);
  const first = at(b, 0);
  if (isWide(last) || isWide(first) || /\s/.test(last) || /\s/.test(first)) return a + b;
  return `${a} ${b}`;
}
