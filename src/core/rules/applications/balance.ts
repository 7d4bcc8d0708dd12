/**
 * applications/balance — rules.md, Table 三:
 * "a column's 一 + 二 ≠ （七）总计 + 四" (report-format.md identity 3, the header note
 * 「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」).
 *
 * For each of the 7 columns: expected = 一、本年新收 + 二、上年结转 (what came in), actual =
 * （七）总计 + 四、结转下年度 (what went out), as in the reviewer's phrase "第一项＋第二项＝175，
 * 第三项（七）总计＋第四项＝174". rules.md names no single cell, so the finding sits on the row
 * 一 cell of that column (row key `newReceived`, as in cli-contract.md's example). Blank cells
 * count as 0; a column with a missing or text cell among the four is skipped.
 */
import { APPLICANT_COLUMN_KEYS } from '../../model/glossary';
import type { Draft, ReportRule } from '../types';
import { sameValue, sumValues } from '../util/compare';
import {
  cellDraft,
  checksTables,
  columnLabel,
  diffText,
  fmt,
  usableAll,
} from '../util/table-cells';

export const applicationsBalance: ReportRule = {
  meta: {
    id: 'applications/balance',
    severity: 'error',
    title: '表三收支不平衡',
    description:
      '表三（依申请）每一列应满足：第一项（本年新收）加第二项（上年结转）之和，等于第三项（七）总计加第四项（结转下年度继续办理）之和。',
  },
  scope: 'report',
  check: ({ report }) => {
    const t = report.tables.applications;
    if (!t || !checksTables(report)) return [];
    const drafts: Draft[] = [];
    for (const column of APPLICANT_COLUMN_KEYS) {
      const v = usableAll([
        t.newReceived[column],
        t.carriedOver[column],
        t.totalProcessed[column],
        t.carriedForward[column],
      ]);
      if (v === null) continue;
      const [received = 0, carried = 0, processed = 0, forward = 0] = v;
      const expected = sumValues([received, carried]);
      const actual = sumValues([processed, forward]);
      if (sameValue(expected, actual)) continue;
      const cell = t.newReceived[column];
      drafts.push(
        cellDraft(
          { table: 'applications', row: 'newReceived', column, cell },
          {
            expected,
            actual,
            message: `表三「${columnLabel('applications', column)}」列：第一项＋第二项＝${fmt(received)}＋${fmt(carried)}＝${fmt(expected)}，第三项（七）总计＋第四项＝${fmt(processed)}＋${fmt(forward)}＝${fmt(actual)}，${diffText(expected, actual)}。`,
          },
        ),
      );
    }
    return drafts;
  },
};
