/**
 * The workbook's 问题清单 sheet (cli-contract.md): one row per finding, one report's rows together
 * (by severity, then as found), with the review decision, the version and the 整改 columns.
 */
import type ExcelJS from 'exceljs';
import { SEVERITY_LABELS, SEVERITY_RANK, VERSION_DIFF_LABELS } from '../model/glossary';
import { findingFingerprint } from '../model/fingerprint';
import type { Finding, ReportModel, Severity } from '../model/types';
import { ruleById } from '../rules/registry';
import { compareVersions } from '../workspace/versions';
import { versionLabel } from './data-sheet';
import { describeLocation } from './location';
import {
  DRAIN_EVERY,
  SEVERITY_STYLE,
  SHEET_NAMES,
  addRow,
  addSheet,
  cellText,
  finishSheet,
  severityFills,
  type CellStyle,
  type Pause,
} from './sheet';
import { REVIEW_STATUS_LABELS, type ReviewDecision, type WorkbookInput } from './types';
import { shownValues } from './values';

export const FINDING_HEADERS = [
  '单位',
  '年度',
  '文件',
  '规则编号',
  '规则名称',
  '严重程度',
  '说明',
  '位置',
  '期望值',
  '实际值',
  '原文',
  '审查状态',
  '备注',
  '版本',
  '整改情况',
] as const;

type Entry = WorkbookInput['reports'][number];

/** 严重程度 in the severity's colours (a shared style: see sheet.ts). */
const SEVERITY_CELL: Record<Severity, CellStyle> = {
  error: severityCell('error'),
  warning: severityCell('warning'),
  info: severityCell('info'),
};

function severityCell(s: Severity): CellStyle {
  return Object.freeze({
    fill: severityFills[s],
    font: { color: { argb: SEVERITY_STYLE[s].font }, bold: s === 'error' },
  });
}

export function decisionOf(
  decisions: WorkbookInput['decisions'],
  model: ReportModel,
  f: Finding,
): ReviewDecision | undefined {
  return decisions?.get(findingFingerprint(model, f));
}

export async function addFindings(
  wb: ExcelJS.Workbook,
  entries: readonly Entry[],
  input: WorkbookInput,
  titles: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
  pause: Pause,
): Promise<void> {
  const sheet = addSheet(
    wb,
    SHEET_NAMES[1],
    [
      { header: '单位', width: 22, wrap: true },
      { header: '年度', width: 7, center: true },
      { header: '文件', width: 24, wrap: true },
      { header: '规则编号', width: 22, wrap: true },
      { header: '规则名称', width: 20, wrap: true },
      { header: '严重程度', width: 9, center: true },
      { header: '说明', width: 56, wrap: true },
      { header: '位置', width: 28, wrap: true },
      // Wide enough for 「按上年推算 12 件」; plain numbers of table checks stay numbers.
      { header: '期望值', width: 12, wrap: true },
      { header: '实际值', width: 12, wrap: true },
      { header: '原文', width: 36, wrap: true },
      { header: '审查状态', width: 10, center: true },
      { header: '备注', width: 24, wrap: true },
      { header: '版本', width: 10, center: true },
      { header: '整改情况', width: 10, center: true },
    ],
    { fitWidth: true },
  );
  const ws2 = input.workspace;
  const diffs = ws2
    ? compareVersions(
        ws2.submissions,
        new Map(entries.map((e) => [e.model.id, e.model])),
        new Map(entries.map((e) => [e.model.id, e.findings])),
      )
    : new Map<string, never>();
  // Entries are already in report order: one report's rows together, by severity, then as found.
  for (const { model, findings } of entries) {
    const ordered = findings
      .map((finding, index) => ({ finding, index }))
      .sort(
        (a, b) =>
          SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
          a.index - b.index,
      );
    for (const { finding: f, index } of ordered) {
      const decision = decisionOf(input.decisions, model, f);
      const values = shownValues(f, ruleById(f.ruleId)?.meta.values);
      const diff = diffs.get(model.id)?.status.get(model.id)?.[index];
      addRow(
        sheet,
        [
          model.agency,
          model.year,
          names.get(model.file) ?? model.file,
          f.ruleId,
          titles.get(f.ruleId) ?? f.ruleId,
          SEVERITY_LABELS[f.severity],
          cellText(f.message),
          cellText(describeLocation(f, model)),
          values.expected,
          values.actual,
          // Empty text stays an empty cell (null), so Excel's filter offers （空白） rather than a blank string.
          cellText(f.quote),
          REVIEW_STATUS_LABELS[decision?.status ?? 'pending'],
          cellText(decision?.note),
          versionLabel(input.workspace, model),
          diff ? VERSION_DIFF_LABELS[diff] : null,
        ],
        { 6: SEVERITY_CELL[f.severity] },
      );
      if (sheet.rows % DRAIN_EVERY === 0) await pause();
    }
  }
  finishSheet(sheet, sheet.rows, FINDING_HEADERS.length);
}
