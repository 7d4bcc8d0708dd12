/**
 * Table rows of a .doc: a row's cell layout from its definition (sprmTDefTable, TC80 merge flags,
 * sprmTVertMerge), and rows of cell texts laid out into a grid with row and column spans.
 */
import { at } from '../model/checked';
import type { RawCell } from './table-grid';
import type { PropRun } from './doc-records';

/** A table row's cell layout from sprmTDefTable, with merge flags (TC80) and sprmTVertMerge. */
export interface RowDef {
  /** Cell boundaries in twips: cell i spans [x[i], x[i+1]). */
  x: number[];
  /** Per cell: 0 none, 1 continues the merge above, 3 starts a vertical merge. */
  vMerge: number[];
  /** Per cell: true when merged into the previous cell horizontally (old-style TC80 horzMerge). */
  hMerged: boolean[];
}

export function rowDef(run: PropRun | undefined): RowDef | null {
  const def = run?.sprms.get(0xd608);
  if (!run || !def) return null;
  const b = def.buf;
  // A definition with no operand reads past its end as the plain index read did: no cells.
  const n = b[def.data] ?? NaN;
  const x: number[] = [];
  const end = def.data + def.size;
  for (let i = 0; i <= n; i++) {
    const p = def.data + 1 + i * 2;
    if (p + 2 > end) return null;
    x.push(b.readInt16LE(p));
  }
  const vMerge: number[] = [];
  const hMerged: boolean[] = [];
  const tcStart = def.data + 1 + (n + 1) * 2;
  for (let i = 0; i < n; i++) {
    const p = tcStart + i * 20;
    const grf = p + 2 <= end ? b.readUInt16LE(p) : 0;
    hMerged.push((grf & 0x3) >= 2);
    vMerge.push((grf >> 5) & 0x3);
  }
  for (let i = 0; i < n; i++) {
    const vm = run.sprms.get(0xd62b0000 + i);
    if (vm && vm.size >= 2) vMerge[i] = vm.buf.readUInt8(vm.data + 1);
  }
  return { x, vMerge, hMerged };
}

export interface RawRow {
  cells: string[];
  def: RowDef | null;
}

/** Turns rows of cell texts with their definitions into a grid: columns from all cell boundaries. */
export function buildTable(rows: readonly RawRow[]): RawCell[][] {
  const bounds = new Set<number>();
  for (const r of rows)
    if (r.def && r.def.x.length === r.cells.length + 1) for (const x of r.def.x) bounds.add(x);
  // A real table has a few dozen distinct cell edges; beyond that (a crafted file) lay cells out by
  // index, so that placing them stays linear.
  const cols = bounds.size > 256 ? [] : [...bounds].sort((a, b) => a - b);
  // Index of a boundary: nearest known one (widths are written in twips; equal columns line up exactly).
  const colOf = (x: number): number => {
    let best = 0;
    cols.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs(at(cols, best) - x)) best = i;
    });
    return best;
  };
  type Slot = { text: string; col: number; span: number; v: number };
  const laid: Slot[][] = rows.map((r) => {
    const d = cols.length && r.def && r.def.x.length === r.cells.length + 1 ? r.def : null;
    const out: Slot[] = [];
    r.cells.forEach((text, i) => {
      const col = d ? colOf(at(d.x, i)) : i;
      const span = d ? Math.max(1, colOf(at(d.x, i + 1)) - col) : 1;
      const prev = out[out.length - 1];
      if (d?.hMerged[i] && prev) {
        prev.span = col + span - prev.col;
        if (text.trim()) prev.text = prev.text ? `${prev.text}\n${text}` : text;
        return;
      }
      out.push({ text, col, span, v: d?.vMerge[i] ?? 0 });
    });
    return out;
  });
  // Vertical merges: a continuing cell (1) extends the cell above in the same column.
  const result: RawCell[][] = [];
  const origin = new Map<string, RawCell>();
  laid.forEach((row, r) => {
    const outRow: RawCell[] = [];
    let cursor = 0;
    for (const s of row) {
      if (s.col > cursor) outRow.push({ text: '', rowSpan: 1, colSpan: s.col - cursor }); // gridBefore / gaps
      const above = origin.get(`${r - 1},${s.col},${s.span}`);
      // 1 (and the undefined 2) continue the merge above; 3 starts one.
      if ((s.v === 1 || s.v === 2) && above) {
        above.rowSpan += 1;
        origin.set(`${r},${s.col},${s.span}`, above);
        cursor = s.col + s.span;
        continue;
      }
      const cell: RawCell = { text: s.text, rowSpan: 1, colSpan: s.span };
      if (s.v === 3) origin.set(`${r},${s.col},${s.span}`, cell);
      outRow.push(cell);
      cursor = s.col + s.span;
    }
    result.push(outRow);
  });
  return result;
}
