import { describe, expect, it } from 'vitest';
import { applicationsInvalidValue } from '../../../src/core/rules/applications/invalid-value';
import { blankCell, missingCell, numberCell, textCell } from '../../../src/core/model/factory';
import { setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('applications/invalid-value', () => {
  describe('valid', () => {
    it('whole numbers', () => {
      expect(check(applicationsInvalidValue, buildBalancedReport())).toEqual([]);
    });
    it('blank markers and missing cells are not invalid', () => {
      const r = buildBalancedReport();
      setApplication(r, 'granted', 'research', blankCell('—'));
      setApplication(r, 'granted', 'publicInterest', blankCell('无'));
      setApplication(r, 'granted', 'legalService', missingCell());
      expect(check(applicationsInvalidValue, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('negative, fractional and text cells', () => {
      const r = buildBalancedReport();
      setApplication(r, 'newReceived', 'commercial', -2);
      setApplication(r, 'granted', 'naturalPerson', numberCell(1.5));
      setApplication(r, 'carriedForward', 'otherOrg', textCell('两件'));
      const out = check(applicationsInvalidValue, r);
      expect(out.map((f) => [f.ruleId, f.severity, f.row, f.column, f.actual, f.quote])).toEqual([
        ['applications/invalid-value', 'error', 'newReceived', 'commercial', -2, undefined],
        ['applications/invalid-value', 'error', 'granted', 'naturalPerson', 1.5, undefined],
        ['applications/invalid-value', 'error', 'carriedForward', 'otherOrg', undefined, '两件'],
      ]);
      expect(out[2]!.pos).toEqual(r.tables.applications!.carriedForward.otherOrg.pos);
    });
  });
});
