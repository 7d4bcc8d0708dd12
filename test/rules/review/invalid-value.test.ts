import { describe, expect, it } from 'vitest';
import { reviewInvalidValue } from '../../../src/core/rules/review/invalid-value';
import { blankCell, numberCell, textCell } from '../../../src/core/model/factory';
import { setReview } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('review/invalid-value', () => {
  describe('valid', () => {
    it('whole numbers and blank markers', () => {
      const r = buildBalancedReport();
      setReview(r, 'litigationAfterReview', 'total', blankCell('/'));
      expect(check(reviewInvalidValue, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('negative, fractional and text cells', () => {
      const r = buildBalancedReport();
      setReview(r, 'review', 'upheld', -1);
      setReview(r, 'litigationDirect', 'other', numberCell(0.5));
      setReview(r, 'litigationAfterReview', 'pending', textCell('未结'));
      const out = check(reviewInvalidValue, r);
      expect(out.map((f) => [f.ruleId, f.table, f.row, f.column, f.actual ?? f.quote])).toEqual([
        ['review/invalid-value', 'reviewLitigation', 'review', 'upheld', -1],
        ['review/invalid-value', 'reviewLitigation', 'litigationDirect', 'other', 0.5],
        ['review/invalid-value', 'reviewLitigation', 'litigationAfterReview', 'pending', '未结'],
      ]);
      expect(out[0]!.pos).toEqual(r.tables.reviewLitigation!.review.upheld.pos);
    });
  });
});
