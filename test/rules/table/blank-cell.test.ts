import { describe, expect, it } from 'vitest';
import { tableBlankCell } from '../../../src/core/rules/table/blank-cell';
import { blankCell, missingCell } from '../../../src/core/model/factory';
import { setApplication, setReview } from '../../support/builders';
import { buildBalancedReport, setDecision } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('table/blank-cell', () => {
  describe('valid', () => {
    it('every cell filled', () => {
      expect(check(tableBlankCell, buildBalancedReport())).toEqual([]);
    });
    it('missing cells are not blank cells', () => {
      const r = buildBalancedReport();
      setApplication(r, 'granted', 'research', missingCell());
      expect(check(tableBlankCell, r)).toEqual([]);
    });
    it('outdated template: not checked', () => {
      const r = buildBalancedReport();
      r.template = 'pre-2019';
      setDecision(r, 'coercion', blankCell());
      expect(check(tableBlankCell, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('one info finding per table, on the first blank cell, listing all', () => {
      const r = buildBalancedReport();
      setApplication(r, 'granted', 'research', blankCell('—'));
      setApplication(r, 'carriedForward', 'otherOrg', blankCell());
      setApplication(r, 'newReceived', 'legalService', blankCell('/'));
      setReview(r, 'review', 'other', blankCell('无'));
      const out = check(tableBlankCell, r);
      expect(out.map((f) => [f.ruleId, f.severity, f.table])).toEqual([
        ['table/blank-cell', 'info', 'applications'],
        ['table/blank-cell', 'info', 'reviewLitigation'],
      ]);
      expect(out[0]!.pos).toEqual(r.tables.applications!.newReceived.legalService.pos);
      expect(out[1]!.pos).toEqual(r.tables.reviewLitigation!.review.other.pos);
    });
  });
});
