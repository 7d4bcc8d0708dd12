/**
 * Tables without rules, from the alignment of their text: consecutive lines split into chunks
 * by wide gaps, whose chunks line up in columns. The columns are the x-ranges covered by the
 * chunks of the rows holding values (header labels may straddle columns and would merge them);
 * every line of the run becomes a row, each chunk going to the column(s) it overlaps. A label
 * wrapped onto a line of its own is joined to the row it belongs to.
 */
import { joinPieces, rectOf, union } from './geometry';
import type { Chunk, Line } from './lines';
import type { Frame, FrameCell } from './ruled';

const NUMBER = /^[+-]?[\d０-９][\d０-９,，.．]*%?$|^[—–\-－/／]+$/;

function isValue(text: string): boolean {
  return NUMBER.test(text.replace(/\s+/g, ''));
}

function tabular(l: Line): boolean {
  return l.chunks.length >= 2;
}

/** A short line without a sentence end, inside a run of table rows: a wrapped label. */
function wrappedLabel(l: Line): boolean {
  return l.chunks.length === 1 && l.text.replace(/\s+/g, '').length <= 24 && !/[。；;]$/.test(l.text.trim());
}

/** Column ranges from the chunks of the value rows. */
function columns(rows: readonly Line[]): [number, number][] {
  const valueRows = rows.filter((l) => l.chunks.slice(1).some((c) => isValue(c.text)));
  const source = valueRows.length >= 2 ? valueRows : rows;
  const spans = source.flatMap((l) => l.chunks.map((c) => [c.x0, c.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function overlapping(cols: readonly [number, number][], c: Chunk): number[] {
  const hit = cols.map((col, i) => [i, Math.min(col[1], c.x1) - Math.max(col[0], c.x0)] as const).filter(([, o]) => o > 0).map(([i]) => i);
  if (hit.length) return hit;
  // In a gap: the nearest column.
  const mid = (c.x0 + c.x1) / 2;
  let best = 0;
  cols.forEach((col, i) => {
    if (Math.abs((col[0] + col[1]) / 2 - mid) < Math.abs(((cols[best] as [number, number])[0] + (cols[best] as [number, number])[1]) / 2 - mid)) best = i;
  });
  return [best];
}

/** Builds a frame from a run of lines. */
function frameOf(run: readonly Line[], page: number): Frame | null {
  const cols = columns(run);
  if (cols.length < 2) return null;
  // Join wrapped label lines to the row they belong to: a line with only a first-column chunk
  // goes with the nearest row (by vertical distance) that has values and a label not ending a phrase.
  const rows: { line: Line; label: Chunk[] }[] = [];
  const pending: Line[] = [];
  for (const l of run) {
    const onlyLabel = l.chunks.length === 1 && overlapping(cols, l.chunks[0] as Chunk)[0] === 0;
    if (onlyLabel) {
      pending.push(l);
      continue;
    }
    const label = l.chunks.filter((c) => overlapping(cols, c)[0] === 0);
    // Label lines above this row are the start of its label.
    const lead = pending.splice(0);
    rows.push({ line: l, label: [...lead.map((p) => p.chunks[0] as Chunk), ...label] });
  }
  // Label lines left after the last value row end the previous row's label.
  const lastRow = rows[rows.length - 1];
  if (lastRow) for (const p of pending) lastRow.label.push(p.chunks[0] as Chunk);
  if (rows.length < 2) return null;
  const cells: FrameCell[] = [];
  const ys: number[] = [];
  rows.forEach((row, r) => {
    const top = Math.min(row.line.y0, ...row.label.map((c) => c.y0));
    ys.push(top);
    const byCol = new Map<number, { text: string; boxes: Chunk[]; span: number }>();
    const labelBoxes = row.label;
    if (labelBoxes.length) byCol.set(0, { text: labelBoxes.map((c) => c.text).reduce((s, t) => joinPieces(s, t), ''), boxes: labelBoxes, span: 1 });
    for (const c of row.line.chunks) {
      const hit = overlapping(cols, c);
      const first = hit[0] as number;
      if (first === 0 && labelBoxes.includes(c)) continue;
      const prev = byCol.get(first);
      if (prev) {
        prev.text = joinPieces(prev.text, c.text);
        prev.boxes.push(c);
      } else byCol.set(first, { text: c.text, boxes: [c], span: hit.length });
    }
    for (const [c0, v] of byCol) {
      cells.push({ r0: r, r1: r + 1, c0, c1: Math.min(cols.length, c0 + v.span), text: v.text, page, box: rectOf(union(v.boxes)) });
    }
  });
  const bottom = Math.max(...rows.map((r) => Math.max(r.line.y1, ...r.label.map((c) => c.y1))));
  ys.push(bottom);
  const xs = [...cols.map((c) => c[0]), (cols[cols.length - 1] as [number, number])[1]];
  return {
    page,
    box: rectOf({ x0: xs[0] as number, y0: ys[0] as number, x1: xs[xs.length - 1] as number, y1: bottom }),
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
export function findAlignedFrames(lines: readonly Line[], page: number): { frames: Frame[]; taken: Set<number> } {
  const frames: Frame[] = [];
  const taken = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (!tabular(lines[i] as Line)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && (tabular(lines[j] as Line) || (wrappedLabel(lines[j] as Line) && j + 1 < lines.length && tabular(lines[j + 1] as Line)))) j++;
    const run = lines.slice(i, j);
    const rows = run.filter(tabular);
    const valueRows = rows.filter((l) => isValue((l.chunks[l.chunks.length - 1] as Chunk).text)).length;
    const wide = rows.filter((l) => l.chunks.length >= 3).length;
    // Two values in a row, or a run of label–value lines: a table, not a justified sentence.
    if (rows.length >= 2 && valueRows >= 2 && (wide >= 2 || valueRows >= 3 || valueRows === rows.length)) {
      const f = frameOf(run, page);
      if (f) {
        frames.push(f);
        for (let k = i; k < j; k++) taken.add(k);
      }
    }
    i = j;
  }
  return { frames, taken };
}
