import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/core/extract/text';
import { extractText } from './helpers';

describe('title, agency and year', () => {
  it('joins a title broken over two lines (agency on the first)', () => {
    const m = extractText(
      '临淄区工业和信息化局\n2023年政府信息公开工作年度报告\n\n一、总体情况\n正文。\n',
    );
    expect(m.title).toBe('临淄区工业和信息化局2023年政府信息公开工作年度报告');
    expect(m.titlePos).toEqual({ block: 0 });
    expect(m).toMatchObject({
      agency: '临淄区工业和信息化局',
      agencySource: 'title',
      year: 2023,
      yearSource: 'title',
    });
    // Neither title line is preamble text of a section.
    expect(m.paragraphs.slice(0, 2).every((p) => p.section === undefined)).toBe(true);
  });

  it('joins a title whose second line is only 年度报告', () => {
    const m = extractText('樟树市工信局2023年政府信息公开工作\n年度报告\n一、总体情况\n');
    expect(m.title).toBe('樟树市工信局2023年政府信息公开工作年度报告');
    expect(m.agency).toBe('樟树市工信局');
    expect(m.year).toBe(2023);
  });

  it('removes whitespace from the agency and reads Chinese-numeral years', () => {
    const m = extractText('淄博市 临淄区 人民政府\n二〇二二年政府信息公开工作年度报告\n');
    expect(m.agency).toBe('淄博市临淄区人民政府');
    expect(m.year).toBe(2022);
  });

  it('reads the agency after the year when the title starts with the year', () => {
    const m = extractText('2023年度临淄区人民政府政府信息公开工作年度报告\n一、总体情况\n');
    expect(m).toMatchObject({ agency: '临淄区人民政府', year: 2023 });
    const about = extractText('某某局关于2023年政府信息公开工作年度报告\n');
    expect(about.agency).toBe('某某局');
  });

  it('falls back to the statistics period for the year, then to the file name', () => {
    const byPeriod = extractText(
      '政府信息公开工作年度报告\n本报告统计期限为2022年1月1日至12月31日。\n',
      '某局.txt',
    );
    expect(byPeriod).toMatchObject({
      year: 2022,
      yearSource: 'period',
      agency: '某局',
      agencySource: 'fileName',
    });
    const byName = extractText(
      '政府信息公开工作年度报告\n一、总体情况\n',
      '张店区科学技术局2021年报.txt',
    );
    expect(byName).toMatchObject({
      year: 2021,
      yearSource: 'fileName',
      agency: '张店区科学技术局',
      agencySource: 'fileName',
    });
    const none = extractText('一、总体情况\n正文。\n', '000_9d3f07d5fe28c571.txt');
    expect(none).toMatchObject({
      agency: null,
      agencySource: 'none',
      year: null,
      yearSource: 'none',
      title: null,
    });
  });
});

describe('dates and statistics period', () => {
  it('reads both period phrasings with their quote and position', () => {
    const a = extractText(
      '某局2023年政府信息公开工作年度报告\n本年度报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止。如有疑问请联系。\n',
    );
    expect(a.statisticsPeriod).toMatchObject({ fromYear: 2023, toYear: 2023, pos: { block: 1 } });
    expect(a.statisticsPeriod?.quote).toContain('统计期限自2023年1月1日起，至2023年12月31日止');
    const b = extractText(
      '某局2023年政府信息公开工作年度报告\n统计期限为2022年1月1日至12月31日。\n',
    );
    expect(b.statisticsPeriod).toMatchObject({ fromYear: 2022, toYear: 2022 });
    const none = extractText(
      '某局2023年政府信息公开工作年度报告\n截至2023年12月31日，共发布信息22条。\n',
    );
    expect(none.statisticsPeriod).toBeUndefined();
  });

  it('collects publication dates of page chrome and the closing signature date', () => {
    const m = extractText(
      [
        '标题: 某区人民政府 2023年政府信息公开工作年度报告',
        '索引号: 1137/2024-1 发文日期: 2024-02-18 发布机构: 某区人民政府',
        '某区人民政府 2023年政府信息公开工作年度报告',
        '发布日期:2024-02-19',
        '一、总体情况',
        '正文，2023年12月31日前完成。',
        '某区人民政府',
        '二〇二四年一月二十日',
      ].join('\n'),
    );
    expect(m.dates.map((d) => [d.kind, d.date])).toEqual([
      ['published', '2024-02-18'],
      ['published', '2024-02-19'],
      ['signature', '2024-01-20'],
    ]);
    expect(m.dates[2]?.pos.block).toBe(7);
    expect(m.title).toBe('某区人民政府 2023年政府信息公开工作年度报告');
    expect(m.titlePos).toEqual({ block: 2 });
  });
});

describe('parseCell', () => {
  it.each([
    ['0', 0],
    ['0   ', 0],
    ['１２３', 123],
    ['1,234', 1234],
    ['1，234', 1234],
    [' 5 6 ', 56],
    ['290.066', 290.066],
    ['12件', 12],
  ])('%j → %d', (raw, value) => {
    expect(parseCell(raw)).toMatchObject({ value, blank: false, missing: false, raw: raw.trim() });
  });

  it.each(['', '—', '——', '-', '/', '／', '无', '  '])('%j is a blank marker', (raw) => {
    expect(parseCell(raw)).toMatchObject({ value: null, blank: true, missing: false });
  });

  it('keeps non-numeric text as text, with the position', () => {
    expect(parseCell('二十', { block: 3, row: 1, col: 2 })).toEqual({
      value: null,
      raw: '二十',
      blank: false,
      missing: false,
      pos: { block: 3, row: 1, col: 2 },
    });
  });
});
