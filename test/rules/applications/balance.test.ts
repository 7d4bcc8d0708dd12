import { applicationsBalance } from '../../../src/core/rules/applications/balance';
import { blankCell, textCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { buildReport, setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const blankForward = buildReport();
setApplication(blankForward, 'newReceived', 'total', 4);
setApplication(blankForward, 'totalProcessed', 'total', 4);
setApplication(blankForward, 'carriedForward', 'total', blankCell('/'));
const textForward = buildBalancedReport();
setApplication(textForward, 'carriedForward', 'total', textCell('三'));

const total = buildReport();
setApplication(total, 'newReceived', 'total', 169);
setApplication(total, 'carriedOver', 'total', 6);
setApplication(total, 'totalProcessed', 'total', 170);
setApplication(total, 'carriedForward', 'total', 4);
const twoColumns = buildBalancedReport();
setApplication(twoColumns, 'carriedForward', 'naturalPerson', 3);
setApplication(twoColumns, 'carriedForward', 'total', 4);

ruleTester.run(applicationsBalance, {
  valid: [
    { name: 'balanced table', report: buildBalancedReport() },
    { name: 'all-zero table', report: buildReport() },
    { name: 'blank 结转 counts as 0', report: blankForward },
    { name: 'text cell: column skipped', report: textForward },
  ],
  invalid: [
    {
      name: '总计 column: 一 + 二 = 175, （七）总计 + 四 = 174',
      report: total,
      findings: [
        {
          ruleId: 'applications/balance',
          severity: 'error',
          table: 'applications',
          row: 'newReceived',
          column: 'total',
          expected: 175,
          actual: 174,
          pos: must(total.tables.applications).newReceived.total.pos,
          messageIncludes: ['表三「总计」列', '第一项＋第二项＝169＋6＝175'],
        },
      ],
    },
    {
      name: 'one finding per unbalanced column',
      report: twoColumns,
      findings: [
        { column: 'naturalPerson', expected: 11, actual: 12, messageIncludes: '「自然人」列' },
        { column: 'total', expected: 13, actual: 14, messageIncludes: '「总计」列' },
      ],
    },
  ],
});
