/**
 * The rule engine. Runs every enabled rule of the registry over a workspace of reports, stamps
 * id and severity on each finding, and turns a rule that throws into an `engine/rule-failed`
 * finding so that the run goes on.
 */
import type { Finding, ReportModel, WorkspaceView } from '../model/types';
import { SEVERITY_RANK } from '../model/glossary';
import { buildWorkspace } from '../workspace/submissions';
import { pairConsecutiveYears } from '../workspace/pairing';
import { RULES } from './registry';
import { engineMeta } from './engine-meta';
import type { AuditSettings, Draft, ReportRule, Rule } from './types';
import { DEFAULT_SETTINGS } from './types';

function stamp(rule: Rule, draft: Draft, settings: AuditSettings): Finding {
  const override = settings.severities[rule.meta.id];
  const { severity: caseSeverity, ...rest } = draft;
  return {
    ruleId: rule.meta.id,
    severity: override ?? caseSeverity ?? rule.meta.severity,
    ...rest,
  };
}

function failure(rule: Rule, err: unknown, settings: AuditSettings): Finding {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    ruleId: engineMeta.id,
    severity: settings.severities[engineMeta.id] ?? engineMeta.severity,
    message: `规则「${rule.meta.title}」（${rule.meta.id}）执行出错，本条规则的检查结果不完整，请人工核对。错误信息：${detail}`,
  };
}

export function mergeSettings(partial?: Partial<AuditSettings>): AuditSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    deadlines: { ...DEFAULT_SETTINGS.deadlines, ...(partial?.deadlines ?? {}) },
    severities: { ...(partial?.severities ?? {}) },
    aliases: { ...(partial?.aliases ?? {}) },
    disabled: [...(partial?.disabled ?? [])],
    roster: partial?.roster ?? null,
    versionChoices: { ...(partial?.versionChoices ?? {}) },
  };
}

/** The workspace the rules see: roster, units and submissions from the settings. */
export function workspaceOf(
  reports: readonly ReportModel[],
  settings: AuditSettings,
): Omit<WorkspaceView, 'coverage'> {
  return buildWorkspace(reports, {
    roster: settings.roster ?? null,
    aliases: settings.aliases,
    versionChoices: settings.versionChoices ?? {},
  });
}

/**
 * Before each rule: how many of the enabled rules have run, and the scope of the one starting (so a
 * progress display can say 比对跨单位… while the corpus rules run); once more at the end.
 * In between, a long corpus rule that reports its progress (CorpusContext.progress) adds calls with
 * the same `done` and `fraction`, the share of that rule done (0 < fraction ≤ 1, rising by at least
 * a hundredth from one call to the next, 1 last).
 */
export type RuleProgress = (
  done: number,
  total: number,
  scope: Rule['scope'],
  fraction?: number,
) => void;

/** CorpusContext.progress for one rule: passes on each new whole per cent, no more (≤ 100 calls). */
export function withinRule(
  report: (fraction: number) => void,
): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    if (!(total > 0) || !(done > 0)) return;
    const percent = Math.floor((Math.min(done, total) / total) * 100);
    if (percent <= last) return;
    last = percent;
    report(percent / 100);
  };
}

/** One single-report rule on one report: its stamped findings, or the engine's rule-failed one. */
function checkReport(rule: ReportRule, report: ReportModel, settings: AuditSettings): Finding[] {
  try {
    return rule.check({ report, settings }).map((d) => stamp(rule, d, settings));
  } catch (err) {
    return [failure(rule, err, settings)];
  }
}

/**
 * The findings of every enabled single-report rule of the registry (scope 'report') on one report,
 * by rule id (rules without findings left out), each list as runRules would make it. Computed ahead
 * where the report is extracted (a reader thread, pipeline/pool.ts), then handed to runRules as
 * {@link ReportFindingsAhead} so that the rules do not run twice.
 */
export function reportFindings(
  report: ReportModel,
  settings: AuditSettings,
): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const rule of RULES) {
    if (rule.scope !== 'report' || settings.disabled.includes(rule.meta.id)) continue;
    const list = checkReport(rule, report, settings);
    if (list.length > 0) out[rule.meta.id] = list;
  }
  return out;
}

