/**
 * Glyphs, ruling lines and images out of a page's drawing operators (pdf.js operator list).
 *
 * Text: every glyph is placed by following the text state the way pdf.js's own canvas does
 * (text matrix, Td/TD/T*, character and word spacing, horizontal scaling, rise, vertical fonts),
 * so each character gets its own box. pdf.js's text-content API merges runs and, for vertical
 * fonts placed glyph by glyph, loses characters (a vertical row header "三、本年度办理结果" came
 * out as "三、本年"); the operator list has them all.
 *
 * Rules: tables are drawn either as stroked paths (one line per border, or a stroked rectangle
 * per cell) or as thin filled rectangles; cell shading (wide filled rectangles) and white
 * "erasers" are not rules. Coordinates are carried through the graphics state (save/restore,
 * cm, form XObjects) and mapped to top-left page coordinates by the viewport transform.
 */
import { at } from '../../model/checked';
import type { Glyph, Rule } from './geometry';
import { asRect, isWhite, segmentRule, subpaths, thinRule, type Pt } from './paths';

export type Matrix = [number, number, number, number, number, number];

/** The pdf.js operator codes this module reads (passed in, so the module has no pdf.js import). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  beginText: number;
  setFont: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  setLeading: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  showText: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  images: readonly number[];
}

export function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF's row-vector convention, as pdf.js's Util.transform(n, m)).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** What the walker needs to know of a font (pdf.js's font object). */
export interface FontInfo {
  fontMatrix?: ArrayLike<number>;
  vertical?: boolean;
  defaultVMetrics?: ArrayLike<number>;
  ascent?: number;
  descent?: number;
}

/** A font object of the page's common objects (pdf.js types them as any). */
export function fontInfoOf(v: unknown): FontInfo | undefined {
  return typeof v === 'object' && v !== null ? v : undefined;
}

/** One glyph of a showText operator as pdf.js hands it out. */
interface OpGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
  vmetric?: ArrayLike<number> | null;
}

/** A showText item that is a glyph object whose text and width are what they should be. */
function isOpGlyph(v: unknown): v is OpGlyph {
  if (typeof v !== 'object' || v === null) return false;
  const unicode: unknown = 'unicode' in v ? v.unicode : undefined;
  const width: unknown = 'width' in v ? v.width : undefined;
  return (
    (unicode === undefined || typeof unicode === 'string') &&
    (width === undefined || typeof width === 'number')
  );
}

/** A list of numbers, plain or typed (pdf.js hands out both). */
function isNumberList(v: unknown): v is ArrayLike<number> {
  if (ArrayBuffer.isView(v)) return !(v instanceof DataView);
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

/** A six-number matrix operand, copied; null when the operand is anything else. */
export function matrixOf(v: unknown): Matrix | null {
  if (!isNumberList(v) || v.length !== 6) return null;
  return [at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5)];
}

export interface PageScan {
  glyphs: Glyph[];
  rules: Rule[];
  /** Sum of the areas images are drawn over, in square points. */
  imageArea: number;
}

