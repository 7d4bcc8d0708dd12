import { describe, expect, it } from 'vitest';
import { activeEffectiveBelowNetIssued } from '../../../src/core/rules/active/effective-below-net-issued';
import { blankCell, missingCell } from '../../../src/core/model/factory';
import { buildBalancedReport, setDocument, setDocumentRow } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('active/effective-below-net-issued', () => {
  describe('valid', () => {
    it('stock covers the net issued', () => {
      expect(check(activeEffectiveBelowNetIssued, buildBalancedReport())).toEqual([]);
    });
    it('effective equal to issued − repealed (no stock last year)', () => {
      const r = buildBalancedReport();
      setDocumentRow(r, 'normativeDocuments', 5, 1, 4);
      expect(check(activeEffectiveBelowNetIssued, r)).toEqual([]);
    });
    it('more repealed than issued', () => {
      const r = buildBalancedReport();
      setDocumentRow(r, 'normativeDocuments', 0, 4, 16);
      expect(check(activeEffectiveBelowNetIssued, r)).toEqual([]);
    });
    it('missing 现行有效: skipped', () => {
      const r = buildBalancedReport();
      setDocumentRow(r, 'normativeDocuments', 5, 0, 0);
      setDocument(r, 'normativeDocuments', 'effective', missingCell());
      expect(check(activeEffectiveBelowNetIssued, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('issued 5, repealed 1, effective 3', () => {
      const r = buildBalancedReport();
      setDocumentRow(r, 'normativeDocuments', 5, 1, 3);
      const out = check(activeEffectiveBelowNetIssued, r);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'active/effective-below-net-issued',
        severity: 'error',
        section: 'activeDisclosure',
        table: 'activeDisclosure',
        row: 'normativeDocuments',
        column: 'effective',
        expected: 4,
        actual: 3,
        pos: r.tables.activeDisclosure!.normativeDocuments.effective.pos,
      });
    });
    it('blank 现行有效 counts as 0', () => {
      const r = buildBalancedReport({ agency: '淄博市人民政府' });
      setDocumentRow(r, 'regulations', 2, 0, 0);
      setDocument(r, 'regulations', 'effective', blankCell());
      expect(
        check(activeEffectiveBelowNetIssued, r).map((f) => [f.row, f.expected, f.actual]),
      ).toEqual([['regulations', 2, 0]]);
    });
  });
});
