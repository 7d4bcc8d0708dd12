/**
 * The PDF layout analysis on hand-made pages: each module is pure, so its cases are small
 * drawings (rules and glyphs in page coordinates) with the structure they must yield.
 */
import { describe, expect, it } from 'vitest';
import { findAlignedFrames } from '../../../src/core/ingest/pdf/aligned';
import { findFurniture, isPageNumber } from '../../../src/core/ingest/pdf/furniture';
import type { Glyph, PageContent, Rule } from '../../../src/core/ingest/pdf/geometry';
import { joinPieces } from '../../../src/core/ingest/pdf/geometry';
import { frameToTable, layoutBlocks } from '../../../src/core/ingest/pdf/layout';
import { buildLines, cellText } from '../../../src/core/ingest/pdf/lines';
import { scanOperators, type OpCodes } from '../../../src/core/ingest/pdf/operators';
import { margins, toParagraphs } from '../../../src/core/ingest/pdf/paragraphs';
import { fillFrames, findRuledFrames } from '../../../src/core/ingest/pdf/ruled';
import { fromPages } from '../../../src/core/ingest/pdf';
import { IngestError, type IngestErrorCode } from '../../../src/core/ingest/errors';

/** The reason code `f` is refused with (fails when it does not throw an IngestError). */
function refusal(f: () => unknown): IngestErrorCode {
  try {
    f();
  } catch (e) {
    if (e instanceof IngestError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** Glyphs of a text set at (x, top) in a 10pt font, Chinese full width, the rest half. */
function text(s: string, x: number, top: number, size = 10): Glyph[] {
  const out: Glyph[] = [];
  let at = x;
  for (const ch of s) {
    const w = /[\u0000-\u00ff]/.test(ch) ? size / 2 : size;
    if (ch !== ' ') out.push({ text: ch, x0: at, x1: at + w, y0: top, y1: top + size, size });
    at += w;
  }
  return out;
}

const h = (y: number, x0: number, x1: number): Rule => ({ dir: 'h', x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Rule => ({ dir: 'v', x0: x, x1: x, y0, y1 });

describe('tables from ruling lines', () => {
  // A 3×3 grid at x 100/200/250/300, y 100/120/140/160; the top-left cell spans two columns,
  // the first column's lower two cells are one merged cell.
  const rules: Rule[] = [
    h(100, 100, 300),
    h(120, 100, 300),
    h(140, 200, 300), // no rule under the merged first-column cell
    h(160, 100, 300),
    v(100, 100, 160),
    v(200, 120, 160), // no rule inside the top-left merged cell
    v(250, 100, 160),
    v(300, 100, 160),
  ];

  it('finds rows, columns and merged cells', () => {
    const [frame] = findRuledFrames(rules, 1);
    expect(frame).toBeDefined();
    const t = frameToTable(frame!);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[0]).toHaveLength(3);
    expect(t.rows[0]?.[0]).toMatchObject({ colSpan: 2, rowSpan: 1, covered: false });
    expect(t.rows[0]?.[1]).toMatchObject({ covered: true, originCol: 0 });
    expect(t.rows[1]?.[0]).toMatchObject({ rowSpan: 2, covered: false });
    expect(t.rows[2]?.[0]).toMatchObject({ covered: true, originRow: 1 });
    expect(t.rows[1]?.[0]?.box).toEqual({ x0: 100, y0: 120, x1: 200, y1: 160 });
  });

  it('puts each glyph in the cell holding it; a vertical label reads as one word', () => {
    const [frame] = findRuledFrames(rules, 1);
    const glyphs = [
      ...text('合计', 110, 105),
      ...['办', '理', '结', '果'].flatMap((c, i) => text(c, 145, 121 + i * 9.5, 9)),
      ...text('12', 210, 125),
      ...text('7', 260, 125),
      ...text('０', 260, 145),
      ...text('页外', 400, 400),
    ];
    const outside = fillFrames([frame!], glyphs);
    expect(outside.map((g) => g.text).join('')).toBe('页外');
    const t = frameToTable(frame!);
    expect(t.rows[0]?.[0]?.text).toBe('合计');
    expect(t.rows[1]?.[0]?.text).toBe('办理结果');
    expect(t.rows[1]?.[1]?.text).toBe('12');
    expect(t.rows[2]?.[2]?.text).toBe('０');
  });

  it('a border drawn as many short segments is one rule; a lone underline is no table', () => {
    const pieces = [
      h(100, 100, 150),
      h(100, 150, 200),
      h(130, 100, 200),
      v(100, 100, 130),
      v(200, 100, 115),
      v(200, 115, 130),
      v(150, 100, 130),
    ];
    const [frame] = findRuledFrames(pieces, 1);
    expect(frame?.xs).toHaveLength(3);
    expect(findRuledFrames([h(300, 100, 400)], 1)).toEqual([]);
  });

  it('a table cut by the page end keeps its open last row', () => {
    const open = [
      h(100, 100, 300),
      h(120, 100, 300),
      v(100, 100, 140),
      v(200, 100, 140),
      v(300, 100, 140),
    ];
    const [frame] = findRuledFrames(open, 1);
    expect(frame?.ys).toHaveLength(3);
  });
});

describe('operators → glyphs and rules', () => {
  const OPS: OpCodes = {
    save: 10,
    restore: 11,
    transform: 12,
    constructPath: 91,
    paintFormXObjectBegin: 74,
    paintFormXObjectEnd: 75,
    setFillRGBColor: 59,
    setStrokeRGBColor: 58,
    beginText: 31,
    setFont: 37,
    setTextMatrix: 42,
    moveText: 40,
    setLeadingMoveText: 41,
    nextLine: 43,
    setLeading: 36,
    setCharSpacing: 33,
    setWordSpacing: 34,
    setHScale: 35,
    setTextRise: 39,
    showText: 44,
    stroke: 20,
    closeStroke: 21,
    fill: 22,
    eoFill: 23,
    fillStroke: 24,
    eoFillStroke: 25,
    closeFillStroke: 26,
    closeEOFillStroke: 27,
    images: [85],
  };
  // PDF user space (y up) → top-left page coordinates of an 842pt-high page.
  const viewport: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 842];
  const rect = (x: number, y: number, w: number, hh: number) =>
    new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + hh, 1, x, y + hh, 4]);

  it('stroked lines and thin filled rectangles are rules; shading and white fills are not', () => {
    const fn = [
      OPS.constructPath,
      OPS.setFillRGBColor,
      OPS.constructPath,
      OPS.constructPath,
      OPS.setFillRGBColor,
      OPS.constructPath,
    ];
    const args = [
      [OPS.stroke, [new Float32Array([0, 100, 700, 1, 300, 700])], null],
      ['#000000'],
      [OPS.fill, [rect(100, 600, 0.5, 100)], null],
      [OPS.fill, [rect(100, 500, 200, 20)], null], // shading: wide
      ['#ffffff'],
      [OPS.fill, [rect(100, 400, 200, 0.5)], null], // white: an eraser
    ];
    const scan = scanOperators(fn, args, OPS, viewport);
    expect(scan.rules).toEqual([
      { dir: 'h', x0: 100, x1: 300, y0: 142, y1: 142 },
      { dir: 'v', x0: 100.25, x1: 100.25, y0: 142, y1: 242 },
    ]);
  });

  it('a stroked rectangle per cell gives its four borders; a transform moves them', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore];
    const args = [null, [1, 0, 0, 1, 50, 0], [OPS.stroke, [rect(100, 700, 40, 20)], null], null];
    const { rules } = scanOperators(fn, args, OPS, viewport);
    expect(rules).toHaveLength(4);
    expect(
      rules
        .filter((r) => r.dir === 'v')
        .map((r) => r.x0)
        .sort((a, b) => a - b),
    ).toEqual([150, 190]);
    expect(
      rules
        .filter((r) => r.dir === 'h')
        .map((r) => r.y0)
        .sort((a, b) => a - b),
    ).toEqual([122, 142]);
  });

  it('places glyphs by the text state, vertical fonts stacked downwards', () => {
    const font = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], ascent: 0.88, descent: -0.12 };
    const vfont = { ...font, vertical: true, defaultVMetrics: [-1000, 500, 880] };
    const glyph = (u: string) => ({ unicode: u, width: 1000 });
    const fn = [
      OPS.beginText,
      OPS.setFont,
      OPS.setTextMatrix,
      OPS.showText,
      OPS.moveText,
      OPS.showText,
      OPS.beginText,
      OPS.setFont,
      OPS.setTextMatrix,
      OPS.showText,
    ];
    const args = [
      null,
      ['F1', 10],
      [[1, 0, 0, 1, 100, 700]],
      [[glyph('规'), glyph('章'), -5000, glyph('1')]],
      [0, -20],
      [[glyph('二')]],
      null,
      ['V1', 10],
      [[1, 0, 0, 1, 50, 600]],
      [[glyph('三'), glyph('四')]],
    ];
    const fonts = (n: string) => (n === 'V1' ? vfont : font);
    const { glyphs } = scanOperators(fn, args, OPS, viewport, fonts);
    const at = (t: string) => glyphs.find((g) => g.text === t);
    expect(at('规')).toMatchObject({ x0: 100, x1: 110 });
    expect(at('章')?.x0).toBeCloseTo(110);
    // A TJ offset of -5000 thousandths of an em moves 50 points right.
    expect(at('1')?.x0).toBeCloseTo(170);
    expect(at('二')?.y0).toBeCloseTo((at('规')?.y0 ?? 0) + 20);
    expect(at('四')?.y0).toBeCloseTo((at('三')?.y0 ?? 0) + 10);
    expect(at('三')?.x0).toBeCloseTo(at('四')?.x0 ?? NaN);
  });
});

