import { describe, expect, it } from 'vitest';
import { applicationsBalance } from '../../../src/core/rules/applications/balance';
import { blankCell, textCell } from '../../../src/core/model/factory';
import { buildReport, setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('applications/balance', () => {
  describe('valid', () => {
    it('balanced table', () => {
      expect(check(applicationsBalance, buildBalancedReport())).toEqual([]);
    });
    it('all-zero table', () => {
      expect(check(applicationsBalance, buildReport())).toEqual([]);
    });
    it('blank 结转 counts as 0', () => {
      const r = buildReport();
      setApplication(r, 'newReceived', 'total', 4);
      setApplication(r, 'totalProcessed', 'total', 4);
      setApplication(r, 'carriedForward', 'total', blankCell('/'));
      expect(check(applicationsBalance, r)).toEqual([]);
    });
    it('text cell: column skipped', () => {
      const r = buildBalancedReport();
      setApplication(r, 'carriedForward', 'total', textCell('三'));
      expect(check(applicationsBalance, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('总计 column: 一 + 二 = 175, （七）总计 + 四 = 174', () => {
      const r = buildReport();
      setApplication(r, 'newReceived', 'total', 169);
      setApplication(r, 'carriedOver', 'total', 6);
      setApplication(r, 'totalProcessed', 'total', 170);
      setApplication(r, 'carriedForward', 'total', 4);
      const out = check(applicationsBalance, r);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'applications/balance',
        severity: 'error',
        table: 'applications',
        row: 'newReceived',
        column: 'total',
        expected: 175,
        actual: 174,
        pos: r.tables.applications!.newReceived.total.pos,
      });
    });
    it('one finding per unbalanced column', () => {
      const r = buildBalancedReport();
      setApplication(r, 'carriedForward', 'naturalPerson', 3);
      setApplication(r, 'carriedForward', 'total', 4);
      const out = check(applicationsBalance, r);
      expect(out.map((f) => [f.column, f.expected, f.actual])).toEqual([
        ['naturalPerson', 11, 12],
        ['total', 13, 14],
      ]);
    });
  });
});
