/**
 * Tables without rules, from the alignment of their text: consecutive lines split into chunks
 * by wide gaps, whose chunks line up in columns. The columns are the x-ranges covered by the
 * chunks of the rows holding values (header labels may straddle columns and would merge them);
 * every line of the run becomes a row, each chunk going to the column(s) it overlaps. A label
 * wrapped onto a line of its own is joined to the row it belongs to.
 */
import { at } from '../../model/checked';
import { joinPieces, rectOf, union, type Glyph } from './geometry';
import { glyphText, type Chunk, type Line } from './lines';
import type { Frame, FrameCell } from './ruled';

const NUMBERED =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．](?!\d))/;
const NUMBER = /^[+-]?[\d０-９][\d０-９,，.．]*%?$|^[—–\-－/／]+$/;

function isValue(text: string): boolean {
  return NUMBER.test(text.replace(/\s+/g, ''));
}

function tabular(l: Line): boolean {
  return l.chunks.length >= 2;
}

/** A short line without a sentence end, inside a run of table rows: a wrapped label. */
function wrappedLabel(l: Line): boolean {
  return (
    l.chunks.length === 1 &&
    l.text.replace(/\s+/g, '').length <= 24 &&
    !/[。；;]$/.test(l.text.trim())
  );
}

/** A label line close enough above the next line to be part of the same table. */
function fitsAbove(label: Line, next: Line): boolean {
  return (
    next.y0 - label.y1 <= Math.max(label.size, next.size) * 1.5 && label.size <= next.size * 1.15
  );
}

