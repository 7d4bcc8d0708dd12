/**
 * Table grids: rows of origin cells (with row and column spans) expanded into a rectangular grid
 * of TableCells, and a grid's display HTML. Shared by the HTML/.docx walk and the .doc reader.
 */
import { at } from '../model/checked';
import type { TableBlock, TableCell } from '../model/types';
import { LIMITS } from './errors';
import { escapeHtml } from './render';

export interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Expands rows of origin cells into a rectangular grid; bounded by LIMITS.maxTableCells. */
export function expandTable(rows: readonly (readonly RawCell[])[]): {
  rows: TableCell[][];
  truncated: boolean;
} {
  const nRows = rows.length;
  const grid: (TableCell | undefined)[][] = rows.map(() => []);
  let truncated = false;
  let width = 0;
  let keptRows = nRows;
  for (let r = 0; r < nRows; r++) {
    const row = at(rows, r);
    const gridRow = at(grid, r);
    let c = 0;
    for (const cell of row) {
      while (gridRow[c]) c++;
      const rs = Math.min(cell.rowSpan, nRows - r);
      const cs = Math.min(cell.colSpan, 1000);
      if ((c + cs) * (r + 1) > LIMITS.maxTableCells) break;
      for (let i = 0; i < rs; i++) {
        const target = at(grid, r + i);
        for (let j = 0; j < cs; j++) {
          const origin = i === 0 && j === 0;
          target[c + j] = {
            text: cell.text,
            rowSpan: origin ? rs : 1,
            colSpan: origin ? cs : 1,
            covered: !origin,
            originRow: r,
            originCol: c,
          };
        }
      }
      c += cs;
    }
    width = Math.max(width, gridRow.length);
    if (width * (r + 1) > LIMITS.maxTableCells) {
      truncated = true;
      keptRows = r;
      break;
    }
  }
  const out: TableCell[][] = [];
  for (let r = 0; r < keptRows; r++) {
    const g = at(grid, r);
    out.push(
      Array.from(
        { length: width },
        (_, c) =>
          g[c] ?? { text: '', rowSpan: 1, colSpan: 1, covered: false, originRow: r, originCol: c },
      ),
    );
  }
  // A merge reaching past a truncation point must not claim rows that are gone.
  if (truncated)
    for (const row of out)
      for (const cell of row)
        if (!cell.covered) cell.rowSpan = Math.min(cell.rowSpan, keptRows - cell.originRow);
  return { rows: out, truncated };
}

export function tableHtml(block: TableBlock, index: number): string {
  const trs = block.rows.map((row, r) => {
    const tds = row
      .map((cell, c) => {
        if (cell.covered) return '';
        const attrs =
          (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') +
          (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
        return `<td data-nb-cell="${r},${c}"${attrs}>${escapeHtml(cell.text).replace(/\n/g, '<br>')}</td>`;
      })
      .join('');
    return `<tr>${tds}</tr>`;
  });
  return `<table data-nb-block="${index}" class="nb-grid"><tbody>${trs.join('')}</tbody></table>`;
}
