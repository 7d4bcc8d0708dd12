import { consistencyNoReviewLitigationClaim } from '../../../src/core/rules/consistency/no-review-litigation-claim';
import { buildReport, setReview, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { ruleTester } from '../../support/rule-tester';

const NONE = '2023年未收到政府信息公开申请，未产生行政复议和行政诉讼，与2022年度情况一致。';

const allZero = buildReport();
setSectionText(allZero, 'overview', [NONE]);

const outcomes = buildReport();
setReview(outcomes, 'review', 'corrected', 2);
setReview(outcomes, 'review', 'total', 2);
setReview(outcomes, 'litigationDirect', 'upheld', 3);
setReview(outcomes, 'litigationDirect', 'total', 3);
setSectionText(outcomes, 'reviewLitigation', [
  '未经复议直接起诉',
  '全年未出现行政诉讼败诉案件，因依申请导致的行政诉讼率降低50%以上。',
]);

const nonZero = buildReport();
setReview(nonZero, 'review', 'pending', 4);
setReview(nonZero, 'review', 'total', 4);
setReview(nonZero, 'litigationAfterReview', 'upheld', 1);
setReview(nonZero, 'litigationAfterReview', 'total', 1);
setSectionText(nonZero, 'overview', [NONE]);

const reverse = buildReport();
setSectionText(reverse, 'reviewLitigation', ['本年度被申请行政复议2件，均已审结。']);

const error = { ruleId: 'consistency/no-review-litigation-claim', severity: 'error' as const };
ruleTester.run(consistencyNoReviewLitigationClaim, {
  valid: [
    { name: '"no 复议/诉讼" matches an all-zero table 四', report: allZero },
    {
      name: 'outcome statements, rates and table-四 labels when cases exist',
      report: outcomes,
    },
  ],
  invalid: [
    {
      name: '"未产生行政复议和行政诉讼" against non-zero totals, per kind',
      report: nonZero,
      findings: [
        {
          ...error,
          row: 'review',
          expected: 4,
          actual: 0,
          pos: {
            block: sectionParagraph(nonZero, 'overview').pos.block,
            start: NONE.indexOf('未产生'),
            end: NONE.indexOf('，与'),
          },
          messageIncludes: ['称「未产生行政复议和行政诉讼」', '总计为 4 件'],
        },
        {
          ...error,
          row: 'litigationDirect',
          expected: 1,
          actual: 0,
          messageIncludes: '总计为 1 件',
        },
      ],
    },
    {
      name: 'the reverse: cases in the text, zero in table 四',
      report: reverse,
      findings: [
        {
          row: 'review',
          expected: 0,
          actual: 2,
          section: 'reviewLitigation',
          messageIncludes: ['称「复议2件」', '表四行政复议总计为 0'],
        },
      ],
    },
  ],
});
