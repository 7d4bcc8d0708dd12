/**
 * What the screens are shown, built from stored rows: report summaries, finding and decision views,
 * the 年度对比 series, the 报送情况 rows, the rule catalogue with the user's settings. Pure: no store,
 * no file, no clock — every input is a parameter, so each view is tested directly (test/app/views).
 */
import { basename } from 'node:path';
import { isSeverity } from '../model/glossary';
import type { Finding, ReportModel, Severity, WorkspaceView } from '../model/types';
import { lateReports } from '../pipeline';
import { CURRENT_REASON_LABELS, coverageOf, coverageRows } from '../workspace/submissions';
import { compareVersions } from '../workspace/versions';
import { findingKey } from '../model/fingerprint';
import { shownValues } from '../export/values';
import { NUMBERING_RECOVERED_NOTE } from '../ingest/docx';
import { ruleById } from '../rules/registry';
import type { AuditSettings } from '../rules/types';
import type { StoredDecision, StoredFinding, StoredReport } from '../store';
import type {
  CoverageRow,
  CoverageView,
  DecisionView,
  FindingView,
  ReportSummary,
  ResolvedDecision,
  RuleInfo,
  SeriesEntry,
  VersionInfo,
} from '../../shared/ipc';

/** The units/submissions view without coverage: what every screen needs. */
export type PlacedView = Omit<WorkspaceView, 'coverage'>;

/** The file name of a stored path, whichever separator it was written with. */
export function fileNameOf(path: string): string {
  return basename(path.replace(/\\/g, '/'));
}

/** Models as the rules see them: stored models of earlier builds lack the file facts, the file row has them. */
export function modelsOf(reports: readonly StoredReport[]): ReportModel[] {
  return reports.map((r) =>
    r.model.fileInfo
      ? r.model
      : { ...r.model, fileInfo: { sha256: r.sha256, size: r.size, modifiedMs: null } },
  );
}

export function decisionView(d: StoredDecision | undefined | null): DecisionView {
  return d
    ? { status: d.status, note: d.note, updatedAt: d.updatedAt }
    : { status: 'pending', note: '', updatedAt: null };
}

/** A report's line in the lists: counts by severity and by decision, its unit and submission. */
export function summaryOf(
  r: StoredReport,
  findings: readonly StoredFinding[],
  decisions: ReadonlyMap<string, StoredDecision>,
  view: PlacedView,
): ReportSummary {
  const counts = { error: 0, warning: 0, info: 0 };
  const review = { total: findings.length, pending: 0, confirmed: 0, dismissed: 0 };
  // A Map, not an object literal, while counting: a rule id can never collide with Object.prototype keys.
  const byRule = new Map<string, number>();
  for (const f of findings) {
    counts[f.finding.severity]++;
    review[decisions.get(f.fingerprint)?.status ?? 'pending']++;
    byRule.set(f.finding.ruleId, (byRule.get(f.finding.ruleId) ?? 0) + 1);
  }
  const place = view.placements[r.id];
  const submission = place?.submission
    ? view.submissions.find((x) => x.key === place.submission)
    : undefined;
  return {
    id: r.id,
    file: r.path,
    fileName: fileNameOf(r.path),
    format: r.model.format,
    agency: r.model.agency,
    year: r.model.year,
    template: r.model.template,
    agencyKey: place?.unitKey ?? null,
    unitId: place?.unit ?? null,
    unitName: place?.unitName ?? r.model.agency ?? basename(r.path),
    current: place?.current ?? true,
    duplicateOf: place?.duplicateOf ?? null,
    versionCount: submission?.versions.length ?? 1,
    submissionKey: place?.submission ?? null,
    suggestions: view.roster.inferred ? [] : (place?.suggestions ?? []),
    sha256: r.sha256,
    auditedAt: r.auditedAt,
    counts,
    review,
    ruleCounts: Object.fromEntries(byRule),
  };
}

