/**
 * active/invalid-value — rules.md, Table 二:
 * "a cell is negative, a count is not an integer, or a cell holds text that is not a number or a
 * blank marker" — quiet for "blank, '—', '/', '无' (those are table/blank-cell)".
 *
 * Every cell of table 二 goes through the shared check (util/table-invalid.ts); only the
 * 行政事业性收费 amount (万元) may carry decimals.
 */
import type { ReportRule } from '../types';
import { invalidValueDrafts } from '../util/table-invalid';

export const activeInvalidValue: ReportRule = {
  meta: {
    id: 'active/invalid-value',
    severity: 'error',
    title: '表二数值无效',
    description:
      '表二（主动公开）中的单元格为负数、件数不是整数，或填写了既不是数字也不是空白标记的文字。行政事业性收费金额（万元）可以有小数。',
  },
  scope: 'report',
  check: ({ report }) => invalidValueDrafts(report, 'activeDisclosure'),
};
