import { describe, expect, it } from 'vitest';
import { applicationsResultsSum } from '../../../src/core/rules/applications/results-sum';
import { blankCell, missingCell } from '../../../src/core/model/factory';
import { setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('applications/results-sum', () => {
  describe('valid', () => {
    it('balanced table', () => {
      expect(check(applicationsResultsSum, buildBalancedReport())).toEqual([]);
    });
    it('blank result rows count as 0', () => {
      const r = buildBalancedReport();
      setApplication(r, 'notProcessed.duplicate', 'naturalPerson', blankCell());
      expect(check(applicationsResultsSum, r)).toEqual([]);
    });
    it('a column with a missing result cell is skipped', () => {
      const r = buildBalancedReport();
      setApplication(r, 'otherHandling.other', 'naturalPerson', missingCell());
      setApplication(r, 'totalProcessed', 'naturalPerson', 50);
      expect(check(applicationsResultsSum, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('（七）总计 of 自然人 misses the last result row', () => {
      const r = buildBalancedReport();
      setApplication(r, 'otherHandling.other', 'naturalPerson', 3);
      const out = check(applicationsResultsSum, r);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'applications/results-sum',
        severity: 'error',
        table: 'applications',
        row: 'totalProcessed',
        column: 'naturalPerson',
        expected: 12,
        actual: 9,
        pos: r.tables.applications!.totalProcessed.naturalPerson.pos,
      });
    });
    it('each column is checked on its own', () => {
      const r = buildBalancedReport();
      setApplication(r, 'totalProcessed', 'commercial', 2);
      setApplication(r, 'totalProcessed', 'total', 11);
      const out = check(applicationsResultsSum, r);
      expect(out.map((f) => [f.column, f.expected, f.actual])).toEqual([
        ['commercial', 1, 2],
        ['total', 10, 11],
      ]);
    });
  });
});
