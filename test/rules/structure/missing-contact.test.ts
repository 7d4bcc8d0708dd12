import { structureMissingContact } from '../../../src/core/rules/structure/missing-contact';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { setPreamble } from '../../support/text-builders';

function withPreamble(texts: string[]) {
  const r = buildReport();
  setPreamble(r, texts);
  return r;
}

ruleTester.run(structureMissingContact, {
  valid: [
    { name: 'the builder’s report gives contact details', report: buildReport() },
    ...[
      '联系电话：０５３３－２８６９９０７',
      '地址：樟树市政府大楼一楼',
      '如有疑问请致电0795-7333621。',
      '号 ， 邮 编 ： 223100 ， 电 话 ： 051787222589',
    ].map((text) => ({ name: `a phone or an address: ${text}`, report: withPreamble([text]) })),
  ],
  invalid: [
    {
      name: 'a report without contact details (seed 001), as info',
      report: withPreamble(['本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。']),
      findings: [
        { ruleId: 'structure/missing-contact', severity: 'info', messageIncludes: '联系' },
      ],
    },
    {
      name: 'a date or a count is not a phone number',
      report: withPreamble([
        '截止 2023 年 12 月 31 日，发布信息 22 条，关注人数1300余人。',
        '167',
        '2',
        '0',
        '0',
        '0',
        '0',
        '169',
      ]),
      findings: [{ ruleId: 'structure/missing-contact', messageIncludes: '联系' }],
    },
  ],
});
