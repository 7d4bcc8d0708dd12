/**
 * The typed IPC contract between the renderer and the main process: one entry per operation,
 * with its argument and result types (plain JSON data), the list of method names, the events, and
 * the type of `window.nianbao`. Validation of untrusted arguments is in ./validate.ts, the builder
 * of the window API (used by the preload and the browser test bridge) in ./api.ts.
 *
 * Every method resolves to a Result: failures the user can act on come back as values
 * ({ ok: false, message } with a Chinese message), never as rejected promises.
 *
 * No runtime dependencies: only `import type` from the core model.
 */
import type { AuditSettings } from '../../core/rules/types';
import type {
  CoverageYear,
  FileFailure,
  Finding,
  ReportModel,
  Roster,
  RosterUnit,
  Severity,
  SkippedFile,
  SourceFormat,
  TemplateVersion,
} from '../../core/model/types';
import type {
  ReviewStatus,
  SubmissionStatus,
  UnitKind,
  VersionDiff,
} from '../../core/model/glossary';
import type { DocumentSettings } from '../../core/export/documents/settings';
import type { AgencyKind } from '../../core/workspace/agency-kind';
import type { IndicatorInputs } from '../../core/indicators';

export type { AuditSettings, DocumentSettings, ReviewStatus };

// ───────────────────────── Results ─────────────────────────

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

// ───────────────────────── Data crossing the boundary ─────────────────────────

export interface WorkspaceInfo {
  /** Path of the workspace file; null for a new workspace never saved. */
  path: string | null;
  /** File name for the title bar ("未命名工作区" when path is null). */
  name: string;
  /** Unsaved changes exist (decisions are always safe in the journal; this is about the file). */
  dirty: boolean;
  /** ISO time of the last successful save, null when never saved. */
  lastSavedAt: string | null;
}

