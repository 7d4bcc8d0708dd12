/** The year comparison's text diff: character runs for small texts, sentences for long ones. */
import { describe, expect, it } from 'vitest';
import { diffText, similarity } from '../../src/renderer/src/lib/diff';

const join = (parts: { op: string; text: string }[], keep: string) =>
  parts
    .filter((p) => p.op === 'equal' || p.op === keep)
    .map((p) => p.text)
    .join('');

describe('diffText', () => {
  it('splits two short texts into equal, removed and added runs', () => {
    expect(diffText('公开申请12件', '公开申请15件')).toEqual([
      { op: 'equal', text: '公开申请1' },
      { op: 'removed', text: '2' },
      { op: 'added', text: '5' },
      { op: 'equal', text: '件' },
    ]);
    expect(diffText('', '新增')).toEqual([{ op: 'added', text: '新增' }]);
    expect(diffText('删去', '')).toEqual([{ op: 'removed', text: '删去' }]);
  });

  it('splits a sentence with changed figures into runs that rebuild both texts', () => {
    const a = '全年主动公开政府信息120条。';
    const b = '全年主动公开政府信息156条，其中政策文件43条。';
    const parts = diffText(a, b);
    expect(join(parts, 'removed')).toBe(a);
    expect(join(parts, 'added')).toBe(b);
    expect(parts.some((p) => p.op === 'removed' && p.text.includes('20'))).toBe(true);
  });

  it('diffs long texts by sentence, and each side reads back whole', () => {
    const a = Array.from({ length: 200 }, (_, i) => `第${i}句保持不变。`).join('');
    const b = a.replace('第7句保持不变。', '第7句改写了。') + '新增一句。';
    const parts = diffText(a, b);
    expect(parts).toContainEqual({ op: 'removed', text: '第7句保持不变。' });
    expect(parts).toContainEqual({ op: 'added', text: '第7句改写了。' });
    expect(parts.at(-1)).toEqual({ op: 'added', text: '新增一句。' });
    expect(join(parts, 'removed')).toBe(a);
    expect(join(parts, 'added')).toBe(b);
  });
});

describe('similarity', () => {
  it('is 2·common / total on characters, whitespace ignored', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('甲', '')).toBe(0);
    expect(similarity('甲 乙', '甲乙')).toBe(1);
    expect(similarity('甲乙', '甲丙')).toBe(0.5);
    expect(similarity('存在的主要问题', '存在的 主要问题')).toBe(1);
  });
});