/** Findings as the review screen shows them: rule title, location, decision, the named sides. */
export function findingViews(
  findings: readonly StoredFinding[],
  decisions: ReadonlyMap<string, StoredDecision>,
  titles: ReadonlyMap<string, string>,
): FindingView[] {
  return findings.map((f) => {
    const sides = ruleById(f.finding.ruleId)?.meta.values;
    const shown = sides ? shownValues(f.finding, sides) : null;
    return {
      ...f.finding,
      fingerprint: f.fingerprint,
      ruleTitle: titles.get(f.finding.ruleId) ?? f.finding.ruleId,
      location: f.location,
      decision: decisionView(decisions.get(f.fingerprint)),
      ...(shown
        ? {
            values: {
              expected: shown.expected === null ? null : String(shown.expected),
              actual: shown.actual === null ? null : String(shown.actual),
              percent: sides === 'percent',
            },
          }
        : {}),
    };
  });
}

/** Decisions whose finding has disappeared, with their rule's title. */
export function resolvedViews(
  resolved: readonly StoredDecision[],
  titles: ReadonlyMap<string, string>,
): ResolvedDecision[] {
  return resolved.map((d) => ({
    fingerprint: d.fingerprint,
    ruleId: d.ruleId,
    ruleTitle: titles.get(d.ruleId) ?? d.ruleId,
    status: d.status,
    note: d.note,
    updatedAt: d.updatedAt,
    lastMessage: d.lastMessage,
    lastLocation: d.lastLocation,
  }));
}

/** The rule that reads section-heading numerals: where Word's automatic numbering supplied them, the reviewer should know. */
const NUMBERING_RULES = new Set(['structure/section-numbering']);

/**
 * The reader's notes a reviewer needs. That heading numbers were recovered from Word's automatic
 * numbering is a technical detail above every such document, so it is shown — in the reviewer's
 * words — only beside a finding about numbering, where it explains what was checked.
 */
export function reviewerNotes(
  notes: readonly string[],
  findings: readonly StoredFinding[],
): string[] {
  const numbering = findings.some((f) => NUMBERING_RULES.has(f.finding.ruleId));
  return notes.flatMap((n) => {
    if (n !== NUMBERING_RECOVERED_NOTE) return [n];
    return numbering
      ? ['本文档的标题序号由 Word 自动编号生成，序号检查按 Word 显示的编号（如“一、”）进行。']
      : [];
  });
}

/** Units with more than one year loaded (current versions), by unit identity, by name. */
export function seriesOf(summaries: readonly ReportSummary[]): SeriesEntry[] {
  const groups = new Map<string, { agency: string; years: Map<number, string> }>();
  for (const s of summaries) {
    if (!s.agencyKey || s.year === null || !s.current || s.agencyKey.startsWith('file:')) continue;
    const g = groups.get(s.agencyKey) ?? { agency: s.unitName, years: new Map<number, string>() };
    if (!g.years.has(s.year)) g.years.set(s.year, s.id);
    groups.set(s.agencyKey, g);
  }
  return [...groups.entries()]
    .filter(([, g]) => g.years.size > 1)
    .map(([key, g]) => ({
      agencyKey: key,
      agency: g.agency,
      years: [...g.years.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([year, reportId]) => ({ year, reportId })),
    }))
    .sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN'));
}

/** 报送情况: per-year coverage, one row per unit, and the report names no roster unit matched. */
export function coverageViewOf(
  reports: readonly StoredReport[],
  view: PlacedView,
  findings: ReadonlyMap<string, Finding[]>,
): CoverageView {
  const late = lateReports(findings);
  const coverage = coverageOf(view, late);
  const years = coverage.map((c) => c.year);
  const fileName = new Map(reports.map((r) => [r.id, fileNameOf(r.path)]));
  const rows: CoverageRow[] = coverageRows(view, late).map((u) => ({
    ...u,
    cells: u.cells.map((c) => ({
      year: c.year,
      status: c.status,
      reportId: c.submission?.current ?? null,
      fileName: c.submission ? (fileName.get(c.submission.current) ?? null) : null,
      versionCount: c.submission?.versions.length ?? 0,
    })),
  }));
  const unmatched = new Map<string, { name: string; reportIds: string[]; suggestions: string[] }>();
  if (!view.roster.inferred) {
    for (const r of reports) {
      const p = view.placements[r.id];
      if (!p || p.unit !== null || !r.model.agency) continue;
      const u = unmatched.get(p.unitKey) ?? {
        name: r.model.agency.replace(/\s+/g, ''),
        reportIds: [],
        suggestions: p.suggestions ?? [],
      };
      u.reportIds.push(r.id);
      unmatched.set(p.unitKey, u);
    }
  }
  return { roster: view.roster, years, coverage, rows, unmatched: [...unmatched.values()] };
}

