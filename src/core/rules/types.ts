/**
 * Rule contract. One rule per file under src/core/rules/<group>/<name>.ts, whose path matches
 * its id (`group/name`), exported under the id in camelCase (`structure/missing-section` →
 * `structureMissingSection`). The engine — not the rule — stamps ruleId and severity on findings.
 * Rules are pure functions of the models: no I/O, no clock, no randomness.
 */
import type { Finding, ReportModel, Roster, Severity, Submission } from '../model/types';

/** A finding as a rule reports it: everything but the id and severity, which the engine stamps. */
export type Draft = Omit<Finding, 'ruleId' | 'severity'> & {
  /** Only for rules whose severity depends on the case (structure/statistics-period: info / error). */
  severity?: Severity;
};

export interface RuleMeta {
  /** `group/name`, as in rules.md. Never changes meaning once shipped. */
  id: string;
  severity: Severity;
  /** Chinese title shown to users (规则名称). */
  title: string;
  /** Chinese one-paragraph description (规则说明 sheet, settings screen). */
  description: string;
  /**
   * What the findings' expected and actual numbers are, where they are not two figures of one
   * table: which side each comes from and its unit (正文 / 表格, 件), or a similarity in per cent.
   * Without it they are shown as plain numbers.
   */
  values?: ValueSides;
}

/** See RuleMeta.values: 期望值「表格 5 件」, 实际值「正文 0 件」; or 「99%」. */
export type ValueSides = { expected: string; actual: string; unit: string } | 'percent';

export interface AuditSettings {
  /** Rule ids switched off. */
  disabled: string[];
  /** Severity overrides by rule id. */
  severities: Record<string, Severity>;
  /** Publication deadlines, MM-DD of the year after the report year. */
  deadlines: { department: string; government: string };
  /** Agency aliases: alias (as written) → canonical agency / unit name, for matching units. */
  aliases: Record<string, string>;
  /** The units that must report; null or absent: inferred from the reports. */
  roster?: Roster | null;
  /** Reviewer's choice of the current version: submission key → file path of the chosen version. */
  versionChoices?: Record<string, string>;
}

export const DEFAULT_SETTINGS: AuditSettings = {
  disabled: [],
  severities: {},
  deadlines: { department: '01-31', government: '03-31' },
  aliases: {},
};

export interface ReportContext {
  report: ReportModel;
  settings: AuditSettings;
}

export interface SeriesContext {
  /** This year's report. */
  report: ReportModel;
  /** The same agency's report of the previous year. */
  previous: ReportModel;
  settings: AuditSettings;
}

export interface CorpusContext {
  reports: readonly ReportModel[];
  settings: AuditSettings;
  /**
   * How far a long rule has come: `done` of `total`, in units of the rule's choosing, rising, last
   * with done = total. The engine turns it into its progress callback and throttles it, so a rule
   * may call it on every step of its loop. Absent when nobody follows the progress.
   */
  progress?: (done: number, total: number) => void;
}

export interface SubmissionContext {
  /** One unit's files for one year (versions and duplicates). */
  submission: Submission;
  /** The reports of the submission's versions, current first (same order as submission.versions). */
  versions: readonly ReportModel[];
  settings: AuditSettings;
}

export interface ReportRule {
  meta: RuleMeta;
  scope: 'report';
  check(ctx: ReportContext): Draft[];
}

export interface SeriesRule {
  meta: RuleMeta;
  scope: 'series';
  /** Findings are attached to ctx.report (the later year); set relatedReport to previous.id. */
  check(ctx: SeriesContext): Draft[];
}

export interface CorpusRule {
  meta: RuleMeta;
  scope: 'corpus';
  /** Findings keyed by the report id they belong to. */
  check(ctx: CorpusContext): { reportId: string; draft: Draft }[];
}

export interface SubmissionRule {
  meta: RuleMeta;
  scope: 'submission';
  /** Findings are attached to the submission's current version. */
  check(ctx: SubmissionContext): Draft[];
}

export type Rule = ReportRule | SeriesRule | CorpusRule | SubmissionRule;
