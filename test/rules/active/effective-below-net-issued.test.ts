import { activeEffectiveBelowNetIssued } from '../../../src/core/rules/active/effective-below-net-issued';
import { blankCell, missingCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import type { ReportModel } from '../../../src/core/model/types';
import { buildBalancedReport, setDocument, setDocumentRow } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const rows = (...rows: [number, number, number][]): ReportModel => {
  const r = buildBalancedReport();
  for (const [issued, repealed, effective] of rows)
    setDocumentRow(r, 'normativeDocuments', issued, repealed, effective);
  return r;
};
const missingEffective = rows([5, 0, 0]);
setDocument(missingEffective, 'normativeDocuments', 'effective', missingCell());

const issued5 = rows([5, 1, 3]);
const blankEffective = buildBalancedReport({ agency: '淄博市人民政府' });
setDocumentRow(blankEffective, 'regulations', 2, 0, 0);
setDocument(blankEffective, 'regulations', 'effective', blankCell());

ruleTester.run(activeEffectiveBelowNetIssued, {
  valid: [
    { name: 'stock covers the net issued', report: buildBalancedReport() },
    { name: 'effective equal to issued − repealed (no stock last year)', report: rows([5, 1, 4]) },
    { name: 'more repealed than issued', report: rows([0, 4, 16]) },
    { name: 'missing 现行有效: skipped', report: missingEffective },
  ],
  invalid: [
    {
      name: 'issued 5, repealed 1, effective 3',
      report: issued5,
      findings: [
        {
          ruleId: 'active/effective-below-net-issued',
          severity: 'error',
          section: 'activeDisclosure',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'effective',
          expected: 4,
          actual: 3,
          pos: must(issued5.tables.activeDisclosure).normativeDocuments.effective.pos,
          messageIncludes: ['本年制发 5 件、本年废止 1 件', '至少应为 4'],
        },
      ],
    },
    {
      name: 'blank 现行有效 counts as 0',
      report: blankEffective,
      findings: [{ row: 'regulations', expected: 2, actual: 0, messageIncludes: '表二「规章」' }],
    },
  ],
});
