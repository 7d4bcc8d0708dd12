import { structureStatisticsPeriod } from '../../../src/core/rules/structure/statistics-period';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

function withPeriod(period: ReportModel['statisticsPeriod']) {
  const r = buildReport({ year: 2023 });
  if (period) r.statisticsPeriod = period;
  else delete r.statisticsPeriod;
  return r;
}

ruleTester.run(structureStatisticsPeriod, {
  valid: [{ name: 'the stated period is the report year', report: buildReport({ year: 2023 }) }],
  invalid: [
    {
      name: 'an info when no period is stated (seed 001)',
      report: withPeriod(undefined),
      findings: [
        { ruleId: 'structure/statistics-period', severity: 'info', messageIncludes: '统计期限' },
      ],
    },
    {
      name: 'an error with expected/actual years when the period is of another year',
      report: withPeriod({
        fromYear: 2022,
        toYear: 2022,
        quote: '2022年1月1日至2022年12月31日',
        pos: { block: 1, start: 10, end: 30 },
      }),
      findings: [
        {
          severity: 'error',
          expected: 2023,
          actual: 2022,
          pos: { block: 1, start: 10, end: 30 },
          messageIncludes:
            '报告所述统计期限「2022年1月1日至2022年12月31日」的年份（2022年）与报告年度（2023年）不符',
        },
      ],
    },
    {
      name: 'the end year is checked too',
      report: withPeriod({
        fromYear: 2023,
        toYear: 2024,
        quote: '2023年1月1日至2024年12月31日',
        pos: { block: 1 },
      }),
      findings: [
        { severity: 'error', expected: 2023, actual: 2024, messageIncludes: '（2024年）' },
      ],
    },
  ],
});
