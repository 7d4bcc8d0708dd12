/**
 * review/invalid-value — rules.md, Table 四:
 * "a cell is negative, fractional or non-numeric text" — quiet for blank markers.
 *
 * Every one of the 3 × 5 cells goes through the shared check (util/table-invalid.ts).
 */
import type { ReportRule } from '../types';
import { invalidValueDrafts } from '../util/table-invalid';

export const reviewInvalidValue: ReportRule = {
  meta: {
    id: 'review/invalid-value',
    severity: 'error',
    title: '表四数值无效',
    description: '表四（复议诉讼）中的单元格为负数、小数，或填写了既不是数字也不是空白标记的文字。',
  },
  scope: 'report',
  check: ({ report }) => invalidValueDrafts(report, 'reviewLitigation'),
};
