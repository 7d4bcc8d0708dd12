import { describe, expect, it } from 'vitest';
import { consistencyApplicationCount } from '../../../src/core/rules/consistency/application-count';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport, setApplicationRow, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

/** Seed 002's table 三 totals: 新收 169, 上年结转 6, 办结 168, 结转 7. */
function seed002Like(text: string[]): ReportModel {
  const r = buildReport({ year: 2023, agency: '淄博市临淄区人民政府' });
  setApplicationRow(r, 'newReceived', [167, 2]);
  setApplicationRow(r, 'carriedOver', [6]);
  setApplicationRow(r, 'granted', [100, 2]);
  setApplicationRow(r, 'unableToProvide.notHeld', [66]);
  setApplicationRow(r, 'totalProcessed', [166, 2]);
  setApplicationRow(r, 'carriedForward', [7]);
  setSectionText(r, 'overview', text);
  return r;
}

describe('consistency/application-count', () => {
  it("is quiet when seed 002's narrative matches its table", () => {
    const r = seed002Like([
      '(二)积极开展依申请公开答复2023年,共受理依申请公开信息169件,2022年度结转6件。按时办结数168件,结转2024年度继续办理7件。新受理件数较去年增加61件。',
    ]);
    expect(check(consistencyApplicationCount, r)).toEqual([]);
  });

  it('accepts "收到申请 N 件" as 新收 + 结转', () => {
    const r = seed002Like(['全年共收到政府信息公开申请175件，已全部依法答复。']);
    expect(check(consistencyApplicationCount, r)).toEqual([]);
  });

  it('reports a received count that is neither 新收 nor 新收 + 结转, highlighting the statement', () => {
    const text = '全年共受理依申请公开信息170件，办理人大建议5件。';
    const r = seed002Like([text]);
    const found = check(consistencyApplicationCount, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'consistency/application-count',
      severity: 'error',
      section: 'overview',
      table: 'applications',
      row: 'newReceived',
      column: 'total',
      expected: 169,
      actual: 170,
      pos: {
        block: r.sections[0]!.paragraphs[0]!.pos.block,
        start: text.indexOf('受理'),
        end: text.indexOf('件') + 1,
      },
    });
  });

  it('is quiet on a 人民政府 report whose sentence counts only its own office (a narrower scope than the table)', () => {
    const r = seed002Like([
      '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。',
    ]);
    expect(check(consistencyApplicationCount, r)).toEqual([]);
    const own = seed002Like(['政府本级受理政府信息公开申请 17 件。']);
    expect(check(consistencyApplicationCount, own)).toEqual([]);
  });

  it('still checks the same sentence in a department report (its table is its own)', () => {
    const r = seed002Like(['2024 年，局办公室受理政府信息公开申请 17 件。']);
    r.agency = '临淄区工业和信息化局';
    expect(check(consistencyApplicationCount, r).map((f) => [f.expected, f.actual])).toEqual([
      [169, 17],
    ]);
  });

  it('compares with 新收 alone when 上年结转 could not be read, across hard-wrapped lines', () => {
    const r = seed002Like([
      '（二）依申请公开情况。确保依申请答复工作规范高效。2024 年，全区共受理政府',
      '信息公开申请 17 件，均已在法定期限内予以答复。',
    ]);
    r.tables.applications!.carriedOver.total = {
      value: null,
      raw: '',
      blank: false,
      missing: true,
    };
    const found = check(consistencyApplicationCount, r);
    expect(found).toHaveLength(1);
    const first = r.sections[0]!.paragraphs[0]!;
    expect(found[0]).toMatchObject({
      row: 'newReceived',
      expected: 169,
      actual: 17,
      pos: { block: first.pos.block, start: first.text.indexOf('受理') },
    });
    expect(found[0]!.pos!.end).toBe(first.text.length);
    expect(found[0]!.quote).toBe('受理政府信息公开申请 17 件');
  });

  it('reports 上年结转, 办结 and 结转下年度 counts that differ', () => {
    const r = seed002Like([
      '共受理依申请公开信息169件，上年结转5件。办结申请160件，结转下年度继续办理9件。',
    ]);
    const found = check(consistencyApplicationCount, r);
    expect(found.map((f) => [f.row, f.expected, f.actual])).toEqual([
      ['carriedOver', 6, 5],
      ['totalProcessed', 168, 160],
      ['carriedForward', 7, 9],
    ]);
  });

  it('ignores comparisons, other subjects and text of 2019-template reports', () => {
    const r = seed002Like([
      '新受理申请件数较去年增加61件，收到人大建议141件，对信访类申请不予受理3件。',
    ]);
    expect(check(consistencyApplicationCount, r)).toEqual([]);
    const old = seed002Like(['共受理依申请公开信息999件。']);
    old.template = '2019';
    expect(check(consistencyApplicationCount, old)).toEqual([]);
  });
});
