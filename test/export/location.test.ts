import { describe, expect, it } from 'vitest';
import { chineseNumeral, describeLocation } from '../../src/core/export/location';
import type { Finding } from '../../src/core/model/types';
import { buildReport } from '../support/builders';

const f = (extra: Partial<Finding>): Finding => ({
  ruleId: 'x/y',
  severity: 'error',
  message: '…',
  ...extra,
});

describe('describeLocation', () => {
  const report = buildReport();

  it('names a table-三 cell by row and column as a reviewer writes it', () => {
    expect(
      describeLocation(
        f({ table: 'applications', row: 'totalProcessed', column: 'naturalPerson' }),
        report,
      ),
    ).toBe('表三「（七）总计」行「自然人」列');
    expect(
      describeLocation(
        f({ table: 'applications', row: 'denied.stateSecret', column: 'total' }),
        report,
      ),
    ).toBe('表三「（三）不予公开 1.属于国家秘密」行「总计」列');
    expect(describeLocation(f({ table: 'applications', row: 'newReceived' }), report)).toBe(
      '表三「一、本年新收政府信息公开申请数量」行',
    );
    expect(describeLocation(f({ table: 'applications', column: 'commercial' }), report)).toBe(
      '表三「商业企业」列',
    );
    expect(describeLocation(f({ table: 'applications', row: 'denied' }), report)).toBe(
      '表三「（三）不予公开」行',
    );
  });

  it('names table-二 cells by row and column, table-四 cells by group and column', () => {
    expect(
      describeLocation(
        f({ table: 'activeDisclosure', row: 'normativeDocuments', column: 'effective' }),
        report,
      ),
    ).toBe('表二「行政规范性文件」行「现行有效件数」列');
    expect(describeLocation(f({ table: 'activeDisclosure', row: 'licensing' }), report)).toBe(
      '表二「行政许可」行',
    );
    expect(
      describeLocation(f({ table: 'reviewLitigation', row: 'review', column: 'total' }), report),
    ).toBe('表四「行政复议」「总计」');
    expect(
      describeLocation(f({ table: 'reviewLitigation', row: 'litigationDirect' }), report),
    ).toBe('表四「行政诉讼（未经复议直接起诉）」');
  });

  it('a table finding that points at a sentence names the sentence, then the cell', () => {
    const overview = report.sections.find((s) => s.key === 'overview')!;
    const claim = f({
      table: 'applications',
      row: 'newReceived',
      column: 'total',
      section: 'overview',
      pos: overview.paragraphs[2]!.pos,
      quote: '全年未收到',
    });
    expect(describeLocation(claim, report)).toBe(
      '第一部分（二）小标题下第 1 段；表三「一、本年新收政府信息公开申请数量」行「总计」列',
    );
    // A cell position (row/col set) or a bare quote never drags in a paragraph.
    const cell = report.tables.applications!.newReceived.total;
    expect(
      describeLocation(
        f({
          table: 'applications',
          row: 'newReceived',
          column: 'total',
          pos: cell.pos!,
          quote: '全年未收到',
        }),
        report,
      ),
    ).toBe('表三「一、本年新收政府信息公开申请数量」行「总计」列');
    expect(
      describeLocation(
        f({ table: 'activeDisclosure', row: 'coercion', quote: '政府信息管理' }),
        report,
      ),
    ).toBe('表二「行政强制」行');
  });

  it('a table without row/column is the table; unknown keys are left out, never shown in English', () => {
    expect(describeLocation(f({ table: 'applications', section: 'applications' }), report)).toBe(
      '表三',
    );
    expect(
      describeLocation(f({ table: 'applications', row: 'noSuchRow', column: 'total' }), report),
    ).toBe('表三「总计」列');
  });

  it('a section without a paragraph is named by its number and canonical title', () => {
    expect(describeLocation(f({ section: 'problems' }), report)).toBe(
      '第五部分「存在的主要问题及改进情况」',
    );
    const missing = buildReport({ omit: ['otherMatters'] });
    expect(describeLocation(f({ section: 'otherMatters' }), missing)).toBe(
      '第六部分「其他需要报告的事项」',
    );
  });

  it('a paragraph inside a section is counted within that section, by position or by quote', () => {
    const overview = report.sections.find((s) => s.key === 'overview')!;
    const third = overview.paragraphs[2]!;
    expect(describeLocation(f({ section: 'overview', pos: third.pos }), report)).toBe(
      '第一部分（二）小标题下第 1 段',
    );
    expect(describeLocation(f({ section: 'overview', quote: '严格落实保密 审查' }), report)).toBe(
      '第一部分（三）小标题下第 1 段',
    );
    // Before the first sub-heading: counted from the start of the section, Arabic numerals, no brackets.
    expect(
      describeLocation(f({ section: 'overview', pos: overview.paragraphs[0]!.pos }), report),
    ).toBe('第一部分第 1 段');
    // A pos without a section still finds its section through the paragraph.
    const problems = report.sections.find((s) => s.key === 'problems')!;
    expect(describeLocation(f({ pos: problems.paragraphs[1]!.pos }), report)).toBe(
      '第五部分（二）小标题下第 1 段',
    );
  });

  it('sub-headings standing alone: the heading is named, the paragraphs under it are counted from 1', () => {
    const r = buildReport({
      text: {
        overview: [
          '本局全面推进政务公开。',
          '### （一）主动公开',
          '全年主动公开信息120条。',
          '（二）依申请公开',
          '全年未收到申请。',
          '办理流程进一步规范。',
        ],
        problems: [
          '信息公开及时性有待提高。',
          '政策解读形式较为单一。',
          '下一步将加强培训。',
          '丰富解读形式。',
          '健全机制。',
          '加强考核。',
          '完善制度。',
          '提升质量。',
        ],
      },
    });
    const o = r.sections.find((s) => s.key === 'overview')!.paragraphs;
    const at = (i: number): string =>
      describeLocation(f({ section: 'overview', pos: o[i]!.pos }), r);
    expect([0, 1, 2, 3, 4, 5].map(at)).toEqual([
      '第一部分第 1 段',
      '第一部分（一）小标题',
      '第一部分（一）小标题下第 1 段',
      '第一部分（二）小标题',
      '第一部分（二）小标题下第 1 段',
      '第一部分（二）小标题下第 2 段',
    ]);
    // A section without sub-headings: 第 8 段, never 「第（八）段」 (which reads as sub-heading （八）).
    const p = r.sections.find((s) => s.key === 'problems')!.paragraphs;
    expect(describeLocation(f({ section: 'problems', pos: p[7]!.pos }), r)).toBe('第五部分第 8 段');
  });

  it('text inside a standard table (not a cell finding) names the section and the table', () => {
    const pos = { block: report.tablePos.activeDisclosure!.block, row: 9, col: 0 };
    expect(
      describeLocation(f({ section: 'activeDisclosure', pos, quote: '二十条 第 (六 项' }), report),
    ).toBe('第二部分 表二');
    expect(describeLocation(f({ section: 'activeDisclosure', pos: { block: 9999 } }), report)).toBe(
      '第二部分「主动公开政府信息情况」',
    );
  });

  it('the title and the opening paragraphs are named as such', () => {
    expect(describeLocation(f({ pos: report.titlePos! }), report)).toBe('标题');
    expect(describeLocation(f({ quote: '统计期限自2023年1月1日' }), report)).toBe(
      '正文开头第 1 段',
    );
  });

  it('a finding that points nowhere has an empty location', () => {
    expect(describeLocation(f({}), report)).toBe('');
    expect(describeLocation(f({ quote: '报告里没有的一句话' }), report)).toBe('');
  });
});

describe('chineseNumeral', () => {
  it('writes ordinals as a reviewer reads them', () => {
    expect([1, 9, 10, 11, 12, 20, 35, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十二',
      '二十',
      '三十五',
      '九十九',
    ]);
    expect(chineseNumeral(100)).toBe('100');
  });
});
