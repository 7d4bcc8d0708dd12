import { describe, expect, it } from 'vitest';
import type { Block, ParagraphBlock, TableBlock } from '../../src/core/model/types';
import { read, sniffCharset } from '../../src/core/ingest/html';
import { htmlToBlocks } from '../../src/core/ingest/html-grid';
import { expandTable } from '../../src/core/ingest/table-grid';
import { defaultSpec, encodeGbk, specToHtml } from '../fixtures';

const paragraphs = (blocks: Block[]): ParagraphBlock[] =>
  blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const tables = (blocks: Block[]): TableBlock[] =>
  blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('html reader: encodings', () => {
  const page = (charsetTag: string, body: string): string =>
    `<html><head>${charsetTag}<title>t</title></head><body><p>${body}</p></body></html>`;

  it('reads UTF-8 with <meta charset>', async () => {
    const doc = await read(
      Buffer.from(page('<meta charset="utf-8">', '临淄区人民政府2023年政府信息公开工作年度报告')),
      'a.html',
    );
    expect(paragraphs(doc.blocks)[0]?.text).toBe('临淄区人民政府2023年政府信息公开工作年度报告');
    expect(doc.notes.join('')).not.toMatch(/GBK/);
  });

  it('reads GB2312 declared by http-equiv', async () => {
    const bytes = encodeGbk(
      page(
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        '一、总体情况〔2021〕30号',
      ),
    );
    expect(sniffCharset(bytes)).toBe('gb2312');
    const doc = await read(bytes, 'a.html');
    expect(paragraphs(doc.blocks)[0]?.text).toBe('一、总体情况〔2021〕30号');
    expect(doc.notes).toContain('已按 GBK 编码读取。');
  });

  it('detects GBK without any declaration', async () => {
    const doc = await read(encodeGbk(page('', '收到和处理政府信息公开申请情况')), 'a.html');
    expect(paragraphs(doc.blocks)[0]?.text).toBe('收到和处理政府信息公开申请情况');
  });

  it('trusts valid UTF-8 over a stale GBK declaration', async () => {
    const doc = await read(
      Buffer.from(page('<meta charset="gbk">', '主动公开政府信息情况'), 'utf8'),
      'a.html',
    );
    expect(paragraphs(doc.blocks)[0]?.text).toBe('主动公开政府信息情况');
  });

  it('a whole generated GBK report round-trips', async () => {
    const spec = defaultSpec();
    const doc = await read(specToHtml(spec, {}, { encoding: 'gbk', chrome: true }), 'a.html');
    const texts = paragraphs(doc.blocks).map((p) => p.text);
    expect(texts).toContain('临淄区工业和信息化局');
    expect(texts).toContain('六、其他需要报告的事项');
    expect(texts).toContain(spec.preamble[0]);
  });
});

