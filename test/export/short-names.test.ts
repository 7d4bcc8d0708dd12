import { describe, expect, it } from 'vitest';
import { shortFileNames } from '../../src/core/export/short-names';

describe('shortFileNames', () => {
  it('names files relative to the folder they share, with either separator', () => {
    const a = shortFileNames([
      '/home/u/年报/2023/a.docx',
      '/home/u/年报/2022/b.docx',
      '/home/u/年报/c.txt',
    ]);
    expect([...a.names.values()]).toEqual(['2023/a.docx', '2022/b.docx', 'c.txt']);
    expect(a.folder).toBe('/home/u/年报');
    const w = shortFileNames(['D:\\年报\\甲.docx', 'D:\\年报\\乙\\丙.docx']);
    expect([...w.names.values()]).toEqual(['甲.docx', '乙/丙.docx']);
    expect(w.folder).toBe('D:\\年报');
  });

  it('one file is its bare name; files sharing nothing keep their paths', () => {
    expect([...shortFileNames(['/a/b/报告.docx']).names.values()]).toEqual(['报告.docx']);
    const none = shortFileNames(['a.docx', 'b.docx']);
    expect([...none.names.values()]).toEqual(['a.docx', 'b.docx']);
    expect(none.folder).toBe('');
    expect(shortFileNames([]).names.size).toBe(0);
  });
});
