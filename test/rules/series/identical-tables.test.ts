import { describe, expect, it } from 'vitest';
import { seriesIdenticalTables } from '../../../src/core/rules/series/identical-tables';
import { blankCell, numberCell, textCell } from '../../../src/core/model/factory';
import { buildReport, setApplication } from '../../support/builders';
import { buildBalancedReport, buildNextYear, setDecision } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

function copiedPair() {
  const y22 = buildBalancedReport({ year: 2022 });
  const y23 = buildBalancedReport({ year: 2023 });
  return [y22, y23] as const;
}

describe('series/identical-tables', () => {
  describe('valid', () => {
    it('chained years with new values', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      expect(check(seriesIdenticalTables, [y22, buildNextYear(y22)])).toEqual([]);
    });
    it('all-zero tables both years', () => {
      expect(
        check(seriesIdenticalTables, [buildReport({ year: 2022 }), buildReport({ year: 2023 })]),
      ).toEqual([]);
    });
    it('one value differs', () => {
      const [y22, y23] = copiedPair();
      setApplication(y23, 'granted', 'naturalPerson', 7);
      expect(check(seriesIdenticalTables, [y22, y23])).toEqual([]);
    });
    it('fee amount differs by more than 0.0001 万元', () => {
      const [y22, y23] = copiedPair();
      setDecision(y23, 'administrativeFees', numberCell(1.501));
      expect(check(seriesIdenticalTables, [y22, y23])).toEqual([]);
    });
    it('a text cell: not provably identical', () => {
      const [y22, y23] = copiedPair();
      setDecision(y22, 'coercion', textCell('无此项'));
      setDecision(y23, 'coercion', textCell('无此项'));
      expect(check(seriesIdenticalTables, [y22, y23])).toEqual([]);
    });
    it('last year in the 2019 template', () => {
      const [y22, y23] = copiedPair();
      y22.template = '2019';
      expect(check(seriesIdenticalTables, [y22, y23])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('every value equal to last year, some non-zero', () => {
      const [y22, y23] = copiedPair();
      const out = check(seriesIdenticalTables, [y22, y23]);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'series/identical-tables',
        severity: 'warning',
        relatedReport: y22.id,
        pos: y23.tablePos.activeDisclosure,
      });
      expect(check(seriesIdenticalTables, [y22, y23], undefined, y22.id)).toEqual([]);
    });
    it('blank equals 0, amounts within tolerance', () => {
      const [y22, y23] = copiedPair();
      setDecision(y22, 'coercion', blankCell('—'));
      setDecision(y23, 'administrativeFees', numberCell(1.50004));
      expect(check(seriesIdenticalTables, [y22, y23]).map((f) => f.ruleId)).toEqual([
        'series/identical-tables',
      ]);
    });
  });
});
