/**
 * Reading one row of a table: the value candidates after its label, by the header's grid columns
 * when they can be trusted, otherwise as the window of the value run that holds the most numbers.
 * Shared by the readers of tables 二, 三 and 四 (./tables).
 */
import { at } from '../model/checked';
import { missingCell } from '../model/factory';
import type { CellValue } from '../model/types';
import { splitNumeral } from './sections';
import { norm, parseCell } from './text';
import type { Token } from './tokens';

export type Slot = Token | undefined;

export function sameRow(a: Token, b: Token): boolean {
  return a.grid && b.grid && a.pos.block === b.pos.block && a.pos.row === b.pos.row;
}

/**
 * The value candidates of a row label: in a grid, the cells after it in its row; otherwise
 * (or when its row holds nothing else) the run of number/blank tokens that follows it.
 */
export function candidatesAfter(
  tokens: readonly Token[],
  i: number,
  end: number,
  isLabel: (t: Token) => boolean,
): Token[] {
  const label = at(tokens, i);
  const out: Token[] = [];
  if (label.grid) {
    for (let j = i + 1; j < end && sameRow(label, at(tokens, j)); j++) {
      const t = at(tokens, j);
      if (isLabel(t)) break;
      out.push(t);
    }
    if (out.some((t) => t.n !== '')) return out;
  }
  const run: Token[] = [];
  for (let j = i + 1; j < end; j++) {
    const t = at(tokens, j);
    if (t.isBreak || isLabel(t)) break;
    if (t.kind === 'text') {
      // The rest of a label broken over lines ("5.要求行政机关确认或重新出" + "具已获取信息 1 0 …").
      if (!t.grid && run.length === 0 && j - i <= 3) continue;
      break;
    }
    // In a grid, an empty cell of another row is layout, not a value of this label.
    if (t.grid && t.n === '' && !sameRow(label, t)) continue;
    run.push(t);
  }
  return run.length ? run : out;
}

/** Picks n cells from the candidates: the window holding the most numbers (earliest on ties). */
export function pickWindow(c: readonly Token[], n: number): Slot[] {
  if (c.length <= n) return Array.from({ length: n }, (_, k) => c[k]);
  let best = 0;
  let bestScore = -1;
  for (let off = 0; off + n <= c.length; off++) {
    let score = 0;
    for (let k = off; k < off + n; k++) if (at(c, k).kind === 'number') score++;
    if (score > bestScore) {
      best = off;
      bestScore = score;
    }
  }
  return c.slice(best, best + n);
}

export function cellOf(t: Slot): CellValue {
  return t ? parseCell(t.text, t.pos) : missingCell();
}

/**
 * Maps column keys to grid columns from header tokens; null unless every key has its own column
 * (a copy that lost merged cells puts labels in the wrong columns, and then we must not trust them).
 */
export function headerColumns<K extends string>(
  header: readonly Token[],
  labels: readonly [K, RegExp][],
): Map<K, { block: number; col: number }> | null {
  const map = new Map<K, { block: number; col: number }>();
  for (const [key, re] of labels) {
    const t = header.find((h) => h.grid && re.test(h.n));
    if (!t || t.pos.col === undefined) return null;
    map.set(key, { block: t.pos.block, col: t.pos.col });
  }
  const cols = [...map.values()];
  if (new Set(cols.map((c) => c.col)).size !== cols.length) return null;
  if (new Set(cols.map((c) => c.block)).size !== 1) return null;
  return map;
}

/** Values by header column, when the row's numbers all sit in header columns right of its label. */
export function byColumns<K extends string>(
  label: Token,
  cands: readonly Token[],
  cols: Map<K, { block: number; col: number }> | null,
  keys: readonly K[],
): Slot[] | null {
  const labelCol = label.pos.col;
  if (!cols || !label.grid || labelCol === undefined) return null;
  const first = cols.get(at(keys, 0));
  if (!first || first.block !== label.pos.block) return null;
  const wanted = new Set(keys.map((k) => cols.get(k)?.col));
  if ([...wanted].some((c) => c === undefined || c <= labelCol)) return null;
  if (cands.some((t) => t.kind === 'number' && !wanted.has(t.pos.col))) return null;
  const slots = keys.map((k) =>
    cands.find((t) => t.grid && t.pos.col === cols.get(k)?.col && sameRow(label, t)),
  );
  // Without a single cell under the header, the columns explain nothing: use the value run.
  return slots.some((s) => s !== undefined) ? slots : null;
}

/** Column order as the header lists it, when it names every key once; canonical order otherwise. */
export function headerOrder<K extends string>(
  header: readonly Token[],
  labels: readonly [K, RegExp][],
  canonical: readonly K[],
): K[] {
  const seen: K[] = [];
  for (const h of header) {
    const hit = labels.find(([, re]) => re.test(h.n));
    if (hit && !seen.includes(hit[0])) seen.push(hit[0]);
  }
  return seen.length === canonical.length ? seen : [...canonical];
}

/** Label text without its numbering: "1．属于国家秘密" → "属于国家秘密", "(七)总计" → "总计". */
export function bare(n: string): string {
  return norm(splitNumeral(n).rest);
}

/** Slots in header order → slots in canonical order. */
export function reorder<K extends string>(
  slots: readonly Slot[],
  order: readonly K[],
  canonical: readonly K[],
): Slot[] {
  return canonical.map((k) => slots[order.indexOf(k)]);
}
