/**
 * review/group-sum — rules.md, Table 四:
 * "in a group (复议, 直接起诉, 复议后起诉) 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结".
 *
 * For each group: expected = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, actual = 总计; the finding
 * sits on the group's 总计 cell. Deliberately no comparison between groups: report-format.md says
 * not to require 复议后起诉 ≤ 复议 (cases can stem from earlier years). Blank cells count as 0; a
 * group with a missing or text cell is skipped.
 */
import { REVIEW_GROUP_KEYS, REVIEW_PARTS } from '../../model/glossary';
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

export const reviewGroupSum: ReportRule = {
  meta: {
    id: 'review/group-sum',
    severity: 'error',
    title: '表四合计不符',
    description:
      '表四（复议诉讼）中行政复议、未经复议直接起诉、复议后起诉各组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结四项之和。',
  },
  scope: 'report',
  check: ({ report }) => {
    const t = report.tables.reviewLitigation;
    if (!t || !checksTables(report)) return [];
    const drafts: Draft[] = [];
    for (const group of REVIEW_GROUP_KEYS) {
      const parts = usableAll(REVIEW_PARTS.map((c) => t[group][c]));
      const total = usable(t[group].total);
      if (parts === null || total === null) continue;
      const expected = sumValues(parts);
      if (sameValue(expected, total)) continue;
      const cell = t[group].total;
      drafts.push(
        cellDraft(
          { table: 'reviewLitigation', row: group, column: 'total', cell },
          {
            expected,
            actual: total,
            message: `表四「${rowLabel('reviewLitigation', group)}」：结果维持＋结果纠正＋其他结果＋尚未审结＝${parts.map(fmt).join('＋')}＝${fmt(expected)}，「总计」填报 ${fmt(total)}，${diffText(expected, total)}。`,
          },
        ),
      );
    }
    return drafts;
  },
};
