import { structureOutdatedTemplate } from '../../../src/core/rules/structure/outdated-template';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

function withTemplate(template: ReportModel['template'], evidence?: string[]) {
  const r = buildReport();
  r.template = template;
  if (evidence) r.templateEvidence = evidence;
  return r;
}
const y2019 = withTemplate('2019', ['本年新制作数量', '对外公开总数量']);

const error = { ruleId: 'structure/outdated-template', severity: 'error' as const };
ruleTester.run(structureOutdatedTemplate, {
  valid: [
    { name: 'the 2021 template', report: buildReport() },
    { name: 'an unknown template', report: withTemplate('unknown') },
  ],
  invalid: [
    {
      name: 'a 2019-template report once, quoting its evidence, at the first table',
      report: y2019,
      findings: [
        {
          ...error,
          quote: '本年新制作数量',
          pos: y2019.tablePos.activeDisclosure,
          messageIncludes: [
            '表中出现「本年新制作数量」「对外公开总数量」等旧版栏目',
            '应改用国办公开办函〔2021〕30号',
          ],
        },
      ],
    },
    {
      name: 'a pre-2019 report',
      report: withTemplate('pre-2019'),
      findings: [{ ...error, messageIncludes: '本报告的统计表使用' }],
    },
  ],
});
