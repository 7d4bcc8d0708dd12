import { describe, expect, it } from 'vitest';
import { structureSectionOrder } from '../../../src/core/rules/structure/section-order';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('structure/section-order', () => {
  it('is quiet when the sections come in order', () => {
    expect(check(structureSectionOrder, buildReport())).toEqual([]);
  });

  it('reports a section placed after a later one, at its heading', () => {
    const r = buildReport();
    const [one, two, three, four, five, six] = r.headingsInOrder;
    r.headingsInOrder = [one!, two!, three!, five!, four!, six!];
    const found = check(structureSectionOrder, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'structure/section-order',
      severity: 'warning',
      section: 'reviewLitigation',
      pos: four!.pos,
    });
  });

  it('reports a section that appears twice', () => {
    const r = buildReport();
    const again = { ...r.headingsInOrder[1]!, pos: { block: 900 } };
    r.headingsInOrder.splice(3, 0, again);
    const found = check(structureSectionOrder, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ section: 'activeDisclosure', pos: { block: 900 } });
  });
});
