import { describe, expect, it } from 'vitest';
import { withinRule } from '../../src/core/rules/engine';

describe('withinRule: a rule progress, throttled', () => {
  it('passes on each new whole per cent only, rising, the last at 1', () => {
    const got: number[] = [];
    const progress = withinRule((f) => got.push(f));
    for (let done = 0; done <= 10_000; done++) progress(done, 10_000);
    expect(got).toHaveLength(100);
    expect(got[0]).toBe(0.01);
    expect(got.at(-1)).toBe(1);
    expect(got.every((f, i) => i === 0 || f > (got[i - 1] ?? 1))).toBe(true);
  });

  it('ignores nothing done, no total and going back', () => {
    const got: number[] = [];
    const progress = withinRule((f) => got.push(f));
    progress(0, 10);
    progress(1, 0);
    progress(5, 10);
    progress(3, 10);
    progress(12, 10);
    expect(got).toEqual([0.5, 1]);
  });
});
