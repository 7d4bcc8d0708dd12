import { describe, expect, it } from 'vitest';
import { read, parseText } from '../../src/core/ingest/txt';
import { IngestError, LIMITS, type IngestErrorCode } from '../../src/core/ingest/errors';
import type { Block, TableBlock } from '../../src/core/model/types';

/** The reason code a read is refused with (fails when it is not refused with an IngestError). */
async function refusal(reading: Promise<unknown>): Promise<IngestErrorCode> {
  try {
    await reading;
  } catch (e) {
    if (e instanceof IngestError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

function tables(blocks: readonly Block[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.kind === 'table');
}

function texts(t: TableBlock): string[][] {
  return t.rows.map((r) => r.map((c) => c.text));
}

describe('txt reader: layouts', () => {
  it('reads one cell per TAB line, rows split by blank lines, continuation lines joined to their cell', () => {
    const text = [
      '标题',
      '\t申请人情况',
      '\t商业',
      '企业',
      '\t科研机构',
      '',
      '\t一、本年新收',
      '\t3',
      '\t4',
      '',
      '后文。',
    ].join('\n');
    const blocks = parseText(text, 'txt');
    const [t] = tables(blocks);
    expect(t).toBeDefined();
    expect(t?.layout).toBe('grid');
    expect(texts(t as TableBlock)).toEqual([
      ['申请人情况', '商业\n企业', '科研机构'],
      ['一、本年新收', '3', '4'],
    ]);
    expect(t?.rows.flat().every((c) => !c.covered)).toBe(true);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: '标题' });
    expect(blocks[blocks.length - 1]).toMatchObject({ kind: 'paragraph', text: '后文。' });
  });

  it("makes a rectangle of rows of unequal length: the short row's last cell spans the rest", () => {
    const t = tables(parseText('\ta\tb\n\n\tc\n\td\n\te\n', 'txt'))[0] as TableBlock;
    expect(t.rows.map((r) => r.length)).toEqual([3, 3]);
    expect(t.rows[0]?.[1]).toMatchObject({ text: 'b', colSpan: 2, covered: false });
    expect(t.rows[0]?.[2]).toMatchObject({ text: 'b', covered: true, originRow: 0, originCol: 1 });
    expect(t.rows[1]?.[2]).toMatchObject({
      text: 'e',
      originRow: 1,
      originCol: 2,
      covered: false,
      colSpan: 1,
    });
  });

  it('reads tab-separated rows, one row per line, keeping empty leading cells', () => {
    const text = [
      '规章\t0\t1\t2',
      '\t\t自然人\t法人\t',
      '3.其他\t\t5\t6\t7',
      '',
      '一段文字。',
    ].join('\n');
    const [t] = tables(parseText(text, 'txt'));
    expect(texts(t as TableBlock)).toEqual([
      ['规章', '0', '1', '2', '2'],
      ['', '', '自然人', '法人', ''],
      ['3.其他', '', '5', '6', '7'],
    ]);
    // The short first row's last cell spans the missing position; the written empty cells stay cells.
    expect(t?.rows[0]?.[4]?.covered).toBe(true);
    expect(t?.rows[1]?.[4]?.covered).toBe(false);
  });

  it('keeps flat web-page text (one cell per line, no tabs) as paragraphs', () => {
    const blocks = parseText('行政许可\n\n59807\n\n行政处罚\n3251\n', 'txt');
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'TABLE'))).toEqual([
      '行政许可',
      '59807',
      '行政处罚',
      '3251',
    ]);
  });

  it('turns Markdown headings into heading levels, in .md and in .txt that use them', () => {
    const md = parseText(
      '# 某局2023年报告\n\n## 一、总体情况\n正文\n#### 五、存在的主要问题及改进情况\n',
      'md',
    );
    expect(md).toEqual([
      { kind: 'paragraph', text: '某局2023年报告', headingLevel: 1 },
      { kind: 'paragraph', text: '一、总体情况', headingLevel: 2 },
      { kind: 'paragraph', text: '正文' },
      { kind: 'paragraph', text: '五、存在的主要问题及改进情况', headingLevel: 4 },
    ]);
    const txt = parseText('## 二、主动公开政府信息情况\n', 'txt');
    expect(txt[0]).toMatchObject({ headingLevel: 2 });
    expect(
      parseText('**六、其他需要报告的事项**\n## __一、总体情况__\n', 'md').map((b) =>
        b.kind === 'paragraph' ? b.text : '',
      ),
    ).toEqual(['六、其他需要报告的事项', '一、总体情况']);
  });

  it('reads Markdown pipe tables, skipping the separator line', () => {
    const [t] = tables(parseText('| 规章 | 0 | 1 |\n|---|---|---|\n| 行政许可 | 5 | |\n', 'md'));
    expect(texts(t as TableBlock)).toEqual([
      ['规章', '0', '1'],
      ['行政许可', '5', ''],
    ]);
  });

  it('strips bookmark artefacts left by Word', () => {
    const blocks = parseText(
      '[bookmark: _GoBack]（三）年度工作要点\n\t[bookmark: _Hlk66973412]一、本年新收\n\t0\n',
      'txt',
    );
    expect(blocks[0]).toMatchObject({ text: '（三）年度工作要点' });
    expect(texts(tables(blocks)[0] as TableBlock)[0]).toEqual(['一、本年新收', '0']);
  });

  it('treats a prose line ending in a stray TAB as a paragraph, not a table', () => {
    const blocks = parseText('积极服务于经济社会高质量发展。\t\n（一）主动公开\n', 'txt');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('txt reader: hard-wrapped text (PDF text layers)', () => {
  const line = (k: number) => `这是第${k}行报告正文内容用于测试折行合并的功能是否正确有效`;
  const wrapped = [
    '某区人民政府',
    '2023 年政府信息公开工作年度报告',
    '一、总体情况',
    line(1),
    line(2),
    '- 2 -',
    `${line(3).slice(0, 10)}。`,
    '（一）主动公开情况。',
    line(4),
    `${line(5).slice(0, 12)}。`,
    '行政许可 550',
    line(6),
    line(7),
    '规章 0 0 0',
    line(8),
    '21',
    line(9),
    `${line(10).slice(0, 8)}。`,
    line(11),
    line(12),
    line(13),
    `${line(14).slice(0, 5)}。`,
  ].join('\n');

  it('joins lines broken at the page width, dropping page numbers, never joining items or table rows', () => {
    const texts = parseText(wrapped, 'txt').map((b) => (b.kind === 'paragraph' ? b.text : 'TABLE'));
    expect(texts).toEqual([
      '某区人民政府',
      '2023 年政府信息公开工作年度报告',
      '一、总体情况',
      `${line(1)}${line(2)}${line(3).slice(0, 10)}。`,
      '（一）主动公开情况。',
      `${line(4)}${line(5).slice(0, 12)}。`,
      '行政许可 550',
      `${line(6)}${line(7)}`,
      '规章 0 0 0',
      line(8),
      '21',
      `${line(9)}${line(10).slice(0, 8)}。`,
      `${line(11)}${line(12)}${line(13)}${line(14).slice(0, 5)}。`,
    ]);
  });

  it('says so in the reader notes', async () => {
    const doc = await read(Buffer.from(wrapped, 'utf8'), 'r.txt', 'txt');
    expect(doc.notes.join('')).toMatch(/折行/);
  });

  it('leaves text whose lines end their sentences alone', () => {
    const prose = Array.from({ length: 12 }, (_, k) => `${line(k)}。`).join('\n');
    expect(parseText(prose, 'txt')).toHaveLength(12);
  });
});

describe('txt reader: bytes', () => {
  it('decodes GBK and says so in the notes', async () => {
    const gbk = Buffer.from('d2bba1a2d7dccce5c7e9bff60a', 'hex'); // "一、总体情况\n" in GBK
    const doc = await read(gbk, 'r.txt', 'txt');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '一、总体情况' });
    expect(doc.notes.join('')).toMatch(/GBK/);
  });

  it('drops a UTF-8 BOM', async () => {
    const doc = await read(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('总体情况', 'utf8')]),
      'r.txt',
      'txt',
    );
    expect(doc.blocks[0]).toMatchObject({ text: '总体情况' });
    expect(doc.notes).toEqual([]);
  });

  it('rejects binary content with a Chinese message', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);
    expect(await refusal(read(bytes, 'fake.txt', 'txt'))).toBe('wrong-format');
    await expect(read(bytes, 'fake.txt', 'txt')).rejects.toThrow(/[\u4e00-\u9fff]/);
  });

  it('rejects oversize text', async () => {
    const big = Buffer.alloc(LIMITS.maxTextBytes + 1, 0x61);
    expect(await refusal(read(big, 'big.txt', 'txt'))).toBe('too-large');
  });

  it('rejects text with nothing readable', async () => {
    expect(await refusal(read(Buffer.from('\n  \n\n'), 'blank.txt', 'txt'))).toBe('no-text');
  });

  it('renders HTML whose data-nb-block and data-nb-cell match the blocks', async () => {
    const doc = await read(
      Buffer.from('标题\n\t规章\n\t0\n\n\t行政许可\n\t7\n', 'utf8'),
      'r.txt',
      'txt',
    );
    expect(doc.blocks[1]?.kind).toBe('table');
    expect(doc.html).toContain('<p data-nb-block="0">标题</p>');
    expect(doc.html).toContain('<table data-nb-block="1"');
    expect(doc.html).toContain('<td data-nb-cell="1,1">7</td>');
    expect(doc.format).toBe('txt');
    expect(doc.fileName).toBe('r.txt');
  });
});
