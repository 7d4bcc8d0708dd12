import { describe, expect, it } from 'vitest';
import { structureStatisticsPeriod } from '../../../src/core/rules/structure/statistics-period';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('structure/statistics-period', () => {
  it('is quiet when the stated period is the report year', () => {
    expect(check(structureStatisticsPeriod, buildReport({ year: 2023 }))).toEqual([]);
  });

  it('gives an info when no period is stated (seed 001)', () => {
    const r = buildReport();
    delete r.statisticsPeriod;
    const found = check(structureStatisticsPeriod, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'structure/statistics-period', severity: 'info' });
  });

  it('gives an error with expected/actual years when the period is of another year', () => {
    const r = buildReport({ year: 2023 });
    r.statisticsPeriod = {
      fromYear: 2022,
      toYear: 2022,
      quote: '2022年1月1日至2022年12月31日',
      pos: { block: 1, start: 10, end: 30 },
    };
    const found = check(structureStatisticsPeriod, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      expected: 2023,
      actual: 2022,
      pos: { block: 1, start: 10, end: 30 },
    });
  });

  it('checks the end year too', () => {
    const r = buildReport({ year: 2023 });
    r.statisticsPeriod = {
      fromYear: 2023,
      toYear: 2024,
      quote: '2023年1月1日至2024年12月31日',
      pos: { block: 1 },
    };
    expect(check(structureStatisticsPeriod, r)[0]).toMatchObject({
      severity: 'error',
      expected: 2023,
      actual: 2024,
    });
  });
});
