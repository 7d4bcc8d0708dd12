import { expect } from 'vitest';
import { structureOverviewAspectMissing } from '../../../src/core/rules/structure/overview-aspect-missing';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { dropSection, sectionHeading } from '../../support/text-builders';

function withOverview(texts: string[]) {
  const r = buildReport();
  setSectionText(r, 'overview', texts);
  return r;
}
const twoAspects = withOverview([
  '（一）主动公开。全年主动公开政府信息120条。',
  '（二）依申请公开。全年未收到政府信息公开申请。',
]);
const noOverview = buildReport();
dropSection(noOverview, 'overview');

const warning = {
  ruleId: 'structure/overview-aspect-missing',
  severity: 'warning' as const,
  section: 'overview' as const,
};
ruleTester.run(structureOverviewAspectMissing, {
  valid: [
    { name: 'the five aspects covered', report: buildReport() },
    {
      name: 'the five aspects covered under other wording',
      report: withOverview([
        '全年主动发布信息63篇。',
        '全年未收到政府信息公开申请。',
        '严格落实保密审查，动态更新公开目录。',
        '及时更新区政府网站栏目，充分发挥政务新媒体作用。',
        '将政务公开纳入年度考核，组织开展督查。',
      ]),
    },
    {
      name: 'words broken over wrapped lines',
      report: withOverview([
        '（一）主动公开情况。',
        '（二）依',
        '申请公开情况。',
        '（三）政府信息管',
        '理情况。',
        '（四）平台',
        '建设情况。',
        '（五）监督',
        '保障情况。',
      ]),
    },
    { name: 'section 一 missing (structure/missing-section reports it)', report: noOverview },
  ],
  invalid: [
    {
      name: 'one finding per aspect left out, at the section heading',
      report: twoAspects,
      findings: [
        {
          ...warning,
          pos: sectionHeading(twoAspects, 'overview').pos,
          messageIncludes: '未涉及「',
        },
        { ...warning, messageIncludes: '未涉及「' },
        { ...warning, messageIncludes: '未涉及「' },
      ],
      also: (found) => expect(new Set(found.map((f) => f.message)).size).toBe(3),
    },
  ],
});
