/**
 * applications/row-sum — rules.md, Table 三:
 * "a row's 总计 ≠ the sum of its six applicant columns" (report-format.md identity 1:
 * `total` = the six applicant columns, for every row).
 *
 * For each of the 25 rows: expected = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他,
 * actual = 总计; the finding sits on the 总计 cell. Blank cells count as 0; a row with a missing
 * or text cell is skipped (applications/invalid-value reports the text).
 */
import { APPLICATION_ROW_KEYS, APPLICANT_PARTS } from '../../model/glossary';
import type { Draft, ReportRule } from '../types';
import { sameValue, sumValues } from '../util/compare';
import {
  cellDraft,
  checksTables,
  diffText,
  fmt,
  rowLabel,
  usable,
  usableAll,
} from '../util/table-cells';

export const applicationsRowSum: ReportRule = {
  meta: {
    id: 'applications/row-sum',
    severity: 'error',
    title: '表三行合计不符',
    description:
      '表三（依申请）每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六类申请人之和。',
  },
  scope: 'report',
  check: ({ report }) => {
    const t = report.tables.applications;
    if (!t || !checksTables(report)) return [];
    const drafts: Draft[] = [];
    for (const row of APPLICATION_ROW_KEYS) {
      const parts = usableAll(APPLICANT_PARTS.map((c) => t[row][c]));
      const total = usable(t[row].total);
      if (parts === null || total === null) continue;
      const expected = sumValues(parts);
      if (sameValue(expected, total)) continue;
      const cell = t[row].total;
      drafts.push(
        cellDraft(
          { table: 'applications', row, column: 'total', cell },
          {
            expected,
            actual: total,
            message: `表三「${rowLabel('applications', row)}」行：六类申请人之和（${parts.map(fmt).join('＋')}）＝${fmt(expected)}，「总计」列填报 ${fmt(total)}，${diffText(expected, total)}。`,
          },
        ),
      );
    }
    return drafts;
  },
};
