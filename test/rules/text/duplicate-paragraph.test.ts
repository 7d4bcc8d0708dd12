import { expect } from 'vitest';
import { textDuplicateParagraph } from '../../../src/core/rules/text/duplicate-paragraph';
import { must } from '../../../src/core/model/checked';
import { buildReport, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { ruleTester } from '../../support/rule-tester';

const IMPROVEMENT =
  '科技局重点加强政务公开信息化建设，通过建立微信公众号信息公开专栏，每周发布工作周报，建立企业服务群等形式，变单一公开路径为多路径公开，切实拓宽公开渠道。';
const NEXT_STEP =
  '下一步，我局将进一步健全信息发布机制，丰富政策解读形式，加强业务培训，提高政务公开工作人员业务能力，切实提升政务公开工作质效。';

function withTexts(problems: string[] | null, otherMatters: string[], overview?: string[]) {
  const r = buildReport();
  if (overview) setSectionText(r, 'overview', overview);
  if (problems) setSectionText(r, 'problems', problems);
  setSectionText(r, 'otherMatters', otherMatters);
  return r;
}
const seed004 = withTexts(
  ['（一）存在问题。信息公开与服务企业结合不够紧密。', `一是${IMPROVEMENT}二是加强培训。`],
  ['（一）本年度未收取信息处理费。', `（三）创新情况。一是${IMPROVEMENT}二是起草标准化工作手册。`],
);
const later = sectionParagraph(seed004, 'otherMatters', 1);

ruleTester.run(textDuplicateParagraph, {
  valid: [
    { name: 'the clean report', report: buildReport() },
    {
      name: 'short formulaic sentences',
      report: withTexts(
        null,
        ['本年度未收取信息处理费。', '全年未收到政府信息公开申请。'],
        ['全年未收到政府信息公开申请。', '（五）监督保障。开展业务培训。'],
      ),
    },
    {
      name: 'merely similar paragraphs (< 90 %)',
      report: withTexts(
        ['存在问题：解读形式单一。', NEXT_STEP],
        [
          '本年度未收取信息处理费。',
          '下一步，我局将围绕企业需求，开展政策宣讲，编制惠企政策汇编，推动惠企政策直达快享，持续优化营商环境，提升服务质效。',
        ],
      ),
    },
  ],
  invalid: [
    {
      name: 'section 五 improvements repeated inside a paragraph of 六 (seed 004), on the later one',
      report: seed004,
      findings: [
        {
          ruleId: 'text/duplicate-paragraph',
          severity: 'warning',
          section: 'otherMatters',
          pos: { block: later.pos.block },
          messageIncludes: ['中的文字「', '中的段落重复（相似度'],
        },
      ],
      also: ([f]) => {
        const found = must(f);
        expect(found.quote).toContain('科技局重点加强政务公开信息化建设');
        const pos = must(found.pos);
        expect(later.text.slice(pos.start, pos.end).trim()).toBe(found.quote);
      },
    },
    {
      name: 'nearly identical whole paragraphs (≥ 90 %)',
      report: withTexts(
        ['存在问题：解读形式单一。', NEXT_STEP],
        ['本年度未收取信息处理费。', NEXT_STEP.replace('我局', '本局')],
      ),
      findings: [{ section: 'otherMatters', messageIncludes: '重复' }],
    },
  ],
});
