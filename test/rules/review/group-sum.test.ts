import { reviewGroupSum } from '../../../src/core/rules/review/group-sum';
import { blankCell, textCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { buildReport, setReview } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const earlier = buildReport();
setReview(earlier, 'litigationAfterReview', 'pending', 4);
setReview(earlier, 'litigationAfterReview', 'total', 4);
const blankParts = buildBalancedReport();
setReview(blankParts, 'review', 'other', blankCell('-'));
setReview(blankParts, 'litigationDirect', 'total', textCell('二'));

const review4 = buildBalancedReport();
setReview(review4, 'review', 'total', 4);
const groups = buildReport();
setReview(groups, 'litigationDirect', 'corrected', 1);
setReview(groups, 'litigationAfterReview', 'total', 2);

ruleTester.run(reviewGroupSum, {
  valid: [
    { name: 'balanced groups', report: buildBalancedReport() },
    { name: '复议后起诉 may exceed 复议 (cases from earlier years)', report: earlier },
    { name: 'blank parts count as 0; a text total skips the group', report: blankParts },
  ],
  invalid: [
    {
      name: '复议 total 4 while parts sum to 3',
      report: review4,
      findings: [
        {
          ruleId: 'review/group-sum',
          severity: 'error',
          section: 'reviewLitigation',
          table: 'reviewLitigation',
          row: 'review',
          column: 'total',
          expected: 3,
          actual: 4,
          pos: must(review4.tables.reviewLitigation).review.total.pos,
          messageIncludes: ['表四「行政复议」', '结果维持＋结果纠正＋其他结果＋尚未审结'],
        },
      ],
    },
    {
      name: 'each group on its own',
      report: groups,
      findings: [
        { row: 'litigationDirect', expected: 1, actual: 0, messageIncludes: '未经复议直接起诉' },
        { row: 'litigationAfterReview', expected: 0, actual: 2, messageIncludes: '复议后起诉' },
      ],
    },
  ],
});
