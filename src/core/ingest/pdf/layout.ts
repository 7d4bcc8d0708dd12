/**
 * A document's pages → blocks in reading order: per page, ruled tables first (their glyphs are
 * taken by their cells), then the remaining lines, furniture dropped, tables without rules
 * found among them, the rest made paragraphs. Across pages, a paragraph broken by the page end
 * is joined, and a table that goes on at the top of the next page (after an optional "续表"
 * line, with or without its header rows repeated) becomes one table.
 */
import type { Block, ParagraphBlock, TableBlock, TableCell } from '../../model/types';
import { findAlignedFrames } from './aligned';
import { findFurniture } from './furniture';
import { joinPieces, rectOf, type PageContent } from './geometry';
import { buildLines } from './lines';
import { continues, margins, toParagraphs, type Margins, type Para } from './paragraphs';
import { fillFrames, findRuledFrames, type Frame, type FrameCell } from './ruled';
import { at } from '../../model/checked';

type Item = { kind: 'para'; para: Para; margins: Margins } | { kind: 'frame'; frame: Frame };

/** Column lines closer than this are the same line on two pages. */
const COLUMN_SNAP = 3;
/** "续表", "（续）", "续上表": a continued table's caption. */
const CONTINUED = /^[（(]?续(?:表|上表)?[)）]?\s*\d*$/;

function top(i: Item): number {
  return i.kind === 'para' ? i.para.box.y0 : i.frame.box.y0;
}

/** Per page: its items (paragraphs and tables) in reading order. */
export function pageItems(pages: readonly PageContent[]): Item[][] {
  const stage = pages.map((p) => {
    const frames = findRuledFrames(p.rules, p.page);
    const rest = fillFrames(frames, p.glyphs);
    return { p, frames, lines: buildLines(rest) };
  });
  const drop = findFurniture(stage.map((s) => ({ height: s.p.height, lines: s.lines })));
  const kept = stage.map((s, k) => s.lines.filter((_, i) => !drop[k]?.has(i)));
  const docMargins = margins(kept.flat());
  return stage.map((s, k) => {
    const lines = at(kept, k);
    const aligned = findAlignedFrames(lines, s.p.page);
    const prose = lines.filter((_, i) => !aligned.taken.has(i));
    const m = margins(prose, docMargins);
    const items: Item[] = [
      ...[...s.frames, ...aligned.frames].map((frame): Item => ({ kind: 'frame', frame })),
      ...toParagraphs(prose, s.p.page, m).map((para): Item => ({ kind: 'para', para, margins: m })),
    ];
    return items.sort((a, b) => top(a) - top(b));
  });
}

function rowTexts(f: Frame, r: number): string {
  return f.cells
    .filter((c) => c.r0 === r)
    .map((c) => c.text.replace(/\s+/g, ''))
    .join('|');
}

function sameColumns(a: Frame, b: Frame): boolean {
  const w = (f: Frame) => f.box.x1 - f.box.x0;
  return Math.abs(a.box.x0 - b.box.x0) <= 6 && Math.abs(w(a) - w(b)) <= 8;
}

/** Snapped union of two sets of column lines. */
function unionColumns(a: readonly number[], b: readonly number[]): number[] {
  const all = [...a, ...b].sort((x, y) => x - y);
  const out: number[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (last === undefined || x - last > COLUMN_SNAP) out.push(x);
  }
  return out;
}

function nearest(xs: readonly number[], x: number): number {
  let best = 0;
  xs.forEach((v, i) => {
    if (Math.abs(v - x) < Math.abs(at(xs, best) - x)) best = i;
  });
  return best;
}

/** The table `b` continued from `a`: rows appended, repeated header rows dropped, columns reconciled. */
export function joinFrames(a: Frame, b: Frame): Frame {
  const xs = unionColumns(a.xs, b.xs);
  const remap = (f: Frame, c: FrameCell): FrameCell => ({
    ...c,
    c0: nearest(xs, at(f.xs, c.c0)),
    c1: nearest(xs, at(f.xs, c.c1)),
  });
  const aRows = a.ys.length - 1;
  const bRows = b.ys.length - 1;
  let repeated = 0;
  while (
    repeated < bRows &&
    repeated < aRows &&
    rowTexts(b, repeated) !== '' &&
    rowTexts(b, repeated) === rowTexts(a, repeated)
  )
    repeated++;
  const upper = a.cells.map((c) => remap(a, c));
  const lower: FrameCell[] = [];
  for (const c of b.cells.filter((c) => c.r0 >= repeated)) {
    const moved = { ...remap(b, c), r0: c.r0 - repeated + aRows, r1: c.r1 - repeated + aRows };
    const above =
      moved.r0 === aRows
        ? upper.find((u) => u.r1 === aRows && u.c0 === moved.c0 && u.c1 === moved.c1)
        : undefined;
    if (above && continuesCell(above, moved)) {
      above.r1 = moved.r1;
      above.text = joinPieces(above.text, moved.text);
      continue;
    }
    lower.push(moved);
  }
  const cells = [...upper, ...lower].map((c) => (c.c1 <= c.c0 ? { ...c, c1: c.c0 + 1 } : c));
  return {
    page: a.page,
    box: a.box,
    xs,
    ys: [...a.ys, ...b.ys.slice(repeated + 1)],
    rowPages: [...a.rowPages, ...b.rowPages.slice(repeated)],
    cells,
    source: a.source,
  };
}

