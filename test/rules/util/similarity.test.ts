import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  editDistance,
  normaliseForSimilarity,
} from '../../../src/core/rules/util/similarity';
import { sameValue } from '../../../src/core/rules/util/compare';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length]![b.length]!;
}

function randomText(rnd: () => number, len: number): string {
  const alphabet = '政务公开信息局区年度报告工作';
  return Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
}

describe('similarity helpers', () => {
  it('bit-parallel edit distance equals the textbook one, across 32-character blocks', () => {
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 200; n++) {
      const a = randomText(rnd, Math.floor(rnd() * 140));
      const mutated = Array.from(a)
        .map((ch) => (rnd() < 0.1 ? randomText(rnd, Math.floor(rnd() * 3)) : ch))
        .join('');
      const b = rnd() < 0.3 ? randomText(rnd, Math.floor(rnd() * 140)) : mutated;
      expect(editDistance(a, b)).toBe(levenshtein(a, b));
      expect(editDistance(b, a)).toBe(levenshtein(a, b));
    }
    expect(editDistance('', '政务公开')).toBe(4);
    expect(editDistance('政务公开'.repeat(20), '政务公开'.repeat(20))).toBe(0);
  });

  it('bounded edit distance equals the full one within the bound, and exceeds it otherwise', () => {
    let s = 1;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 300; n++) {
      const a = randomText(rnd, Math.floor(rnd() * 80));
      const b =
        rnd() < 0.5
          ? randomText(rnd, Math.floor(rnd() * 80))
          : a.slice(0, Math.floor(rnd() * a.length)) + randomText(rnd, 3);
      const full = levenshtein(a, b);
      const k = Math.floor(rnd() * 12);
      const banded = boundedEditDistance(a, b, k);
      if (full <= k) expect(banded).toBe(full);
      else expect(banded).toBe(k + 1);
    }
  });

  it('normalisation drops layout and names', () => {
    expect(normaliseForSimilarity('临淄区 工信局：（一）公开。', ['临淄区'])).toBe('工信局一公开');
  });

  it('one comparison helper: counts exact, 万元 to 0.0001', () => {
    expect(sameValue(3, 3)).toBe(true);
    expect(sameValue(3, 4)).toBe(false);
    expect(sameValue(0.1 + 0.2, 0.3, 'amount')).toBe(true);
    expect(sameValue(290.066, 290.0661, 'amount')).toBe(true);
    expect(sameValue(290.066, 290.067, 'amount')).toBe(false);
  });
});
