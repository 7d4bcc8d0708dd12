import { seriesEffectiveChain } from '../../../src/core/rules/series/effective-chain';
import { blankCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import type { ReportModel } from '../../../src/core/model/types';
import {
  buildBalancedReport,
  buildNextYear,
  setDocument,
  setDocumentRow,
} from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

/** Last year's report and this year's, with this year's 行政规范性文件 row set to issued, repealed, effective. */
function pair(issued: number, repealed: number, effective: number): [ReportModel, ReportModel] {
  const y22 = buildBalancedReport({ year: 2022 });
  const y23 = buildNextYear(y22);
  setDocumentRow(y23, 'normativeDocuments', issued, repealed, effective);
  return [y22, y23];
}
const template = (which: 'previous' | 'current', t: '2019' | 'unknown') => {
  const reports = pair(2, 1, 30);
  reports[which === 'previous' ? 0 : 1].template = t;
  return reports;
};
const blank = pair(0, 0, 20);
setDocument(blank[1], 'normativeDocuments', 'issued', blankCell('—'));
const wrong = pair(2, 1, 25);
const chained = buildBalancedReport({ year: 2022 });

ruleTester.run(seriesEffectiveChain, {
  valid: [
    { name: 'chained years', reports: [chained, buildNextYear(chained)] },
    ...(['2019', 'unknown'] as const).flatMap((t) => [
      { name: `last year in the ${t} template: quiet`, reports: template('previous', t) },
      { name: `this year in the ${t} template: quiet`, reports: template('current', t) },
    ]),
    { name: 'already reported as series/effective-unchanged', reports: pair(2, 1, 20) },
    { name: 'blank cells count as 0', reports: blank },
  ],
  invalid: [
    {
      name: '20 + 2 − 1 = 21, reported 25',
      reports: wrong,
      findings: [
        {
          ruleId: 'series/effective-chain',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'effective',
          expected: 21,
          actual: 25,
          relatedReport: wrong[0].id,
          pos: must(wrong[1].tables.activeDisclosure).normativeDocuments.effective.pos,
          messageIncludes: '行政规范性文件',
        },
      ],
    },
    {
      name: 'unchanged with issued = repealed, but last year differs',
      reports: pair(1, 1, 19),
      findings: [{ row: 'normativeDocuments', expected: 20, actual: 19, messageIncludes: '19' }],
    },
  ],
});
