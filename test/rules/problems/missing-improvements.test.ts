import { problemsMissingImprovements } from '../../../src/core/rules/problems/missing-improvements';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { dropSection, sectionHeading } from '../../support/text-builders';

function withProblems(texts: string[]) {
  const r = buildReport();
  setSectionText(r, 'problems', texts);
  return r;
}
const problemsOnly = withProblems(['信息公开的及时性有待提高，政策解读形式较为单一。']);
const noSection = buildReport();
dropSection(noSection, 'problems');

const warning = {
  ruleId: 'problems/missing-improvements',
  severity: 'warning' as const,
  section: 'problems' as const,
};
ruleTester.run(problemsMissingImprovements, {
  valid: [
    { name: 'the clean report', report: buildReport() },
    {
      name: 'problems and improvements in other wording',
      report: withProblems(['政策解读质量有待提高。我们在今后的工作中将采取以下措施：加强培训。']),
    },
    {
      name: 'improvements broken over hard-wrapped lines (PDF text)',
      report: withProblems([
        '2024 年，全区政府信息公开工作仍存在一些不足，政务新媒体',
        '运维管理还需加强等。',
        '针对存在问题，2025 年我们将切实抓好以下工作：一是扎实',
        '推进依申请公开工作。',
      ]),
    },
    { name: 'section 五 missing', report: noSection },
  ],
  invalid: [
    {
      name: '"还需加强" in a problem statement is not an improvement',
      report: withProblems([
        '政策解读的形式还不够丰富，政务新媒体运维管理还需加强，拟公开信息审核不严，年度培训计划落实不到位。',
      ]),
      findings: [{ ...warning, messageIncludes: '未说明改进情况' }],
    },
    {
      name: 'a section 五 with problems only, at its heading',
      report: problemsOnly,
      findings: [
        {
          ...warning,
          pos: sectionHeading(problemsOnly, 'problems').pos,
          messageIncludes: ['未说明改进情况', '应既写明存在的主要问题，也写明改进情况'],
        },
      ],
    },
    {
      name: 'a section 五 with improvements only',
      report: withProblems(['下一步，我局将进一步加强政策解读，完善信息发布机制。']),
      findings: [{ ...warning, messageIncludes: '未说明存在的主要问题' }],
    },
  ],
});