export interface AppState {
  workspace: WorkspaceInfo;
  reportCount: number;
  /** Files that could not be read in the imports of this workspace. */
  failures: FileFailure[];
  /** Files skipped in the last import, with their reasons (not a report, own output, unsupported, clutter). */
  skipped: SkippedFile[];
  /** True on the first start: the renderer offers to open the shipped samples. */
  firstRun: boolean;
  /** True when the shipped sample reports are present. */
  samplesAvailable: boolean;
  /** An import/audit is running. */
  busy: boolean;
  /** Decisions whose finding has disappeared, over the whole workspace. */
  resolvedCount: number;
  appVersion: string;
  /** Messages for the user (crash recovery, autosave failures), Chinese. Delivered once, by getState only (never in events). */
  notices?: string[];
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface ReviewProgress {
  total: number;
  pending: number;
  confirmed: number;
  dismissed: number;
}

export interface ReportSummary {
  id: string;
  /** Path of the source file, as imported. */
  file: string;
  fileName: string;
  format: SourceFormat;
  agency: string | null;
  year: number | null;
  template: TemplateVersion;
  /**
   * The unit identity (workspace/identity.ts): roster unit id, or `name:…` for a report that
   * matched no unit. One key per unit across years and name variants; groups years everywhere.
   */
  agencyKey: string | null;
  /** Roster unit id; null when the report matched no unit of the roster. */
  unitId: string | null;
  /** The unit's name (the roster's, or the report's own when unmatched). */
  unitName: string;
  /** The version its submission uses (false for other versions and duplicate copies). */
  current: boolean;
  /** For a duplicate copy: the report id whose content it repeats. */
  duplicateOf: string | null;
  /** Versions (different content) in this report's submission; 1 when there is no choice to make. */
  versionCount: number;
  /** Key of the submission (unit × year); null when the year is unknown. */
  submissionKey: string | null;
  /** Closest roster names for a report that matched no unit of a real roster. */
  suggestions: string[];
  sha256: string;
  /** ISO time the file was (last) audited. */
  auditedAt: string;
  counts: SeverityCounts;
  review: ReviewProgress;
  /**
   * Findings of this report by rule id (only rules that fired; sums to review.total). Carried in the
   * summary so the 总览's rule filter and rule chart need no getReport per report (500 reports took
   * ~14 s that way). Titles and severities come from `catalogue`.
   */
  ruleCounts: Record<string, number>;
}

export interface DecisionView {
  status: ReviewStatus;
  note: string;
  /** ISO time; null when never decided (status 'pending', note ''). */
  updatedAt: string | null;
}

export interface FindingView extends Finding {
  /** findingFingerprint(report, finding): the key of review decisions. */
  fingerprint: string;
  /** Chinese rule title (规则名称). */
  ruleTitle: string;
  /** Human location in Chinese (e.g. "表三 第 1 行 合计"), '' when none. */
  location: string;
  decision: DecisionView;
  /** Against the version this one replaced (整改): persists / new (fixed: only in `VersionInfo.fixed`). */
  versionDiff?: VersionDiff;
  /** The decision taken on the same finding in the replaced version, carried over (shown as carried) while this one has none. */
  carried?: DecisionView & { fromFile: string };
  /**
   * expected/actual as the workbook shows them, where the rule names its sides (「表格 5 件」 /
   * 「正文 0 件」, or a similarity 「99%」); absent for plain figures of one table.
   */
  values?: { expected: string | null; actual: string | null; percent: boolean };
}

/** The versions of a report's submission (unit × year). */
export interface VersionInfo {
  submissionKey: string;
  unitName: string;
  year: number;
  /** Why the current version is current, in Chinese. */
  currentReason: string;
  versions: { id: string; fileName: string; current: boolean; duplicates: string[] }[];
  /** Findings of the replaced version that are gone in the current one (已整改); only on the current version. */
  fixed: FindingView[];
  /** File name of the replaced version, when this is the current one and there is another version. */
  previousFile: string | null;
}

/** A decision whose finding has disappeared (fixed in the file, or the rule switched off). Never dropped silently. */
export interface ResolvedDecision {
  fingerprint: string;
  ruleId: string;
  ruleTitle: string;
  status: ReviewStatus;
  note: string;
  updatedAt: string;
  /** The finding's message when the decision was made. */
  lastMessage: string;
  /** The finding's location when the decision was made. */
  lastLocation: string;
}

export interface ReportDetail {
  summary: ReportSummary;
  model: ReportModel;
  findings: FindingView[];
  /** Display HTML from the SourceDocument, NOT sanitised: the renderer sanitises before display. */
  html: string;
  /** Reader notes (Chinese), e.g. "已按 GBK 编码读取". */
  notes: string[];
  resolvedDecisions: ResolvedDecision[];
  /** Versions of the submission; null when the report has no year (no submission). */
  versions: VersionInfo | null;
}

/**
 * The bytes of a report's own file, for viewers that draw the original (PDF pages). Base64, so
 * the value is plain JSON on every transport (Electron IPC, the browser test bridge).
 */
export interface ReportFile {
  fileName: string;
  format: SourceFormat;
  base64: string;
}

export interface ImportResult {
  /** The user cancelled the dialog: nothing happened. */
  cancelled: boolean;
  /** Report ids newly added. */
  added: string[];
  /** Report ids whose file changed (new hash) and was re-audited; decisions kept. */
  updated: string[];
  /** Report ids whose file was already imported unchanged. */
  unchanged: string[];
  failures: FileFailure[];
  skipped: SkippedFile[];
}

/** One unit's standing in one year (报送情况). */
export interface CoverageCell {
  year: number;
  /** null: not expected that year (inferred roster, before its first report). */
  status: SubmissionStatus | null;
  /** The current version's report id, when submitted. */
  reportId: string | null;
  fileName: string | null;
  /** Versions of the submission (more than one: a choice to make). */
  versionCount: number;
}

export interface CoverageRow {
  /** Roster unit id; null for a unit not on the roster. */
  unitId: string | null;
  /** Unit key as in ReportSummary.agencyKey. */
  unitKey: string;
  name: string;
  kind: UnitKind | null;
  parent: string | null;
  aliases: string[];
  cells: CoverageCell[];
}

export interface CoverageView {
  roster: Roster;
  years: number[];
  coverage: CoverageYear[];
  rows: CoverageRow[];
  /** Names in reports that matched no roster unit, with the closest roster names. */
  unmatched: { name: string; reportIds: string[]; suggestions: string[] }[];
}

export interface ChooseVersionArgs {
  submissionKey: string;
  reportId: string;
}

export interface AliasArgs {
  /** The name as a report writes it. */
  alias: string;
  /** The roster unit it means. */
  unitName: string;
}

export interface RosterArgs {
  /** The new roster's units; an empty list goes back to inferring units from the reports. */
  units: RosterUnit[];
}

export type CompareArgs = { agencyKey: string } | { reportIds: [string, string] };

export interface SeriesEntry {
  agencyKey: string;
  /** Agency as written in the latest report. */
  agency: string;
  years: { year: number; reportId: string }[];
}

export interface Comparison {
  agencyKey: string | null;
  /** The earlier and the later report (by year). */
  earlier: { summary: ReportSummary; model: ReportModel };
  later: { summary: ReportSummary; model: ReportModel };
  /** Cross-year findings of the later report that relate to the earlier one. */
  findings: FindingView[];
}

export interface ExportResult {
  /** Null when the user cancelled the save dialog. */
  path: string | null;
}

export interface ExportLettersArgs {
  /** All letters in one .docx (page breaks between letters) instead of one file per unit. */
  oneFile: boolean;
  /** Also list undecided error and warning findings, marked 待核实. */
  includePending: boolean;
}

export interface ExportBriefingArgs {
  includePending: boolean;
}

export interface ExportLettersResult {
  /** The folder (one file per unit) or the file (oneFile); null when cancelled or nothing to write. */
  path: string | null;
  /** Units with problems, i.e. letters in the batch. */
  letters: number;
  /** Files written. */
  written: number;
  /** Existing letter files the reviewer chose to keep. */
  kept: number;
}

/** One report's indicators for the 总览 (values in the order of INDICATOR_DEFS; null = blank). */
export interface IndicatorRow {
  reportId: string;
  agency: string | null;
  year: number | null;
  fileName: string;
  kind: AgencyKind;
  values: (number | null)[];
  /** The quantities the rates are made of, so a view can total a selection (sums first, then ratios). */
  inputs: IndicatorInputs;
}

export interface RuleInfo {
  id: string;
  /** Default severity. */
  severity: Severity;
  /** Effective severity with the user's override. */
  effectiveSeverity: Severity;
  enabled: boolean;
  title: string;
  description: string;
}

export interface DecideArgs {
  fingerprint: string;
  status: ReviewStatus;
  note: string;
}

export interface ImportFilesArgs {
  kind: 'files' | 'folder';
}

export interface ImportPathsArgs {
  /** Absolute paths, from drag-and-drop (webUtils.getPathForFile in the preload). */
  paths: string[];
}

export interface ReportIdArgs {
  id: string;
}

// ───────────────────────── The contract ─────────────────────────

/** One entry per operation: its argument tuple (at most one object) and its result. */
export interface IpcContract {
  getState: { args: []; result: AppState };
  /** Opens a file or folder dialog and imports what the user picks. */
  importFiles: { args: [ImportFilesArgs]; result: ImportResult };
  /** Imports dropped files/folders. */
  importPaths: { args: [ImportPathsArgs]; result: ImportResult };
  /** Imports the shipped sample reports (resources/samples) and clears the first-run flag. */
  openSamples: { args: []; result: ImportResult };
  /** Clears the first-run flag without importing the samples. */
  dismissSamplesOffer: { args: []; result: AppState };
  listReports: { args: []; result: ReportSummary[] };
  getReport: { args: [ReportIdArgs]; result: ReportDetail };
  /** The original file of an imported report (never any other path), unchanged since it was audited. */
  getReportFile: { args: [ReportIdArgs]; result: ReportFile };
  removeReport: { args: [ReportIdArgs]; result: AppState };
  decide: { args: [DecideArgs]; result: DecisionView };
  /** Agencies with more than one year loaded, for the 年度对比 screen. */
  listSeries: { args: []; result: SeriesEntry[] };
  compareYears: { args: [CompareArgs]; result: Comparison };
  /** Save dialog, then writes the findings workbook with the review decisions. */
  exportWorkbook: { args: []; result: ExportResult };
  /** Folder (or file) dialog, asks before replacing existing letters, writes the feedback letters. */
  exportLetters: { args: [ExportLettersArgs]; result: ExportLettersResult };
  /** Save dialog, then writes the briefing (年报审查情况通报). */
  exportBriefing: { args: [ExportBriefingArgs]; result: ExportResult };
  /** The letters' and briefing's settings (设置 → 审查意见与通报). */
  getDocumentSettings: { args: []; result: DocumentSettings };
  setDocumentSettings: { args: [DocumentSettings]; result: DocumentSettings };
  /** Indicators of every report, for the 总览. */
  listIndicators: { args: []; result: IndicatorRow[] };
  getSettings: { args: []; result: AuditSettings };
  /** Replaces the settings and re-runs the rules over every report (decisions kept). */
  setSettings: { args: [AuditSettings]; result: AuditSettings };
  catalogue: { args: []; result: RuleInfo[] };
  /** 报送情况: roster, per-year coverage, per-unit rows, unmatched names. */
  getCoverage: { args: []; result: CoverageView };
  /** Open dialog for a roster file (.xlsx/.csv/.txt); null when cancelled. Replaces the roster and re-audits. */
  importRoster: { args: []; result: CoverageView | null };
  /** Replaces the roster with the edited list (empty: infer from the reports) and re-audits. */
  setRoster: { args: [RosterArgs]; result: CoverageView };
  /** The reviewer's choice of the current version of a submission; re-audits. */
  chooseVersion: { args: [ChooseVersionArgs]; result: AppState };
  /** Remembers that a name written in a report means a roster unit; re-audits. */
  addAlias: { args: [AliasArgs]; result: CoverageView };
  newWorkspace: { args: []; result: AppState };
  /** Open dialog; state unchanged when cancelled. */
  openWorkspace: { args: []; result: AppState };
  saveWorkspace: { args: []; result: AppState };
  saveWorkspaceAs: { args: []; result: AppState };
}

export type MethodName = keyof IpcContract;
export type MethodArgs<K extends MethodName> = IpcContract[K]['args'];
export type MethodResult<K extends MethodName> = IpcContract[K]['result'];

/** The record forces this list to name every method exactly once. */
const METHOD_SET: Record<MethodName, true> = {
  getState: true,
  importFiles: true,
  importPaths: true,
  openSamples: true,
  dismissSamplesOffer: true,
  listReports: true,
  getReport: true,
  getReportFile: true,
  removeReport: true,
  decide: true,
  listSeries: true,
  compareYears: true,
  exportWorkbook: true,
  exportLetters: true,
  exportBriefing: true,
  getDocumentSettings: true,
  setDocumentSettings: true,
  listIndicators: true,
  getSettings: true,
  setSettings: true,
  catalogue: true,
  getCoverage: true,
  importRoster: true,
  setRoster: true,
  chooseVersion: true,
  addAlias: true,
  newWorkspace: true,
  openWorkspace: true,
  saveWorkspace: true,
  saveWorkspaceAs: true,
};

export const IPC_CHANNEL_PREFIX = 'nb:';
export const IPC_EVENT_PREFIX = 'nb-event:';
/** Preload → main only (never exposed to the page): a path webUtils.getPathForFile returned for a dropped file. */
export const IPC_GRANT_CHANNEL = 'nb-grant:path';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_SET, name);
}

