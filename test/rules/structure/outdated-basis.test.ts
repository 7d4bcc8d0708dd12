import { describe, expect, it } from 'vitest';
import { structureOutdatedBasis } from '../../../src/core/rules/structure/outdated-basis';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { setPreamble } from '../../support/text-builders';

const OLD =
  '本报告依据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求编制。';

describe('structure/outdated-basis', () => {
  it('is quiet when the preamble cites 〔2021〕30号 (even damaged as "〔202130号")', () => {
    expect(check(structureOutdatedBasis, buildReport())).toEqual([]);
    const r = buildReport();
    setPreamble(r, ['本报告按照……的通知》(国办公开办函〔202130号)要求编制。']);
    expect(check(structureOutdatedBasis, r)).toEqual([]);
  });

  it('reports a preamble citing 〔2019〕60号, highlighting the citation (seed 003)', () => {
    const r = buildReport();
    const [p] = setPreamble(r, [OLD]);
    const found = check(structureOutdatedBasis, r);
    expect(found).toHaveLength(1);
    const start = OLD.indexOf('国办公开办函');
    expect(found[0]).toMatchObject({
      ruleId: 'structure/outdated-basis',
      severity: 'warning',
      quote: '国办公开办函〔2019〕60号',
      pos: { block: p!.pos.block, start, end: start + '国办公开办函〔2019〕60号'.length },
    });
  });

  it('is quiet when both notices are cited', () => {
    const r = buildReport();
    setPreamble(r, [OLD, '并按照国办公开办函〔2021〕30号的格式编制。']);
    expect(check(structureOutdatedBasis, r)).toEqual([]);
  });
});