describe('lines, paragraphs and page furniture', () => {
  it('Chinese pieces join without spaces, Latin ones with one', () => {
    expect(joinPieces('政府信息', '公开')).toBe('政府信息公开');
    expect(joinPieces('annual', 'report')).toBe('annual report');
    expect(cellText([...text('商业', 10, 10), ...text('企业', 10, 22)])).toBe('商业企业');
  });

  it('rebuilds paragraphs: indented first lines, wrapped lines joined, short lines end them', () => {
    const body =
      '本年度，我局持续深化政务公开标准化规范化建设围绕重点领域主动公开各类信息切实保障人民群众的知情权参与权和监督权';
    const glyphs = [
      ...text('一、总体情况', 92, 100),
      ...text(body.slice(0, 18), 92, 120),
      ...text(body.slice(18, 38), 72, 140),
      ...text(body.slice(38), 72, 160),
      ...text('（一）主动公开。', 92, 180),
    ];
    const lines = buildLines(glyphs);
    const paras = toParagraphs(lines, 1, margins(lines));
    expect(paras.map((p) => p.text)).toEqual(['一、总体情况', body, '（一）主动公开。']);
  });

  it('page numbers, running headers and print marks in the margins are furniture; the same words in the body are not', () => {
    expect(['- 3 -', '第 3 页 共 8 页', '第3页', '3/8'].every(isPageNumber)).toBe(true);
    expect(isPageNumber('2023年')).toBe(false);
    const page = (n: number) => {
      const glyphs = [
        ...text('某某局政府信息公开工作年度报告', 200, 30),
        ...text(`- ${n} -`, 290, 800),
        ...text('http://www.example.gov.cn/a.html', 20, 825),
        ...text('正文第一行的内容在这里', 72, 300),
        ...text('- 3 -', 290, 400),
      ];
      return { height: 842, lines: buildLines(glyphs) };
    };
    const pages = [page(1), page(2), page(3)];
    const drop = findFurniture(pages);
    const kept = pages[0]!.lines.filter((_, i) => !drop[0]!.has(i)).map((l) => l.text);
    expect(kept).toEqual(['正文第一行的内容在这里', '- 3 -']);
  });

  it('a table without rules: columns from the values, a wrapped label joined to its row', () => {
    const rowsAt = (label: string, top: number, values: string[]) => [
      ...text(label, 72, top),
      ...values.flatMap((x, i) => text(x, 300 + i * 40, top)),
    ];
    const glyphs = [
      ...rowsAt('信息内容', 100, ['制发', '废止', '有效']),
      ...rowsAt('规章', 120, ['1', '0', '11']),
      ...text('行政规范性', 72, 134),
      ...rowsAt('', 140, ['8', '26', '66']),
      ...text('文件', 72, 146),
      ...rowsAt('行政许可', 160, ['3', '4', '5']),
    ];
    const lines = buildLines(glyphs);
    const { frames, taken } = findAlignedFrames(lines, 1);
    expect(taken.size).toBe(lines.length);
    const t = frameToTable(frames[0]!);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['信息内容', '制发', '废止', '有效'],
      ['规章', '1', '0', '11'],
      ['行政规范性文件', '8', '26', '66'],
      ['行政许可', '3', '4', '5'],
    ]);
  });
});

