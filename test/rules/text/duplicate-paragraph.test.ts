import { describe, expect, it } from 'vitest';
import { textDuplicateParagraph } from '../../../src/core/rules/text/duplicate-paragraph';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

const IMPROVEMENT =
  '科技局重点加强政务公开信息化建设，通过建立微信公众号信息公开专栏，每周发布工作周报，建立企业服务群等形式，变单一公开路径为多路径公开，切实拓宽公开渠道。';

describe('text/duplicate-paragraph', () => {
  it('is quiet on the clean report and on short formulaic sentences', () => {
    expect(check(textDuplicateParagraph, buildReport())).toEqual([]);
    const r = buildReport();
    setSectionText(r, 'overview', [
      '全年未收到政府信息公开申请。',
      '（五）监督保障。开展业务培训。',
    ]);
    setSectionText(r, 'otherMatters', ['本年度未收取信息处理费。', '全年未收到政府信息公开申请。']);
    expect(check(textDuplicateParagraph, r)).toEqual([]);
  });

  it('reports section 五 improvements repeated inside a paragraph of 六 (seed 004), on the later one', () => {
    const r = buildReport();
    setSectionText(r, 'problems', [
      '（一）存在问题。信息公开与服务企业结合不够紧密。',
      `一是${IMPROVEMENT}二是加强培训。`,
    ]);
    setSectionText(r, 'otherMatters', [
      '（一）本年度未收取信息处理费。',
      `（三）创新情况。一是${IMPROVEMENT}二是起草标准化工作手册。`,
    ]);
    const found = check(textDuplicateParagraph, r);
    expect(found).toHaveLength(1);
    const later = r.sections[5]!.paragraphs[1]!;
    expect(found[0]).toMatchObject({
      ruleId: 'text/duplicate-paragraph',
      severity: 'warning',
      section: 'otherMatters',
      pos: { block: later.pos.block },
    });
    expect(found[0]!.quote).toContain('科技局重点加强政务公开信息化建设');
    expect(later.text.slice(found[0]!.pos!.start, found[0]!.pos!.end).trim()).toBe(found[0]!.quote);
  });

  it('reports nearly identical whole paragraphs (≥ 90 %) and not merely similar ones', () => {
    const r = buildReport();
    const a =
      '下一步，我局将进一步健全信息发布机制，丰富政策解读形式，加强业务培训，提高政务公开工作人员业务能力，切实提升政务公开工作质效。';
    setSectionText(r, 'problems', ['存在问题：解读形式单一。', a]);
    setSectionText(r, 'otherMatters', ['本年度未收取信息处理费。', a.replace('我局', '本局')]);
    expect(check(textDuplicateParagraph, r)).toHaveLength(1);
    setSectionText(r, 'otherMatters', [
      '本年度未收取信息处理费。',
      '下一步，我局将围绕企业需求，开展政策宣讲，编制惠企政策汇编，推动惠企政策直达快享，持续优化营商环境，提升服务质效。',
    ]);
    expect(check(textDuplicateParagraph, r)).toEqual([]);
  });
});
