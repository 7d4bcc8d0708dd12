/**
 * Tables as PDF text layers give them: a row's values on its label's line, labels broken over
 * lines, one character per line for merged row headers, page numbers between rows. Small
 * inline documents for each quirk, then the three real published reports of the corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitValueRun } from '../../src/core/extract/tokens';
import { extractText } from './helpers';

describe('splitValueRun', () => {
  it('splits a label from the values that follow it, with character offsets', () => {
    expect(splitValueRun('规章 1 0 11')).toEqual([
      { text: '规章', start: 0, end: 2 },
      { text: '1', start: 3, end: 4 },
      { text: '0', start: 5, end: 6 },
      { text: '11', start: 7, end: 9 },
    ]);
    expect(splitValueRun('3.危及“三安全一稳定” 5 0 0 0 0 0 5')?.map((p) => p.text)).toEqual([
      '3.危及“三安全一稳定”',
      '5',
      '0',
      '0',
      '0',
      '0',
      '0',
      '5',
    ]);
  });

  it('splits a line of values only when it clearly holds several', () => {
    expect(splitValueRun('72 64 178 37 351')?.length).toBe(5);
    expect(splitValueRun('3 251')).toBeNull();
  });

  it('leaves numbers inside phrases alone', () => {
    expect(splitValueRun('截至 2024 年')).toBeNull();
    expect(splitValueRun('行政许可')).toBeNull();
    expect(splitValueRun('第二十条 第（一）项')).toBeNull();
  });
});

describe('PDF text layer quirks', () => {
  const doc = [
    '某市人民政府',
    '2024 年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '第二十条 第（一）项',
    '信息内容 本年制发件数 本年废止件数 现行有效件数',
    '规章 1 0 11',
    '行政规范性文件 8 26 66',
    '- 4 -',
    '行政处罚 3985758',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，',
    '等于第三项加第四项之和）',
    '申请人情况',
    '总计商 业 企',
    '业',
    '一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119',
    '三、',
    '本',
    '年',
    '（一）予以公开 1288 21 0 0 50 3 1362',
    '5.要求行政机关确认或重新出',
    '具已获取信息 1 0 0 0 0 0 1',
    '- 5 -',
    '1、申请人无正当理由逾期不补',
    '正、行政机关不再处理其政府信',
    '息公开申请',
    '67 3 0 0 1 0 71',
    '（七）总计 2932 53 0 0 61 4 3050',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 行政诉讼',
    '结 果',
    '维持',
    '尚 未 审',
    '结',
    '审结 总 计 结果',
    '72 64 178 37 351 13 4 8 1 26 12 1 1 6 20',
    '五、存在的主要问题及改进情况',
  ].join('\n');
  const m = extractText(doc);

  it('reads table 二 rows written on one line, across a page number', () => {
    expect(m.tables.activeDisclosure?.normativeDocuments).toMatchObject({
      issued: { value: 8 },
      repealed: { value: 26 },
      effective: { value: 66 },
    });
    expect(m.tables.activeDisclosure?.punishment.value).toBe(3985758);
    // The value points at its characters inside the line.
    expect(m.tables.activeDisclosure?.regulations.effective.pos).toMatchObject({
      start: 7,
      end: 9,
    });
  });

  it('reads table 三 rows whose labels are broken over lines', () => {
    const a = m.tables.applications;
    expect(a?.newReceived.total.value).toBe(3119);
    expect(a?.granted.naturalPerson.value).toBe(1288);
    expect(a?.['notProcessed.confirmation'].total.value).toBe(1);
    expect(a?.['otherHandling.overdueCorrection'].legalService.value).toBe(1);
    expect(a?.['otherHandling.overdueCorrection'].total.value).toBe(71);
    expect(a?.totalProcessed.total.value).toBe(3050);
  });

  it('reads table 四 values after a header broken into fragments', () => {
    const r = m.tables.reviewLitigation;
    expect(r?.review.total.value).toBe(351);
    expect(r?.litigationDirect.upheld.value).toBe(13);
    expect(r?.litigationAfterReview.total.value).toBe(20);
  });
});

describe('real published reports (PDF text layers, read as .txt)', () => {
  const dir = resolve(__dirname, '../../../shared/corpus/real');
  const load = (name: string) => {
    const file = resolve(dir, `${name}.pypdf.txt`);
    if (!existsSync(file)) throw new Error(`真实报告文本不存在：${file}`);
    return extractText(readFileSync(file, 'utf8'), `${name}.txt`);
  };

  it('淮安市人民政府 2024: every cell of the three tables', () => {
    const m = load('huaian-city-gov_2024');
    expect([m.agency, m.year, m.template]).toEqual(['淮安市人民政府', 2024, '2021']);
    expect(m.sections.every((s) => s.found)).toBe(true);
    expect(m.statisticsPeriod).toMatchObject({ fromYear: 2024, toYear: 2024 });
    expect(m.tables.activeDisclosure?.licensing.value).toBe(447228);
    expect(m.tables.activeDisclosure?.administrativeFees.value).toBeCloseTo(96171.6, 6);
    const a = m.tables.applications;
    const nulls = Object.entries(a ?? {}).filter(([, row]) =>
      Object.values(row).some((c) => c.value === null),
    );
    expect(nulls).toEqual([]);
    expect(a?.['denied.safetyStability'].total.value).toBe(5);
    expect(a?.carriedForward.total.value).toBe(103);
    expect(m.tables.reviewLitigation?.review).toMatchObject({
      upheld: { value: 72 },
      total: { value: 351 },
    });
  });

  it('洪泽区 2023: misprinted label read, collapsed 其他处理 left missing, table 四 as printed', () => {
    const m = load('huaian-hongze-district-gov_2023');
    expect([m.agency, m.year, m.template]).toEqual(['洪泽区人民政府', 2023, '2021']);
    const a = m.tables.applications;
    expect(a?.['denied.lawForbidden'].total).toMatchObject({ value: 0, missing: false });
    expect(a?.['otherHandling.other'].total.missing).toBe(true);
    expect(a?.totalProcessed.total.value).toBe(21);
    expect(m.tables.reviewLitigation?.review).toMatchObject({
      upheld: { value: 10 },
      corrected: { value: 1 },
      total: { value: 0 },
    });
    expect(m.tables.reviewLitigation?.litigationAfterReview.upheld.value).toBe(5);
  });

  it('洪泽区 2024: the following year of the same agency', () => {
    const m = load('huaian-hongze-district-gov_2024');
    expect([m.agency, m.year]).toEqual(['淮安市洪泽区人民政府', 2024]);
    expect(m.tables.activeDisclosure?.normativeDocuments).toMatchObject({
      issued: { value: 3 },
      effective: { value: 8 },
    });
    expect(m.tables.applications?.newReceived.total.value).toBe(95);
    expect(m.tables.reviewLitigation?.litigationAfterReview.total.value).toBe(3);
  });
});
