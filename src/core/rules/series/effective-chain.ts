/**
 * series/effective-chain — rules.md, Across years:
 * "现行有效(y) ≠ 现行有效(y−1) + 制发(y) − 废止(y) (and not already reported as
 * series/effective-unchanged)" — quiet when "one of the two years uses the 2019 template".
 *
 * Per document row (规章, 行政规范性文件) of table 二, both years in the 2021 format
 * (util/table-series.ts; an unrecognised template stays quiet too, its 现行有效 is not known to be
 * the 2021 measure). expected = last year's 现行有效 + 本年制发 − 本年废止, actual = this year's
 * 现行有效, on this year's cell. Rows that series/effective-unchanged reports are skipped.
 */
import type { SeriesRule } from '../types';
import { sameValue } from '../util/compare';
import { diffText, fmt, rowLabel } from '../util/table-cells';
import { effectiveDraft, effectiveLinks, isUnchanged } from '../util/table-series';

export const seriesEffectiveChain: SeriesRule = {
  meta: {
    id: 'series/effective-chain',
    severity: 'warning',
    title: '现行有效件数与上年不衔接',
    description:
      '表二规章、行政规范性文件的“现行有效件数”应等于上一年度现行有效件数加本年制发件数减本年废止件数。两个年度中有一年使用 2019 年试行格式时不比对。',
    values: { expected: '按上年推算', actual: '本年填报', unit: '件' },
  },
  scope: 'series',
  check: ({ report, previous }) =>
    effectiveLinks(report, previous)
      .filter((l) => !isUnchanged(l) && !sameValue(l.chained, l.effective))
      .map((l) =>
        effectiveDraft(
          l,
          `表二「${rowLabel('activeDisclosure', l.row)}」：${previous.year ?? '上一'}年度现行有效 ${fmt(l.previousEffective)} 件＋本年制发 ${fmt(l.issued)} 件－本年废止 ${fmt(l.repealed)} 件＝${fmt(l.chained)} 件，本年「现行有效件数」填报 ${fmt(l.effective)} 件，${diffText(l.chained, l.effective)}。`,
        ),
      ),
};
