/**
 * rules.md, Narrative against tables: `consistency/repealed-count` (warning) — "a 废止 count
 * stated in the text differs from table 二".
 *
 * Reads "废止（规范性文件）N 件/个" and "N 件…予以废止" in the body of any section and compares with
 * 表二's 本年废止件数: of 规章 when the phrase names 规章, of 行政规范性文件 when it names
 * 规范性文件, otherwise either row or their sum is accepted (seed 003: "本年度废止1个文件").
 * expected = table, actual = text. Skipped unless the report uses the 2021 tables.
 */
import { ACTIVE_ROW_LABELS } from '../../model/glossary';
import { documentCountFindings } from '../util/text-document-count';
import type { ReportRule } from '../types';

export const consistencyRepealedCount: ReportRule = {
  meta: {
    id: 'consistency/repealed-count',
    severity: 'warning',
    title: '正文废止件数与表格不符',
    description: '正文所述本年废止的规章、行政规范性文件件数与表二“本年废止件数”不一致时报告。',
    values: { expected: '表格', actual: '正文', unit: '件' },
  },
  scope: 'report',
  check({ report }) {
    return documentCountFindings(report, {
      column: 'repealed',
      columnLabel: '本年废止件数',
      patterns: [
        /废止(?!率)([^。；，,;\d]{0,10}?)(\d+)\s*(?:件|个|份|部|篇)/,
        /(?:对|将)?(\d+)\s*(?:件|个|份|部|篇)([^。；，,;\d]{0,12}?)(?:予以|进行|作)?废止/,
      ],
      rowLabels: ACTIVE_ROW_LABELS,
    });
  },
};
