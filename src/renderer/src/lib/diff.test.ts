import { describe, expect, it } from 'vitest';
import { diffText, similarity } from './diff';

describe('diffText', () => {
  it('splits into equal, removed and added runs that rebuild both texts', () => {
    const a = '全年主动公开政府信息120条。';
    const b = '全年主动公开政府信息156条，其中政策文件43条。';
    const parts = diffText(a, b);
    expect(
      parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
    expect(parts.some((p) => p.op === 'removed' && p.text.includes('20'))).toBe(true);
  });

  it('falls back to sentences for long texts and still rebuilds them', () => {
    const a = Array.from({ length: 400 }, (_, i) => `第${i}句内容相同。`).join('');
    const b = a.replace('第7句内容相同。', '第7句内容改写了。');
    const parts = diffText(a, b);
    expect(
      parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(b);
    expect(parts.filter((p) => p.op === 'added').map((p) => p.text)).toEqual(['第7句内容改写了。']);
  });
});

describe('similarity', () => {
  it('is 1 for identical texts ignoring whitespace, 0 against an empty one', () => {
    expect(similarity('存在的主要问题', '存在的 主要问题')).toBe(1);
    expect(similarity('存在的主要问题', '')).toBe(0);
  });
  it('measures shared characters', () => {
    expect(similarity('abcd', 'abxy')).toBeCloseTo(0.5);
  });
});
