import { structureSubnumberingInconsistent } from '../../../src/core/rules/structure/subnumbering-inconsistent';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { sectionParagraph } from '../../support/text-builders';

const widths = buildReport();
setSectionText(widths, 'overview', [
  '（一）主动公开',
  '(二)依申请公开',
  '（三)政府信息管理',
  '(四)平台建设',
  '(五)监督保障',
]);
setSectionText(widths, 'problems', [
  '（一）存在问题',
  '（1）及时性不足',
  '（2）解读单一',
  '（二）改进情况',
  '（1）健全机制',
]);
const seed004 = buildReport();
setSectionText(seed004, 'overview', [
  '2023年，本局认真贯彻落实政府信息公开工作部署。',
  '（1） 主动公开方面。主动公开政府信息245条。',
  '（二）依申请公开工作方面。未收到申请。',
  '（三）政府信息管理方面。',
  '（四）政府信息公开平台建设方面。',
  '（5） 监督保障方面。',
]);
const other = buildReport();
setSectionText(other, 'otherMatters', ['（一）信息处理费', '（2）建议提案办理', '（三）创新情况']);

ruleTester.run(structureSubnumberingInconsistent, {
  valid: [
    { name: 'one style', report: buildReport() },
    { name: 'mixed widths and two levels', report: widths },
  ],
  invalid: [
    {
      name: '（1）（二）（三）（四）（5） in 总体情况 (seed 004), at the first minority label',
      report: seed004,
      findings: [
        {
          ruleId: 'structure/subnumbering-inconsistent',
          severity: 'warning',
          section: 'overview',
          quote: '（1）',
          pos: { block: sectionParagraph(seed004, 'overview', 1).pos.block, start: 0, end: 3 },
          messageIncludes: ['小标题序号格式不统一', '中文序号与阿拉伯数字序号混用'],
        },
      ],
    },
    {
      name: '（一）（2）（三）, one finding per section',
      report: other,
      findings: [{ section: 'otherMatters', quote: '（2）', messageIncludes: '第六部分' }],
    },
  ],
});