/** One rule of the catalogue as the settings screen lists it. */
export interface CatalogueEntry {
  id: string;
  severity: string;
  title: string;
  description: string;
}

/** The rule catalogue with the user's overrides: effective severity, enabled. */
export function ruleInfos(
  catalogue: readonly CatalogueEntry[],
  settings: Pick<AuditSettings, 'severities' | 'disabled'>,
): RuleInfo[] {
  return catalogue.map((m) => {
    const severity: Severity = isSeverity(m.severity) ? m.severity : 'info';
    return {
      id: m.id,
      severity,
      effectiveSeverity: settings.severities[m.id] ?? severity,
      enabled: !settings.disabled.includes(m.id),
      title: m.title,
      description: m.description,
    };
  });
}

/** What versionInfoOf reads of the other versions (the store in the app, maps in tests). */
export interface VersionReader {
  report(id: string): StoredReport | null | undefined;
  findings(reportId: string): StoredFinding[];
}

/**
 * The versions of the report's submission and, between the current version and the one it
 * replaced, the 整改 comparison: each finding persists or is new; the replaced version's findings
 * that are gone are listed as fixed; a decision taken on the replaced version is shown as
 * carried on the same finding of the current one until the reviewer decides it anew.
 */
export function versionInfoOf(
  read: VersionReader,
  r: StoredReport,
  views: FindingView[],
  view: PlacedView,
  decisions: ReadonlyMap<string, StoredDecision>,
  titles: ReadonlyMap<string, string>,
): VersionInfo | null {
  const key = view.placements[r.id]?.submission;
  const submission = key ? view.submissions.find((x) => x.key === key) : undefined;
  if (!submission) return null;
  const byId = new Map<string, StoredReport>();
  for (const id of submission.versions) {
    const x = id === r.id ? r : read.report(id);
    if (x) byId.set(id, x);
  }
  const nameOf = (id: string): string => fileNameOf(byId.get(id)?.path ?? '');
  const info: VersionInfo = {
    submissionKey: submission.key,
    unitName: submission.unitName,
    year: submission.year,
    currentReason: CURRENT_REASON_LABELS[submission.currentReason],
    versions: submission.versions.map((id) => ({
      id,
      fileName: nameOf(id),
      current: id === submission.current,
      duplicates: (submission.duplicates.find((d) => d.of === id)?.files ?? []).map(fileNameOf),
    })),
    fixed: [],
    previousFile: null,
  };
  const [currentId, previousId] = submission.versions;
  if (r.id !== currentId || previousId === undefined) return info;
  const previous = byId.get(previousId);
  if (!previous) return info;
  const previousFile = nameOf(previousId);
  info.previousFile = previousFile;
  const prevFindings = read.findings(previousId);
  const models = new Map([
    [r.id, r.model],
    [previous.id, previous.model],
  ]);
  const cmp = compareVersions(
    [submission],
    models,
    new Map([
      [r.id, views],
      [previous.id, prevFindings.map((f) => f.finding)],
    ]),
  ).get(r.id);
  const prevByKey = new Map(prevFindings.map((f) => [findingKey(previous.model, f.finding), f]));
  views.forEach((v, i) => {
    const diff = cmp?.status.get(r.id)?.[i];
    if (diff) v.versionDiff = diff;
    const earlier = prevByKey.get(findingKey(r.model, v));
    const carried = earlier ? decisions.get(earlier.fingerprint) : undefined;
    if (carried && v.decision.status === 'pending' && !v.decision.note) {
      v.carried = {
        status: carried.status,
        note: carried.note,
        updatedAt: carried.updatedAt,
        fromFile: previousFile,
      };
    }
  });
  info.fixed = findingViews(
    prevFindings.filter((_, i) => cmp?.status.get(previous.id)?.[i] === 'fixed'),
    decisions,
    titles,
  ).map((v) => ({ ...v, versionDiff: 'fixed' as const }));
  return info;
}
