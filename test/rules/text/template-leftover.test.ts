import { describe, expect, it } from 'vitest';
import { textTemplateLeftover } from '../../../src/core/rules/text/template-leftover';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { setPreamble } from '../../support/text-builders';

describe('text/template-leftover', () => {
  it("is quiet on the clean report, on a portal's empty 文号 field and on dates with spaces", () => {
    expect(check(textTemplateLeftover, buildReport())).toEqual([]);
    const r = buildReport();
    setPreamble(r, [
      '索引号: 11370305004219181C/2024-5428591 文号: 〔〕号',
      '截止 2023 年 12 月 31 日，发布信息 22 条。',
    ]);
    expect(check(textTemplateLeftover, r)).toEqual([]);
  });

  it('reports XX / ×× placeholders and an empty document number, highlighting the first one', () => {
    const r = buildReport();
    setSectionText(r, 'overview', [
      '2023年，XX局深入贯彻落实条例。',
      '印发《工作方案》（临工信发〔〕号）。',
      '联系电话：××××',
    ]);
    const found = check(textTemplateLeftover, r);
    expect(found.map((f) => [f.ruleId, f.severity, f.section, f.quote])).toEqual([
      ['text/template-leftover', 'warning', 'overview', 'XX'],
      ['text/template-leftover', 'warning', 'overview', '〔〕号'],
      ['text/template-leftover', 'warning', 'overview', '××××'],
    ]);
    expect(found[0]!.pos).toMatchObject({
      block: r.sections[0]!.paragraphs[0]!.pos.block,
      start: 6,
      end: 8,
    });
  });

  it('reports copied filling instructions and blank dates', () => {
    const r = buildReport();
    setSectionText(r, 'otherMatters', [
      '（一）此处填写信息处理费收取情况。',
      '临淄区工业和信息化局    年  月  日',
    ]);
    expect(check(textTemplateLeftover, r)).toHaveLength(2);
  });
});
