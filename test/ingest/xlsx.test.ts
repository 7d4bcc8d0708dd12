import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import { numericValue } from '../../src/core/model/factory';
import type { Block, ParagraphBlock, TableBlock } from '../../src/core/model/types';
import { read } from '../../src/core/ingest/xlsx';
import { defaultSpec, specToXlsx } from '../fixtures';

const paragraphs = (blocks: Block[]): ParagraphBlock[] =>
  blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const tables = (blocks: Block[]): TableBlock[] =>
  blocks.filter((b): b is TableBlock => b.kind === 'table');

async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx reader', () => {
  for (const layout of ['sheets', 'single'] as const) {
    it(`reads the three tables (${layout} layout) with title and headings as paragraphs`, async () => {
      const doc = await read(
        await specToXlsx(defaultSpec(), { splitLabels: true }, { layout }),
        'a.xlsx',
      );
      expect(paragraphs(doc.blocks).map((p) => p.text)).toEqual([
        '临淄区工业和信息化局',
        '2023年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
      ]);
      const [t2, t3, t4] = tables(doc.blocks);
      expect([t2, t3, t4].map((t) => [t?.rows.length, t?.rows[0]?.length])).toEqual([
        [14, 4],
        [28, 10],
        [4, 15],
      ]);
      // Block header row of table 二 stays inside the table (it is merged across, not a heading).
      expect(t2?.rows[4]?.[0]).toMatchObject({
        text: '第二十条第（五）项',
        colSpan: 4,
        covered: false,
      });
      expect(t2?.rows[4]?.[3]).toMatchObject({
        text: '第二十条第（五）项',
        covered: true,
        originRow: 4,
        originCol: 0,
      });
      expect(t3?.rows[5]?.[0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
      expect(t3?.rows[20]?.[0]).toMatchObject({ covered: true, originRow: 5, originCol: 0 });
      expect(t3?.rows[2]?.[4]?.text).toBe('商业\n企业');
      expect(t2?.rows[13]?.[1]?.text).toBe('1.25');
      expect(doc.html).toMatch(/data-nb-cell="5,0" rowspan="22"/);
    });
  }

  it('a workbook of tables only gives a report whose sections are not found, with the tables extracted', async () => {
    const doc = await read(
      await specToXlsx(defaultSpec(), {}, { layout: 'sheets', title: false }),
      '报表.xlsx',
    );
    const model = extractReport(doc, { id: 'x', file: '报表.xlsx' });
    expect(model.sections.filter((s) => s.found).map((s) => s.key)).not.toContain('overview');
    expect(model.sections.find((s) => s.key === 'problems')?.found).toBe(false);
    expect(numericValue(model.tables.applications?.newReceived.total)).toBe(3);
    expect(numericValue(model.tables.reviewLitigation?.review.total)).toBe(2);
  });

  it('shows numbers as displayed (fixed decimals, formulas by their cached result) and rich text joined', async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet('表二');
      ws.getCell('A1').value = '行政事业性收费';
      ws.getCell('B1').value = 290.066;
      ws.getCell('B1').numFmt = '0.00';
      ws.getCell('A2').value = {
        richText: [{ text: '行政' }, { text: '许可', font: { bold: true } }],
      };
      ws.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('A3').value = '行政处罚';
      ws.getCell('B3').value = 1234;
      ws.getCell('B3').numFmt = '#,##0';
    });
    const doc = await read(bytes, 'a.xlsx');
    const t = tables(doc.blocks)[0];
    expect(t?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['行政事业性收费', '290.07'],
      ['行政许可', '3'],
      ['行政处罚', '1,234'],
    ]);
  });

  it('skips hidden sheets and gives an empty workbook a note, not an error', async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet('空表');
      const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
      hidden.getCell('A1').value = '不应读取';
      hidden.getCell('B1').value = 1;
    });
    const doc = await read(bytes, 'a.xlsx');
    expect(doc.blocks).toEqual([]);
    expect(doc.notes.join('')).toMatch(/没有内容/);
  });
});
