/**
 * rules.md, Narrative against tables: `consistency/no-review-litigation-claim` (error) — "the
 * text says there was no 复议/诉讼 but table 四 has non-zero totals, or the reverse".
 *
 * The text is read clause by clause (between ，。；): a clause with a negation (未/没有/无/零)
 * before 复议 claims no 行政复议, before 诉讼 no 行政诉讼 ("未产生行政复议和行政诉讼", "未发生因政府
 * 信息公开工作被申请行政复议、提起行政诉讼的情况"), as does "复议…为0/为零". Clauses about outcomes
 * (败诉, 纠错, 被撤销, 确认违法) or rates (…率) are not claims about the number of cases. The
 * reverse: "行政复议 N 件/起" or "行政诉讼 N 件/起" with N > 0 while the group's 总计 is zero.
 * 诉讼 means both litigation groups of 表四 together. expected = table total, actual = the text's
 * number (0 for a "none" statement). Skipped unless the report uses the 2021 tables.
 */
import { numericValue } from '../../model/factory';
import type { TextParagraph } from '../../model/types';
import { joinWrapped, quoteDraft, reportParagraphs, sectionPlace } from '../util/text';
import { readClaims, COMPARISON } from '../util/text-claims';
import type { Draft, ReportRule } from '../types';

const OUTCOME = /败诉|纠错|纠正|撤销|确认违法|率|后起诉/;
/** 未经复议 ("without going through review", a table-四 label) is not a negation. */
const NEGATION = /未(?!经)|没有|无(?!论)|零/;

interface Subject {
  label: string;
  keyword: string;
  row: 'review' | 'litigationDirect';
}
const SUBJECTS: readonly Subject[] = [
  { label: '行政复议', keyword: '复议', row: 'review' },
  { label: '行政诉讼', keyword: '诉讼', row: 'litigationDirect' },
];

function clauses(p: TextParagraph): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  const text = p.text;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[，。；,;！？\n]/.test(text[i] ?? '')) {
      if (i > start) out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

/** Does the clause say there was no case of `keyword`? */
function deniesCases(clause: string, keyword: string): boolean {
  const at = clause.indexOf(keyword);
  if (at < 0 || OUTCOME.test(clause)) return false;
  const neg = clause.search(NEGATION);
  if (neg >= 0 && neg < at) return true;
  return new RegExp(`${keyword}[^。；，]{0,12}(?:均)?为(?:0|零)(?!\\d)`).test(clause);
}

export const consistencyNoReviewLitigationClaim: ReportRule = {
  meta: {
    id: 'consistency/no-review-litigation-claim',
    severity: 'error',
    title: '“无复议诉讼”与表格不符',
    description:
      '正文称未发生政府信息公开行政复议或行政诉讼，但表四相应总计不为零；或正文称有复议、诉讼案件而表四为零时报告。',
    values: { expected: '表格', actual: '正文', unit: '件' },
  },
  scope: 'report',
  check({ report }) {
    const table = report.tables.reviewLitigation;
    if (report.template !== '2021' || !table) return [];
    const totals: Record<Subject['row'], number | null> = {
      review: numericValue(table.review.total),
      litigationDirect:
        numericValue(table.litigationDirect.total) === null ||
        numericValue(table.litigationAfterReview.total) === null
          ? null
          : (numericValue(table.litigationDirect.total) ?? 0) +
            (numericValue(table.litigationAfterReview.total) ?? 0),
    };
    const paragraphs = joinWrapped(reportParagraphs(report).filter((p) => p.section !== undefined));
    const out: Draft[] = [];
    for (const subject of SUBJECTS) {
      const total = totals[subject.row];
      if (total === null) continue;
      const where = (p: TextParagraph) => (p.section ? sectionPlace(report, p.section) : '正文');
      if (total > 0) {
        let done = false;
        for (const p of paragraphs) {
          if (done) break;
          for (const c of clauses(p)) {
            if (!deniesCases(c.text, subject.keyword)) continue;
            const lead = c.text.length - c.text.trimStart().length;
            out.push(
              quoteDraft(p, c.start + lead, c.end, {
                table: 'reviewLitigation',
                row: subject.row,
                column: 'total',
                expected: total,
                actual: 0,
                message: `${where(p)}称「${c.text.trim()}」，但表四${subject.label}总计为 ${total} 件，正文与表格不符。`,
              }),
            );
            done = true;
            break;
          }
        }
      } else {
        const re = new RegExp(
          `${subject.keyword}(?!后起诉)[^。；，,;\\d]{0,8}?(\\d+)\\s*(?:件|起|次|宗|例)`,
        );
        const claim = readClaims(paragraphs, re, new RegExp(`${COMPARISON.source}|率`)).find(
          (c) => c.value > 0,
        );
        if (!claim) continue;
        // "复议维持 3 件" etc. are still cases: any positive count contradicts an all-zero group.
        out.push(
          quoteDraft(claim.paragraph, claim.hit.start, claim.hit.end, {
            table: 'reviewLitigation',
            row: subject.row,
            column: 'total',
            expected: 0,
            actual: claim.value,
            message: `${where(claim.paragraph)}称「${claim.hit.text}」，但表四${subject.label}总计为 0，正文与表格不符。`,
          }),
        );
      }
    }
    return out;
  },
};
