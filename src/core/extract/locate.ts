/**
 * PDF positions: a SourcePos names a block (and a cell); for a PDF the block or cell also has a
 * page and a box, which the viewer needs to draw a finding on the page. Extraction builds
 * positions from block indexes only, whatever the format, and this pass adds the page and box
 * to every position of the model afterwards, so no extraction step needs to know about pages.
 */
import type { ReportModel, SourceDocument, SourcePos } from '../model/types';

function place(pos: SourcePos, doc: SourceDocument): void {
  const b = doc.blocks[pos.block];
  if (!b) return;
  if (b.kind === 'table' && pos.row !== undefined && pos.col !== undefined) {
    const cell = b.rows[pos.row]?.[pos.col];
    if (cell?.page !== undefined && cell.box) {
      pos.page = cell.page;
      pos.box = cell.box;
      return;
    }
  }
  if (b.page !== undefined && b.box) {
    pos.page = b.page;
    pos.box = b.box;
  }
}

function isPos(v: object): v is SourcePos {
  return 'block' in v && typeof v.block === 'number';
}

/** Adds page and box to every SourcePos reachable from the model (PDF documents only). */
export function locatePositions(model: ReportModel, doc: SourceDocument): void {
  if (!doc.pages) return;
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (isPos(v)) {
      place(v, doc);
      return;
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
  };
  visit(model);
}
