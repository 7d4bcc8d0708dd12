/**
 * Ruling lines out of the paths a page draws: a pdf.js path buffer split into subpaths, stroked
 * segments that run along an axis, and thin filled rectangles drawn as lines. Wide filled
 * rectangles (cell shading), curves and white strokes are no rules; see operators.ts.
 */
import { at } from '../../model/checked';
import type { Rule } from './geometry';

/** pdf.js DrawOPS: the path buffer's segment codes. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thicker than this, a filled rectangle is shading, not a line. */
const MAX_RULE_THICKNESS = 3;
/** Shorter than this, a segment is a tick or a glyph-like mark. */
const MIN_RULE_LENGTH = 3;
/** Off-axis tolerance of a "horizontal" or "vertical" segment. */
const AXIS_TOLERANCE = 0.8;

export function isWhite(color: string): boolean {
  return /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(color);
}

export type Pt = [number, number];

/** Subpaths of a pdf.js path buffer, as point lists (curves reduced to their end points, flagged). */
export function subpaths(
  path: ArrayLike<number>,
): { pts: Pt[]; curved: boolean; closed: boolean }[] {
  const out: { pts: Pt[]; curved: boolean; closed: boolean }[] = [];
  let cur: { pts: Pt[]; curved: boolean; closed: boolean } | null = null;
  // A truncated buffer reads as NaN (as the plain index read did), never as a thrown error.
  const pt = (k: number): Pt => [path[k] ?? NaN, path[k + 1] ?? NaN];
  for (let k = 0; k < path.length;) {
    const op = path[k++];
    if (op === MOVE) {
      cur = { pts: [pt(k)], curved: false, closed: false };
      out.push(cur);
      k += 2;
    } else if (op === LINE) {
      if (!cur) {
        cur = { pts: [], curved: false, closed: false };
        out.push(cur);
      }
      cur.pts.push(pt(k));
      k += 2;
    } else if (op === CURVE) {
      if (cur) {
        cur.curved = true;
        cur.pts.push(pt(k + 4));
      }
      k += 6;
    } else if (op === QUAD) {
      if (cur) {
        cur.curved = true;
        cur.pts.push(pt(k + 2));
      }
      k += 4;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
    } else {
      break; // unknown code: stop rather than misread the buffer
    }
  }
  return out;
}

export function segmentRule(a: Pt, b: Pt): Rule | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_RULE_LENGTH) {
    const y = (a[1] + b[1]) / 2;
    return { dir: 'h', x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y };
  }
  if (dx <= AXIS_TOLERANCE && dy >= MIN_RULE_LENGTH) {
    const x = (a[0] + b[0]) / 2;
    return { dir: 'v', x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) };
  }
  return null;
}

/** An axis-aligned rectangle's bounds, or null when the subpath is anything else. */
export function asRect(
  pts: readonly Pt[],
): { x0: number; y0: number; x1: number; y1: number } | null {
  const p =
    pts.length === 5 &&
    Math.abs(at(pts, 0)[0] - at(pts, 4)[0]) < 0.01 &&
    Math.abs(at(pts, 0)[1] - at(pts, 4)[1]) < 0.01
      ? pts.slice(0, 4)
      : pts;
  if (p.length !== 4) return null;
  for (let i = 0; i < 4; i++) {
    const a = at(p, i);
    const b = at(p, (i + 1) % 4);
    if (Math.abs(a[0] - b[0]) > AXIS_TOLERANCE && Math.abs(a[1] - b[1]) > AXIS_TOLERANCE)
      return null;
  }
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** A thin filled rectangle drawn as a line. */
export function thinRule(r: { x0: number; y0: number; x1: number; y1: number }): Rule | null {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH && w > h) {
    const y = (r.y0 + r.y1) / 2;
    return { dir: 'h', x0: r.x0, x1: r.x1, y0: y, y1: y };
  }
  if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH && h > w) {
    const x = (r.x0 + r.x1) / 2;
    return { dir: 'v', x0: x, x1: x, y0: r.y0, y1: r.y1 };
  }
  return null;
}
