/**
 * Submissions: the office's unit of work is a unit's report for a year, not a file (issue 8).
 *
 * Every report is placed: its unit (roster match, or its own name when unmatched), its year, and
 * the submission (unit × year) it belongs to. Within a submission, files of identical content are
 * duplicates of one version; files of different content are versions, of which exactly one is
 * current. Only current versions take part in the cross-year and cross-agency rules, the totals
 * and the coverage; the others stay readable and keep their own findings and decisions.
 *
 * Which version is current, when the reviewer has not chosen (stated in the README and in the
 * `submission/multiple-versions` finding):
 *   1. the newest file modification time (times within 2 s count as equal: copies and archives
 *      round them);
 *   2. then a version word in the file name: 最终/定稿/终稿 above 修改稿/修订/更正/v2…(higher
 *      number higher) above no word above a copy's name (副本, "(1)") above 初稿/草稿/征求意见稿;
 *   3. then the first in path order.
 * Copies of one content are ranked the same way; the first-ranked file stands for the version.
 */
import { basename } from 'node:path';
import { at, must } from '../model/checked';
import type { SubmissionStatus, UnitKind } from '../model/glossary';
import type {
  CoverageYear,
  CurrentReason,
  ReportModel,
  ReportPlacement,
  Roster,
  Submission,
  WorkspaceView,
} from '../model/types';
import { contentKey } from '../model/fingerprint';
import { normaliseName, UnitMatcher } from './identity';
import { inferRoster } from './roster';

export interface WorkspaceInput {
  /** The units that must report; null to infer them from the reports. */
  roster: Roster | null;
  /** Reviewer's aliases: name as written → unit name. */
  aliases: Readonly<Record<string, string>>;
  /** Reviewer's version choices: submission key → file path (or file name) of the chosen version. */
  versionChoices: Readonly<Record<string, string>>;
}

const SAME_TIME_MS = 2000;

function fileName(path: string): string {
  return basename(path.replace(/\\/g, '/'));
}

/** How strongly a file name says "this is the later version" (rule 2 above). */
export function versionMarkerScore(path: string): number {
  const name = fileName(path).replace(/\.[^.]+$/, '');
  if (/(最终|定稿|终稿|正式稿|final)/i.test(name)) return 100;
  const numbered = /(?:v|版本|第)\s*([0-9]+)\s*(?:稿|版)?/i.exec(name);
  if (/(修改|修订|更正|整改后|改稿)/.test(name) || numbered)
    return 50 + Math.min(40, Number(numbered?.[1] ?? 1));
  if (/(初稿|草稿|征求意见稿|draft)/i.test(name)) return -10;
  // A copy's name ("… - 副本", "…(1)", "Copy of …") stands for its content less well than the original's.
  if (/(副本|复件|copy|[(（]\d+[)）]$)/i.test(name)) return -5;
  return 0;
}

/** Ranks files newest-first by the stated rule; returns the sorted list and why the first won. */
function rank(models: readonly ReportModel[]): { sorted: ReportModel[]; reason: CurrentReason } {
  const order = new Map(models.map((m, i) => [m.id, i]));
  const time = (m: ReportModel) => m.fileInfo?.modifiedMs ?? null;
  const cmp = (a: ReportModel, b: ReportModel): number => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== null && tb !== null && Math.abs(ta - tb) >= SAME_TIME_MS) return tb - ta;
    const ma = versionMarkerScore(a.file);
    const mb = versionMarkerScore(b.file);
    if (ma !== mb) return mb - ma;
    return (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  };
  const sorted = [...models].sort(cmp);
  if (sorted.length < 2) return { sorted, reason: 'only' };
  const a = at(sorted, 0);
  const b = at(sorted, 1);
  const ta = time(a);
  const tb = time(b);
  const reason: CurrentReason =
    ta !== null && tb !== null && Math.abs(ta - tb) >= SAME_TIME_MS
      ? 'newest-time'
      : versionMarkerScore(a.file) !== versionMarkerScore(b.file)
        ? 'name-marker'
        : 'path-order';
  return { sorted, reason };
}

export const CURRENT_REASON_LABELS: Record<CurrentReason, string> = {
  only: '唯一版本',
  chosen: '审查人员选定',
  'newest-time': '文件修改时间最新',
  'name-marker': '文件名中的版本标记（最终/修改稿/v2 等）',
  'path-order': '文件修改时间相同且文件名无版本标记，按文件顺序取第一份',
};

/** The key of a submission (and of version choices): stable unit name and year. */
export function submissionKey(unitName: string, year: number): string {
  return `${normaliseName(unitName)}#${year}`;
}

