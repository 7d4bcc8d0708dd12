import { otherMissingFeeStatement } from '../../../src/core/rules/other/missing-fee-statement';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { dropSection, sectionHeading } from '../../support/text-builders';

function withOtherMatters(texts: string[]) {
  const r = buildReport();
  setSectionText(r, 'otherMatters', texts);
  return r;
}
const silent = withOtherMatters([
  '本年度行政事业性收费情况见表二。',
  '2023年度市工信局无其他需要报告的事项。',
]);
const noSection = buildReport();
dropSection(noSection, 'otherMatters');

ruleTester.run(otherMissingFeeStatement, {
  valid: [
    ...[
      '（一）收取信息处理费情况。2023年，区工信局未收取政府信息公开信息处理费。',
      '本年度没有产生信息公开处理费。',
      '2023年度区科技局依申请公开政府信息未收取任何费用。',
    ].map((text) => ({
      name: `section 六 states the 信息处理费 situation: ${text}`,
      report: withOtherMatters([text]),
    })),
    { name: 'section 六 missing', report: noSection },
  ],
  invalid: [
    {
      name: 'a section 六 silent on 信息处理费 (行政事业性收费 does not count)',
      report: silent,
      findings: [
        {
          ruleId: 'other/missing-fee-statement',
          severity: 'error',
          section: 'otherMatters',
          pos: sectionHeading(silent, 'otherMatters').pos,
          messageIncludes: ['未说明信息处理费的收取情况', '即使未收取也应说明'],
        },
      ],
    },
  ],
});
