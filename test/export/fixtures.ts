/** A small, varied workspace for the export tests: several agencies and years, blanks, a missing table. */
import { blankCell, numberCell, textCell } from '../../src/core/model/factory';
import type { Finding, ReportModel } from '../../src/core/model/types';
import type { WorkbookInput } from '../../src/core/export/types';
import { buildReport, setApplicationRow, setReview } from '../support/builders';

export const finding = (
  ruleId: string,
  severity: Finding['severity'],
  extra: Partial<Finding> = {},
): Finding => ({
  ruleId,
  severity,
  message: `${ruleId} 的说明`,
  ...extra,
});

export interface Workspace {
  input: WorkbookInput;
  /** 临淄 2023: the richest report. */
  lin2023: ReportModel;
  lin2022: ReportModel;
  /** 博山: sorts before 临淄 (bó < lín). */
  bo2023: ReportModel;
  /** No agency recognised, table 三 absent. */
  unknown: ReportModel;
}

export function workspace(): Workspace {
  const lin2023 = buildReport({ agency: '临淄区工业和信息化局', year: 2023, id: 'lin2023' });
  setApplicationRow(lin2023, 'newReceived', [167, 2, 0, 0, 0, 0]);
  lin2023.tables.activeDisclosure!.licensing = numberCell(59807);
  lin2023.tables.activeDisclosure!.administrativeFees = numberCell(290.066);
  // A blank marker and non-numeric text must both stay blank in 数据, never 0.
  lin2023.tables.activeDisclosure!.punishment = blankCell('—');
  lin2023.tables.activeDisclosure!.coercion = textCell('二十');
  setReview(lin2023, 'review', 'total', 4);

  const lin2022 = buildReport({ agency: '临淄区工业和信息化局', year: 2022, id: 'lin2022' });
  setApplicationRow(lin2022, 'newReceived', [10, 1, 0, 0, 0, 0]);
  lin2022.tables.activeDisclosure!.administrativeFees = numberCell(1.5);

  const bo2023 = buildReport({ agency: '博山区教育局', year: 2023, id: 'bo2023' });
  setApplicationRow(bo2023, 'newReceived', [3, 0, 0, 0, 0, 0]);

  const unknown = buildReport({ id: 'unknown' });
  unknown.agency = null;
  unknown.file = '未命名报告.txt';
  unknown.tables.applications = null;

  const input: WorkbookInput = {
    // Deliberately out of order: the export sorts.
    reports: [
      {
        model: lin2023,
        findings: [
          finding('table/blank-cell', 'info', { table: 'activeDisclosure', row: 'punishment' }),
          finding('applications/balance', 'error', {
            table: 'applications',
            section: 'applications',
            row: 'totalProcessed',
            column: 'naturalPerson',
            expected: 175,
            actual: 174,
          }),
          finding('text/stale-year', 'warning', { section: 'overview', quote: '严格落实保密审查' }),
          finding('engine/rule-failed', 'warning'),
        ],
      },
      {
        model: unknown,
        findings: [
          finding('structure/missing-table', 'error', {
            section: 'applications',
            table: 'applications',
          }),
        ],
      },
      { model: bo2023, findings: [] },
      {
        model: lin2022,
        findings: [
          finding('problems/too-short', 'warning', { section: 'problems' }),
          finding('x/info', 'info'),
        ],
      },
    ],
  };
  return { input, lin2023, lin2022, bo2023, unknown };
}
