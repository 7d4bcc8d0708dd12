/**
 * series/effective-unchanged — rules.md, Across years:
 * "a 现行有效件数 equals last year's although 本年制发 ≠ 本年废止" — quiet when "issued = repealed".
 *
 * Per document row (规章, 行政规范性文件) of table 二, both years in the 2021 format
 * (util/table-series.ts). expected = last year's 现行有效 + 本年制发 − 本年废止, actual = this year's
 * 现行有效, on this year's 现行有效件数 cell. series/effective-chain stays quiet on these rows.
 */
import type { SeriesRule } from '../types';
import { fmt, rowLabel } from '../util/table-cells';
import { effectiveDraft, effectiveLinks, isUnchanged } from '../util/table-series';

export const seriesEffectiveUnchanged: SeriesRule = {
  meta: {
    id: 'series/effective-unchanged',
    severity: 'error',
    title: '现行有效件数未随制发废止更新',
    description:
      '表二规章、行政规范性文件的“现行有效件数”与上一年度相同，但本年制发件数与废止件数不相等，现行有效件数理应变化，可能是沿用了上年表格未更新。',
    values: { expected: '按上年推算', actual: '本年填报', unit: '件' },
  },
  scope: 'series',
  check: ({ report, previous }) =>
    effectiveLinks(report, previous)
      .filter(isUnchanged)
      .map((l) =>
        effectiveDraft(
          l,
          `表二「${rowLabel('activeDisclosure', l.row)}」：本年制发 ${fmt(l.issued)} 件、废止 ${fmt(l.repealed)} 件，但「现行有效件数」仍为 ${fmt(l.effective)} 件，与${previous.year ?? '上一'}年度报告相同；按上年 ${fmt(l.previousEffective)}＋${fmt(l.issued)}－${fmt(l.repealed)} 应为 ${fmt(l.chained)} 件。`,
        ),
      ),
};
