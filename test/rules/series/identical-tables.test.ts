import { seriesIdenticalTables } from '../../../src/core/rules/series/identical-tables';
import { blankCell, numberCell, textCell } from '../../../src/core/model/factory';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport, setApplication } from '../../support/builders';
import { buildBalancedReport, buildNextYear, setDecision } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

/** Two years with the same tables, after `change`. */
function copiedPair(
  change?: (y22: ReportModel, y23: ReportModel) => void,
): [ReportModel, ReportModel] {
  const y22 = buildBalancedReport({ year: 2022 });
  const y23 = buildBalancedReport({ year: 2023 });
  change?.(y22, y23);
  return [y22, y23];
}
const chained = buildBalancedReport({ year: 2022 });
const copied = copiedPair();

ruleTester.run(seriesIdenticalTables, {
  valid: [
    { name: 'chained years with new values', reports: [chained, buildNextYear(chained)] },
    {
      name: 'all-zero tables both years',
      reports: [buildReport({ year: 2022 }), buildReport({ year: 2023 })],
    },
    {
      name: 'one value differs',
      reports: copiedPair((_, y23) => setApplication(y23, 'granted', 'naturalPerson', 7)),
    },
    {
      name: 'fee amount differs by more than 0.0001 万元',
      reports: copiedPair((_, y23) => setDecision(y23, 'administrativeFees', numberCell(1.501))),
    },
    {
      name: 'a text cell: not provably identical',
      reports: copiedPair((y22, y23) => {
        setDecision(y22, 'coercion', textCell('无此项'));
        setDecision(y23, 'coercion', textCell('无此项'));
      }),
    },
    {
      name: 'last year in the 2019 template',
      reports: copiedPair((y22) => {
        y22.template = '2019';
      }),
    },
    { name: 'nothing on last year’s report', reports: copied, of: copied[0].id },
  ],
  invalid: [
    {
      name: 'every value equal to last year, some non-zero',
      reports: copied,
      findings: [
        {
          ruleId: 'series/identical-tables',
          severity: 'warning',
          relatedReport: copied[0].id,
          pos: copied[1].tablePos.activeDisclosure,
          messageIncludes: ['表二、表三、表四的全部数值', '与2022年度报告完全相同'],
        },
      ],
    },
    {
      name: 'blank equals 0, amounts within tolerance',
      reports: copiedPair((y22, y23) => {
        setDecision(y22, 'coercion', blankCell('—'));
        setDecision(y23, 'administrativeFees', numberCell(1.50004));
      }),
      findings: [{ ruleId: 'series/identical-tables', messageIncludes: '完全相同' }],
    },
  ],
});
