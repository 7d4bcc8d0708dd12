import { describe, expect, it } from 'vitest';
import { structureGovernmentAccountabilityMissing } from '../../../src/core/rules/structure/government-accountability-missing';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

const CONSIDERED =
  '（五）监督保障。将政务公开纳入综合绩效考核，开展社会评议，全年未发生责任追究情况。';

describe('structure/government-accountability-missing', () => {
  it('is quiet on departments, towns and streets', () => {
    for (const agency of [
      '临淄区工业和信息化局',
      '临淄区凤凰镇人民政府',
      '临淄区闻韶街道办事处',
      '临淄区人民政府办公室',
    ]) {
      expect(check(structureGovernmentAccountabilityMissing, buildReport({ agency }))).toEqual([]);
    }
  });

  it('is quiet on a 人民政府 report covering 考核、评议、追责', () => {
    const r = buildReport({ agency: '淄博市临淄区人民政府' });
    setSectionText(r, 'overview', [CONSIDERED]);
    expect(check(structureGovernmentAccountabilityMissing, r)).toEqual([]);
  });

  it('reports a 人民政府 report with only 政务公开 考核 (seed 002), once', () => {
    const r = buildReport({ agency: '淄博市临淄区人民政府' });
    setSectionText(r, 'overview', [
      '（五）完善政府信息公开监督考核机制。将政务公开工作列入综合绩效考核指标，开展培训3次。',
    ]);
    const found = check(structureGovernmentAccountabilityMissing, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'structure/government-accountability-missing',
      severity: 'warning',
      section: 'overview',
    });
  });

  it('uses the title when the agency is unknown', () => {
    const r = buildReport({ agency: '淄博市临淄区人民政府' });
    r.agency = null;
    expect(check(structureGovernmentAccountabilityMissing, r)).toHaveLength(1);
  });
});