interface TextState {
  font: FontInfo | undefined;
  size: number;
  direction: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  stroke: string;
  text: TextState;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * Walks an operator list. `viewport` maps PDF user space to top-left page coordinates
 * (pdf.js's viewport.transform at scale 1); `fonts` looks up a font by the name setFont uses;
 * `normalize` folds compatibility characters (Kangxi radicals for 一, 二 …) as pdf.js does.
 */
export function scanOperators(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: OpCodes,
  viewport: Matrix,
  fonts: (name: string) => FontInfo | undefined = () => undefined,
  normalize: (s: string) => string = (s) => s,
  maxItems = 200_000,
): PageScan {
  const rules: Rule[] = [];
  const glyphs: Glyph[] = [];
  let imageArea = 0;
  let g: GraphicsState = {
    ctm: IDENTITY,
    fill: '#000000',
    stroke: '#000000',
    text: {
      font: undefined,
      size: 0,
      direction: 1,
      charSpacing: 0,
      wordSpacing: 0,
      hScale: 1,
      leading: 0,
      rise: 0,
    },
  };
  const stack: GraphicsState[] = [];
  const push = () => stack.push({ ...g, text: { ...g.text } });
  const pop = () => {
    const s = stack.pop();
    if (s) g = s;
  };
  // Text object state (BT … ET): the text matrix and the current and line positions.
  let tm: Matrix = IDENTITY;
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  const moveText = (dx: number, dy: number) => {
    x = lineX += dx;
    y = lineY += dy;
  };
  const images = new Set(ops.images);
  const num = (a: unknown, k: number): number => {
    const v: unknown = Array.isArray(a) ? a[k] : undefined;
    return typeof v === 'number' ? v : 0;
  };

  const showText = (list: readonly unknown[]) => {
    const t = g.text;
    const font = t.font;
    if (!font || t.size === 0) return;
    const fm = font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const vertical = font.vertical === true;
    const spacingDir = vertical ? 1 : -1;
    const hs = t.hScale * t.direction;
    const was = t.size * (fm[0] ?? 0.001);
    const ascent = font.ascent && font.ascent > 0.3 && font.ascent < 1.5 ? font.ascent : 0.88;
    const descent = font.descent && font.descent < 0 && font.descent > -0.6 ? -font.descent : 0.12;
    // Text space → top-left page coordinates.
    const m = multiply(multiply(tm, g.ctm), viewport);
    const sizeOnPage = Math.hypot(m[2], m[3]) * t.size;
    let acc = 0;
    for (const item of list) {
      if (typeof item === 'number') {
        acc += (spacingDir * item * t.size) / 1000;
        continue;
      }
      if (!isOpGlyph(item)) continue;
      const gl = item;
      const spacing = (gl.isSpace ? t.wordSpacing : 0) + t.charSpacing;
      let width = gl.width ?? 0;
      let corners: [Pt, Pt];
      if (vertical) {
        const vm = gl.vmetric ?? font.defaultVMetrics ?? [-1000, 500, 880];
        const vx = -(gl.vmetric ? (vm[1] ?? 500) : width * 0.5) * was;
        const vy = (vm[2] ?? 880) * was;
        width = -(vm[0] ?? -1000);
        const ox = x + hs * vx;
        const oy = y + t.rise - (acc + vy);
        corners = [
          [ox, oy - descent * t.size],
          [ox + t.size * Math.abs(hs), oy + ascent * t.size],
        ];
      } else {
        const ox = x + hs * acc;
        const oy = y + t.rise;
        corners = [
          [ox, oy - descent * t.size],
          [ox + width * was * hs, oy + ascent * t.size],
        ];
      }
      const advance = vertical
        ? width * was - spacing * t.direction
        : width * was + spacing * t.direction;
      acc += advance;
      const text = normalize(gl.unicode ?? '');
      if (gl.isSpace || /^\s*$/.test(text)) {
        if (text === '' && !gl.isSpace && width > 0) {
          // A glyph drawn with no character behind it: counted, so a PDF of such glyphs is recognised.
          glyphs.push(box('\ufffd', corners, m, sizeOnPage));
        }
        continue;
      }
      if (glyphs.length < maxItems) glyphs.push(box(text, corners, m, sizeOnPage));
    }
    if (vertical) y -= acc;
    else x += acc * hs;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = at(fnArray, i);
    const args = argsArray[i];
    if (fn === ops.save) push();
    else if (fn === ops.restore) pop();
    else if (fn === ops.transform) {
      const mm = matrixOf(args);
      if (mm) g.ctm = multiply(mm, g.ctm);
    } else if (fn === ops.paintFormXObjectBegin && Array.isArray(args)) {
      push();
      const fm = matrixOf(args[0]);
      if (fm) g.ctm = multiply(fm, g.ctm);
    } else if (fn === ops.paintFormXObjectEnd) pop();
    else if (fn === ops.setFillRGBColor && Array.isArray(args) && typeof args[0] === 'string')
      g.fill = args[0];
    else if (fn === ops.setStrokeRGBColor && Array.isArray(args) && typeof args[0] === 'string')
      g.stroke = args[0];
    else if (fn === ops.beginText) {
      tm = IDENTITY;
      x = y = lineX = lineY = 0;
    } else if (fn === ops.setFont && Array.isArray(args)) {
      const size = num(args, 1);
      g.text.font = typeof args[0] === 'string' ? fonts(args[0]) : undefined;
      g.text.direction = size < 0 ? -1 : 1;
      g.text.size = Math.abs(size);
    } else if (fn === ops.setTextMatrix && Array.isArray(args)) {
      const mm = matrixOf(args[0]) ?? matrixOf(args);
      if (mm) tm = mm;
      x = y = lineX = lineY = 0;
    } else if (fn === ops.moveText) moveText(num(args, 0), num(args, 1));
    else if (fn === ops.setLeadingMoveText) {
      g.text.leading = num(args, 1);
      moveText(num(args, 0), num(args, 1));
    } else if (fn === ops.nextLine) moveText(0, g.text.leading);
    else if (fn === ops.setLeading) g.text.leading = -num(args, 0);
    else if (fn === ops.setCharSpacing) g.text.charSpacing = num(args, 0);
    else if (fn === ops.setWordSpacing) g.text.wordSpacing = num(args, 0);
    else if (fn === ops.setHScale) g.text.hScale = num(args, 0) / 100;
    else if (fn === ops.setTextRise) g.text.rise = num(args, 0);
    else if (fn === ops.showText && Array.isArray(args) && Array.isArray(args[0]))
      showText(args[0]);
    else if (images.has(fn)) {
      const full = multiply(g.ctm, viewport);
      imageArea += Math.abs(full[0] * full[3] - full[1] * full[2]);
    } else if (fn === ops.constructPath && Array.isArray(args) && rules.length < maxItems) {
      const paint: unknown = args[0];
      const buffers: unknown = args[1];
      const path: unknown = Array.isArray(buffers) ? buffers[0] : null;
      if (typeof paint !== 'number' || !isNumberList(path)) continue;
      const strokes =
        [
          ops.stroke,
          ops.closeStroke,
          ops.fillStroke,
          ops.eoFillStroke,
          ops.closeFillStroke,
          ops.closeEOFillStroke,
        ].includes(paint) && !isWhite(g.stroke);
      const fills =
        [
          ops.fill,
          ops.eoFill,
          ops.fillStroke,
          ops.eoFillStroke,
          ops.closeFillStroke,
          ops.closeEOFillStroke,
        ].includes(paint) && !isWhite(g.fill);
      if (!strokes && !fills) continue;
      const m = multiply(g.ctm, viewport);
      for (const sp of subpaths(path)) {
        const pts = sp.pts.map(([px, py]) => apply(m, px, py));
        if (strokes && !sp.curved) {
          const ring = sp.closed && pts.length > 2 ? [...pts, at(pts, 0)] : pts;
          for (let k = 1; k < ring.length; k++) {
            const r = segmentRule(at(ring, k - 1), at(ring, k));
            if (r) rules.push(r);
          }
        }
        if (fills && !sp.curved) {
          const rect = asRect(pts);
          const r = rect ? thinRule(rect) : null;
          if (r) rules.push(r);
        }
      }
    }
  }
  return { glyphs, rules, imageArea };
}

/** A glyph's box on the page from two opposite corners in text space. */
function box(text: string, corners: readonly [Pt, Pt], m: Matrix, size: number): Glyph {
  const [[ax, ay], [bx, by]] = corners;
  const pts = [apply(m, ax, ay), apply(m, bx, by), apply(m, ax, by), apply(m, bx, ay)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return {
    text,
    x0: Math.min(...xs),
    y0: Math.min(...ys),
    x1: Math.max(...xs),
    y1: Math.max(...ys),
    size,
  };
}
