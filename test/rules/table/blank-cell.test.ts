import { tableBlankCell } from '../../../src/core/rules/table/blank-cell';
import { blankCell, missingCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { setApplication, setReview } from '../../support/builders';
import { buildBalancedReport, setDecision } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const missing = buildBalancedReport();
setApplication(missing, 'granted', 'research', missingCell());
const outdated = buildBalancedReport();
outdated.template = 'pre-2019';
setDecision(outdated, 'coercion', blankCell());

const blanks = buildBalancedReport();
setApplication(blanks, 'granted', 'research', blankCell('—'));
setApplication(blanks, 'carriedForward', 'otherOrg', blankCell());
setApplication(blanks, 'newReceived', 'legalService', blankCell('/'));
setReview(blanks, 'review', 'other', blankCell('无'));

const info = { ruleId: 'table/blank-cell', severity: 'info' as const };
ruleTester.run(tableBlankCell, {
  valid: [
    { name: 'every cell filled', report: buildBalancedReport() },
    { name: 'missing cells are not blank cells', report: missing },
    { name: 'outdated template: not checked', report: outdated },
  ],
  invalid: [
    {
      name: 'one info finding per table, on the first blank cell, listing all',
      report: blanks,
      findings: [
        {
          ...info,
          table: 'applications',
          pos: must(blanks.tables.applications).newReceived.legalService.pos,
          messageIncludes: ['表三有 3 个单元格为空白或空白标记', '已按 0 计算'],
        },
        {
          ...info,
          table: 'reviewLitigation',
          pos: must(blanks.tables.reviewLitigation).review.other.pos,
          messageIncludes: '表四有 1 个单元格',
        },
      ],
    },
  ],
});