describe('html reader: page chrome', () => {
  it('drops scripts, navigation, breadcrumbs, 字号/打印/分享 bars and footers, keeps the report and metadata', async () => {
    const doc = await read(
      specToHtml(defaultSpec(), {}, { encoding: 'utf-8', chrome: true }),
      'a.html',
    );
    const all = doc.blocks
      .map((b) =>
        b.kind === 'paragraph'
          ? b.text
          : b.rows
              .flat()
              .map((c) => c.text)
              .join(' '),
      )
      .join('\n');
    for (const chrome of [
      '当前位置',
      '字号',
      '打印',
      '分享',
      '关闭窗口',
      'ICP备',
      '互动交流',
      '统计代码',
      '_hmt',
      'font-size',
    ]) {
      expect(all, chrome).not.toContain(chrome);
    }
    expect(all).toContain('索引号');
    expect(all).toContain('一、总体情况');
    expect(all).toContain('2024年1月20日');
  });

  it('drops portal tool rows as seen in seed 002', async () => {
    const page = `<ul><li>标题</li><li>正文</li><li>手机</li><li>附件</li></ul>
      <p>发布日期:2024-02-18</p><ul><li>字号:</li><li>|</li><li>打印</li></ul>
      <p>电子书          Ι               H5           Ι        图文解读     Ι            语音播报</p>
      <p>一、总体情况</p>`;
    const doc = await read(Buffer.from(page), 'a.html');
    expect(paragraphs(doc.blocks).map((p) => p.text)).toEqual([
      '发布日期:2024-02-18',
      '一、总体情况',
    ]);
  });

  it('keeps a paragraph that merely mentions printing', async () => {
    const doc = await read(
      Buffer.from('<p>字号</p><p>全年印发打印宣传资料2000份，分享工作经验3次。</p>'),
      'a.html',
    );
    expect(paragraphs(doc.blocks).map((p) => p.text)).toEqual([
      '全年印发打印宣传资料2000份，分享工作经验3次。',
    ]);
  });

  it('drops content the browser hides', async () => {
    const doc = await read(
      Buffer.from(
        '<p style="display: none">分享到微信</p><div hidden>隐藏</div><p>报告正文<span style="visibility:hidden">看不见</span></p>',
      ),
      'a.html',
    );
    expect(paragraphs(doc.blocks).map((p) => p.text)).toEqual(['报告正文']);
  });

  it('display HTML carries block indices and no scripts or event handlers', async () => {
    const doc = await read(specToHtml(defaultSpec(), {}, { chrome: true }), 'a.html');
    expect(doc.html).not.toMatch(/<script|onclick|javascript:|<style/i);
    const indices = [...doc.html.matchAll(/data-nb-block="(\d+)"/g)].map((m) => Number(m[1]));
    expect(indices).toEqual(doc.blocks.map((_, i) => i));
    // Each table cell of the display carries its grid position.
    expect(doc.html).toMatch(/<td data-nb-cell="0,0" colspan="4">第二十条第（一）项<\/td>/);
  });
});