/** Places every report and groups them into submissions. Pure and deterministic. */
export function buildWorkspace(
  models: readonly ReportModel[],
  input: WorkspaceInput,
): Omit<WorkspaceView, 'coverage'> {
  const roster =
    input.roster && input.roster.units.length > 0
      ? input.roster
      : inferRoster(
          models.flatMap((m) => (m.agency ? [m.agency] : [])),
          input.aliases,
        );
  const matcher = new UnitMatcher(roster.units, input.aliases);
  const unitName = new Map(roster.units.map((u) => [u.id, u.name]));
  const placements: Record<string, ReportPlacement> = {};
  const groups = new Map<
    string,
    { unit: string | null; unitName: string; year: number; models: ReportModel[] }
  >();

  for (const m of models) {
    const match = matcher.match(m.agency);
    let unitKey: string;
    let name: string;
    if (match.unitId !== null) {
      unitKey = match.unitId;
      name = unitName.get(match.unitId) ?? m.agency ?? '';
    } else if (m.agency) {
      unitKey = `name:${normaliseName(m.agency)}`;
      name = m.agency.replace(/\s+/g, '');
    } else {
      unitKey = `file:${fileName(m.file)}`;
      name = `（未识别单位）${fileName(m.file)}`;
    }
    const placement: ReportPlacement = {
      unit: match.unitId,
      unitKey,
      unitName: name,
      current: true,
      submission: null,
    };
    if (match.unitId === null && match.suggestions.length)
      placement.suggestions = match.suggestions;
    placements[m.id] = placement;
    if (m.year === null) continue; // no year, no submission: the report stands alone
    const key = submissionKey(name, m.year);
    placement.submission = key;
    const g = groups.get(key) ?? { unit: match.unitId, unitName: name, year: m.year, models: [] };
    g.models.push(m);
    groups.set(key, g);
  }

  const submissions: Submission[] = [];
  for (const [key, g] of groups) {
    // Versions: one per content; each represented by its best-ranked file.
    const byContent = new Map<string, ReportModel[]>();
    for (const m of g.models) {
      const c = contentKey(m);
      byContent.set(c, [...(byContent.get(c) ?? []), m]);
    }
    const versionHeads: ReportModel[] = [];
    const duplicates: Submission['duplicates'] = [];
    for (const copies of byContent.values()) {
      const { sorted } = rank(copies);
      const head = at(sorted, 0);
      versionHeads.push(head);
      if (sorted.length > 1)
        duplicates.push({ of: head.id, files: sorted.slice(1).map((m) => m.file) });
      for (const m of sorted.slice(1)) {
        const p = must(placements[m.id], 'placement');
        p.current = false;
        p.duplicateOf = head.id;
      }
    }
    let { sorted, reason } = rank(versionHeads);
    const choice = input.versionChoices[key];
    if (choice !== undefined && sorted.length > 1) {
      const chosen =
        sorted.find((m) => m.file === choice) ??
        sorted.find((m) => fileName(m.file) === fileName(choice));
      if (chosen) {
        sorted = [chosen, ...sorted.filter((m) => m !== chosen)];
        reason = 'chosen';
      }
    }
    const current = at(sorted, 0);
    for (const m of sorted.slice(1)) must(placements[m.id], 'placement').current = false;
    submissions.push({
      key,
      unit: g.unit,
      unitName: g.unitName,
      year: g.year,
      current: current.id,
      currentReason: reason,
      versions: sorted.map((m) => m.id),
      duplicates,
    });
  }
  submissions.sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN') || a.year - b.year);
  return { roster, submissions, placements };
}

/**
 * 报送情况 per year present in the run. With a real roster every unit is expected every year. With
 * an inferred one (推断), a unit is expected from the year of its earliest report on: a unit seen
 * only in 2023 is not "missing 2022" because one other unit's 2022 report was loaded, but a unit
 * that reported in 2022 and not in 2023 is. `late` counts submissions whose current version has a
 * publication date after the deadline (reportIds in `lateReports`); the rest are on time.
 */
