/**
 * Tables from their ruling lines. Rules that touch each other form one table; the distinct x of
 * its vertical rules and y of its horizontal rules cut it into base cells; two neighbouring base
 * cells with no rule between them belong to one merged cell (row and column spans). Every glyph
 * whose centre lies inside a table goes to the cell that holds it.
 */
import { at } from '../../model/checked';
import { rectOf, type Glyph, type PageRect, type Rule } from './geometry';
import { cellText } from './lines';

/** One cell of a table frame: grid lines [r0, r1) × [c0, c1) of its frame. */
export interface FrameCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
  page: number;
  box: PageRect;
}

/**
 * A table as found on a page, before it is joined with its continuation: cells between the
 * frame's row lines `ys` and column lines `xs`. `rowPages[r]` is the page of row r.
 */
export interface Frame {
  page: number;
  box: PageRect;
  xs: number[];
  ys: number[];
  rowPages: number[];
  cells: FrameCell[];
  /** How the frame was found: from rules, or from the alignment of text. */
  source: 'rules' | 'alignment';
}

/** Rules closer than this (points) are the same line; ends this close touch. */
const SNAP = 2;
/** A border must cover this share of a base cell's side to separate it from its neighbour. */
const COVER = 0.6;

/** Merges collinear overlapping rules (a border drawn cell by cell becomes one line). */
export function mergeRules(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const dir of ['h', 'v'] as const) {
    const along =
      dir === 'h' ? (r: Rule) => [r.x0, r.x1] as const : (r: Rule) => [r.y0, r.y1] as const;
    const across = dir === 'h' ? (r: Rule) => r.y0 : (r: Rule) => r.x0;
    const list = rules
      .filter((r) => r.dir === dir)
      .sort((a, b) => across(a) - across(b) || along(a)[0] - along(b)[0]);
    // Group by position across, then merge intervals along.
    let i = 0;
    while (i < list.length) {
      let j = i + 1;
      while (j < list.length && across(at(list, j)) - across(at(list, j - 1)) <= SNAP / 2) j++;
      const group = list.slice(i, j);
      const pos = group.reduce((s, r) => s + across(r), 0) / group.length;
      const spans = group.map(along).sort((a, b) => a[0] - b[0]);
      let [s0, s1] = at(spans, 0);
      const flush = () =>
        out.push(
          dir === 'h'
            ? { dir, x0: s0, x1: s1, y0: pos, y1: pos }
            : { dir, x0: pos, x1: pos, y0: s0, y1: s1 },
        );
      for (const [a, b] of spans.slice(1)) {
        if (a <= s1 + SNAP) s1 = Math.max(s1, b);
        else {
          flush();
          [s0, s1] = [a, b];
        }
      }
      flush();
      i = j;
    }
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;
}

/** Groups of rules that touch: each is a table candidate. */
export function ruleGroups(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (at(parent, i) !== i) i = parent[i] = at(parent, at(parent, i));
    return i;
  };
  const hs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'h');
  const vs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'v');
  for (const [h, hi] of hs)
    for (const [v, vi] of vs) if (touches(h, v)) parent[find(hi)] = find(vi);
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const k = find(i);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  });
  return [...groups.values()];
}

