/**
 * The one number-comparison helper of the table rules (architecture.md, habit 4: "every
 * comparison goes through one helper with a named tolerance", as Arelle does for XBRL
 * calculation checks).
 *
 * Counts (件数, 决定数量, 申请数) are integers and must match exactly. The only decimal value of the
 * format is 行政事业性收费 in 万元, usually written with up to four decimals (0.0001 万元 = 1 元),
 * so amounts are equal when they differ by at most 0.0001 — a floating-point sum such as
 * 0.1 + 0.2 must not become a finding.
 */

export const TOLERANCE = {
  /** Integer counts: exact. */
  count: 0,
  /** 万元 amounts: one yuan. */
  amount: 0.0001,
} as const;

export type Quantity = keyof typeof TOLERANCE;

/** Float noise of sums of a few dozen numbers, far below any tolerance above. */
const FLOAT_NOISE = 1e-9;

/** True when two values are equal within the named tolerance of their kind. */
export function sameValue(a: number, b: number, kind: Quantity = 'count'): boolean {
  return Math.abs(a - b) <= TOLERANCE[kind] + FLOAT_NOISE;
}

/** Sum of values, rounded to the tolerance's precision so messages never show 0.30000000000000004. */
export function sumValues(values: readonly number[]): number {
  return roundForDisplay(values.reduce((s, v) => s + v, 0));
}

/** Rounds away float noise (4 decimals: the 万元 precision). */
export function roundForDisplay(v: number): number {
  return Math.round(v * 10000) / 10000;
}
