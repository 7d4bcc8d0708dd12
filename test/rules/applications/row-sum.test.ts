import { describe, expect, it } from 'vitest';
import { applicationsRowSum } from '../../../src/core/rules/applications/row-sum';
import { blankCell, missingCell, textCell } from '../../../src/core/model/factory';
import { buildReport, setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('applications/row-sum', () => {
  describe('valid', () => {
    it('balanced table', () => {
      expect(check(applicationsRowSum, buildBalancedReport())).toEqual([]);
    });
    it('blank cells count as 0', () => {
      const r = buildBalancedReport();
      setApplication(r, 'newReceived', 'research', blankCell('—'));
      expect(check(applicationsRowSum, r)).toEqual([]);
    });
    it('a row with a missing or text cell is skipped', () => {
      const r = buildBalancedReport();
      setApplication(r, 'newReceived', 'commercial', missingCell());
      setApplication(r, 'granted', 'total', textCell('七'));
      expect(check(applicationsRowSum, r)).toEqual([]);
    });
    it('outdated template: table not checked', () => {
      const r = buildBalancedReport();
      r.template = '2019';
      setApplication(r, 'newReceived', 'total', 99);
      expect(check(applicationsRowSum, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('总计 of 一 is one short', () => {
      const r = buildBalancedReport();
      setApplication(r, 'newReceived', 'total', 11);
      const out = check(applicationsRowSum, r);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'applications/row-sum',
        severity: 'error',
        section: 'applications',
        table: 'applications',
        row: 'newReceived',
        column: 'total',
        expected: 12,
        actual: 11,
        pos: r.tables.applications!.newReceived.total.pos,
      });
    });
    it('a part changed in a sub-row, one finding per row', () => {
      const r = buildReport();
      setApplication(r, 'denied.stateSecret', 'naturalPerson', 2);
      setApplication(r, 'carriedForward', 'otherOrg', 1);
      const out = check(applicationsRowSum, r);
      expect(out.map((f) => [f.row, f.column, f.expected, f.actual])).toEqual([
        ['denied.stateSecret', 'total', 2, 0],
        ['carriedForward', 'total', 1, 0],
      ]);
    });
  });
});
