/**
 * The figures of the briefing (年报审查情况通报): briefingFacts(), a pure function of the reports,
 * the selected findings (select.ts: the same findings the letters list) and the coverage. The
 * document (briefing.ts) only words them.
 *
 * Coverage: the briefing takes the roster's coverage exactly as cli-contract.md shapes it
 * (`coverage: [{ year, expected, submitted, onTime, late, missing, notOnRoster }]`). Without one
 * it infers a coverage from the reports given — submitted = the units that sent a report, expected
 * unknown (no 应报/未报 figures), late = units with an undismissed timeliness/late finding — and
 * the text says it is inferred.
 */
import { SEVERITY_RANK, ruleGroupLabel } from '../../model/glossary';
import type { CoverageYear, Severity } from '../../model/types';
import { catalogue } from '../../rules/registry';
import { indicatorInputs, sumInputs, type IndicatorInputs } from '../../indicators';
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  agencyKind,
  type AgencyKind,
} from '../../workspace/agency-kind';
import { agencyKey, pairYears } from '../../workspace/pairing';
import type { DocumentSettings } from './settings';
import {
  selectReport,
  type DocumentReport,
  type SelectOptions,
  type SelectedFinding,
} from './select';

/** One year of the roster's coverage, exactly as cli-contract.md's JSON `coverage` entries. */
export type CoverageEntry = CoverageYear;

export interface BriefingInput extends SelectOptions {
  /**
   * The reports: current versions only (one per unit and year). The briefing covers one year
   * (`year`, default the latest year present); the previous year's reports, when given, only feed
   * the year-on-year comparison; other reports are counted as left out.
   */
  reports: readonly DocumentReport[];
  year?: number;
  /** The roster's coverage (cli-contract.md); absent → inferred from the reports. */
  coverage?: readonly CoverageEntry[];
  /** Unit kinds from the roster's 类别, by unit name; names not listed are classified by agencyKind(). */
  unitKinds?: ReadonlyMap<string, AgencyKind>;
  settings: DocumentSettings;
  today: string;
}

export interface CoverageFacts {
  year: number;
  /** null when inferred (no roster: nobody knows who should have reported). */
  expected: number | null;
  submitted: number;
  onTime: number;
  late: number;
  missing: string[];
  notOnRoster: string[];
  /** Units found late (inferred coverage only: from timeliness/late findings). */
  lateUnits: string[];
  inferred: boolean;
}

export interface GroupCount {
  group: string;
  problems: number;
  /** Units with at least one problem of the group. */
  units: number;
}

export interface UnitRank {
  unit: string;
  kind: AgencyKind;
  error: number;
  warning: number;
  info: number;
  total: number;
  pending: number;
}

export interface TypicalProblem {
  unit: string;
  year: number | null;
  ruleId: string;
  location: string;
  message: string;
  note: string;
  pending: boolean;
}

export interface YearOnYearFacts {
  /** Units with a report in both years (paired as the cross-year rules pair them). */
  units: number;
  newReceived: { now: number | null; previous: number | null; change: number | null };
  review: { now: number | null; previous: number | null; change: number | null };
  litigation: { now: number | null; previous: number | null; change: number | null };
}

export interface BriefingFacts {
  /** The year the briefing covers (one entry; empty when no report has a year). */
  years: number[];
  /** Reports given but not covered: other years (the previous one included) or year unknown. */
  leftOut: number;
  yearOnYear: YearOnYearFacts | null;
  reportCount: number;
  unitCount: number;
  coverage: CoverageFacts[];
  reportsWithProblems: number;
  unitsWithProblems: number;
  problems: number;
  bySeverity: Record<Severity, number>;
  pending: number;
  /** Undecided errors and warnings left out (decisions given, pending not included): said in the text, never silently dropped. */
  unreviewed: number;
  byGroup: GroupCount[];
  /** Rule id → count, for the chart of problems by rule (top rules). */
  byRule: { ruleId: string; title: string; count: number }[];
  ranking: UnitRank[];
  typical: TypicalProblem[];
  indicators: {
    scope: 'all' | AgencyKind;
    label: string;
    reports: number;
    inputs: IndicatorInputs;
  }[];
}

const collator = new Intl.Collator('zh-Hans-CN');

function unitName(r: DocumentReport): string {
  return r.model.agency ?? r.model.file.split(/[\\/]/).pop() ?? r.model.file;
}

