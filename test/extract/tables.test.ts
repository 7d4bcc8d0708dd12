import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
  type ApplicationRowKey,
} from '../../src/core/model/glossary';
import type { ApplicationsTable, Block, ReportModel, TableCell } from '../../src/core/model/types';
import {
  appRowLabels,
  appValue,
  applicationsLayoutA,
  cell,
  docFromBlocks,
  extractText,
} from './helpers';

const T2_LAYOUT_A = [
  '\t第二十条\t第 （一） 项',
  '\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数',
  '\t规章\n\t１\n\t2\n\t3',
  '\t行政规范性文件\n\t4\n\t5\n\t16',
  '\t第二十条\t第 （五） 项',
  '\t信息内容\n\t本年处理决定数量',
  '\t行政许可\n\t59,807',
  '\t第二十条\t第 （六） 项',
  '\t信息内容\n\t本年处理决定数量',
  '\t行政处罚\n\t3 251',
  '\t行政强制\n\t—',
  '\t第二十条\t第 （八） 项',
  '\t信息内容\n\t本年收费金额  （单位 ：万元）',
  '\t行政事业性收费\n\t290.066',
].join('\n\n');

const T4_FLAT = [
  '\t行政复议\n\t行政诉讼',
  '\t结果\n维持\n\t结果纠正\n\t其他结果\n\t尚未\n审结\n\t总\n计\n\t未经复议直接起诉\n\t复议后起诉',
  '\t\n\t\n\t\n\t\n\t\n\t结果维持\n\t结果纠正\n\t其他\n结果\n\t尚未审结\n\t总计\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计',
  Array.from({ length: 15 }, (_, k) => `\t${k + 1}`).join('\n'),
].join('\n\n');

function report(t2: string, t3: string, t4: string): string {
  return [
    '某某县某某局',
    '2023年政府信息公开工作年度报告',
    '一、总体情况',
    '本局认真贯彻落实条例。',
    '二、主动公开政府信息情况',
    t2,
    '',
    '三、收到和处理政府信息公开申请情况',
    t3,
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    t4,
    '',
    '五、存在的主要问题及改进情况',
    '问题与改进。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
  ].join('\n');
}

function expectDistinctApplications(t: ApplicationsTable | null): void {
  expect(t).not.toBeNull();
  for (const row of APPLICATION_ROW_KEYS) {
    APPLICANT_COLUMN_KEYS.forEach((c, k) => {
      expect({ row, c, v: t?.[row][c].value }).toEqual({ row, c, v: appValue(row, k) });
    });
  }
}

describe('table 二 (active disclosure)', () => {
  it('reads rows by label, with full-width digits, thousands separators, stray spaces, decimals and blank markers', () => {
    const m = extractText(report(T2_LAYOUT_A, applicationsLayoutA(), T4_FLAT));
    const t = m.tables.activeDisclosure;
    expect(t?.regulations.issued).toMatchObject({ value: 1, raw: '１' });
    expect(t?.regulations.repealed.value).toBe(2);
    expect(t?.regulations.effective.value).toBe(3);
    expect(t?.normativeDocuments.effective.value).toBe(16);
    expect(t?.licensing).toMatchObject({ value: 59807, raw: '59,807' });
    expect(t?.punishment.value).toBe(3251);
    expect(t?.coercion).toMatchObject({ value: null, raw: '—', blank: true, missing: false });
    expect(t?.administrativeFees.value).toBeCloseTo(290.066, 9);
    expect(t?.licensing.pos).toMatchObject({ block: expect.any(Number), row: 6, col: 1 });
    expect(m.tablePos.activeDisclosure?.block).toBe(t?.licensing.pos?.block);
  });

  it('follows the header when the document columns come in another order (grid columns)', () => {
    const rows = [
      '第二十条第（一）项\t\t\t',
      '信息内容\t现行有效件数\t本年制发件数\t本年废止件数',
      '规章\t9\t1\t2',
      '行政规范性文件\t30\t4\t5',
    ].join('\n');
    const t = extractText(report(rows, applicationsLayoutA(), T4_FLAT)).tables.activeDisclosure;
    expect(t?.regulations).toMatchObject({
      issued: { value: 1 },
      repealed: { value: 2 },
      effective: { value: 9 },
    });
    expect(t?.normativeDocuments).toMatchObject({
      issued: { value: 4 },
      repealed: { value: 5 },
      effective: { value: 30 },
    });
    // Rows that do not appear stay missing rather than borrowing neighbours' values.
    expect(t?.licensing).toMatchObject({ value: null, missing: true });
  });
});