const NUMBERED =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d))/;
const VALUE = /^[\d\s,，.．%０-９—–\-－/／]*$/;

/**
 * Whether the cell at the top of the next page is the rest of the cell at the bottom of this
 * one: a merged label cell broken by the page end ("（四）无" / "法提供"), or its empty rest
 * (the label printed wholly above the break). Values and a label that starts a new numbered
 * item are never the rest of anything.
 */
function continuesCell(above: FrameCell, below: FrameCell): boolean {
  if (VALUE.test(above.text) && above.text.trim() !== '') return false;
  if (VALUE.test(below.text) && below.text.trim() !== '') return false;
  const spans = above.r1 - above.r0 > 1 || below.r1 - below.r0 > 1;
  if (below.text.trim() === '') return spans;
  if (above.text.trim() === '' || NUMBERED.test(below.text.trim())) return false;
  return spans && NUMBERED.test(above.text.trim());
}

/** Joins paragraphs and tables broken by page ends. */
export function joinPages(pages: readonly Item[][]): Item[] {
  const out: Item[] = [];
  pages.forEach((items, k) => {
    let list = [...items];
    const last = out[out.length - 1];
    if (k > 0 && last) {
      const first = list[0];
      const second = list[1];
      if (last.kind === 'frame') {
        const caption =
          first?.kind === 'para' && CONTINUED.test(first.para.text.replace(/\s+/g, ''));
        const next = caption ? second : first;
        if (next?.kind === 'frame' && sameColumns(last.frame, next.frame)) {
          out[out.length - 1] = { kind: 'frame', frame: joinFrames(last.frame, next.frame) };
          list = list.filter((i) => i !== next && !(caption && i === first));
        }
      } else if (first?.kind === 'para' && last.kind === 'para') {
        const prevLine = last.para.lines[last.para.lines.length - 1];
        const nextLine = first.para.lines[0];
        if (
          prevLine &&
          nextLine &&
          continues(prevLine, nextLine, { ...first.margins, pitch: Infinity })
        ) {
          out[out.length - 1] = {
            ...last,
            para: {
              ...last.para,
              text: joinPieces(last.para.text, first.para.text),
              lines: [...last.para.lines, ...first.para.lines],
            },
          };
          list = list.slice(1);
        }
      }
    }
    out.push(...list);
  });
  return out;
}

/** A frame as a grid table block (merges expanded, covered positions repeating their origin). */
export function frameToTable(f: Frame): TableBlock {
  const R = f.ys.length - 1;
  const C = f.xs.length - 1;
  const grid: (TableCell | undefined)[][] = Array.from({ length: R }, () =>
    Array.from({ length: C }, () => undefined),
  );
  for (const c of f.cells) {
    const r1 = Math.min(R, Math.max(c.r1, c.r0 + 1));
    const c1 = Math.min(C, Math.max(c.c1, c.c0 + 1));
    for (let r = c.r0; r < r1; r++) {
      for (let k = c.c0; k < c1; k++) {
        const row = grid[r];
        if (!row || row[k]) continue;
        const origin = r === c.r0 && k === c.c0;
        row[k] = {
          text: c.text,
          rowSpan: origin ? r1 - c.r0 : 1,
          colSpan: origin ? c1 - c.c0 : 1,
          covered: !origin,
          originRow: c.r0,
          originCol: c.c0,
          page: c.page,
          box: c.box,
        };
      }
    }
  }
  const rows = grid.map((row, r) =>
    row.map(
      (cell, k): TableCell =>
        cell ?? { text: '', rowSpan: 1, colSpan: 1, covered: false, originRow: r, originCol: k },
    ),
  );
  return { kind: 'table', layout: 'grid', rows, page: f.page, box: rectOf(f.box) };
}

/** Font size of body text: the size most characters are set in. */
function bodySize(items: readonly Item[]): number {
  const counts = new Map<number, number>();
  for (const i of items)
    if (i.kind === 'para')
      for (const l of i.para.lines)
        counts.set(Math.round(l.size), (counts.get(Math.round(l.size)) ?? 0) + l.glyphs.length);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

export function layoutBlocks(pages: readonly PageContent[]): Block[] {
  const items = joinPages(pageItems(pages));
  const body = bodySize(items);
  return items.map((i): Block => {
    if (i.kind === 'frame') return frameToTable(i.frame);
    const p: ParagraphBlock = {
      kind: 'paragraph',
      text: i.para.text,
      page: i.para.page,
      box: rectOf(i.para.box),
    };
    // Type larger than the body is a title: marked as a heading, as Word's Title style is.
    if (i.para.size >= body * 1.25 && i.para.text.length <= 60) p.headingLevel = 1;
    return p;
  });
}
