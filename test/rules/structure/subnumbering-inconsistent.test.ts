import { describe, expect, it } from 'vitest';
import { structureSubnumberingInconsistent } from '../../../src/core/rules/structure/subnumbering-inconsistent';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('structure/subnumbering-inconsistent', () => {
  it('is quiet on one style, on mixed widths and on two levels', () => {
    expect(check(structureSubnumberingInconsistent, buildReport())).toEqual([]);
    const r = buildReport();
    setSectionText(r, 'overview', [
      '（一）主动公开',
      '(二)依申请公开',
      '（三)政府信息管理',
      '(四)平台建设',
      '(五)监督保障',
    ]);
    setSectionText(r, 'problems', [
      '（一）存在问题',
      '（1）及时性不足',
      '（2）解读单一',
      '（二）改进情况',
      '（1）健全机制',
    ]);
    expect(check(structureSubnumberingInconsistent, r)).toEqual([]);
  });

  it('reports （1）（二）（三）（四）（5） in 总体情况 (seed 004) at the first minority label', () => {
    const r = buildReport();
    setSectionText(r, 'overview', [
      '2023年，本局认真贯彻落实政府信息公开工作部署。',
      '（1） 主动公开方面。主动公开政府信息245条。',
      '（二）依申请公开工作方面。未收到申请。',
      '（三）政府信息管理方面。',
      '（四）政府信息公开平台建设方面。',
      '（5） 监督保障方面。',
    ]);
    const found = check(structureSubnumberingInconsistent, r);
    expect(found).toHaveLength(1);
    const p = r.sections[0]!.paragraphs[1]!;
    expect(found[0]).toMatchObject({
      ruleId: 'structure/subnumbering-inconsistent',
      severity: 'warning',
      section: 'overview',
      quote: '（1）',
      pos: { block: p.pos.block, start: 0, end: 3 },
    });
  });

  it('reports （一）（2）（三）, one finding per section', () => {
    const r = buildReport();
    setSectionText(r, 'otherMatters', ['（一）信息处理费', '（2）建议提案办理', '（三）创新情况']);
    const found = check(structureSubnumberingInconsistent, r);
    expect(found.map((f) => [f.section, f.quote])).toEqual([['otherMatters', '（2）']]);
  });
});
