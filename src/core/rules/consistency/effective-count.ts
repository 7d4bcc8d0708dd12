/**
 * rules.md, Narrative against tables: `consistency/effective-count` (warning) — "a 现行有效
 * (规范性文件/规章) count stated in the text differs from table 二".
 *
 * Reads "现行有效（行政）规范性文件 N 件", "规范性文件…现行有效 N 件" and the same for 规章 in the body
 * of any section, and compares with 表二's 现行有效件数 of that row. A count naming neither kind
 * ("现行有效文件 N 件") is accepted when it equals either row or their sum. expected = table,
 * actual = text. Skipped unless the report uses the 2021 tables (the 2019 对外公开总数量 is another
 * measure).
 */
import { ACTIVE_ROW_LABELS } from '../../model/glossary';
import { documentCountFindings } from '../util/text-document-count';
import type { ReportRule } from '../types';

export const consistencyEffectiveCount: ReportRule = {
  meta: {
    id: 'consistency/effective-count',
    severity: 'warning',
    title: '正文现行有效件数与表格不符',
    description: '正文所述现行有效的规章、行政规范性文件件数与表二“现行有效件数”不一致时报告。',
    values: { expected: '表格', actual: '正文', unit: '件' },
  },
  scope: 'report',
  check({ report }) {
    return documentCountFindings(report, {
      column: 'effective',
      columnLabel: '现行有效件数',
      patterns: [
        /现行有效(?:的)?([^。；，,;\d]{0,10}?)(\d+)\s*(?:件|个|份|部|篇)/,
        /(规范性文件|规章)[^。；，,;\d]{0,10}?现行有效[^。；，,;\d]{0,4}?(\d+)\s*(?:件|个|份|部|篇)/,
      ],
      rowLabels: ACTIVE_ROW_LABELS,
    });
  },
};
