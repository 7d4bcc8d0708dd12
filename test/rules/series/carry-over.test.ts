import { describe, expect, it } from 'vitest';
import { seriesCarryOver } from '../../../src/core/rules/series/carry-over';
import { blankCell, emptyApplications, missingCell } from '../../../src/core/model/factory';
import { setApplication } from '../../support/builders';
import { buildBalancedReport, buildNextYear } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

describe('series/carry-over', () => {
  describe('valid', () => {
    it('chained years', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      expect(check(seriesCarryOver, [y22, y23])).toEqual([]);
    });
    it('not consecutive years: not paired', () => {
      const y21 = buildBalancedReport({ year: 2021 });
      const y23 = buildNextYear(y21, { year: 2023 });
      setApplication(y23, 'carriedOver', 'total', 9);
      expect(check(seriesCarryOver, [y21, y23])).toEqual([]);
    });
    it('another agency: not paired', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22, { agency: '张店区科学技术局' });
      setApplication(y23, 'carriedOver', 'total', 9);
      expect(check(seriesCarryOver, [y22, y23])).toEqual([]);
    });
    it('last year in the 2019 format with unmapped cells: skipped', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      y22.template = '2019';
      y22.tables.applications = emptyApplications(missingCell);
      setApplication(y23, 'carriedOver', 'total', 9);
      expect(check(seriesCarryOver, [y22, y23])).toEqual([]);
    });
    it('blank 结转下年度 last year equals 0 this year', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setApplication(y22, 'carriedForward', 'naturalPerson', 0);
      setApplication(y22, 'carriedForward', 'naturalPerson', blankCell());
      setApplication(y23, 'carriedOver', 'naturalPerson', 0);
      setApplication(y23, 'carriedOver', 'total', 1);
      setApplication(y22, 'carriedForward', 'total', 1);
      expect(check(seriesCarryOver, [y22, y23])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('上年结转 total 2 while last year carried forward 3', () => {
      const y22 = buildBalancedReport({ year: 2022 });
      const y23 = buildNextYear(y22);
      setApplication(y23, 'carriedOver', 'total', 2);
      const out = check(seriesCarryOver, [y22, y23]);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'series/carry-over',
        severity: 'error',
        table: 'applications',
        row: 'carriedOver',
        column: 'total',
        expected: 3,
        actual: 2,
        relatedReport: y22.id,
        pos: y23.tables.applications!.carriedOver.total.pos,
      });
      expect(check(seriesCarryOver, [y22, y23], undefined, y22.id)).toEqual([]);
    });
    it('pairs through an alias', () => {
      const y22 = buildBalancedReport({ year: 2022, agency: '临淄区工信局' });
      const y23 = buildNextYear(y22, { agency: '临淄区工业和信息化局' });
      setApplication(y23, 'carriedOver', 'commercial', 0);
      const out = check(seriesCarryOver, [y22, y23], {
        aliases: { 临淄区工信局: '临淄区工业和信息化局' },
      });
      expect(out.map((f) => [f.column, f.expected, f.actual])).toEqual([['commercial', 1, 0]]);
    });
  });
});
