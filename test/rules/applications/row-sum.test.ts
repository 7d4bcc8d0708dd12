import { applicationsRowSum } from '../../../src/core/rules/applications/row-sum';
import { blankCell, missingCell, textCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { buildReport, setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const blank = buildBalancedReport();
setApplication(blank, 'newReceived', 'research', blankCell('—'));
const skipped = buildBalancedReport();
setApplication(skipped, 'newReceived', 'commercial', missingCell());
setApplication(skipped, 'granted', 'total', textCell('七'));
const outdated = buildBalancedReport();
outdated.template = '2019';
setApplication(outdated, 'newReceived', 'total', 99);

const short = buildBalancedReport();
setApplication(short, 'newReceived', 'total', 11);
const subRow = buildReport();
setApplication(subRow, 'denied.stateSecret', 'naturalPerson', 2);
setApplication(subRow, 'carriedForward', 'otherOrg', 1);

ruleTester.run(applicationsRowSum, {
  valid: [
    { name: 'balanced table', report: buildBalancedReport() },
    { name: 'blank cells count as 0', report: blank },
    { name: 'a row with a missing or text cell is skipped', report: skipped },
    { name: 'outdated template: table not checked', report: outdated },
  ],
  invalid: [
    {
      name: '总计 of 一 is one short',
      report: short,
      findings: [
        {
          ruleId: 'applications/row-sum',
          severity: 'error',
          section: 'applications',
          table: 'applications',
          row: 'newReceived',
          column: 'total',
          expected: 12,
          actual: 11,
          pos: must(short.tables.applications).newReceived.total.pos,
          messageIncludes: ['六类申请人之和', '「总计」列填报 11'],
        },
      ],
    },
    {
      name: 'a part changed in a sub-row, one finding per row',
      report: subRow,
      findings: [
        {
          row: 'denied.stateSecret',
          column: 'total',
          expected: 2,
          actual: 0,
          messageIncludes: '＝2',
        },
        { row: 'carriedForward', column: 'total', expected: 1, actual: 0, messageIncludes: '＝1' },
      ],
    },
  ],
});
