import { describe, expect, it } from 'vitest';
import { consistencyNoReviewLitigationClaim } from '../../../src/core/rules/consistency/no-review-litigation-claim';
import { buildReport, setReview, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('consistency/no-review-litigation-claim', () => {
  it('is quiet when "no 复议/诉讼" matches an all-zero table 四', () => {
    const r = buildReport();
    setSectionText(r, 'overview', [
      '2023年未收到政府信息公开申请，未产生行政复议和行政诉讼，与2022年度情况一致。',
    ]);
    expect(check(consistencyNoReviewLitigationClaim, r)).toEqual([]);
  });

  it('is quiet on outcome statements, rates and table-四 labels when cases exist', () => {
    const r = buildReport();
    setReview(r, 'review', 'corrected', 2);
    setReview(r, 'review', 'total', 2);
    setReview(r, 'litigationDirect', 'upheld', 3);
    setReview(r, 'litigationDirect', 'total', 3);
    setSectionText(r, 'reviewLitigation', [
      '未经复议直接起诉',
      '全年未出现行政诉讼败诉案件，因依申请导致的行政诉讼率降低50%以上。',
    ]);
    expect(check(consistencyNoReviewLitigationClaim, r)).toEqual([]);
  });

  it('reports "未产生行政复议和行政诉讼" against non-zero totals, per kind', () => {
    const r = buildReport();
    setReview(r, 'review', 'pending', 4);
    setReview(r, 'review', 'total', 4);
    setReview(r, 'litigationAfterReview', 'upheld', 1);
    setReview(r, 'litigationAfterReview', 'total', 1);
    const text = '2023年未收到政府信息公开申请，未产生行政复议和行政诉讼，与2022年度情况一致。';
    setSectionText(r, 'overview', [text]);
    const found = check(consistencyNoReviewLitigationClaim, r);
    expect(found.map((f) => [f.ruleId, f.severity, f.row, f.expected, f.actual])).toEqual([
      ['consistency/no-review-litigation-claim', 'error', 'review', 4, 0],
      ['consistency/no-review-litigation-claim', 'error', 'litigationDirect', 1, 0],
    ]);
    const start = text.indexOf('未产生');
    expect(found[0]!.pos).toMatchObject({
      block: r.sections[0]!.paragraphs[0]!.pos.block,
      start,
      end: text.indexOf('，与'),
    });
  });

  it('reports the reverse: cases in the text, zero in table 四', () => {
    const r = buildReport();
    setSectionText(r, 'reviewLitigation', ['本年度被申请行政复议2件，均已审结。']);
    const found = check(consistencyNoReviewLitigationClaim, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      row: 'review',
      expected: 0,
      actual: 2,
      section: 'reviewLitigation',
    });
  });
});
