import { describe, expect, it } from 'vitest';
import {
  commonCount,
  mayReach,
  mayShareAtLeast,
  placedAtLeast,
  placedShingles,
  sharedNeeded,
  shingleBitmap,
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

  it('the bitmap bound is never below the true shared count, on random multisets', () => {
    const rnd = mulberry32(3);
    for (let n = 0; n < 400; n++) {
      // Small alphabets make repeats and shared values; large sets crowd the bitmap.
      const range = 1 + Math.floor(rnd() * 4000);
      const pick = (len: number) =>
        Uint32Array.from({ length: len }, () => Math.floor(rnd() * range) * 0x9e3779b1).sort();
      const a = pick(Math.floor(rnd() * 900));
      const b = rnd() < 0.3 ? a : pick(Math.floor(rnd() * 900));
      const shared = commonCount(a, b);
      const [bitsA, bitsB] = [shingleBitmap(a), shingleBitmap(b)];
      expect(bitsA.slack).toBeGreaterThanOrEqual(0);
      expect(mayShareAtLeast(bitsA, bitsB, shared)).toBe(true);
      expect(mayShareAtLeast(bitsB, bitsA, shared)).toBe(true);
      expect(mayShareAtLeast(bitsA, bitsB, 0)).toBe(true);
    }
  });

  it('the bitmap bound rejects clearly dissimilar texts and keeps a copy', () => {
    const rnd = mulberry32(5);
    const a = randomText(rnd, 300);
    const b = randomText(rnd, 300);
    const need = sharedNeeded(a.length, b.length, 0.9) ?? 0;
    expect(need).toBeGreaterThan(200);
    const [sa, sb] = [sortedShingles(a), sortedShingles(b)];
    expect(commonCount(sa, sb)).toBeLessThan(need);
    expect(mayShareAtLeast(shingleBitmap(sa), shingleBitmap(sb), need)).toBe(false);
    const copy = a.slice(0, 100) + '公开' + a.slice(102);
    expect(similarAtLeast(a, copy, 0.9)).not.toBeNull();
    expect(mayShareAtLeast(shingleBitmap(sa), shingleBitmap(sortedShingles(copy)), need)).toBe(
      true,
    );
  });

  it('placed shingles are the sorted shingles, each with its position in the text', () => {
    const rnd = mulberry32(9);
    for (let n = 0; n < 50; n++) {
      const text = randomText(rnd, Math.floor(rnd() * 200));
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
