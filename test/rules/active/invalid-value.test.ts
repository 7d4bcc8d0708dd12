import { activeInvalidValue } from '../../../src/core/rules/active/invalid-value';
import { blankCell, numberCell, textCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { buildBalancedReport, setDecision, setDocument } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const fee = buildBalancedReport();
setDecision(fee, 'administrativeFees', numberCell(290.066));
const markers = buildBalancedReport();
setDocument(markers, 'regulations', 'issued', blankCell('—'));
setDecision(markers, 'coercion', blankCell('无'));

const bad = buildBalancedReport();
setDocument(bad, 'normativeDocuments', 'effective', numberCell(2.5));
setDecision(bad, 'administrativeFees', -3);
setDecision(bad, 'licensing', textCell('若干'));

ruleTester.run(activeInvalidValue, {
  valid: [
    { name: 'whole counts, decimal fee amount', report: fee },
    { name: 'blank markers', report: markers },
  ],
  invalid: [
    {
      name: 'fractional count, negative amount, text',
      report: bad,
      findings: [
        {
          ruleId: 'active/invalid-value',
          row: 'normativeDocuments',
          column: 'effective',
          actual: 2.5,
          pos: must(bad.tables.activeDisclosure).normativeDocuments.effective.pos,
          messageIncludes: '件数应为整数',
        },
        {
          ruleId: 'active/invalid-value',
          row: 'licensing',
          column: 'decisions',
          quote: '若干',
          messageIncludes: '填写“若干”，不是数字',
        },
        {
          ruleId: 'active/invalid-value',
          row: 'administrativeFees',
          column: 'amount',
          actual: -3,
          messageIncludes: '不能为负数',
        },
      ],
    },
  ],
});
