/**
 * applications/results-sum — rules.md, Table 三:
 * "a column's （七）总计 ≠ the sum of its 21 result rows" (report-format.md identity 2:
 * `totalProcessed` = the 21 result rows from `granted` to `otherHandling.other`).
 *
 * For each of the 7 columns: expected = the sum of 予以公开 … （六）其他处理 3.其他, actual =
 * （七）总计; the finding sits on the （七）总计 cell of that column. Blank cells count as 0; a column
 * with a missing or text cell among those 22 is skipped.
 */
import { APPLICANT_COLUMN_KEYS, RESULT_ROW_KEYS } from '../../model/glossary';
import type { Draft, ReportRule } from '../types';
import { sameValue, sumValues } from '../util/compare';
import {
  cellDraft,
  checksTables,
  columnLabel,
  diffText,
  fmt,
  usable,
  usableAll,
} from '../util/table-cells';

export const applicationsResultsSum: ReportRule = {
  meta: {
    id: 'applications/results-sum',
    severity: 'error',
    title: '表三办理结果合计不符',
    description:
      '表三（依申请）每一列的“（七）总计”应等于第三项（一）至（六）共 21 个办理结果之和。',
  },
  scope: 'report',
  check: ({ report }) => {
    const t = report.tables.applications;
    if (!t || !checksTables(report)) return [];
    const drafts: Draft[] = [];
    for (const column of APPLICANT_COLUMN_KEYS) {
      const parts = usableAll(RESULT_ROW_KEYS.map((r) => t[r][column]));
      const total = usable(t.totalProcessed[column]);
      if (parts === null || total === null) continue;
      const expected = sumValues(parts);
      if (sameValue(expected, total)) continue;
      const cell = t.totalProcessed[column];
      drafts.push(
        cellDraft(
          { table: 'applications', row: 'totalProcessed', column, cell },
          {
            expected,
            actual: total,
            message: `表三「${columnLabel('applications', column)}」列：第三项（一）至（六）各办理结果之和＝${fmt(expected)}，「（七）总计」填报 ${fmt(total)}，${diffText(expected, total)}。`,
          },
        ),
      );
    }
    return drafts;
  },
};
