import { describe, expect, it } from 'vitest';
import { activeInvalidValue } from '../../../src/core/rules/active/invalid-value';
import { blankCell, numberCell, textCell } from '../../../src/core/model/factory';
import { buildBalancedReport, setDecision, setDocument } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('active/invalid-value', () => {
  describe('valid', () => {
    it('whole counts, decimal fee amount', () => {
      const r = buildBalancedReport();
      setDecision(r, 'administrativeFees', numberCell(290.066));
      expect(check(activeInvalidValue, r)).toEqual([]);
    });
    it('blank markers', () => {
      const r = buildBalancedReport();
      setDocument(r, 'regulations', 'issued', blankCell('—'));
      setDecision(r, 'coercion', blankCell('无'));
      expect(check(activeInvalidValue, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('fractional count, negative amount, text', () => {
      const r = buildBalancedReport();
      setDocument(r, 'normativeDocuments', 'effective', numberCell(2.5));
      setDecision(r, 'administrativeFees', -3);
      setDecision(r, 'licensing', textCell('若干'));
      const out = check(activeInvalidValue, r);
      expect(out.map((f) => [f.ruleId, f.row, f.column, f.actual ?? f.quote])).toEqual([
        ['active/invalid-value', 'normativeDocuments', 'effective', 2.5],
        ['active/invalid-value', 'licensing', 'decisions', '若干'],
        ['active/invalid-value', 'administrativeFees', 'amount', -3],
      ]);
      expect(out[0]!.pos).toEqual(r.tables.activeDisclosure!.normativeDocuments.effective.pos);
    });
  });
});
