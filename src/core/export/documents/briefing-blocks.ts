/**
 * The briefing's tables, captions and charts. Charts are native Word charts (docx's ChartRun:
 * DrawingML with an embedded workbook), not pictures: Word, WPS and LibreOffice draw them with the
 * document's fonts, the office can edit them, and no rasteriser (and no native dependency) is
 * needed to make them.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { FONTS, SIZE, TEXT_WIDTH, run } from './style';

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cellParagraph(
  text: string,
  header: boolean,
  align: 'left' | 'center' | 'right',
): Paragraph {
  return new Paragraph({
    alignment:
      align === 'left'
        ? AlignmentType.LEFT
        : align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    spacing: { line: 300, lineRule: 'auto' },
    children: [run(text, { size: SIZE.table, font: header ? FONTS.heading1 : FONTS.body })],
  });
}

/**
 * A table the width of the text block: header row repeated on every page, rows never split
 * across pages, 小四 text; `align` per column (numbers centred).
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  align: readonly ('left' | 'center' | 'right')[],
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  // A short table stays on one page with its caption (every row kept with the next); a long one
  // may break between rows, never inside one, and repeats its header row.
  const keepTogether = rows.length <= 12;
  const makeRow = (cells: readonly string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      ...(keepTogether || header ? { keepNext: true } : {}),
      height: { value: 440, rule: HeightRule.ATLEAST },
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: cols[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { left: 80, right: 80 },
            ...(header ? { shading: { fill: 'E7E6E6', type: 'clear', color: 'auto' } } : {}),
            children: [cellParagraph(text, header, header ? 'center' : (align[i] ?? 'left'))],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
    rows: [makeRow(headers, true), ...rows.map((r) => makeRow(r, false))],
  });
}

/** A caption under a table or chart, centred, 小四. */
export function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 240 },
    children: [run(text, { size: SIZE.table, font: FONTS.heading1 })],
  });
}

/** A horizontal bar chart, the text block's width; categories top to bottom in the given order. */
export function barChart(
  title: string,
  categories: readonly string[],
  values: readonly number[],
  seriesName: string,
): Paragraph {
  // Word draws a bar chart's first category at the bottom: reverse so the largest is on top.
  const cats = [...categories].reverse();
  const vals = [...values].reverse();
  const height = Math.min(520, 90 + cats.length * 34);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ChartRun({
        type: 'bar',
        title: { text: title, font: { size: 12, bold: true } },
        categories: cats,
        series: [{ name: seriesName, values: vals, color: '4472C4' }],
        legend: false,
        font: { name: '黑体' },
        dataLabels: { value: true },
        gapWidth: 60,
        transformation: { width: 580, height },
      }),
    ],
  });
}