export function coverageOf(
  view: Omit<WorkspaceView, 'coverage'>,
  lateReports: ReadonlySet<string>,
): CoverageYear[] {
  const years = [...new Set(view.submissions.map((s) => s.year))].sort((a, b) => a - b);
  const firstYear = new Map<string, number>();
  for (const s of view.submissions) {
    if (s.unit === null) continue;
    firstYear.set(s.unit, Math.min(firstYear.get(s.unit) ?? s.year, s.year));
  }
  return years.map((year) => {
    const thisYear = view.submissions.filter((s) => s.year === year);
    const byUnit = new Map(
      thisYear.flatMap((s): [string, Submission][] => (s.unit === null ? [] : [[s.unit, s]])),
    );
    const expectedUnits = view.roster.units.filter(
      (u) => !view.roster.inferred || (firstYear.get(u.id) ?? Infinity) <= year,
    );
    const submitted = expectedUnits.filter((u) => byUnit.has(u.id));
    const late = submitted.filter((u) => {
      const s = byUnit.get(u.id);
      return s !== undefined && lateReports.has(s.current);
    }).length;
    return {
      year,
      expected: expectedUnits.length,
      submitted: submitted.length,
      onTime: submitted.length - late,
      late,
      missing: expectedUnits.filter((u) => !byUnit.has(u.id)).map((u) => u.name),
      notOnRoster: thisYear.filter((s) => s.unit === null).map((s) => s.unitName),
    };
  });
}

/** Current reports only, in the given order: what the cross-report rules and totals use. */
export function currentModels<T extends { id: string }>(
  items: readonly T[],
  view: Pick<WorkspaceView, 'placements'>,
): T[] {
  return items.filter((m) => view.placements[m.id]?.current !== false);
}

/** Reports with a `timeliness/late` finding: the late ones of 报送情况. */
export function lateReports(
  findings: ReadonlyMap<string, readonly { ruleId: string }[]>,
): Set<string> {
  const late = new Set<string>();
  for (const [id, list] of findings)
    if (list.some((f) => f.ruleId === 'timeliness/late')) late.add(id);
  return late;
}

/** One unit's standing in one year; status null: not expected that year (推断, before its first report). */
export interface UnitYear {
  year: number;
  status: SubmissionStatus | null;
  submission: Submission | null;
}

export interface UnitCoverage {
  unitId: string | null;
  unitKey: string;
  name: string;
  kind: UnitKind | null;
  parent: string | null;
  aliases: string[];
  cells: UnitYear[];
}

/**
 * 报送情况 per unit: every roster unit, then the units not on the roster, each with one cell per
 * year of the coverage. The same expectation as coverageOf: the per-year counts and these rows agree.
 */
export function coverageRows(
  view: Omit<WorkspaceView, 'coverage'>,
  lateReports: ReadonlySet<string>,
): UnitCoverage[] {
  const years = [...new Set(view.submissions.map((s) => s.year))].sort((a, b) => a - b);
  const firstYear = new Map<string, number>();
  for (const s of view.submissions)
    if (s.unit) firstYear.set(s.unit, Math.min(firstYear.get(s.unit) ?? s.year, s.year));
  const rows: UnitCoverage[] = view.roster.units.map((u) => ({
    unitId: u.id,
    unitKey: u.id,
    name: u.name,
    kind: u.kind,
    parent: u.parent,
    aliases: u.aliases,
    cells: years.map((year) => {
      const submission = view.submissions.find((x) => x.unit === u.id && x.year === year) ?? null;
      if (submission)
        return {
          year,
          status: lateReports.has(submission.current) ? 'late' : 'onTime',
          submission,
        };
      const expected = !view.roster.inferred || (firstYear.get(u.id) ?? Infinity) <= year;
      return { year, status: expected ? 'missing' : null, submission: null };
    }),
  }));
  const outside = new Map<string, string>();
  for (const p of Object.values(view.placements))
    if (p.unit === null && p.submission !== null && !outside.has(p.unitKey))
      outside.set(p.unitKey, p.unitName);
  for (const [unitKey, name] of outside) {
    rows.push({
      unitId: null,
      unitKey,
      name,
      kind: null,
      parent: null,
      aliases: [],
      cells: years.map((year) => {
        const submission =
          view.submissions.find((x) => x.unit === null && x.unitName === name && x.year === year) ??
          null;
        return { year, status: submission ? 'notOnRoster' : null, submission };
      }),
    });
  }
  return rows;
}

/**
 * The kind of each report's unit, by the agency name the report gives: the roster's 类别 where the
 * report matched a roster unit (the briefing groups its indicators by it).
 */
export function unitKindsOf(
  models: readonly ReportModel[],
  view: Pick<WorkspaceView, 'roster' | 'placements'>,
): Map<string, UnitKind> {
  const kinds = new Map(view.roster.units.map((u) => [u.id, u.kind]));
  const out = new Map<string, UnitKind>();
  for (const m of models) {
    const unit = view.placements[m.id]?.unit;
    const kind = unit ? kinds.get(unit) : undefined;
    if (m.agency && kind) out.set(m.agency, kind);
  }
  return out;
}
