import { describe, expect, it } from 'vitest';
import { otherOptionalItemMissing } from '../../../src/core/rules/other/optional-item-missing';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('other/optional-item-missing', () => {
  it('is quiet when 建议提案, 工作要点 and 创新 are all reported', () => {
    expect(check(otherOptionalItemMissing, buildReport())).toEqual([]);
    const r = buildReport();
    setSectionText(r, 'otherMatters', [
      '未收取信息处理费。',
      '办理人大代表建议4件。',
      '《2023年张店区政务公开工作方案》落实情况：全部完成。',
      '创新实践情况：开设专栏。',
    ]);
    expect(check(otherOptionalItemMissing, r)).toEqual([]);
  });

  it('reports one info listing what is missing (seed 001: only the fee statement)', () => {
    const r = buildReport();
    setSectionText(r, 'otherMatters', ['今年未收取信息处理费。']);
    const found = check(otherOptionalItemMissing, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'other/optional-item-missing',
      severity: 'info',
      section: 'otherMatters',
    });
  });

  it('reports when a single item is missing', () => {
    const r = buildReport();
    setSectionText(r, 'otherMatters', [
      '未收取信息处理费。',
      '办理人大代表建议4件。',
      '全面完成年度政务公开工作要点。',
    ]);
    expect(check(otherOptionalItemMissing, r)).toHaveLength(1);
  });
});