function inferCoverage(input: BriefingInput): CoverageFacts[] {
  const years = new Map<number, Map<string, { name: string; late: boolean }>>();
  for (const r of input.reports) {
    if (r.model.year === null) continue;
    const units = years.get(r.model.year) ?? new Map<string, { name: string; late: boolean }>();
    const key = agencyKey(r.model.agency, input.aliases ?? {}) ?? `file:${r.model.file}`;
    const selectedLate =
      selectReport(
        { model: r.model, findings: r.findings.filter((f) => f.ruleId === 'timeliness/late') },
        { ...input, includePending: true },
      ).items.length > 0;
    const unit = units.get(key) ?? { name: unitName(r), late: false };
    unit.late ||= selectedLate;
    units.set(key, unit);
    years.set(r.model.year, units);
  }
  return [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, units]) => {
      const list = [...units.values()];
      const lateUnits = list
        .filter((u) => u.late)
        .map((u) => u.name)
        .sort(collator.compare);
      return {
        year,
        expected: null,
        submitted: list.length,
        onTime: list.length - lateUnits.length,
        late: lateUnits.length,
        missing: [],
        notOnRoster: [],
        lateUnits,
        inferred: true,
      };
    });
}

function yearOnYear(
  current: readonly DocumentReport[],
  previous: readonly DocumentReport[],
  aliases: Record<string, string>,
): YearOnYearFacts | null {
  if (previous.length === 0) return null;
  const pairs = pairYears(
    [...current, ...previous].map((r) => r.model),
    { aliases },
  );
  const currentModels = new Set(current.map((r) => r.model));
  const used = pairs.filter((p) => currentModels.has(p.report));
  if (used.length === 0) return null;
  const now = sumInputs(used.map((p) => indicatorInputs(p.report)));
  const last = sumInputs(used.map((p) => indicatorInputs(p.previous)));
  const entry = (a: number | null, b: number | null) => ({
    now: a,
    previous: b,
    change: a === null || b === null || b === 0 ? null : (a - b) / b,
  });
  return {
    units: used.length,
    newReceived: entry(now.newReceived, last.newReceived),
    review: entry(now.reviewTotal, last.reviewTotal),
    litigation: entry(now.litigationTotal, last.litigationTotal),
  };
}