/** Column ranges from the chunks of the value rows. */
function columns(rows: readonly Line[]): [number, number][] {
  const valueRows = rows.filter((l) => l.chunks.slice(1).some((c) => isValue(c.text)));
  const source = valueRows.length >= 2 ? valueRows : rows;
  const spans = source
    .flatMap((l) => l.chunks.map((c): [number, number] => [c.x0, c.x1]))
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function overlapping(cols: readonly [number, number][], c: Chunk): number[] {
  const hit = cols
    .map((col, i) => [i, Math.min(col[1], c.x1) - Math.max(col[0], c.x0)] as const)
    .filter(([, o]) => o > 0)
    .map(([i]) => i);
  if (hit.length) return hit;
  // In a gap: the nearest column.
  const mid = (c.x0 + c.x1) / 2;
  let best = 0;
  cols.forEach((col, i) => {
    if (
      Math.abs((col[0] + col[1]) / 2 - mid) <
      Math.abs((at(cols, best)[0] + at(cols, best)[1]) / 2 - mid)
    )
      best = i;
  });
  return [best];
}

/**
 * A chunk running over a column boundary with a gap there holds two cells' text ("（三）不予公开"
 * beside "5.属于三类内部"): cut it at that gap. Text running on across the boundary is one
 * cell spanning columns.
 */
function splitAtColumns(c: Chunk, cols: readonly [number, number][]): Chunk[] {
  if (c.glyphs.length < 2 || overlapping(cols, c).length < 2) return [c];
  const colOf = (g: Glyph) =>
    overlapping(cols, { ...c, x0: (g.x0 + g.x1) / 2, x1: (g.x0 + g.x1) / 2 + 0.01 })[0];
  const out: Chunk[] = [];
  let cur: Glyph[] = [at(c.glyphs, 0)];
  for (let k = 1; k < c.glyphs.length; k++) {
    const g = at(c.glyphs, k);
    const prev = at(c.glyphs, k - 1);
    if (colOf(g) !== colOf(prev) && g.x0 - prev.x1 >= g.size * 0.3) {
      out.push(pieceOf(cur));
      cur = [];
    }
    cur.push(g);
  }
  out.push(pieceOf(cur));
  return out;
}

function pieceOf(glyphs: Glyph[]): Chunk {
  return { text: glyphText(glyphs), glyphs, ...union(glyphs) };
}

/** A line carrying values right of its first column: a row of the table. */
function valueRow(l: Line, cols: readonly [number, number][]): boolean {
  return l.chunks.some((c) => isValue(c.text) && at(overlapping(cols, c), 0) > 0);
}

/**
 * Builds a frame from a run of lines. Rows are the lines that carry values; lines above the
 * first of them are header rows of their own; every other line holds label pieces (a label
 * wrapped around its vertically centred values, a group label in the middle of its rows) and
 * each of its chunks joins, in its own column, the value row nearest to it.
 */
function frameOf(run: readonly Line[], page: number): Frame | null {
  const cols = columns(run);
  if (cols.length < 2) return null;
  const firstValue = run.findIndex((l) => valueRow(l, cols));
  if (firstValue < 0) return null;
  // Header lines, value rows and any line split into columns are rows; single label pieces are not.
  const valueCols = new Set(
    run
      .filter((l) => valueRow(l, cols))
      .flatMap((l) =>
        l.chunks.filter((c) => isValue(c.text)).map((c) => at(overlapping(cols, c), 0)),
      ),
  );
  const inValueCols = (l: Line) =>
    l.chunks.some((c) => overlapping(cols, c).some((k) => valueCols.has(k)));
  // Value rows and lines split into the value columns are rows; lines above the first value
  // row split into several chunks are header rows; every other line holds label pieces.
  const rowLines = run.filter(
    (l, i) => valueRow(l, cols) || (tabular(l) && (i < firstValue || inValueCols(l))),
  );
  type Row = { line: Line; pieces: Map<number, Chunk[]> };
  const rows: Row[] = rowLines.map((line) => ({ line, pieces: new Map<number, Chunk[]>() }));
  const centre = (b: { y0: number; y1: number }) => (b.y0 + b.y1) / 2;
  const addPiece = (row: Row, c: Chunk) => {
    const col = at(overlapping(cols, c), 0);
    const list = row.pieces.get(col);
    if (list) list.push(c);
    else row.pieces.set(col, [c]);
  };
  const add = (row: Row, whole: Chunk) => {
    for (const c of splitAtColumns(whole, cols)) addPiece(row, c);
  };
  for (const row of rows) for (const c of row.line.chunks) add(row, c);
  const valueRows = rows.filter((row) => valueRow(row.line, cols));
  const centres = valueRows.map((row) => centre(row.line));
  const gaps = centres
    .slice(1)
    .map((c, k) => c - at(centres, k))
    .sort((x, y) => x - y);
  // The usual height of a one-line row: tall rows (wrapped labels) and captions make larger gaps.
  const pitch = gaps[Math.floor(gaps.length / 4)] ?? Infinity;
  /** The last label line seen in each column, with the row it went to: wrapped labels chain. */
  const chain = new Map<number, { line: Line; row: Row }>();
  for (const l of run) {
    if (rowLines.includes(l)) continue;
    const col = at(overlapping(cols, at(l.chunks, 0)), 0);
    let target: Row | undefined;
    // A numbered label ("1.申请人无正当…") starts the label of the value row below it, however tall.
    if (NUMBERED.test(l.text.trim())) {
      const below = valueRows.find((row) => centre(row.line) > centre(l));
      if (below && centre(below.line) - centre(l) <= pitch * 3) target = below;
    }
    // The next line of a label wrapped in its cell goes where the label's first line went.
    const prev = chain.get(col);
    if (
      !target &&
      prev &&
      Math.abs(prev.line.x0 - l.x0) <= l.size * 1.5 &&
      l.y0 - prev.line.y1 <= l.size * 0.8
    )
      target = prev.row;
    if (!target) {
      let dist = Infinity;
      for (const row of valueRows) {
        const d = Math.abs(centre(row.line) - centre(l));
        if (d < dist) {
          dist = d;
          target = row;
        }
      }
      // Far from every value row (a sub-table's caption, a header between two blocks of rows):
      // a row of its own.
      if (dist > pitch * 0.6) {
        const own: Row = { line: l, pieces: new Map<number, Chunk[]>() };
        const at = rows.findIndex((row) => centre(row.line) > centre(l));
        rows.splice(at < 0 ? rows.length : at, 0, own);
        target = own;
      }
    }
    if (!target) continue;
    for (const c of l.chunks) add(target, c);
    chain.set(col, { line: l, row: target });
  }
  const cells: FrameCell[] = [];
  const ys: number[] = [];
  rows.forEach((row, r) => {
    const all = [...row.pieces.values()].flat();
    ys.push(Math.min(...all.map((c) => c.y0)));
    for (const [c0, pieces] of [...row.pieces.entries()].sort((a, b) => a[0] - b[0])) {
      // Pieces of one label read top to bottom; pieces side by side (a group label beside its
      // row label) read left column first.
      const em = Math.max(...pieces.map((p) => p.y1 - p.y0), 1);
      pieces.sort((a, b) => (Math.abs(a.x0 - b.x0) > em ? a.x0 - b.x0 : a.y0 - b.y0));
      const span = Math.max(...pieces.map((p) => overlapping(cols, p).length));
      const text = pieces.reduce((t, p) => joinPieces(t, p.text), '');
      cells.push({
        r0: r,
        r1: r + 1,
        c0,
        c1: Math.min(cols.length, c0 + span),
        text,
        page,
        box: rectOf(union(pieces)),
      });
    }
  });
  // Overlapping spans (a header straddling a column that also has its own piece) are trimmed.
  cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (let k = 1; k < cells.length; k++) {
    const prev = at(cells, k - 1);
    const cur = at(cells, k);
    if (prev.r0 === cur.r0 && prev.c1 > cur.c0) prev.c1 = Math.max(prev.c0 + 1, cur.c0);
  }
  const bottom = Math.max(...run.map((l) => l.y1));
  ys.push(bottom);
  const xs = [...cols.map((c) => c[0]), at(cols, -1)[1]];
  return {
    page,
    box: rectOf({
      x0: Math.min(at(xs, 0), ...run.map((l) => l.x0)),
      y0: Math.min(...run.map((l) => l.y0)),
      x1: at(xs, -1),
      y1: bottom,
    }),
    xs,
    ys,
    rowPages: rows.map(() => page),
    cells,
    source: 'alignment',
  };
}

/**
 * Finds tables without rules among a page's lines. Returns the frames and, per line, whether it
 * was taken into one.
 */
export function findAlignedFrames(
  lines: readonly Line[],
  page: number,
): { frames: Frame[]; taken: Set<number> } {
  const frames: Frame[] = [];
  const taken = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (!tabular(at(lines, i))) {
      i++;
      continue;
    }
    let j = i + 1;
    const tabularSoon = (k: number) => {
      for (let n = k; n < Math.min(lines.length, k + 4); n++) {
        if (tabular(at(lines, n))) return true;
        if (!wrappedLabel(at(lines, n))) return false;
      }
      return false;
    };
    // Larger type than the table's (a section heading) ends the table.
    const size = at(lines, i).size;
    const fits = (l: Line) => l.size <= size * 1.15;
    while (
      j < lines.length &&
      fits(at(lines, j)) &&
      (tabular(at(lines, j)) || (wrappedLabel(at(lines, j)) && tabularSoon(j + 1)))
    )
      j++;
    // Label lines just above the first row (a label wrapped before its values, the rest of a
    // table continued from the previous page) belong to the table.
    let start = i;
    while (
      start > 0 &&
      i - start < 4 &&
      !taken.has(start - 1) &&
      wrappedLabel(at(lines, start - 1)) &&
      fitsAbove(at(lines, start - 1), at(lines, start))
    )
      start--;
    const run = lines.slice(start, j);
    const rows = run.filter(tabular);
    const valueRows = rows.filter((l) => isValue(at(l.chunks, -1).text)).length;
    const wide = rows.filter((l) => l.chunks.length >= 3).length;
    // Two values in a row, or a run of label–value lines: a table, not a justified sentence.
    if (
      rows.length >= 2 &&
      valueRows >= 2 &&
      (wide >= 2 || valueRows >= 3 || valueRows === rows.length)
    ) {
      const f = frameOf(run, page);
      if (f) {
        frames.push(f);
        for (let k = start; k < j; k++) taken.add(k);
      }
    }
    i = j;
  }
  return { frames, taken };
}
