import { reviewInvalidValue } from '../../../src/core/rules/review/invalid-value';
import { blankCell, numberCell, textCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { setReview } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const markers = buildBalancedReport();
setReview(markers, 'litigationAfterReview', 'total', blankCell('/'));
const bad = buildBalancedReport();
setReview(bad, 'review', 'upheld', -1);
setReview(bad, 'litigationDirect', 'other', numberCell(0.5));
setReview(bad, 'litigationAfterReview', 'pending', textCell('未结'));

const base = { ruleId: 'review/invalid-value', table: 'reviewLitigation' as const };
ruleTester.run(reviewInvalidValue, {
  valid: [{ name: 'whole numbers and blank markers', report: markers }],
  invalid: [
    {
      name: 'negative, fractional and text cells',
      report: bad,
      findings: [
        {
          ...base,
          row: 'review',
          column: 'upheld',
          actual: -1,
          pos: must(bad.tables.reviewLitigation).review.upheld.pos,
          messageIncludes: '不能为负数',
        },
        {
          ...base,
          row: 'litigationDirect',
          column: 'other',
          actual: 0.5,
          messageIncludes: '件数应为整数',
        },
        {
          ...base,
          row: 'litigationAfterReview',
          column: 'pending',
          quote: '未结',
          messageIncludes: '填写“未结”，不是数字',
        },
      ],
    },
  ],
});
