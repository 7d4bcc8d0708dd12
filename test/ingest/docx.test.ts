import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Block, ParagraphBlock, TableBlock } from '../../src/core/model/types';
import { read } from '../../src/core/ingest/docx';
import {
  computeLabels,
  formatNumber,
  parseNumbering,
  parseStyles,
  scanParagraphs,
} from '../../src/core/ingest/numbering';
import { defaultSpec, specToDocx } from '../fixtures';

const paragraphs = (blocks: Block[]): ParagraphBlock[] =>
  blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const tables = (blocks: Block[]): TableBlock[] =>
  blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('docx reader', () => {
  it('reads title, headings, paragraphs and the three tables in order', async () => {
    const doc = await read(await specToDocx(defaultSpec()), '临淄区工业和信息化局2023年报.docx');
    expect(doc.format).toBe('docx');
    const ps = paragraphs(doc.blocks);
    expect(ps[0]).toMatchObject({ text: '临淄区工业和信息化局', headingLevel: 1, style: 'Title' });
    const heading = ps.find((p) => p.text === '二、主动公开政府信息情况');
    expect(heading).toMatchObject({ headingLevel: 2, style: 'Heading 2' });
    expect(heading?.numberingLabel).toBeUndefined();
    expect(tables(doc.blocks).map((t) => [t.rows.length, t.rows[0]?.length])).toEqual([
      [14, 4],
      [28, 10],
      [4, 15],
    ]);
    // The table follows its heading directly.
    const i = doc.blocks.indexOf(heading as Block);
    expect(doc.blocks[i + 1]?.kind).toBe('table');
  });

  it('expands the vertical and horizontal merges of table 三', async () => {
    const doc = await read(await specToDocx(defaultSpec()), 'a.docx');
    const t = tables(doc.blocks)[1] as TableBlock;
    // "三、本年度办理结果" spans the 22 result rows (rows 5..26) in column 0.
    expect(t.rows[5]?.[0]).toMatchObject({
      text: '三、本年度办理结果',
      rowSpan: 22,
      covered: false,
    });
    expect(t.rows[26]?.[0]).toMatchObject({
      text: '三、本年度办理结果',
      covered: true,
      originRow: 5,
      originCol: 0,
    });
    // "（三）不予公开" spans 8 rows in column 1; its sub-rows' labels sit in column 2.
    expect(t.rows[7]?.[1]).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
    expect(t.rows[14]?.[1]).toMatchObject({ covered: true, originRow: 7, originCol: 1 });
    expect(t.rows[14]?.[2]?.text).toBe('8.属于行政查询事项');
    // newReceived: label over three columns, then the seven values.
    expect(t.rows[3]?.slice(2).map((c) => c.text)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '2',
      '1',
      '0',
      '0',
      '0',
      '0',
      '3',
    ]);
    expect(t.rows[3]?.[2]).toMatchObject({ covered: true, originCol: 0 });
  });

  it('keeps quirks: split labels, full-width digits, dashes, flat table 四', async () => {
    const doc = await read(
      await specToDocx(defaultSpec(), {
        splitLabels: true,
        fullWidthDigits: true,
        zeros: 'dash',
        flatReviewTable: true,
      }),
      'a.docx',
    );
    const [t2, t3, t4] = tables(doc.blocks);
    expect(t3?.rows[2]?.[4]?.text).toBe('商业\n企业');
    expect(t3?.rows[3]?.slice(3).map((c) => c.text)).toEqual([
      '２',
      '１',
      '—',
      '—',
      '—',
      '—',
      '３',
    ]);
    expect(t2?.rows[3]?.slice(1).map((c) => c.text)).toEqual(['２', '１', '１６']);
    expect(t4?.rows.length).toBe(4);
    expect(t4?.rows[3]?.map((c) => c.covered)).toEqual(Array(15).fill(false));
    expect(t4?.rows[3]?.slice(0, 5).map((c) => c.text)).toEqual(['１', '—', '—', '１', '２']);
  });

  it('recovers Word auto-numbered section numerals from numbering.xml', async () => {
    const doc = await read(await specToDocx(defaultSpec(), { headingNumerals: 'auto' }), 'a.docx');
    const headings = paragraphs(doc.blocks).filter((p) => p.headingLevel === 2);
    expect(headings.map((h) => [h.numberingLabel, h.text])).toEqual([
      ['一、', '总体情况'],
      ['二、', '主动公开政府信息情况'],
      ['三、', '收到和处理政府信息公开申请情况'],
      ['四、', '政府信息公开行政复议、行政诉讼情况'],
      ['五、', '存在的主要问题及改进情况'],
      ['六、', '其他需要报告的事项'],
    ]);
    expect(headings.map((h) => h.listLevel)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(doc.notes.join('')).toMatch(/自动编号/);
    // The viewer shows the label in front of the heading text.
    expect(doc.html).toMatch(/<h2 data-nb-block="\d+">一、总体情况<\/h2>/);
    expect(doc.html).not.toMatch(/[\uE000-\uE002]/);
  });

  it('recovers second-level auto-numbering, restarting in each section', async () => {
    const doc = await read(
      await specToDocx(defaultSpec(), { headingNumerals: 'auto', subNumerals: 'auto' }),
      'a.docx',
    );
    const subs = paragraphs(doc.blocks).filter((p) => p.listLevel === 1);
    expect(subs.map((p) => `${p.numberingLabel}${p.text.slice(0, 4)}`)).toEqual([
      '（一）主动公开',
      '（二）依申请公',
      '（三）政府信息',
      '（四）政府信息',
      '（五）监督保障',
      '（一）存在的主',
      '（二）改进情况',
      '（一）本年度未',
      '（二）本年度共',
    ]);
    expect(subs.every((p) => !p.text.startsWith('（'))).toBe(true);
  });

  it('labels survive many paragraphs that mammoth renders differently from the XML text', async () => {
    const bytes = await specToDocx(defaultSpec(), { headingNumerals: 'auto' });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
    // 60 paragraphs whose symbol characters (w:sym) mammoth turns into text our scan does not see.
    const odd =
      '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>已完成事项</w:t></w:r></w:p>'.repeat(
        60,
      );
    const at = xml.indexOf('<w:p>', xml.indexOf('扎实推进政务公开工作'));
    zip.file('word/document.xml', xml.slice(0, at) + odd + xml.slice(at));
    const doc = await read(
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      'a.docx',
    );
    const labels = paragraphs(doc.blocks)
      .filter((p) => p.numberingLabel)
      .map((p) => p.numberingLabel);
    expect(labels).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(paragraphs(doc.blocks).filter((p) => p.text.includes('已完成事项')).length).toBe(60);
  });

  it('numbering follows the sections actually present (one omitted)', async () => {
    const spec = defaultSpec();
    spec.sections = spec.sections.filter((s) => s.key !== 'reviewLitigation');
    const doc = await read(
      await specToDocx(spec, { headingNumerals: 'auto', headingStyle: 'plain' }),
      'a.docx',
    );
    const labelled = paragraphs(doc.blocks).filter((p) => p.numberingLabel);
    expect(labelled.map((p) => `${p.numberingLabel}${p.text}`)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、存在的主要问题及改进情况',
      '五、其他需要报告的事项',
    ]);
    // Plain (non-heading) numbered paragraphs become list items with a level.
    expect(labelled.every((p) => p.listLevel === 0 && p.headingLevel === undefined)).toBe(true);
  });

  it('display HTML: block indices match, cells carry grid positions', async () => {
    const doc = await read(await specToDocx(defaultSpec()), 'a.docx');
    const indices = [...doc.html.matchAll(/data-nb-block="(\d+)"/g)].map((m) => Number(m[1]));
    expect(indices).toEqual(doc.blocks.map((_, i) => i));
    expect(doc.html).toMatch(/<td data-nb-cell="5,0" rowspan="22">三、本年度办理结果<\/td>/);
  });
});

