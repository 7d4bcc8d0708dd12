import { expect } from 'vitest';
import { seriesRepeatedProblems } from '../../../src/core/rules/series/repeated-problems';
import { must } from '../../../src/core/model/checked';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

const Y22 = [
  '（一）存在的主要问题。2022年，临淄区工业和信息化局政府信息公开工作虽然取得了一定成效，但仍存在信息公开的及时性有待提高、政策解读形式较为单一等问题。',
  '（二）改进情况。下一步，我局将健全信息发布机制，丰富政策解读形式，加强业务培训，不断提升政务公开工作水平。',
];
/** Last year's text with the year bumped and one phrase reworded: well above 80 %. */
const Y23_COPIED = [
  '（一）存在的主要问题。2023年，临淄区工业和信息化局政府信息公开工作虽然取得了一定成效，但仍存在信息公开的及时性还需提高、政策解读形式较为单一等问题。',
  '（二）改进情况。下一步，我局将健全信息发布机制，丰富政策解读形式，加强业务培训，不断提升政务公开工作水平。',
];
const Y23_NEW = [
  '（一）存在的主要问题。部分栏目更新频率不高，依申请公开答复的规范性仍需加强，基层工作人员业务能力参差不齐。',
  '（二）改进情况。建立栏目内容保障机制，每月检查更新情况；编制依申请公开答复文书范本，组织两期专题培训。',
];

function pair(before: string[], now: string[]): [ReportModel, ReportModel] {
  const y22 = buildReport({ year: 2022 });
  const y23 = buildReport({ year: 2023 });
  setSectionText(y22, 'problems', before);
  setSectionText(y23, 'problems', now);
  return [y22, y23];
}
const copied = pair(Y22, Y23_COPIED);
const firstProblem = must(copied[1].sections.find((s) => s.key === 'problems')).paragraphs[0];

ruleTester.run(seriesRepeatedProblems, {
  valid: [
    { name: 'new problems this year', reports: pair(Y22, Y23_NEW) },
    { name: 'short formulaic sections both years', reports: pair(['无。'], ['无。']) },
    {
      name: 'section 五 absent last year',
      reports: [buildReport({ year: 2022, omit: ['problems'] }), buildReport({ year: 2023 })],
    },
  ],
  invalid: [
    {
      name: 'copied with the year bumped',
      reports: copied,
      findings: [
        {
          ruleId: 'series/repeated-problems',
          severity: 'warning',
          section: 'problems',
          relatedReport: copied[0].id,
          pos: must(firstProblem).pos,
          messageIncludes: ['与2022年度报告的第五部分相似度为', '达到 80% 即提示'],
        },
      ],
      also: ([f]) => {
        expect(f?.actual).toBeGreaterThanOrEqual(80);
        expect(f?.actual).toBeLessThan(100);
      },
    },
    {
      name: 'identical text',
      reports: pair(Y22, Y22),
      findings: [
        { ruleId: 'series/repeated-problems', actual: 100, messageIncludes: '相似度为 100%' },
      ],
    },
  ],
});
