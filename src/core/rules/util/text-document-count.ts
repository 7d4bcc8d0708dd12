/**
 * Shared reading for consistency/effective-count and consistency/repealed-count: numbers of
 * 规章 / 行政规范性文件 stated in the narrative, compared with one column of 表二.
 */
import { numericValue } from '../../model/factory';
import type { ActiveRowKey, DocumentColumnKey } from '../../model/glossary';
import type { ReportModel } from '../../model/types';
import { sameValue } from './compare';
import {
  findAll,
  joinWrapped,
  parseCount,
  quoteDraft,
  reportParagraphs,
  sectionPlace,
  toHalfWidth,
  type Hit,
} from './text';
import { COMPARISON } from './text-claims';
import type { Draft } from '../types';

export interface DocumentCountSpec {
  column: DocumentColumnKey;
  columnLabel: string;
  /** Patterns with exactly one all-digit capture group (the number); the whole match names the kind. */
  patterns: readonly RegExp[];
  rowLabels: Record<ActiveRowKey, string>;
}

/** Other subjects whose counts are not 规章/规范性文件 counts of 表二. */
const OTHER_SUBJECTS = /建议|提案|申请|复议|诉讼|事项|证照|许可|处罚|强制|目录|条|栏目/;

export function documentCountFindings(report: ReportModel, spec: DocumentCountSpec): Draft[] {
  const table = report.tables.activeDisclosure;
  if (report.template !== '2021' || !table) return [];
  const regs = numericValue(table.regulations[spec.column]);
  const docs = numericValue(table.normativeDocuments[spec.column]);
  const out: Draft[] = [];
  for (const p of joinWrapped(reportParagraphs(report).filter((x) => x.section !== undefined))) {
    // Several patterns may read the same number ("规范性文件现行有效15件"): keep, per number, the
    // reading that names the kind of document.
    const byNumber = new Map<number, { hit: Hit; value: number }>();
    for (const re of spec.patterns) {
      for (const hit of findAll(p.text, re)) {
        const at = hit.groups.findIndex((g) => g !== undefined && /^\d+$/.test(g));
        const raw = hit.groups[at];
        const span = hit.spans[at];
        const value = raw === undefined ? null : parseCount(raw);
        if (value === null || span === undefined) continue;
        const half = toHalfWidth(hit.text);
        if (COMPARISON.test(half) || OTHER_SUBJECTS.test(half)) continue;
        const known = byNumber.get(span.start);
        if (known && /规章|规范性文件/.test(toHalfWidth(known.hit.text))) continue;
        byNumber.set(span.start, { hit, value });
      }
    }
    for (const { hit, value } of [...byNumber.values()].sort((a, b) => a.hit.start - b.hit.start)) {
      const half = toHalfWidth(hit.text);
      const names = half.includes('规章')
        ? 'regulations'
        : half.includes('规范性文件')
          ? 'normativeDocuments'
          : null;
      const candidates: { row: 'regulations' | 'normativeDocuments'; value: number | null }[] =
        names === 'regulations'
          ? [{ row: 'regulations', value: regs }]
          : names === 'normativeDocuments'
            ? [{ row: 'normativeDocuments', value: docs }]
            : [
                { row: 'normativeDocuments', value: docs },
                { row: 'regulations', value: regs },
                {
                  row: 'normativeDocuments',
                  value: regs === null || docs === null ? null : regs + docs,
                },
              ];
      const known = candidates.filter((c) => c.value !== null);
      if (known.length === 0) continue;
      if (known.some((c) => c.value !== null && sameValue(c.value, value))) continue;
      const first = known[0];
      if (!first || first.value === null) continue;
      const where = p.section ? sectionPlace(report, p.section) : '正文';
      const tableSays =
        names === null && regs !== null && docs !== null
          ? `表二「${spec.rowLabels.normativeDocuments}」${spec.columnLabel}为 ${docs}、「${spec.rowLabels.regulations}」为 ${regs}`
          : `表二「${spec.rowLabels[first.row]}」${spec.columnLabel}为 ${first.value}`;
      out.push(
        quoteDraft(p, hit.start, hit.end, {
          table: 'activeDisclosure',
          row: first.row,
          column: spec.column,
          expected: first.value,
          actual: value,
          message: `${where}称「${hit.text}」（${value} 件），但${tableSays}，正文与表格不符。`,
        }),
      );
    }
  }
  return out;
}