export const IPC_METHODS: readonly MethodName[] = Object.keys(METHOD_SET).filter(isMethodName);

// ───────────────────────── Events (main → renderer) ─────────────────────────

export interface ProgressEvent {
  phase: 'read' | 'audit' | 'done';
  /** Files read, or rules run ('audit'), so far. */
  done: number;
  total: number;
  /** File being processed ('' when none). */
  file: string;
  /** What is being done, in Chinese (比对跨年度数据…); absent while reading files. */
  step?: string;
  /**
   * 'audit': the share (0–1) of the running rule done, when a long rule reports it (the
   * cross-agency comparison); the bar stands at (done + fraction) / total.
   */
  fraction?: number;
}

/** Something changed behind the renderer's back (menu action, autosave): refetch. */
export interface ChangedEvent {
  reason: 'import' | 'workspace' | 'settings' | 'saved' | 'decision';
  state: AppState;
}

/** Menu commands the renderer handles (navigation). File operations run in main and emit `changed`. */
export interface MenuEvent {
  command:
    | 'goto-import'
    | 'goto-overview'
    | 'goto-coverage'
    | 'goto-review'
    | 'goto-compare'
    | 'goto-export'
    | 'goto-settings'
    | 'about';
}

export interface IpcEvents {
  progress: ProgressEvent;
  changed: ChangedEvent;
  menu: MenuEvent;
}
export type EventName = keyof IpcEvents;
const EVENT_SET: Record<EventName, true> = { progress: true, changed: true, menu: true };
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENT_SET, name);
}
export const IPC_EVENTS: readonly EventName[] = Object.keys(EVENT_SET).filter(isEventName);

// ───────────────────────── The window API ─────────────────────────

/** What the main process implements: one async handler per method (failures thrown, not Results). */
export type IpcHandlers = {
  [K in MethodName]: (...args: MethodArgs<K>) => Promise<MethodResult<K>>;
};

export type ApiMethods = {
  [K in MethodName]: (...args: MethodArgs<K>) => Promise<Result<MethodResult<K>>>;
};

/** `window.nianbao`, exposed by the preload. */
export type NianbaoApi = ApiMethods & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
  /** Convenience for on('progress', …). */
  onProgress(listener: (payload: ProgressEvent) => void): () => void;
  /** Path of a dropped File (Electron's webUtils.getPathForFile); '' when unknown. */
  getPathForFile(file: File): string;
};