/**
 * Single-report findings computed ahead by reportFindings: `byReport` (report id → findings by rule
 * id) under `settings`. runRules takes them only for the registry's own rules and only when the
 * settings are the very ones it runs with (disabled rules, severities, deadlines… all of them);
 * otherwise, and for a report not in `byReport`, it runs the rule itself.
 */
export interface ReportFindingsAhead {
  settings: AuditSettings;
  byReport: ReadonlyMap<string, Readonly<Record<string, readonly Finding[]>>>;
}

const REGISTERED: ReadonlySet<Rule> = new Set(RULES);

/** `ahead`'s findings when they were computed with `settings`, else null (nothing stale is used). */
function usableAhead(
  ahead: ReportFindingsAhead | undefined,
  settings: AuditSettings,
): ReportFindingsAhead['byReport'] | null {
  if (!ahead || ahead.byReport.size === 0) return null;
  const same = JSON.stringify(mergeSettings(ahead.settings)) === JSON.stringify(settings);
  return same ? ahead.byReport : null;
}

/**
 * Runs all enabled rules over the workspace. Returns the findings of each report by report id,
 * sorted by severity then rule id (stable otherwise). Single-report rules run on every file;
 * the cross-year and cross-agency rules on current versions only (one per unit and year), paired
 * by unit identity; the submission rules once per submission, on its current version.
 * `options.workspace`: the grouping, when the caller has built it already. `options.ahead`: the
 * single-report findings already computed (see ReportFindingsAhead); the result is the same.
 */
export function runRules(
  reports: readonly ReportModel[],
  partialSettings?: Partial<AuditSettings>,
  rules: readonly Rule[] = RULES,
  options: {
    workspace?: Omit<WorkspaceView, 'coverage'>;
    onRule?: RuleProgress;
    ahead?: ReportFindingsAhead;
  } = {},
): Map<string, Finding[]> {
  const { workspace, onRule } = options;
  const settings = mergeSettings(partialSettings);
  const ahead = usableAhead(options.ahead, settings);
  const out = new Map<string, Finding[]>();
  for (const r of reports) out.set(r.id, []);
  const push = (id: string, f: Finding) => out.get(id)?.push(f);
  const enabled = rules.filter((r) => !settings.disabled.includes(r.meta.id));
  const view = workspace ?? workspaceOf(reports, settings);
  const current = reports.filter((r) => view.placements[r.id]?.current !== false);
  const pairs = pairConsecutiveYears(current, view);
  const byId = new Map(reports.map((r) => [r.id, r]));

  for (const [index, rule] of enabled.entries()) {
    onRule?.(index, enabled.length, rule.scope);
    if (rule.scope === 'report') {
      const known = ahead && REGISTERED.has(rule) ? ahead : null;
      for (const report of reports) {
        const done = known?.get(report.id);
        const list = done ? (done[rule.meta.id] ?? []) : checkReport(rule, report, settings);
        for (const f of list) push(report.id, f);
      }
    } else if (rule.scope === 'series') {
      for (const { report, previous } of pairs) {
        try {
          for (const d of rule.check({ report, previous, settings })) {
            push(report.id, stamp(rule, { relatedReport: previous.id, ...d }, settings));
          }
        } catch (err) {
          push(report.id, failure(rule, err, settings));
        }
      }
    } else if (rule.scope === 'submission') {
      for (const submission of view.submissions) {
        const versions = submission.versions.flatMap((id) => byId.get(id) ?? []);
        try {
          for (const d of rule.check({ submission, versions, settings }))
            push(submission.current, stamp(rule, d, settings));
        } catch (err) {
          push(submission.current, failure(rule, err, settings));
        }
      }
    } else {
      const progress = onRule
        ? withinRule((fraction) => onRule(index, enabled.length, rule.scope, fraction))
        : undefined;
      try {
        for (const { reportId, draft } of rule.check({
          reports: current,
          settings,
          ...(progress ? { progress } : {}),
        }))
          push(reportId, stamp(rule, draft, settings));
      } catch (err) {
        for (const report of current) push(report.id, failure(rule, err, settings));
      }
    }
  }
  const last = enabled[enabled.length - 1];
  if (last) onRule?.(enabled.length, enabled.length, last.scope);
  for (const list of out.values()) {
    list.sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.ruleId.localeCompare(b.ruleId),
    );
  }
  return out;
}
