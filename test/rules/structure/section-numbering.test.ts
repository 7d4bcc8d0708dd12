import { structureSectionNumbering } from '../../../src/core/rules/structure/section-numbering';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { setHeading } from '../../support/text-builders';

const unnumbered = buildReport();
for (const s of unnumbered.sections) setHeading(unnumbered, s.key, s.title, '');
const seed003 = buildReport();
const five = setHeading(seed003, 'problems', '5、 政府信息公开工作存在的主要问题及改进情况', '5、');
const wrong = buildReport();
setHeading(wrong, 'reviewLitigation', '三、政府信息公开行政复议、行政诉讼情况', '三、');
setHeading(wrong, 'otherMatters', '（六）其他需要报告的事项', '（六）');

ruleTester.run(structureSectionNumbering, {
  valid: [
    { name: '一、…六、', report: buildReport() },
    { name: 'numbering absent altogether', report: unnumbered },
  ],
  invalid: [
    {
      name: '"5、" on section five, highlighting the numeral (seed 003)',
      report: seed003,
      findings: [
        {
          ruleId: 'structure/section-numbering',
          severity: 'warning',
          section: 'problems',
          pos: { block: five.pos.block, start: 0, end: 2 },
          messageIncludes: ['第五部分「', '应为「五、」'],
        },
      ],
    },
    {
      name: 'a wrong Chinese numeral ("三、" on section four) and a bracketed one',
      report: wrong,
      findings: [
        { section: 'reviewLitigation', messageIncludes: ['第四部分', '应为「四、」'] },
        { section: 'otherMatters', messageIncludes: ['第六部分', '应为「六、」'] },
      ],
    },
  ],
});
