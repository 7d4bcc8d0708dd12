/**
 * active/effective-below-net-issued — rules.md, Table 二:
 * "现行有效 < 本年制发 − 本年废止 (last year's stock would be negative)".
 *
 * From report-format.md: effective(y) = effective(y−1) + issued(y) − repealed(y) with
 * effective(y−1) ≥ 0, hence effective(y) ≥ issued(y) − repealed(y). Checked for 规章 and
 * 行政规范性文件 separately; expected = the lower bound 本年制发 − 本年废止, actual = 现行有效, on the
 * 现行有效件数 cell. Blank cells count as 0; a row with a missing or text cell is skipped.
 */
import { DOCUMENT_ROW_KEYS } from '../../model/glossary';
import type { Draft, ReportRule } from '../types';
import { roundForDisplay, sameValue } from '../util/compare';
import { cellDraft, checksTables, fmt, rowLabel, usableAll } from '../util/table-cells';

export const activeEffectiveBelowNetIssued: ReportRule = {
  meta: {
    id: 'active/effective-below-net-issued',
    severity: 'error',
    title: '现行有效件数小于本年净制发数',
    description:
      '表二中规章、行政规范性文件的“现行有效件数”不应小于“本年制发件数”减“本年废止件数”，否则意味着上年末现行有效件数为负数。',
    values: { expected: '至少', actual: '现行有效', unit: '件' },
  },
  scope: 'report',
  check: ({ report }) => {
    const t = report.tables.activeDisclosure;
    if (!t || !checksTables(report)) return [];
    const drafts: Draft[] = [];
    for (const row of DOCUMENT_ROW_KEYS) {
      const v = usableAll([t[row].issued, t[row].repealed, t[row].effective]);
      if (v === null) continue;
      const [issued = 0, repealed = 0, effective = 0] = v;
      const minimum = roundForDisplay(issued - repealed);
      if (effective > minimum || sameValue(effective, minimum)) continue;
      const cell = t[row].effective;
      drafts.push(
        cellDraft(
          { table: 'activeDisclosure', row, column: 'effective', cell },
          {
            expected: minimum,
            actual: effective,
            message: `表二「${rowLabel('activeDisclosure', row)}」：本年制发 ${fmt(issued)} 件、本年废止 ${fmt(repealed)} 件，现行有效件数至少应为 ${fmt(minimum)} 件，「现行有效件数」填报 ${fmt(effective)} 件（按此推算上年末现行有效件数为 ${fmt(effective - minimum)}）。`,
          },
        ),
      );
    }
    return drafts;
  },
};