describe('table 三 (applications)', () => {
  it('maps every cell of a Word text copy (labels split over lines, group labels before sub-rows)', () => {
    const m = extractText(report(T2_LAYOUT_A, applicationsLayoutA(), T4_FLAT));
    expectDistinctApplications(m.tables.applications);
    expect(m.tables.applications?.newReceived.naturalPerson.pos).toMatchObject({ row: 3 });
  });

  it('copes with the shifted rows of a tab-separated copy (seed 001 layout)', () => {
    const v = (row: ApplicationRowKey) =>
      Array.from({ length: 7 }, (_, k) => String(appValue(row, k)));
    const lines = [
      '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\t',
      '\t\t自然人\t法人或其他组织\t\t\t\t\t\t',
      '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t',
    ];
    for (const row of APPLICATION_ROW_KEYS) {
      const labels = appRowLabels(row);
      if (row === 'otherHandling.other') lines.push(['3.其他', '', ...v(row), ''].join('\t'));
      else if (row === 'totalProcessed') lines.push(['(七) 总计', ...v(row), '', ''].join('\t'));
      else if (labels.length === 1 && /^[一二四]、/.test(labels[0] as string))
        lines.push([labels[0], '', ...v(row), ''].join('\t'));
      else if (labels.length === 2 && row === 'granted')
        lines.push([...labels, ...v(row), ''].join('\t'));
      else if (labels.length === 2) lines.push(['', ...labels, ...v(row)].join('\t'));
      else lines.push(['', '', ...labels, ...v(row)].join('\t'));
    }
    const m = extractText(report(T2_LAYOUT_A, lines.join('\n'), T4_FLAT));
    expectDistinctApplications(m.tables.applications);
  });

  it('reads flat web-page text by value runs (one cell per line, seed 002 layout)', () => {
    const lines = [
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ];
    for (const row of APPLICATION_ROW_KEYS) {
      lines.push(...appRowLabels(row).map((l) => l.replace(/（/g, '(').replace(/）/g, ')')));
      for (let k = 0; k < 7; k++) lines.push(String(appValue(row, k)));
    }
    const t4 = [
      '行政复议',
      '行政诉讼',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '未经复议直接起诉',
      '复议后起诉',
    ];
    for (let g = 0; g < 2; g++) t4.push('结果维持', '结果纠正', '其他结果', '尚未审结', '总计');
    for (let k = 0; k < 15; k++) t4.push(String(k + 1));
    const m = extractText(report(T2_LAYOUT_A, lines.join('\n\n'), t4.join('\n\n')));
    expectDistinctApplications(m.tables.applications);
    expect(m.tables.applications?.carriedForward.total.pos).toEqual({ block: expect.any(Number) });
    expect(m.tables.reviewLitigation?.litigationAfterReview.total.value).toBe(15);
  });

  it('keeps blank markers, text and absent cells apart', () => {
    const special: Partial<Record<ApplicationRowKey, string[]>> = {
      newReceived: ['—', '/', '无', '', '-', '二十', '０'],
    };
    const text = applicationsLayoutA((row, c) => special[row]?.[c] ?? String(appValue(row, c)));
    const t = extractText(report(T2_LAYOUT_A, text, T4_FLAT)).tables.applications;
    const r = t?.newReceived;
    expect(r?.naturalPerson).toMatchObject({ value: null, raw: '—', blank: true, missing: false });
    expect(r?.commercial).toMatchObject({ value: null, raw: '/', blank: true });
    expect(r?.research).toMatchObject({ value: null, raw: '无', blank: true });
    expect(r?.publicInterest).toMatchObject({ value: null, raw: '', blank: true, missing: false });
    expect(r?.legalService).toMatchObject({ value: null, blank: true });
    expect(r?.otherOrg).toMatchObject({ value: null, raw: '二十', blank: false, missing: false });
    expect(r?.total).toMatchObject({ value: 0, raw: '０' });
    // The next row is not disturbed by the blanks before it.
    expect(t?.carriedOver.naturalPerson.value).toBe(appValue('carriedOver', 0));
  });

  it('reads a Word grid by its header columns, whatever their order', () => {
    // 总计 first, then the six applicant columns: a position-based reader would get every value wrong.
    const order = [
      '总计',
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ];
    const canonicalIndex = [6, 0, 1, 2, 3, 4, 5];
    const texts: string[][] = [
      [
        '说明',
        '说明',
        '说明',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
        '申请人情况',
      ],
      [
        '说明',
        '说明',
        '说明',
        '总计',
        '自然人',
        '法人或其他组织',
        '法人或其他组织',
        '法人或其他组织',
        '法人或其他组织',
        '法人或其他组织',
      ],
      ['说明', '说明', '说明', '总计', '自然人', ...order.slice(2)],
    ];
    for (const row of APPLICATION_ROW_KEYS) {
      const labels = appRowLabels(row);
      const values = canonicalIndex.map((k) => String(appValue(row, k)));
      const l3 =
        labels.length === 1 ? [labels[0], labels[0], labels[0]] : [labels[0], labels[1], labels[1]];
      texts.push([...(l3 as string[]), ...values]);
    }
    const rows: TableCell[][] = texts.map((r, ri) =>
      r.map((t, ci) => {
        const left = ci > 0 && r[ci - 1] === t && !/^\d+$/.test(t);
        const up = !left && ri > 0 && ci < 3 && texts[ri - 1]?.[ci] === t && !/^\d+$/.test(t);
        return cell(
          t,
          ri,
          ci,
          left || up
            ? { covered: true, originRow: up ? ri - 1 : ri, originCol: left ? ci - 1 : ci }
            : {},
        );
      }),
    );
    const blocks: Block[] = [
      { kind: 'paragraph', text: '某局2023年政府信息公开工作年度报告' },
      { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
      { kind: 'table', layout: 'grid', rows },
    ];
    const m = extractReport(docFromBlocks(blocks), { id: 'g', file: 'g.docx' });
    expectDistinctApplications(m.tables.applications);
    expect(m.tables.applications?.newReceived.total.pos).toEqual({ block: 2, row: 3, col: 3 });
  });
});

describe('table 四 (review and litigation)', () => {
  it('reads the flat run of 15 values into the three groups, labels split over lines', () => {
    const t = extractText(report(T2_LAYOUT_A, applicationsLayoutA(), T4_FLAT)).tables
      .reviewLitigation;
    REVIEW_GROUP_KEYS.forEach((g, gi) => {
      REVIEW_COLUMN_KEYS.forEach((c, ci) => {
        expect({ g, c, v: t?.[g][c].value }).toEqual({ g, c, v: gi * 5 + ci + 1 });
      });
    });
  });

  it('reads groups laid out as rows', () => {
    const rows = [
      '\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
      '行政复议\t1\t2\t3\t4\t10',
      '未经复议直接起诉\t0\t0\t1\t0\t1',
      '复议后起诉\t0\t1\t0\t0\t1',
    ].join('\n');
    const t = extractText(report(T2_LAYOUT_A, applicationsLayoutA(), rows)).tables.reviewLitigation;
    expect(t?.review).toMatchObject({
      upheld: { value: 1 },
      pending: { value: 4 },
      total: { value: 10 },
    });
    expect(t?.litigationDirect.other.value).toBe(1);
    expect(t?.litigationAfterReview.corrected.value).toBe(1);
  });

  it('leaves cells missing when fewer values are written, and tables null when absent', () => {
    const m: ReportModel = extractText(
      '某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n',
    );
    expect(m.tables).toEqual({
      activeDisclosure: null,
      applications: null,
      reviewLitigation: null,
    });
    const short = [
      '\t行政复议\n\t行政诉讼',
      '\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计',
      '\t1\n\t2\n\t3',
    ].join('\n\n');
    const t = extractText(report(T2_LAYOUT_A, applicationsLayoutA(), short)).tables
      .reviewLitigation;
    expect(t?.review.other.value).toBe(3);
    expect(t?.review.pending).toMatchObject({ value: null, missing: true });
    expect(t?.litigationAfterReview.total.missing).toBe(true);
  });
});
