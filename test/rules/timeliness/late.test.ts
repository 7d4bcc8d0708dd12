import { timelinessLate } from '../../../src/core/rules/timeliness/late';
import { at } from '../../../src/core/model/checked';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

function dated(
  agency: string,
  date: string,
  kind: 'published' | 'signature' = 'published',
): ReportModel {
  const r = buildReport({ agency, year: 2023 });
  r.dates = [{ date, kind, pos: { block: 77, start: 5, end: 15 }, quote: date }];
  return r;
}
const repeated = dated('临淄区工业和信息化局', '2024-03-01');
repeated.dates.push({ ...at(repeated.dates, 0), pos: { block: 3 } });

const error = { ruleId: 'timeliness/late', severity: 'error' as const };
ruleTester.run(timelinessLate, {
  valid: [
    { name: 'no dates', report: buildReport() },
    { name: 'a department on time', report: dated('临淄区工业和信息化局', '2024-01-31') },
    { name: 'a 人民政府 on time', report: dated('淄博市临淄区人民政府', '2024-02-18') },
    {
      name: '人民政府 have until 3月31日',
      report: dated('淄博市临淄区人民政府', '2024-03-31', 'signature'),
    },
    {
      name: 'the configured department deadline',
      report: dated('临淄区工业和信息化局', '2024-02-01'),
      settings: { deadlines: { department: '02-15', government: '03-31' } },
    },
  ],
  invalid: [
    {
      name: 'a department published after 1月31日 of the next year, at the date',
      report: dated('临淄区工业和信息化局', '2024-02-01'),
      findings: [
        {
          ...error,
          quote: '2024-02-01',
          pos: { block: 77, start: 5, end: 15 },
          messageIncludes:
            '报告的发布日期为「2024-02-01」，晚于部门年度报告的发布期限2024年1月31日',
        },
      ],
    },
    {
      name: '人民政府 signed after 3月31日',
      report: dated('淄博市临淄区人民政府', '2024-04-01', 'signature'),
      findings: [
        {
          ...error,
          messageIncludes: '落款日期为「2024-04-01」，晚于人民政府年度报告的发布期限2024年3月31日',
        },
      ],
    },
    {
      name: 'the configured government deadline',
      report: dated('淄博市临淄区人民政府', '2024-02-18'),
      settings: { deadlines: { department: '01-31', government: '02-10' } },
      findings: [{ ...error, messageIncludes: '2024年2月10日' }],
    },
    {
      name: 'a date repeated by a web page, once',
      report: repeated,
      findings: [{ ...error, messageIncludes: '「2024-03-01」' }],
    },
  ],
});
