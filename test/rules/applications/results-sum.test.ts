import { applicationsResultsSum } from '../../../src/core/rules/applications/results-sum';
import { blankCell, missingCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const blankRow = buildBalancedReport();
setApplication(blankRow, 'notProcessed.duplicate', 'naturalPerson', blankCell());
const missingResult = buildBalancedReport();
setApplication(missingResult, 'otherHandling.other', 'naturalPerson', missingCell());
setApplication(missingResult, 'totalProcessed', 'naturalPerson', 50);

const lastRow = buildBalancedReport();
setApplication(lastRow, 'otherHandling.other', 'naturalPerson', 3);
const twoColumns = buildBalancedReport();
setApplication(twoColumns, 'totalProcessed', 'commercial', 2);
setApplication(twoColumns, 'totalProcessed', 'total', 11);

ruleTester.run(applicationsResultsSum, {
  valid: [
    { name: 'balanced table', report: buildBalancedReport() },
    { name: 'blank result rows count as 0', report: blankRow },
    { name: 'a column with a missing result cell is skipped', report: missingResult },
  ],
  invalid: [
    {
      name: '（七）总计 of 自然人 misses the last result row',
      report: lastRow,
      findings: [
        {
          ruleId: 'applications/results-sum',
          severity: 'error',
          table: 'applications',
          row: 'totalProcessed',
          column: 'naturalPerson',
          expected: 12,
          actual: 9,
          pos: must(lastRow.tables.applications).totalProcessed.naturalPerson.pos,
          messageIncludes: ['「自然人」列', '各办理结果之和＝12', '「（七）总计」填报 9'],
        },
      ],
    },
    {
      name: 'each column is checked on its own',
      report: twoColumns,
      findings: [
        { column: 'commercial', expected: 1, actual: 2, messageIncludes: '「商业企业」列' },
        { column: 'total', expected: 10, actual: 11, messageIncludes: '「总计」列' },
      ],
    },
  ],
});
