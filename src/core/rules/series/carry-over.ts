/**
 * series/carry-over — rules.md, Across years:
 * "this year's 二 (上年结转) ≠ last year's 四 (结转下年度), per column".
 *
 * For each of the 7 columns of table 三: expected = last year's 四、结转下年度继续办理, actual = this
 * year's 二、上年结转政府信息公开申请数量; the finding sits on this year's cell and names last year's
 * report (relatedReport, stamped by the engine). This year's report must be in the 2021 format;
 * last year's may also be in the 2019 trial format, whose table 三 has the same 结转下年度 row — an
 * old-template cell that extraction could not map is `missing` and skips that column. Blank cells
 * count as 0; text cells skip the column.
 */
import { APPLICANT_COLUMN_KEYS } from '../../model/glossary';
import type { Draft, SeriesRule } from '../types';
import { sameValue } from '../util/compare';
import { cellDraft, checksTables, columnLabel, diffText, fmt, usable } from '../util/table-cells';

export const seriesCarryOver: SeriesRule = {
  meta: {
    id: 'series/carry-over',
    severity: 'error',
    title: '上年结转与上年报告不符',
    description:
      '本年表三第二项“上年结转政府信息公开申请数量”应等于上一年度报告表三第四项“结转下年度继续办理”，逐列比对。',
    values: { expected: '上年报告', actual: '本年填报', unit: '件' },
  },
  scope: 'series',
  check: ({ report, previous }) => {
    const t = report.tables.applications;
    const p = previous.tables.applications;
    if (!t || !p || !checksTables(report)) return [];
    if (previous.template !== '2021' && previous.template !== '2019') return [];
    const drafts: Draft[] = [];
    for (const column of APPLICANT_COLUMN_KEYS) {
      const expected = usable(p.carriedForward[column]);
      const actual = usable(t.carriedOver[column]);
      if (expected === null || actual === null || sameValue(expected, actual)) continue;
      const cell = t.carriedOver[column];
      drafts.push(
        cellDraft(
          { table: 'applications', row: 'carriedOver', column, cell },
          {
            expected,
            actual,
            message: `表三「${columnLabel('applications', column)}」列：本年「二、上年结转」填报 ${fmt(actual)}，${previous.year ?? '上一'}年度报告「四、结转下年度继续办理」为 ${fmt(expected)}，${diffText(expected, actual)}。`,
          },
        ),
      );
    }
    return drafts;
  },
};
