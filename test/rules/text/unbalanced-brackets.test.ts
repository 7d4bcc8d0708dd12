import { describe, expect, it } from 'vitest';
import { textUnbalancedBrackets } from '../../../src/core/rules/text/unbalanced-brackets';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { setPreamble } from '../../support/text-builders';

function findingsFor(texts: string[]) {
  const r = buildReport();
  setSectionText(r, 'overview', texts);
  return { r, found: check(textUnbalancedBrackets, r) };
}

describe('text/unbalanced-brackets', () => {
  it('is quiet on the clean report and on legitimately nested or quoted text', () => {
    expect(check(textUnbalancedBrackets, buildReport())).toEqual([]);
    const { found } = findingsFor([
      '本报告按照《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30号)编制。',
      '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》(国办函〔2020〕109号)规定。',
      '坚持“公开为常态（法定例外除外）、不公开为例外”的原则，村(居)民可随时查看。',
      '1）主动公开；2）依申请公开；a) 平台建设。',
      '“政务公开日”活动中，群众说：“很满意。”',
    ]);
    expect(found).toEqual([]);
  });

  it('reports a bracket lost on a web page (seed 002: "〔202130号"), highlighting it', () => {
    const r = buildReport();
    const text =
      '本报告按照《……的通知》(国办公开办函〔202130号)和《中华人民共和国政府信息公开条例》要求编制。';
    const [p] = setPreamble(r, [text]);
    const found = check(textUnbalancedBrackets, r);
    expect(found).toHaveLength(1);
    const at = text.indexOf('〔');
    expect(found[0]).toMatchObject({
      ruleId: 'text/unbalanced-brackets',
      severity: 'warning',
      pos: { block: p!.pos.block },
    });
    expect(found[0]!.quote).toContain('〔202130号');
    expect(found[0]!.pos!.start).toBeLessThanOrEqual(at);
    expect(found[0]!.pos!.end).toBeGreaterThan(at);
    expect(text.slice(found[0]!.pos!.start, found[0]!.pos!.end)).toBe(found[0]!.quote);
  });

  it('reports unclosed half-width brackets ("第 (六 项", "(单位 :万元")', () => {
    const { found } = findingsFor(['第二十条 第 (六 项', '本年收费金额  (单位 :万元']);
    expect(found.map((f) => f.section)).toEqual(['overview', 'overview']);
    expect(found[0]!.quote).toContain('(六 项');
    expect(found[1]!.quote).toContain('(单位 :万元');
  });

  it('reports a stray closing quote and a mixed-width pair (seed 003)', () => {
    const { r, found } = findingsFor([
      '在樟树产业专栏和放管服”改革优化营商环境专题中及时公开相关信息。',
      '（三)政府信息管理',
    ]);
    expect(found).toHaveLength(2);
    expect(found[0]!.quote).toContain('放管服”改革');
    expect(found[0]!.pos!.block).toBe(r.sections[0]!.paragraphs[0]!.pos.block);
    expect(found[1]!.quote).toContain('（三)');
    expect(found[1]!.pos).toMatchObject({
      block: r.sections[0]!.paragraphs[1]!.pos.block,
      start: 0,
    });
  });

  it('reports at most one finding per sentence', () => {
    const { found } = findingsFor(['（一(二 两处都未闭合。而这一句〔也未闭合。']);
    expect(found).toHaveLength(2);
  });

  it('follows brackets over hard-wrapped lines (plain text from a PDF) within a section', () => {
    const { found } = findingsFor([
      '如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90',
      '号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：',
      'hzzwgk@126.com）。严格执行“分',
      '级审核、先审后发”程序。',
    ]);
    expect(found).toEqual([]);
  });

  it('still reports an opener left open at a sentence end, a section end or after too many lines', () => {
    const r = buildReport();
    setSectionText(r, 'overview', ['联系（地址：临淄区。', '下一行）']);
    setSectionText(r, 'problems', ['问题（一', '二', '三', '四', '五', '第六行）']);
    setSectionText(r, 'otherMatters', ['未收取信息处理费《办法', '说明']);
    const found = check(textUnbalancedBrackets, r);
    expect(found.map((f) => [f.section, f.quote])).toEqual([
      ['overview', '联系（地址：临淄区'],
      ['overview', '下一行）'],
      ['problems', '问题（一'],
      ['problems', '第六行）'],
      ['otherMatters', '取信息处理费《办法'],
    ]);
  });
});
