/**
 * rules.md, Structure: `structure/statistics-period` (info / error) — "info: no statistics
 * period stated; error: the stated period's year differs from the report year".
 *
 * Extraction reads the stated period ("统计期限自2023年1月1日起至2023年12月31日止"). No period →
 * one info; a period whose start or end year is not the report year → one error (the draft carries
 * its own severity, the only rule allowed to). Unknown report year → only the info case applies.
 */
import type { ReportRule } from '../types';

export const structureStatisticsPeriod: ReportRule = {
  meta: {
    id: 'structure/statistics-period',
    severity: 'info',
    title: '统计期限',
    description:
      '报告应说明所列数据的统计期限（通常为报告年度的1月1日至12月31日）；未说明时提示，所述期限的年份与报告年度不符时报错。',
    values: { expected: '报告年度', actual: '统计期限', unit: '年' },
  },
  scope: 'report',
  check({ report }) {
    const period = report.statisticsPeriod;
    if (!period) {
      // The period is stated in the preamble, right under the title: the finding points there.
      return [
        {
          ...(report.titlePos ? { pos: report.titlePos } : {}),
          severity: 'info',
          message:
            '报告未说明所列数据的统计期限（如“本报告中所列数据的统计期限自1月1日起至12月31日止”）。',
        },
      ];
    }
    const year = report.year;
    if (year === null || (period.fromYear === year && period.toYear === year)) return [];
    const wrong = period.fromYear !== year ? period.fromYear : period.toYear;
    return [
      {
        severity: 'error',
        quote: period.quote,
        pos: period.pos,
        expected: year,
        actual: wrong,
        message: `报告所述统计期限「${period.quote}」的年份（${wrong}年）与报告年度（${year}年）不符。`,
      },
    ];
  },
};
