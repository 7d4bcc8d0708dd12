import { expect } from 'vitest';
import { textUnbalancedBrackets } from '../../../src/core/rules/text/unbalanced-brackets';
import { must } from '../../../src/core/model/checked';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { sectionParagraph, setPreamble } from '../../support/text-builders';

function withOverview(texts: string[]) {
  const r = buildReport();
  setSectionText(r, 'overview', texts);
  return r;
}
const SEED002 =
  '本报告按照《……的通知》(国办公开办函〔202130号)和《中华人民共和国政府信息公开条例》要求编制。';
const seed002 = buildReport();
const [seed002Paragraph] = setPreamble(seed002, [SEED002]);
const seed003 = withOverview([
  '在樟树产业专栏和放管服”改革优化营商环境专题中及时公开相关信息。',
  '（三)政府信息管理',
]);
const leftOpen = buildReport();
setSectionText(leftOpen, 'overview', ['联系（地址：临淄区。', '下一行）']);
setSectionText(leftOpen, 'problems', ['问题（一', '二', '三', '四', '五', '第六行）']);
setSectionText(leftOpen, 'otherMatters', ['未收取信息处理费《办法', '说明']);

const warning = { ruleId: 'text/unbalanced-brackets', severity: 'warning' as const };
const NOT_PAIRED = '括号或引号不配对';
ruleTester.run(textUnbalancedBrackets, {
  valid: [
    { name: 'the clean report', report: buildReport() },
    {
      name: 'legitimately nested or quoted text',
      report: withOverview([
        '本报告按照《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30号)编制。',
        '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》(国办函〔2020〕109号)规定。',
        '坚持“公开为常态（法定例外除外）、不公开为例外”的原则，村(居)民可随时查看。',
        '1）主动公开；2）依申请公开；a) 平台建设。',
        '“政务公开日”活动中，群众说：“很满意。”',
      ]),
    },
    {
      name: 'brackets followed over hard-wrapped lines (plain text from a PDF) within a section',
      report: withOverview([
        '如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90',
        '号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：',
        'hzzwgk@126.com）。严格执行“分',
        '级审核、先审后发”程序。',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a bracket lost on a web page (seed 002: "〔202130号"), highlighting it',
      report: seed002,
      findings: [
        {
          ...warning,
          pos: { block: must(seed002Paragraph).pos.block },
          messageIncludes: [NOT_PAIRED, '「〔」缺少对应的「〕」'],
        },
      ],
      also: ([f]) => {
        const found = must(f);
        const pos = must(found.pos);
        const at = SEED002.indexOf('〔');
        expect(found.quote).toContain('〔202130号');
        expect(pos.start).toBeLessThanOrEqual(at);
        expect(pos.end).toBeGreaterThan(at);
        expect(SEED002.slice(pos.start, pos.end)).toBe(found.quote);
      },
    },
    {
      name: 'unclosed half-width brackets ("第 (六 项", "(单位 :万元")',
      report: withOverview(['第二十条 第 (六 项', '本年收费金额  (单位 :万元']),
      findings: [
        { section: 'overview', messageIncludes: '(六 项' },
        { section: 'overview', messageIncludes: '(单位 :万元' },
      ],
      also: (found) => {
        expect(found[0]?.quote).toContain('(六 项');
        expect(found[1]?.quote).toContain('(单位 :万元');
      },
    },
    {
      name: 'a stray closing quote and a mixed-width pair (seed 003)',
      report: seed003,
      findings: [
        {
          pos: { block: sectionParagraph(seed003, 'overview', 0).pos.block },
          messageIncludes: ['放管服”改革', NOT_PAIRED],
        },
        {
          pos: { block: sectionParagraph(seed003, 'overview', 1).pos.block, start: 0 },
          messageIncludes: ['（三)', NOT_PAIRED],
        },
      ],
      also: (found) => {
        expect(found[0]?.quote).toContain('放管服”改革');
        expect(found[1]?.quote).toContain('（三)');
      },
    },
    {
      name: 'at most one finding per sentence',
      report: withOverview(['（一(二 两处都未闭合。而这一句〔也未闭合。']),
      findings: [{ messageIncludes: NOT_PAIRED }, { messageIncludes: '〔' }],
    },
    {
      name: 'an opener left open at a sentence end, a section end or after too many lines',
      report: leftOpen,
      findings: [
        { section: 'overview', quote: '联系（地址：临淄区', messageIncludes: NOT_PAIRED },
        { section: 'overview', quote: '下一行）', messageIncludes: NOT_PAIRED },
        { section: 'problems', quote: '问题（一', messageIncludes: NOT_PAIRED },
        { section: 'problems', quote: '第六行）', messageIncludes: NOT_PAIRED },
        { section: 'otherMatters', quote: '取信息处理费《办法', messageIncludes: NOT_PAIRED },
      ],
    },
  ],
});