describe('html reader: text and tables', () => {
  it('joins text split across inline spans', async () => {
    const { blocks } = htmlToBlocks(
      '<p><span>本年新收申请</span><span>2</span><span>3</span><span>件</span>，<b>20</b><span>23</span>年</p>',
      { dropChrome: true },
    );
    expect(paragraphs(blocks)[0]?.text).toBe('本年新收申请23件，2023年');
  });

  it('keeps inline formatting balanced inside each block element', () => {
    const { html } = htmlToBlocks('<b>前言<p>正文<i>斜体</p>结尾</b>', { dropChrome: false });
    expect(html).toBe(
      '<p data-nb-block="0"><b>前言</b></p>\n<p data-nb-block="1">正文<i>斜体</i></p>\n<p data-nb-block="2">结尾</p>',
    );
  });

  it('without display HTML: the same blocks, notes and pictures, and no HTML', () => {
    const html = `<h2>一、<b>总体</b>情况</h2><ul><li>甲<br>乙</li></ul><p><i></i></p><img src="x">
      <table><tr><td rowspan="2">商业<br>企业</td><td>1</td></tr><tr><td><b>2</b></td></tr></table>
      <table><tr><td><p>框内</p></td></tr></table>`;
    const shown = htmlToBlocks(html, { dropChrome: false });
    const bare = htmlToBlocks(html, { dropChrome: false, display: false });
    expect(shown.html).not.toBe('');
    expect(bare).toEqual({ ...shown, html: '' });
  });

  it('headings carry their level, list items their level', () => {
    const { blocks } = htmlToBlocks(
      '<h2>一、总体情况</h2><ul><li>甲</li><li><ul><li>乙</li></ul></li><li><p>丙</p></li></ul><p>丁</p>',
      { dropChrome: false },
    );
    expect(paragraphs(blocks).find((p) => p.text === '丙')?.listLevel).toBe(0);
    expect(paragraphs(blocks).find((p) => p.text === '丁')?.listLevel).toBeUndefined();
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '一、总体情况', headingLevel: 2 });
    expect(paragraphs(blocks).find((p) => p.text === '甲')?.listLevel).toBe(0);
    expect(paragraphs(blocks).find((p) => p.text === '乙')?.listLevel).toBe(1);
  });

  it('expands rowspan/colspan; covered cells repeat the origin and point at it; <br> becomes a newline', () => {
    const html = `<table>
      <tr><td rowspan="2" colspan="2">（本列数据的勾稽关系）</td><td colspan="2">申请人情况</td></tr>
      <tr><td>商业<br>企业</td><td><p>总</p><p>计</p></td></tr>
      <tr><td>一、本年新收</td><td></td><td>1</td><td>２</td></tr>
    </table>`;
    const [t] = tables(htmlToBlocks(html, { dropChrome: false }).blocks);
    expect(t?.layout).toBe('grid');
    expect(t?.rows.map((r) => r.length)).toEqual([4, 4, 4]);
    expect(t?.rows[0]?.[0]).toEqual({
      text: '（本列数据的勾稽关系）',
      rowSpan: 2,
      colSpan: 2,
      covered: false,
      originRow: 0,
      originCol: 0,
    });
    expect(t?.rows[1]?.[1]).toEqual({
      text: '（本列数据的勾稽关系）',
      rowSpan: 1,
      colSpan: 1,
      covered: true,
      originRow: 0,
      originCol: 0,
    });
    expect(t?.rows[0]?.[3]).toMatchObject({
      text: '申请人情况',
      covered: true,
      originRow: 0,
      originCol: 2,
    });
    expect(t?.rows[1]?.[2]?.text).toBe('商业\n企业');
    expect(t?.rows[1]?.[3]?.text).toBe('总\n计');
    expect(t?.rows[2]?.map((c) => c.text)).toEqual(['一、本年新收', '', '1', '２']);
  });

  it('pads short rows and clips a rowspan running past the table', () => {
    const [t] = tables(
      htmlToBlocks(
        '<table><tr><td rowspan="9">a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>',
        { dropChrome: false },
      ).blocks,
    );
    expect(t?.rows[0]?.[0]?.rowSpan).toBe(2);
    expect(t?.rows[1]?.map((c) => [c.text, c.covered])).toEqual([
      ['a', true],
      ['d', false],
      ['', false],
    ]);
  });

  it('walks through layout tables but keeps the data table inside', () => {
    const html = `<table><tr><td><p>年度报告</p><table><tr><td>规章</td><td>0</td></tr><tr><td>行政许可</td><td>5</td></tr></table><p>报告正文</p></td></tr></table>`;
    const { blocks } = htmlToBlocks(html, { dropChrome: true });
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(tables(blocks)[0]?.rows[1]?.[1]?.text).toBe('5');
  });

  it('reads Word "save as web page" markup: list labels in conditional comments, &nbsp; padding, mso XML dropped', () => {
    const html = `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span style='font-family:宋体'>总体情况<o:p></o:p></span></p>
      <!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
      <p class=MsoNormal><span lang=EN-US>2023</span><span style='font-family:宋体'>年，</span></p>`;
    expect(paragraphs(htmlToBlocks(html, { dropChrome: true }).blocks).map((p) => p.text)).toEqual([
      '一、 总体情况',
      '2023年，',
    ]);
  });

  it('keeps Word-HTML namespaced inline elements such as <st1:chsdate>', () => {
    const { blocks } = htmlToBlocks(
      '<p>统计期限自<st1:chsdate year="2023">2023年1月1日</st1:chsdate>起<o:p></o:p></p>',
      { dropChrome: true },
    );
    expect(paragraphs(blocks)[0]?.text).toBe('统计期限自2023年1月1日起');
  });

  it('bounds a huge declared table', () => {
    const { rows, truncated } = expandTable([
      [{ text: 'x', rowSpan: 1, colSpan: 1000 }],
      ...Array.from({ length: 200 }, () => [{ text: 'y', rowSpan: 1, colSpan: 1000 }]),
    ]);
    expect(truncated).toBe(true);
    expect(rows.length * (rows[0]?.length ?? 0)).toBeLessThanOrEqual(100_000);
  });
});
