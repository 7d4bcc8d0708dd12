/**
 * 期望值 / 实际值 as a reader needs them. For a table check (a total against the sum of its items)
 * the two plain numbers are clear. For a check of the text against a table they are not (which of
 * 5 and 0 is the text?), so each value names its side and unit: 「表格 5 件」, 「正文 0 件」; a
 * similarity reads 「99%」. The sides come from the rule's meta (RuleMeta.values). Pure, so the
 * workbook and the desktop app show the same words.
 */
import type { Finding } from '../model/types';
import type { ValueSides } from '../rules/types';

export interface ShownValues {
  /** A number where the value is a plain figure (the workbook keeps it numeric), else text; null when absent. */
  expected: number | string | null;
  actual: number | string | null;
}

function show(
  n: number | undefined,
  sides: ValueSides | undefined,
  side: 'expected' | 'actual',
): number | string | null {
  if (n === undefined) return null;
  if (sides === undefined) return n;
  if (sides === 'percent') return `${n}%`;
  return `${sides[side]} ${n} ${sides.unit}`;
}

export function shownValues(
  f: Pick<Finding, 'expected' | 'actual'>,
  sides: ValueSides | undefined,
): ShownValues {
  return { expected: show(f.expected, sides, 'expected'), actual: show(f.actual, sides, 'actual') };
}