/** Every figure the briefing states. Pure. */
export function briefingFacts(given: BriefingInput): BriefingFacts {
  const presentYears = [
    ...new Set(given.reports.map((r) => r.model.year).filter((y): y is number => y !== null)),
  ].sort((a, b) => a - b);
  const year = given.year ?? presentYears.at(-1) ?? given.coverage?.at(-1)?.year ?? null;
  const input: BriefingInput = {
    ...given,
    reports: year === null ? given.reports : given.reports.filter((r) => r.model.year === year),
    ...(given.coverage
      ? { coverage: given.coverage.filter((c) => year === null || c.year === year) }
      : {}),
  };
  const previousReports =
    year === null ? [] : given.reports.filter((r) => r.model.year === year - 1);
  const titles = new Map(catalogue().map((m) => [m.id, m.title]));
  const kindOf = (name: string, agency: string | null): AgencyKind =>
    input.unitKinds?.get(name) ?? agencyKind(agency);
  const selected = input.reports.map((r) => ({ report: r, selection: selectReport(r, input) }));
  const unitKey = (r: DocumentReport): string =>
    agencyKey(r.model.agency, input.aliases ?? {}) ?? `file:${r.model.file}`;

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const groups = new Map<string, { problems: number; units: Set<string> }>();
  const rules = new Map<string, number>();
  const ranks = new Map<string, UnitRank>();
  let pending = 0;
  const all: { item: SelectedFinding; unit: string; year: number | null }[] = [];
  for (const { report, selection } of selected) {
    const key = unitKey(report);
    for (const item of selection.items) {
      const f = item.finding;
      bySeverity[f.severity]++;
      if (item.pending) pending++;
      const label = ruleGroupLabel(f.ruleId);
      const g = groups.get(label) ?? { problems: 0, units: new Set<string>() };
      g.problems++;
      g.units.add(key);
      groups.set(label, g);
      rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
      const name = unitName(report);
      const rank = ranks.get(key) ?? {
        unit: name,
        kind: kindOf(name, report.model.agency),
        error: 0,
        warning: 0,
        info: 0,
        total: 0,
        pending: 0,
      };
      rank[f.severity]++;
      rank.total++;
      if (item.pending) rank.pending++;
      ranks.set(key, rank);
      all.push({ item, unit: name, year: report.model.year });
    }
  }

  // Typical problems: the most serious, confirmed before pending, with a reviewer's note first;
  // one per rule and per unit so the examples show the range of problems, 3 to 5 of them.
  const candidates = [...all].sort(
    (a, b) =>
      Number(a.item.pending) - Number(b.item.pending) ||
      SEVERITY_RANK[a.item.finding.severity] - SEVERITY_RANK[b.item.finding.severity] ||
      Number(!a.item.note) - Number(!b.item.note),
  );
  const typical: TypicalProblem[] = [];
  const pick = (distinctUnits: boolean): void => {
    for (const c of candidates) {
      if (typical.length >= 5) return;
      if (typical.some((t) => t.ruleId === c.item.finding.ruleId)) continue;
      if (distinctUnits && typical.some((t) => t.unit === c.unit)) continue;
      if (typical.some((t) => t.message === c.item.finding.message && t.unit === c.unit)) continue;
      typical.push({
        unit: c.unit,
        year: c.year,
        ruleId: c.item.finding.ruleId,
        location: c.item.location,
        message: c.item.finding.message,
        note: c.item.note,
        pending: c.item.pending,
      });
    }
  };
  pick(true);
  if (typical.length < 3) pick(false);

  const kinds = new Map<AgencyKind, IndicatorInputs[]>();
  const allInputs: IndicatorInputs[] = [];
  for (const r of input.reports) {
    const inputs = indicatorInputs(r.model);
    allInputs.push(inputs);
    const kind = kindOf(unitName(r), r.model.agency);
    kinds.set(kind, [...(kinds.get(kind) ?? []), inputs]);
  }

  const reportsWithProblems = selected.filter((s) => s.selection.items.length > 0).length;
  let unreviewed = 0;
  if (input.decisions && !input.includePending) {
    for (const r of input.reports) {
      const withPending = selectReport(r, { ...input, includePending: true }).items.filter(
        (x) => x.pending,
      ).length;
      unreviewed += withPending;
    }
  }
  const inferred = inferCoverage(input);
  // The roster's coverage counts late units without naming them; the reports' own late findings
  // name them, used only when they account for exactly the roster's count.
  const coverage: CoverageFacts[] = input.coverage
    ? input.coverage.map((c) => {
        const names = inferred.find((x) => x.year === c.year)?.lateUnits ?? [];
        return {
          ...c,
          missing: [...c.missing],
          notOnRoster: [...c.notOnRoster],
          lateUnits: names.length === c.late ? names : [],
          inferred: false,
        };
      })
    : inferred;
  return {
    years: year === null ? [] : [year],
    leftOut: given.reports.length - input.reports.length,
    yearOnYear: yearOnYear(input.reports, previousReports, input.aliases ?? {}),
    reportCount: input.reports.length,
    unitCount: new Set(input.reports.map(unitKey)).size,
    coverage,
    reportsWithProblems,
    unitsWithProblems: ranks.size,
    problems: all.length,
    bySeverity,
    pending,
    unreviewed,
    byGroup: [...groups.entries()]
      .map(([group, g]) => ({ group, problems: g.problems, units: g.units.size }))
      .sort((a, b) => b.problems - a.problems || collator.compare(a.group, b.group)),
    byRule: [...rules.entries()]
      .map(([ruleId, count]) => ({ ruleId, title: titles.get(ruleId) ?? ruleId, count }))
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    ranking: [...ranks.values()].sort(
      (a, b) => b.error - a.error || b.total - a.total || collator.compare(a.unit, b.unit),
    ),
    typical,
    indicators: [
      {
        scope: 'all' as const,
        label: '全部单位',
        reports: allInputs.length,
        inputs: sumInputs(allInputs),
      },
      ...AGENCY_KINDS.filter((k) => kinds.has(k)).map((k) => ({
        scope: k,
        label: AGENCY_KIND_LABELS[k],
        reports: kinds.get(k)?.length ?? 0,
        inputs: sumInputs(kinds.get(k) ?? []),
      })),
    ],
  };
}