describe('whole pages', () => {
  const page = (n: number, glyphs: Glyph[], imageCover = 0): PageContent => ({
    page: n,
    width: 595,
    height: 842,
    glyphs,
    rules: [],
    imageCover,
  });

  it('a paragraph broken by the page end continues on the next page', () => {
    const first = '报告正文的第一段落文字很长一直写到页面的右边缘然后';
    const blocks = layoutBlocks([
      page(1, [...text('标题', 72, 80), ...text(first.slice(2), 92, 760), ...text(first, 72, 780)]),
      page(2, [...text('在下一页接着写完。', 72, 80)]),
    ]);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      '标题',
      `${first.slice(2)}${first}在下一页接着写完。`,
    ]);
  });

  it('pages of images and no text: a scanned PDF; private-use characters: unreadable fonts', () => {
    expect(refusal(() => fromPages([page(1, [], 1), page(2, [], 1)], 's.pdf'))).toBe('scanned');
    expect(refusal(() => fromPages([page(1, [], 1)], 's.pdf'))).toBe('scanned');
    expect(refusal(() => fromPages([page(1, [])], 's.pdf'))).toBe('no-text');
    expect(
      refusal(() =>
        fromPages(
          [
            page(
              1,
              text(
                '\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b\ue00c\ue00d\ue00e\ue00f\ue010\ue011\ue012\ue013\ue014\ue015',
                72,
                100,
              ),
            ),
          ],
          'f.pdf',
        ),
      ),
    ).toBe('unmapped-fonts');
  });
});
