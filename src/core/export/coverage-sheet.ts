/**
 * The workbook's 报送情况 sheet (cli-contract.md: after the four contract sheets, when the audit
 * has a workspace view): one row per unit, per year its standing and the file the audit used.
 */
import type ExcelJS from 'exceljs';
import { SUBMISSION_STATUS_LABELS, UNIT_KIND_LABELS } from '../model/glossary';
import type { SubmissionStatus } from '../model/glossary';
import type { ReportModel, WorkspaceView } from '../model/types';
import { coverageRows } from '../workspace/submissions';
import {
  DRAIN_EVERY,
  addRow,
  addSheet,
  finishSheet,
  solidFill,
  type CellStyle,
  type Pause,
} from './sheet';

export const COVERAGE_SHEET = '报送情况';

/** The statuses that stand out, in shared styles (see sheet.ts). */
const STATUS_FILL: Partial<Record<SubmissionStatus, CellStyle>> = {
  late: Object.freeze({ fill: solidFill('FFFFEB9C') }),
  missing: Object.freeze({ fill: solidFill('FFFFC7CE') }),
  notOnRoster: Object.freeze({ fill: solidFill('FFDDEBF7') }),
};

export async function addCoverage(
  wb: ExcelJS.Workbook,
  view: WorkspaceView,
  models: ReadonlyMap<string, ReportModel>,
  late: ReadonlySet<string>,
  pause: Pause,
): Promise<void> {
  const years = view.coverage.map((c) => c.year);
  const sheet = addSheet(
    wb,
    COVERAGE_SHEET,
    [
      { header: '单位', width: 30, wrap: true },
      { header: '类别', width: 10, center: true },
      { header: '上级单位', width: 18, wrap: true },
      ...years.flatMap((y) => [
        { header: `${y} 年度`, width: 9, center: true },
        { header: `${y} 年度采用的文件`, width: 36, wrap: true },
      ]),
    ],
    { fitWidth: true, freezeColumns: 1 },
  );
  const fileName = (id: string) => (models.get(id)?.file ?? '').split(/[\\/]/).pop() ?? '';
  for (const u of coverageRows(view, late)) {
    addRow(
      sheet,
      [
        u.name,
        u.kind ? UNIT_KIND_LABELS[u.kind] : '',
        u.parent,
        ...u.cells.flatMap((c) => [
          c.status ? SUBMISSION_STATUS_LABELS[c.status] : '—',
          c.submission ? fileName(c.submission.current) : null,
        ]),
      ],
      Object.fromEntries(
        u.cells.flatMap((c, i) => {
          const fill = c.status ? STATUS_FILL[c.status] : undefined;
          return fill ? [[4 + i * 2, fill]] : [];
        }),
      ),
    );
    if (sheet.rows % DRAIN_EVERY === 0) await pause();
  }
  const lastUnitRow = sheet.rows;
  addRow(sheet, []);
  for (const c of view.coverage) {
    addRow(sheet, [
      `${c.year} 年度：应报 ${c.expected}，已报 ${c.submitted}（按时 ${c.onTime}，逾期 ${c.late}），未报 ${c.missing.length}，名单外 ${c.notOnRoster.length}`,
    ]);
  }
  addRow(sheet, [
    view.roster.inferred
      ? '说明：未提供单位名单，单位由报告推断（推断）：某单位自其最早一份报告的年度起应逐年报送。“逾期”指文中发布或落款日期晚于规定期限。'
      : `说明：应报单位取自名单${view.roster.source ? `「${view.roster.source.split(/[\\/]/).pop() ?? ''}」` : ''}。“逾期”指文中发布或落款日期晚于规定期限。`,
  ]);
  finishSheet(sheet, lastUnitRow, 3 + years.length * 2);
}
