import { otherOptionalItemMissing } from '../../../src/core/rules/other/optional-item-missing';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

function withOtherMatters(texts: string[]) {
  const r = buildReport();
  setSectionText(r, 'otherMatters', texts);
  return r;
}
const info = {
  ruleId: 'other/optional-item-missing',
  severity: 'info' as const,
  section: 'otherMatters' as const,
};

ruleTester.run(otherOptionalItemMissing, {
  valid: [
    { name: 'the clean report', report: buildReport() },
    {
      name: '建议提案, 工作要点 and 创新 all reported, in other wordings',
      report: withOtherMatters([
        '未收取信息处理费。',
        '办理人大代表建议4件。',
        '《2023年张店区政务公开工作方案》落实情况：全部完成。',
        '创新实践情况：开设专栏。',
      ]),
    },
  ],
  invalid: [
    {
      name: 'one info listing what is missing (seed 001: only the fee statement)',
      report: withOtherMatters(['今年未收取信息处理费。']),
      findings: [{ ...info, messageIncludes: ['未报告', '、', '建议一并报告'] }],
    },
    {
      name: 'a single item missing',
      report: withOtherMatters([
        '未收取信息处理费。',
        '办理人大代表建议4件。',
        '全面完成年度政务公开工作要点。',
      ]),
      findings: [{ ...info, messageIncludes: '创新', messageExcludes: ['、'] }],
    },
  ],
});
