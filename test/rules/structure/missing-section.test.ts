import { structureMissingSection } from '../../../src/core/rules/structure/missing-section';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { setHeading } from '../../support/text-builders';

const numerals = buildReport();
setHeading(numerals, 'problems', '5、政府信息公开工作存在的主要问题及改进情况', '5、');
setHeading(numerals, 'overview', '总体情况', '');

const error = { ruleId: 'structure/missing-section', severity: 'error' as const };
ruleTester.run(structureMissingSection, {
  valid: [{ name: 'all six sections found, whatever their numerals', report: numerals }],
  invalid: [
    {
      name: 'each missing section once, naming it by its key',
      report: buildReport({ omit: ['problems', 'otherMatters'] }),
      findings: [
        { ...error, section: 'problems', messageIncludes: '报告中找不到第五部分「' },
        { ...error, section: 'otherMatters', messageIncludes: '报告中找不到第六部分「' },
      ],
    },
  ],
});
