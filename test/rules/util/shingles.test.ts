import { describe, expect, it } from 'vitest';
import {
  commonCount,
  mayPlaceAtLeast,
  mayReach,
  placedAtLeast,
  placedBitmap,
  placedShingles,
  sharedNeeded,
  sortedShingles,
} from '../../../src/core/rules/util/shingles';
import { editDistance, maxEdits, similarAtLeast } from '../../../src/core/rules/util/similarity';
import { mulberry32 } from '../../support/random';

function randomText(rnd: () => number, len: number): string {
  const alphabet = '政务公开信息局区年度报告工作';
  return Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
}

describe('shingle filters', () => {
  it('the q-gram filter never rejects a pair that reaches the threshold', () => {
    const a = '本机关全年主动公开政府信息一百二十条，及时更新公开目录，严格落实保密审查制度';
    const b = a.replace('一百二十', '九十').replace('严格', '认真');
    const sim = similarAtLeast(a, b, 0.8);
    expect(sim).not.toBeNull();
    expect(
      mayReach(a.length, b.length, commonCount(sortedShingles(a), sortedShingles(b)), 0.8),
    ).toBe(true);
    expect(similarAtLeast(a, '完全不同的一段文字内容', 0.8)).toBeNull();
  });

  it('the placed bitmap bound is never below the positional count, on random texts', () => {
    const rnd = mulberry32(3);
    let rejected = 0;
    for (let n = 0; n < 300; n++) {
      // A small alphabet makes repeated and shared shingles; long texts crowd the bitmap.
      const a = randomText(rnd, 3 + Math.floor(rnd() * 600));
      const kind = rnd();
      const b =
        kind < 0.3
          ? randomText(rnd, 3 + Math.floor(rnd() * 600))
          : kind < 0.6
            ? a.slice(a.length >> 1) + a.slice(0, a.length >> 1)
            : Array.from(a)
                .map((ch) => (rnd() < 0.05 ? randomText(rnd, Math.floor(rnd() * 3)) : ch))
                .join('');
      const longer = placedShingles(a.length >= b.length ? a : b);
      const other = placedShingles(a.length >= b.length ? b : a);
      const shift = 1 + Math.floor(rnd() * 40);
      // The count placedAtLeast bounds, by brute force.
      let count = 0;
      longer.hashes.forEach((h, i) => {
        const p = longer.positions[i]!;
        if (other.hashes.some((g, j) => g === h && Math.abs(other.positions[j]! - p) <= shift))
          count++;
      });
      expect(placedAtLeast(longer, other, shift, count)).toBe(true);
      expect(placedAtLeast(longer, other, shift, count + 1)).toBe(false);
      for (const width of [shift, 2 ** Math.ceil(Math.log2(shift)), shift * 3]) {
        const bits = [placedBitmap(longer, width), placedBitmap(other, width)] as const;
        expect(mayPlaceAtLeast(bits[0], bits[1], count)).toBe(true);
        if (!mayPlaceAtLeast(bits[0], bits[1], count + 20)) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('the placed bitmap rejects unrelated texts and reordered sentences, and keeps a copy', () => {
    const rnd = mulberry32(5);
    const a = randomText(rnd, 300);
    const b = randomText(rnd, 300);
    const need = sharedNeeded(a.length, b.length, 0.9) ?? 0;
    const shift = maxEdits(300, 0.9);
    expect(need).toBeGreaterThan(200);
    const bitmap = (t: string) => placedBitmap(placedShingles(t), 32);
    expect(mayPlaceAtLeast(bitmap(a), bitmap(b), need)).toBe(false);
    const copy = a.slice(0, 100) + '公开' + a.slice(102);
    expect(similarAtLeast(a, copy, 0.9)).not.toBeNull();
    expect(mayPlaceAtLeast(bitmap(a), bitmap(copy), need)).toBe(true);
    expect(placedAtLeast(placedShingles(a), placedShingles(copy), shift, need)).toBe(true);
    const thirds = [a.slice(200), a.slice(100, 200), a.slice(0, 100)].join('');
    expect(commonCount(sortedShingles(a), sortedShingles(thirds))).toBeGreaterThanOrEqual(need);
    expect(mayPlaceAtLeast(bitmap(a), bitmap(thirds), need)).toBe(false);
  });

  it('placed shingles are the sorted shingles, each with its position in the text', () => {
    const rnd = mulberry32(9);
    for (let n = 0; n < 50; n++) {
      const text = randomText(rnd, Math.floor(rnd() * (n < 40 ? 200 : 3000)));
      const { hashes, positions } = placedShingles(text);
      expect([...hashes]).toEqual([...sortedShingles(text)]);
      positions.forEach((p, i) => {
        expect([...sortedShingles(text.slice(p, p + 3))]).toEqual([hashes[i]]);
        if (i > 0 && hashes[i - 1] === hashes[i]) expect(p).toBeGreaterThan(positions[i - 1]!);
      });
    }
  });

  it('the positional q-gram filter never rejects a pair within the distance, on random edits', () => {
    const rnd = mulberry32(13);
    let rejected = 0;
    for (let n = 0; n < 300; n++) {
      const a = randomText(rnd, 40 + Math.floor(rnd() * 160));
      const b =
        rnd() < 0.3
          ? randomText(rnd, a.length + Math.floor(rnd() * 10) - 5)
          : Array.from(a)
              .map((ch) => (rnd() < 0.04 ? randomText(rnd, Math.floor(rnd() * 3)) : ch))
              .join('');
      for (const threshold of [0.8, 0.9]) {
        const need = sharedNeeded(a.length, b.length, threshold);
        if (need === null) continue;
        const [longer, other] = a.length >= b.length ? [a, b] : [b, a];
        const shift = maxEdits(longer.length, threshold);
        const passes = placedAtLeast(placedShingles(longer), placedShingles(other), shift, need);
        if (editDistance(a, b) <= shift) expect(passes).toBe(true);
        if (!passes) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('the positional filter rejects the same sentences in another order, which the count keeps', () => {
    const sentences = [
      '严格落实依申请公开办理流程规范答复文书格式确保依法按时答复',
      '动态更新政府信息公开目录和公开指南完善信息发布审核机制',
      '严格执行保密审查制度坚持先审查后公开全年未发生失泄密事件',
      '优化政府网站信息公开专栏设置及时调整栏目确保内容准确完整',
    ];
    const a = sentences.join('');
    const b = [...sentences].reverse().join('');
    const need = sharedNeeded(a.length, b.length, 0.9) ?? 0;
    expect(commonCount(sortedShingles(a), sortedShingles(b))).toBeGreaterThanOrEqual(need);
    expect(placedAtLeast(placedShingles(a), placedShingles(b), maxEdits(a.length, 0.9), need)).toBe(
      false,
    );
    expect(similarAtLeast(a, b, 0.9)).toBeNull();
  });
});
