/**
 * applications/invalid-value — rules.md, Table 三:
 * "a cell is negative, fractional or non-numeric text" — quiet for blank markers.
 *
 * Every one of the 25 × 7 cells goes through the shared check (util/table-invalid.ts).
 */
import type { ReportRule } from '../types';
import { invalidValueDrafts } from '../util/table-invalid';

export const applicationsInvalidValue: ReportRule = {
  meta: {
    id: 'applications/invalid-value',
    severity: 'error',
    title: '表三数值无效',
    description: '表三（依申请）中的单元格为负数、小数，或填写了既不是数字也不是空白标记的文字。',
  },
  scope: 'report',
  check: ({ report }) => invalidValueDrafts(report, 'applications'),
};
