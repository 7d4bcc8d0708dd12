import { seriesEffectiveUnchanged } from '../../../src/core/rules/series/effective-unchanged';
import { must } from '../../../src/core/model/checked';
import type { ReportModel } from '../../../src/core/model/types';
import { buildBalancedReport, buildNextYear, setDocumentRow } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

/** Last year's report and this year's, with this year's 行政规范性文件 row set to issued, repealed, effective. */
function pair(issued: number, repealed: number, effective: number): [ReportModel, ReportModel] {
  const y22 = buildBalancedReport({ year: 2022 });
  const y23 = buildNextYear(y22);
  setDocumentRow(y23, 'normativeDocuments', issued, repealed, effective);
  return [y22, y23];
}
const chained = buildBalancedReport({ year: 2022 });
const old = pair(2, 1, 20);
old[0].template = '2019';
const stays = pair(2, 1, 20);

const gov22 = buildBalancedReport({ year: 2022, agency: '淄博市人民政府' });
setDocumentRow(gov22, 'regulations', 1, 0, 5);
const gov23 = buildNextYear(gov22);
setDocumentRow(gov23, 'regulations', 0, 1, 5);

ruleTester.run(seriesEffectiveUnchanged, {
  valid: [
    { name: 'chained years', reports: [chained, buildNextYear(chained)] },
    { name: 'unchanged with issued = repealed is correct', reports: pair(2, 2, 20) },
    { name: 'changed but wrongly: that is series/effective-chain', reports: pair(2, 1, 25) },
    { name: '2019 template last year: quiet', reports: old },
  ],
  invalid: [
    {
      name: '行政规范性文件 stays 20 though 2 issued and 1 repealed',
      reports: stays,
      findings: [
        {
          ruleId: 'series/effective-unchanged',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'effective',
          expected: 21,
          actual: 20,
          relatedReport: stays[0].id,
          pos: must(stays[1].tables.activeDisclosure).normativeDocuments.effective.pos,
          messageIncludes: ['表二「行政规范性文件」', '本年制发 2 件'],
        },
      ],
    },
    {
      name: '规章 row on its own',
      reports: [gov22, gov23],
      findings: [{ row: 'regulations', expected: 4, actual: 5, messageIncludes: '表二「规章」' }],
    },
  ],
});
