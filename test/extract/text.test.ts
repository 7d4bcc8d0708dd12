/**
 * norm (src/core/extract/text.ts) skips String.normalize for texts NFKC leaves unchanged; it must
 * give what the plain definition gives on any text.
 */
import { describe, expect, it } from 'vitest';
import { norm, normKind, valueKind } from '../../src/core/extract/text';

const plain = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[“”"「」]/g, '"')
    .replace(/[〔【[]/g, '[')
    .replace(/[〕】\]]/g, ']');

const SAMPLES = [
  '',
  '本年新收政府信息公开申请数量',
  '（一）主动公开政府信息情况',
  '１２３',
  '1,234',
  '商业\n企业',
  '总 计',
  '“三安全一稳定”',
  '【规章】',
  '〔2023〕1号',
  'e\u0301',
  'A\u030a',
  '\u1100\u1161',
  '㈠',
  '①',
  'ﬁ',
  '…',
  '－',
  '\u00a0\u3000 ',
  'Ⅻ',
  '㍿',
  '\ufeff甲',
];

/** Characters from every kind the fast path must tell apart. */
const POOL = [
  ...'甲乙0aZ ,.、。“”‘’《》「」【】〔〕—–×〈〉（）：；，１Ａ\u00a0\u3000\u0301\u030a\u1100\u1161\uff61①…\n\t',
];

describe('norm', () => {
  it('equals NFKC with whitespace removed and brackets/quotes folded, on chosen texts', () => {
    for (const s of SAMPLES) expect(norm(s)).toBe(plain(s));
  });

  it('equals it on generated texts mixing characters NFKC keeps and changes', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      let s = '';
      for (let k = next(8); k >= 0; k--) s += POOL[next(POOL.length)] ?? '';
      expect(norm(s)).toBe(plain(s));
    }
  });

  it('normKind of norm(text) is valueKind(text)', () => {
    for (const s of ['12', '１２件', '—', '无', '1，234', '甲', '', ' 3 '])
      expect(normKind(norm(s))).toBe(valueKind(s));
  });
});
