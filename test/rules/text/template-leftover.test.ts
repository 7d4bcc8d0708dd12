import { textTemplateLeftover } from '../../../src/core/rules/text/template-leftover';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { sectionParagraph, setPreamble } from '../../support/text-builders';

const portal = buildReport();
setPreamble(portal, [
  '索引号: 11370305004219181C/2024-5428591 文号: 〔〕号',
  '截止 2023 年 12 月 31 日，发布信息 22 条。',
]);
const placeholders = buildReport();
setSectionText(placeholders, 'overview', [
  '2023年，XX局深入贯彻落实条例。',
  '印发《工作方案》（临工信发〔〕号）。',
  '联系电话：××××',
]);
const instructions = buildReport();
setSectionText(instructions, 'otherMatters', [
  '（一）此处填写信息处理费收取情况。',
  '临淄区工业和信息化局    年  月  日',
]);

const leftover = { ruleId: 'text/template-leftover', severity: 'warning' as const };
ruleTester.run(textTemplateLeftover, {
  valid: [
    { name: 'the clean report', report: buildReport() },
    { name: "a portal's empty 文号 field and dates with spaces", report: portal },
  ],
  invalid: [
    {
      name: 'XX / ×× placeholders and an empty document number, highlighting the first one',
      report: placeholders,
      findings: [
        {
          ...leftover,
          section: 'overview',
          quote: 'XX',
          pos: { block: sectionParagraph(placeholders, 'overview').pos.block, start: 6, end: 8 },
          messageIncludes: ['残留模板占位内容「XX」', '请替换为实际内容或删除'],
        },
        { ...leftover, section: 'overview', quote: '〔〕号', messageIncludes: '「〔〕号」' },
        { ...leftover, section: 'overview', quote: '××××', messageIncludes: '「××××」' },
      ],
    },
    {
      name: 'copied filling instructions and blank dates',
      report: instructions,
      findings: [
        { ...leftover, section: 'otherMatters', messageIncludes: '此处填写' },
        { ...leftover, section: 'otherMatters', messageIncludes: '年  月  日' },
      ],
    },
  ],
});
