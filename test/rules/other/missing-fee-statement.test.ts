import { describe, expect, it } from 'vitest';
import { otherMissingFeeStatement } from '../../../src/core/rules/other/missing-fee-statement';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { dropSection } from '../../support/text-builders';

describe('other/missing-fee-statement', () => {
  it("is quiet when section 六 states the 信息处理费 situation, in the seeds' wordings", () => {
    for (const text of [
      '（一）收取信息处理费情况。2023年，区工信局未收取政府信息公开信息处理费。',
      '本年度没有产生信息公开处理费。',
      '2023年度区科技局依申请公开政府信息未收取任何费用。',
    ]) {
      const r = buildReport();
      setSectionText(r, 'otherMatters', [text]);
      expect(check(otherMissingFeeStatement, r)).toEqual([]);
    }
  });

  it('reports a section 六 silent on 信息处理费 (行政事业性收费 does not count)', () => {
    const r = buildReport();
    setSectionText(r, 'otherMatters', [
      '本年度行政事业性收费情况见表二。',
      '2023年度市工信局无其他需要报告的事项。',
    ]);
    const found = check(otherMissingFeeStatement, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'other/missing-fee-statement',
      severity: 'error',
      section: 'otherMatters',
      pos: r.sections[5]!.heading!.pos,
    });
  });

  it('is quiet when section 六 is missing', () => {
    const r = buildReport();
    dropSection(r, 'otherMatters');
    expect(check(otherMissingFeeStatement, r)).toEqual([]);
  });
});