describe('Word numbering replay', () => {
  it('formats Chinese counting, legal, enclosed and letter styles', () => {
    expect(
      [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005].map((n) =>
        formatNumber(n, 'chineseCounting'),
      ),
    ).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百〇一',
      '一百一十',
      '一千〇五',
    ]);
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatNumber(5, 'decimalFullWidth')).toBe('５');
  });

  const numberingXml = `<w:numbering>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
  </w:numbering>`;
  const stylesXml = `<w:styles>
    <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="H1x"><w:name w:val="我的标题"/><w:basedOn w:val="H1"/></w:style>
  </w:styles>`;
  const p = (inner: string, text: string): string =>
    `<w:p><w:pPr>${inner}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const num = (id: string, lvl: number): string =>
    `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;

  it('replays counters: levels, restarts of deeper levels, style numbering, shared abstract, overrides, bullets', () => {
    const documentXml = `<w:document><w:body>
      ${p('<w:pStyle w:val="H1"/>', '总体情况')}
      ${p(num('1', 1), '主动公开')}
      ${p(num('1', 1), '依申请公开')}
      ${p(num('1', 2), '细项')}
      ${p('<w:pStyle w:val="H1x"/>', '主动公开政府信息情况')}
      ${p(num('1', 1), '第一点')}
      ${p(num('2', 0), '收到和处理申请')}
      ${p('', '普通段落 &amp; 正文')}
      ${p(num('4', 0), '要点')}
      ${p(num('3', 0), '另起编号')}
      ${p(`${num('1', 0)}`, '')}
      <w:p/>
      ${p(num('0', 0), '取消编号')}
    </w:body></w:document>`;
    const paras = scanParagraphs(documentXml, 1000);
    expect(paras.map((x) => x.text)).toEqual([
      '总体情况',
      '主动公开',
      '依申请公开',
      '细项',
      '主动公开政府信息情况',
      '第一点',
      '收到和处理申请',
      '普通段落 & 正文',
      '要点',
      '另起编号',
      '',
      '',
      '取消编号',
    ]);
    const labels = computeLabels(paras, parseNumbering(numberingXml), parseStyles(stylesXml)).map(
      (l) => l.label,
    );
    expect(labels).toEqual([
      '一、',
      '（一）',
      '（二）',
      '二.1',
      '二、',
      '（一）',
      '三、',
      '',
      '',
      '五、',
      '四、',
      '',
      '',
    ]);
  });

  it('stops at the paragraph bound', () => {
    const xml = `<w:body>${'<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(50)}</w:body>`;
    expect(scanParagraphs(xml, 10)).toHaveLength(10);
  });
});
