import { describe, expect, it } from 'vitest';
import { structureSectionNumbering } from '../../../src/core/rules/structure/section-numbering';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { setHeading } from '../../support/text-builders';

describe('structure/section-numbering', () => {
  it('is quiet on 一、…六、 and when numbering is absent altogether', () => {
    const r = buildReport();
    expect(check(structureSectionNumbering, r)).toEqual([]);
    for (const s of r.sections) setHeading(r, s.key, s.title, '');
    expect(check(structureSectionNumbering, r)).toEqual([]);
  });

  it('reports "5、" on section five, highlighting the numeral (seed 003)', () => {
    const r = buildReport();
    const h = setHeading(r, 'problems', '5、 政府信息公开工作存在的主要问题及改进情况', '5、');
    const found = check(structureSectionNumbering, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'structure/section-numbering',
      severity: 'warning',
      section: 'problems',
      pos: { block: h.pos.block, start: 0, end: 2 },
    });
  });

  it('reports a wrong Chinese numeral ("三、" on section four) and a bracketed one', () => {
    const r = buildReport();
    setHeading(r, 'reviewLitigation', '三、政府信息公开行政复议、行政诉讼情况', '三、');
    setHeading(r, 'otherMatters', '（六）其他需要报告的事项', '（六）');
    expect(check(structureSectionNumbering, r).map((f) => f.section)).toEqual([
      'reviewLitigation',
      'otherMatters',
    ]);
  });
});
