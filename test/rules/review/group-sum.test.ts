import { describe, expect, it } from 'vitest';
import { reviewGroupSum } from '../../../src/core/rules/review/group-sum';
import { blankCell, textCell } from '../../../src/core/model/factory';
import { buildReport, setReview } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('review/group-sum', () => {
  describe('valid', () => {
    it('balanced groups', () => {
      expect(check(reviewGroupSum, buildBalancedReport())).toEqual([]);
    });
    it('复议后起诉 may exceed 复议 (cases from earlier years)', () => {
      const r = buildReport();
      setReview(r, 'litigationAfterReview', 'pending', 4);
      setReview(r, 'litigationAfterReview', 'total', 4);
      expect(check(reviewGroupSum, r)).toEqual([]);
    });
    it('blank parts count as 0; a text total skips the group', () => {
      const r = buildBalancedReport();
      setReview(r, 'review', 'other', blankCell('-'));
      setReview(r, 'litigationDirect', 'total', textCell('二'));
      expect(check(reviewGroupSum, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('复议 total 4 while parts sum to 3', () => {
      const r = buildBalancedReport();
      setReview(r, 'review', 'total', 4);
      const out = check(reviewGroupSum, r);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'review/group-sum',
        severity: 'error',
        section: 'reviewLitigation',
        table: 'reviewLitigation',
        row: 'review',
        column: 'total',
        expected: 3,
        actual: 4,
        pos: r.tables.reviewLitigation!.review.total.pos,
      });
    });
    it('each group on its own', () => {
      const r = buildReport();
      setReview(r, 'litigationDirect', 'corrected', 1);
      setReview(r, 'litigationAfterReview', 'total', 2);
      expect(check(reviewGroupSum, r).map((f) => [f.row, f.expected, f.actual])).toEqual([
        ['litigationDirect', 1, 0],
        ['litigationAfterReview', 0, 2],
      ]);
    });
  });
});
