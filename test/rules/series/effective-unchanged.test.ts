import { describe, expect, it } from 'vitest';
import { seriesEffectiveUnchanged } from '../../../src/core/rules/series/effective-unchanged';
import { buildBalancedReport, buildNextYear, setDocumentRow } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('series/effective-unchanged', () => {
  describe('valid', () => {
    it('chained years', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      expect(check(seriesEffectiveUnchanged, [y22, buildNextYear(y22)])).toEqual([]);
    });
    it('unchanged with issued = repealed is correct', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 2, 2, 20);
      expect(check(seriesEffectiveUnchanged, [y22, y23])).toEqual([]);
    });
    it('changed but wrongly: that is series/effective-chain', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 2, 1, 25);
      expect(check(seriesEffectiveUnchanged, [y22, y23])).toEqual([]);
    });
    it('2019 template last year: quiet', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      y22.template = '2019';
      setDocumentRow(y23, 'normativeDocuments', 2, 1, 20);
      expect(check(seriesEffectiveUnchanged, [y22, y23])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('行政规范性文件 stays 20 though 2 issued and 1 repealed', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 2, 1, 20);
      const out = check(seriesEffectiveUnchanged, [y22, y23]);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'series/effective-unchanged',
        severity: 'error',
        table: 'activeDisclosure',
        row: 'normativeDocuments',
        column: 'effective',
        expected: 21,
        actual: 20,
        relatedReport: y22.id,
        pos: y23.tables.activeDisclosure!.normativeDocuments.effective.pos,
      });
    });
    it('规章 row on its own', () => {
      const y22 = buildBalancedReport({ year: 2022, agency: '淄博市人民政府' });
      setDocumentRow(y22, 'regulations', 1, 0, 5);
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'regulations', 0, 1, 5);
      expect(
        check(seriesEffectiveUnchanged, [y22, y23]).map((f) => [f.row, f.expected, f.actual]),
      ).toEqual([['regulations', 4, 5]]);
    });
  });
});