/** Distinct positions, points closer than SNAP merged into their mean. */
function positions(values: readonly number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - at(last, -1) <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Share of [a, b] covered by the given intervals. */
function coverage(a: number, b: number, intervals: readonly (readonly [number, number])[]): number {
  const clipped = intervals
    .map(([s, e]) => [Math.max(a, s), Math.min(b, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [s, e] of clipped) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return b > a ? covered / (b - a) : 0;
}

function indexAt(lines: readonly number[], v: number): number {
  // The base row/column holding v: lines[k] <= v < lines[k+1].
  let lo = 0;
  let hi = lines.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at(lines, mid) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rules running this far past the last crossing line leave a row (or column) open. */
const OPEN_END = 6;

/**
 * A table cut by the page end has no bottom border: its last row is open, but its column rules
 * run down to where the row ends. Likewise for a continued table's top and open-sided tables.
 * Adds those ends as row (column) lines when at least two crossing rules reach them.
 */
function openEnds(lines: number[], crossing: readonly (readonly [number, number])[]): number[] {
  if (lines.length === 0 || crossing.length < 2) return lines;
  const out = [...lines];
  const first = at(lines, 0);
  const last = at(lines, -1);
  const lo = Math.min(...crossing.map((c) => c[0]));
  const hi = Math.max(...crossing.map((c) => c[1]));
  if (hi > last + OPEN_END && crossing.filter((c) => c[1] >= hi - SNAP).length >= 2) out.push(hi);
  if (lo < first - OPEN_END && crossing.filter((c) => c[0] <= lo + SNAP).length >= 2)
    out.unshift(lo);
  return out;
}

/**
 * The table a group of rules draws, or null when it is no table (an underline, a box around a
 * paragraph: fewer than two rows or two columns).
 */
export function frameFromRules(group: readonly Rule[], page: number): Frame | null {
  const hs = group.filter((r) => r.dir === 'h');
  const vs = group.filter((r) => r.dir === 'v');
  if (hs.length < 2 || vs.length < 2) return null;
  const ys = openEnds(
    positions(hs.map((r) => r.y0)),
    vs.map((r) => [r.y0, r.y1] as const),
  );
  const xs = openEnds(
    positions(vs.map((r) => r.x0)),
    hs.map((r) => [r.x0, r.x1] as const),
  );
  if (ys.length < 2 || xs.length < 2) return null;
  const R = ys.length - 1;
  const C = xs.length - 1;
  if (R * C > 20_000) return null;
  const vAt = xs.map((x) =>
    vs.filter((r) => Math.abs(r.x0 - x) <= SNAP).map((r) => [r.y0, r.y1] as const),
  );
  const hAt = ys.map((y) =>
    hs.filter((r) => Math.abs(r.y0 - y) <= SNAP).map((r) => [r.x0, r.x1] as const),
  );
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => {
    while (at(parent, i) !== i) i = parent[i] = at(parent, at(parent, i));
    return i;
  };
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const top = at(ys, r);
      const bottom = at(ys, r + 1);
      const left = at(xs, c);
      const right = at(xs, c + 1);
      if (c + 1 < C && coverage(top, bottom, vAt[c + 1] ?? []) < COVER)
        join(r * C + c, r * C + c + 1);
      if (r + 1 < R && coverage(left, right, hAt[r + 1] ?? []) < COVER)
        join(r * C + c, (r + 1) * C + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const k = find(r * C + c);
      const s = spans.get(k);
      if (!s) spans.set(k, { r0: r, r1: r + 1, c0: c, c1: c + 1 });
      else {
        s.r0 = Math.min(s.r0, r);
        s.r1 = Math.max(s.r1, r + 1);
        s.c0 = Math.min(s.c0, c);
        s.c1 = Math.max(s.c1, c + 1);
      }
    }
  }
  // A table is at least two cells; one box is a frame around text.
  if (spans.size < 2) return null;
  const cells: FrameCell[] = [...spans.values()]
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
    .map((s) => ({
      ...s,
      text: '',
      page,
      box: rectOf({
        x0: at(xs, s.c0),
        y0: at(ys, s.r0),
        x1: at(xs, s.c1),
        y1: at(ys, s.r1),
      }),
    }));
  return {
    page,
    box: rectOf({
      x0: at(xs, 0),
      y0: at(ys, 0),
      x1: at(xs, C),
      y1: at(ys, R),
    }),
    xs,
    ys,
    rowPages: Array.from({ length: R }, () => page),
    cells,
    source: 'rules',
  };
}

/** Puts each glyph inside the frame into its cell; returns the glyphs left outside every frame. */
export function fillFrames(frames: readonly Frame[], glyphs: readonly Glyph[]): Glyph[] {
  const outside: Glyph[] = [];
  const per = frames.map((f) => {
    const grid = new Map<number, number>();
    const C = f.xs.length - 1;
    f.cells.forEach((cell, i) => {
      for (let r = cell.r0; r < cell.r1; r++)
        for (let c = cell.c0; c < cell.c1; c++) grid.set(r * C + c, i);
    });
    return { grid, C, glyphs: f.cells.map((): Glyph[] => []) };
  });
  for (const g of glyphs) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = (g.y0 + g.y1) / 2;
    const k = frames.findIndex(
      (f) => cx >= f.box.x0 && cx <= f.box.x1 && cy >= f.box.y0 && cy <= f.box.y1,
    );
    if (k < 0) {
      outside.push(g);
      continue;
    }
    const f = at(frames, k);
    const p = at(per, k);
    const cell = p.grid.get(indexAt(f.ys, cy) * p.C + indexAt(f.xs, cx));
    if (cell !== undefined) p.glyphs[cell]?.push(g);
  }
  frames.forEach((f, k) => {
    const p = at(per, k);
    f.cells.forEach((cell, i) => {
      cell.text = cellText(p.glyphs[i] ?? []);
    });
  });
  return outside;
}

/** Tables drawn on one page, top to bottom (frames nested in another frame's box are dropped). */
export function findRuledFrames(rules: readonly Rule[], page: number): Frame[] {
  const frames = ruleGroups(mergeRules(rules))
    .map((g) => frameFromRules(g, page))
    .filter((f): f is Frame => f !== null);
  const inside = (a: Frame, b: Frame) =>
    a !== b &&
    a.box.x0 >= b.box.x0 - SNAP &&
    a.box.x1 <= b.box.x1 + SNAP &&
    a.box.y0 >= b.box.y0 - SNAP &&
    a.box.y1 <= b.box.y1 + SNAP;
  return frames
    .filter((f) => !frames.some((o) => inside(f, o)))
    .sort((a, b) => a.box.y0 - b.box.y0);
}
