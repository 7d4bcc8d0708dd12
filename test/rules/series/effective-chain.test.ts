import { describe, expect, it } from 'vitest';
import { seriesEffectiveChain } from '../../../src/core/rules/series/effective-chain';
import { blankCell } from '../../../src/core/model/factory';
import {
  buildBalancedReport,
  buildNextYear,
  setDocument,
  setDocumentRow,
} from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('series/effective-chain', () => {
  describe('valid', () => {
    it('chained years', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      expect(check(seriesEffectiveChain, [y22, buildNextYear(y22)])).toEqual([]);
    });
    it.each(['2019', 'unknown'] as const)('one year in the %s template: quiet', (template) => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 2, 1, 30);
      y22.template = template;
      expect(check(seriesEffectiveChain, [y22, y23])).toEqual([]);
      y22.template = '2021';
      y23.template = template;
      expect(check(seriesEffectiveChain, [y22, y23])).toEqual([]);
    });
    it('already reported as series/effective-unchanged', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 2, 1, 20);
      expect(check(seriesEffectiveChain, [y22, y23])).toEqual([]);
    });
    it('blank cells count as 0', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 0, 0, 20);
      setDocument(y23, 'normativeDocuments', 'issued', blankCell('—'));
      expect(check(seriesEffectiveChain, [y22, y23])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('20 + 2 − 1 = 21, reported 25', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 2, 1, 25);
      const out = check(seriesEffectiveChain, [y22, y23]);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'series/effective-chain',
        severity: 'warning',
        table: 'activeDisclosure',
        row: 'normativeDocuments',
        column: 'effective',
        expected: 21,
        actual: 25,
        relatedReport: y22.id,
        pos: y23.tables.activeDisclosure!.normativeDocuments.effective.pos,
      });
    });
    it('unchanged with issued = repealed, but last year differs', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setDocumentRow(y23, 'normativeDocuments', 1, 1, 19);
      expect(
        check(seriesEffectiveChain, [y22, y23]).map((f) => [f.row, f.expected, f.actual]),
      ).toEqual([['normativeDocuments', 20, 19]]);
    });
  });
});
