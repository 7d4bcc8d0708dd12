/**
 * Page furniture: what a printed page carries besides the report. Page numbers ("- 3 -",
 * "第 3 页 共 8 页", "3 / 8"), running headers and footers (the same line at the same place on
 * most pages), and what a browser prints into the margins when a portal page is saved as PDF
 * (date and time, the page's URL, its title). Only lines in the top or bottom margin band are
 * ever candidates, so a report's own text is never taken for furniture.
 */
import type { Line } from './lines';

/** Share of the page height, at the top and at the bottom, where furniture lives. */
const MARGIN_BAND = 0.1;

const PAGE_NUMBER = [
  /^[-—–－]\s*\d{1,4}\s*[-—–－]$/,
  /^第\s*\d{1,4}\s*页\s*(?:[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(?:共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];
const PRINT_MARKS = [
  /https?:\/\/|www\.[a-z0-9-]+\.|\.gov\.cn|about:blank/i,
  /^\d{2,4}[/-]\d{1,2}[/-]\d{1,4}\s*(?:[上下]午)?\s*\d{1,2}:\d{2}/,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** The line without its numbers: running headers repeat with the page number changing. */
function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

export interface PageLines {
  height: number;
  lines: Line[];
}

/** Marks furniture lines; returns, per page, the set of line indexes to drop. */
export function findFurniture(pages: readonly PageLines[]): Set<number>[] {
  const inBand = (p: PageLines, l: Line) =>
    l.y1 <= p.height * MARGIN_BAND || l.y0 >= p.height * (1 - MARGIN_BAND);
  // How many pages carry each margin line shape (counted once per page).
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (inBand(p, l)) seen.add(shape(l.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const repeatAt = Math.max(2, Math.ceil(pages.length * 0.4));
  return pages.map((p) => {
    const drop = new Set<number>();
    p.lines.forEach((l, i) => {
      if (!inBand(p, l)) return;
      const t = l.text.trim();
      if (
        isPageNumber(t) ||
        PRINT_MARKS.some((re) => re.test(t)) ||
        (pages.length >= 2 && (counts.get(shape(t)) ?? 0) >= repeatAt)
      )
        drop.add(i);
      // A footer line holding a page number beside other furniture ("淮安市人民政府  - 3 -").
      else if (
        l.chunks.length > 1 &&
        l.chunks.some((c) => isPageNumber(c.text)) &&
        l.chunks.every(
          (c) =>
            isPageNumber(c.text) ||
            (counts.get(shape(c.text)) ?? 0) >= repeatAt ||
            PRINT_MARKS.some((re) => re.test(c.text)),
        )
      )
        drop.add(i);
    });
    return drop;
  });
}
