/**
 * Which findings go into the office's documents, and how they are grouped. Shared by the letters
 * and the briefing, so a problem counted in the briefing is exactly one listed in a letter.
 *
 * Selection (decided):
 * - With decisions (the app, or the CLI with --workspace): confirmed findings, of any severity
 *   (the reviewer confirmed them); with `includePending`, also the undecided error and warning
 *   findings, marked 待核实 (undecided 提示 stay out: they are "often fine" by definition);
 *   dismissed findings never.
 * - Without decisions (the CLI alone): every error and warning finding, all marked 待核实.
 *
 * Never: `engine/*` findings (a rule that failed is the auditor's defect, not the unit's problem).
 *
 * Grouping by the report's part (一…六): a finding's `section` decides; else its `table`
 * (表二 → 二, 表三 → 三, 表四 → 四); else it is about the report as a whole (publication date,
 * title, a rule that failed) and goes into a last group 「报告整体」. Cross-year and cross-unit
 * findings carry a table or a section and so land in that part.
 */
import { at } from '../../model/checked';
import { findingFingerprint } from '../../model/fingerprint';
import { SECTIONS, SECTION_NUMERALS, type TableKey } from '../../model/glossary';
import type { Finding, ReportModel } from '../../model/types';
import { agencyKey } from '../../workspace/pairing';
import { describeLocation } from '../location';
import type { ReviewDecision } from '../types';

export interface SelectOptions {
  /** Decisions by fingerprint; undefined = no review took place (CLI without a workspace). */
  decisions?: ReadonlyMap<string, ReviewDecision>;
  /** Also list undecided error/warning findings, marked 待核实. */
  includePending?: boolean;
  /** Agency aliases (settings), so one unit's reports share a letter. */
  aliases?: Record<string, string>;
}

export interface DocumentReport {
  model: ReportModel;
  findings: Finding[];
}

export interface SelectedFinding {
  finding: Finding;
  /** describeLocation(): 表三「（七）总计」行「总计」列 … ; '' when the finding points nowhere more precise than the report. */
  location: string;
  note: string;
  /** Not (yet) confirmed by a reviewer: shown as 待核实. */
  pending: boolean;
}

/** 1…6 for the report's parts, 7 for 报告整体. */
export type PartNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface PartGroup {
  part: PartNumber;
  /** 第三部分「收到和处理政府信息公开申请情况」 / 报告整体. */
  title: string;
  items: SelectedFinding[];
}

export interface SelectedReport {
  model: ReportModel;
  groups: PartGroup[];
  /** All items, in group order. */
  items: SelectedFinding[];
}

export interface UnitSelection {
  /** Grouping key (agency with aliases applied; the file name when no agency was found). */
  key: string;
  /** The unit as the letter addresses it (agency of its latest report). */
  name: string;
  reports: SelectedReport[];
}

const TABLE_PART: Record<TableKey, PartNumber> = {
  activeDisclosure: 2,
  applications: 3,
  reviewLitigation: 4,
};
export const WHOLE_REPORT_TITLE = '报告整体';

export function partOf(finding: Finding): PartNumber {
  if (finding.section) {
    const def = SECTIONS.find((s) => s.key === finding.section);
    if (def) return def.number;
  }
  if (finding.table) return TABLE_PART[finding.table];
  return 7;
}

export function partTitle(part: PartNumber): string {
  if (part === 7) return WHOLE_REPORT_TITLE;
  const def = at(SECTIONS, part - 1);
  return `第${SECTION_NUMERALS[part - 1]}部分「${def.title}」`;
}

function safeLocation(finding: Finding, model: ReportModel): string {
  try {
    return describeLocation(finding, model);
  } catch {
    return '';
  }
}

/** The findings of one report that go into the documents, in part order (the rules' order within a part). */
export function selectReport(report: DocumentReport, options: SelectOptions): SelectedReport {
  const items: { item: SelectedFinding; part: PartNumber }[] = [];
  for (const finding of report.findings) {
    if (finding.ruleId.startsWith('engine/')) continue;
    let pending: boolean;
    let note = '';
    if (!options.decisions) {
      if (finding.severity === 'info') continue;
      pending = true;
    } else {
      const decision = options.decisions.get(findingFingerprint(report.model, finding));
      const status = decision?.status ?? 'pending';
      if (status === 'dismissed') continue;
      if (status === 'pending' && (!options.includePending || finding.severity === 'info'))
        continue;
      pending = status === 'pending';
      note = decision?.note.trim() ?? '';
    }
    items.push({
      item: { finding, location: safeLocation(finding, report.model), note, pending },
      part: partOf(finding),
    });
  }
  const groups: PartGroup[] = [];
  for (const part of [1, 2, 3, 4, 5, 6, 7] as const) {
    const list = items.filter((x) => x.part === part).map((x) => x.item);
    if (list.length) groups.push({ part, title: partTitle(part), items: list });
  }
  return { model: report.model, groups, items: groups.flatMap((g) => g.items) };
}

function fileBase(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

const collator = new Intl.Collator('zh-Hans-CN');

/** Units with at least one selected finding, in pinyin order; a unit's reports by year. */
export function selectUnits(
  reports: readonly DocumentReport[],
  options: SelectOptions,
): UnitSelection[] {
  const units = new Map<string, UnitSelection>();
  for (const report of reports) {
    const selected = selectReport(report, options);
    if (selected.items.length === 0) continue;
    const key =
      agencyKey(report.model.agency, options.aliases ?? {}) ??
      `file:${fileBase(report.model.file)}`;
    const unit = units.get(key) ?? {
      key,
      name: report.model.agency ?? fileBase(report.model.file),
      reports: [],
    };
    unit.reports.push(selected);
    units.set(key, unit);
  }
  for (const unit of units.values()) {
    unit.reports.sort(
      (a, b) =>
        (a.model.year ?? 0) - (b.model.year ?? 0) || collator.compare(a.model.file, b.model.file),
    );
    const latest = unit.reports[unit.reports.length - 1];
    if (latest?.model.agency) unit.name = latest.model.agency;
  }
  return [...units.values()].sort((a, b) => collator.compare(a.name, b.name));
}
