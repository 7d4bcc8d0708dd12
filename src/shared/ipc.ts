/**
 * The typed IPC contract between the renderer and the main process: one entry per operation,
 * with its argument and result types (plain JSON data), the list of method names, and a runtime
 * validator per method's arguments (the main process never trusts what the renderer sends).
 *
 * The preload builds `window.nianbao` generically from IPC_METHODS:
 *   api[name] = (...args) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, ...args)
 * so a browser test can build the identical object over page.exposeFunction (see buildApi).
 *
 * Every method resolves to a Result: failures the user can act on come back as values
 * ({ ok: false, message } with a Chinese message), never as rejected promises.
 *
 * No runtime dependencies: only `import type` from the core model.
 */
import type { AuditSettings } from '../core/rules/types';
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
} from '../core/model/types';
import type { SubmissionStatus, UnitKind, VersionDiff } from '../core/model/glossary';
import type { ReviewStatus } from '../core/export/types';
import type { DocumentSettings } from '../core/export/documents/settings';
import type { AgencyKind } from '../core/workspace/agency-kind';
import type { IndicatorInputs } from '../core/indicators';

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

export const IPC_METHODS: readonly MethodName[] = Object.keys(METHOD_SET) as MethodName[];

export const IPC_CHANNEL_PREFIX = 'nb:';
export const IPC_EVENT_PREFIX = 'nb-event:';
/** Preload → main only (never exposed to the page): a path webUtils.getPathForFile returned for a dropped file. */
export const IPC_GRANT_CHANNEL = 'nb-grant:path';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_SET, name);
}

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
export const IPC_EVENTS: readonly EventName[] = Object.keys(EVENT_SET) as EventName[];
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENT_SET, name);
}

// ───────────────────────── The window API ─────────────────────────

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

/**
 * Builds the window API from the contract over a transport. The preload passes ipcRenderer.invoke /
 * ipcRenderer.on; a browser test passes functions bound with page.exposeFunction. Same object both ways.
 */
export interface ApiTransport {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
  getPathForFile(file: File): string;
}

/**
 * Self-contained (references nothing outside its parameters), so that browserBridgeScript can ship
 * its source text into a page: the browser harness then runs the very same code as the preload.
 */
export function createApi(
  transport: ApiTransport,
  methods: readonly string[],
  events: readonly string[],
  channelPrefix: string,
  eventPrefix: string,
): NianbaoApi {
  const api: Record<string, unknown> = {};
  for (const name of methods) {
    api[name] = (...args: unknown[]) => transport.invoke(channelPrefix + name, args);
  }
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!events.includes(event)) throw new Error('unknown event ' + String(event));
    return transport.subscribe(eventPrefix + event, (payload) => listener(payload));
  };
  api.on = on;
  api.onProgress = (listener: (payload: unknown) => void) => on('progress', listener);
  api.getPathForFile = (file: File) => transport.getPathForFile(file);
  return Object.freeze(api) as unknown as NianbaoApi;
}

export function buildApi(transport: ApiTransport): NianbaoApi {
  return createApi(transport, IPC_METHODS, IPC_EVENTS, IPC_CHANNEL_PREFIX, IPC_EVENT_PREFIX);
}

/**
 * Init script for browser tests (page.addInitScript({ content: browserBridgeScript() })). It builds
 * window.nianbao with createApi over functions the test binds with page.exposeFunction:
 *   window.__nbInvoke(channel, args) → the real handler's Result (use handleInvoke from src/core/app)
 * and lets the test push events with page.evaluate(([c, p]) => window.__nbEmit(c, p), [channel, payload]).
 * Dropped files have no path in a browser: getPathForFile returns file.__nbPath when a test sets it.
 */
export function browserBridgeScript(globalName = 'nianbao'): string {
  // `__name`: the helper bundlers with keepNames (esbuild, tsx, vitest) insert into function source.
  return `(() => {
  const __name = (f) => f;
  const createApi = ${createApi.toString()};
  const listeners = new Map();
  const transport = {
    invoke: (channel, args) => window.__nbInvoke(channel, args),
    subscribe: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    },
    getPathForFile: (file) => (file && typeof file.__nbPath === 'string' ? file.__nbPath : ''),
  };
  window.__nbEmit = (channel, payload) => { for (const l of listeners.get(channel) || []) l(payload); };
  window[${JSON.stringify(globalName)}] = createApi(transport, ${JSON.stringify(IPC_METHODS)}, ${JSON.stringify(IPC_EVENTS)}, ${JSON.stringify(IPC_CHANNEL_PREFIX)}, ${JSON.stringify(IPC_EVENT_PREFIX)});
})();`;
}

// ───────────────────────── Argument validation ─────────────────────────

export type ArgsCheck<A> = { ok: true; args: A } | { ok: false; message: string };

export const LIMITS = {
  maxPaths: 5000,
  maxPathLength: 4096,
  maxIdLength: 200,
  maxFingerprintLength: 2000,
  maxNoteLength: 4000,
  maxSettingsEntries: 2000,
  maxNameLength: 500,
  maxRosterUnits: 5000,
} as const;

const REVIEW_STATUSES: readonly string[] = ['pending', 'confirmed', 'dismissed'];
const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function hasOnlyKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

function isBoundedString(v: unknown, max: number, allowEmpty = false): v is string {
  return (
    typeof v === 'string' &&
    v.length <= max &&
    (allowEmpty || v.length > 0) &&
    !v.includes('\u0000')
  );
}

/** Absolute path on Windows (C:\…, \\server\share) or POSIX (/…). */
export function isAbsolutePath(v: unknown): v is string {
  if (!isBoundedString(v, LIMITS.maxPathLength)) return false;
  return /^[A-Za-z]:[\\/]/.test(v) || /^\\\\[^\\]+\\[^\\]+/.test(v) || v.startsWith('/');
}

function fail<A>(message: string): ArgsCheck<A> {
  return { ok: false, message };
}

function noArgs(args: unknown[]): ArgsCheck<[]> {
  return args.length === 0 ? { ok: true, args: [] } : fail('此操作不接受参数。');
}

function oneObject(args: unknown[]): Record<string, unknown> | null {
  if (args.length !== 1) return null;
  const [a] = args;
  return isPlainObject(a) ? a : null;
}

function checkReportId(args: unknown[]): ArgsCheck<[ReportIdArgs]> {
  const o = oneObject(args);
  if (!o || !hasOnlyKeys(o, ['id']) || !isBoundedString(o.id, LIMITS.maxIdLength))
    return fail('参数无效：需要报告编号。');
  return { ok: true, args: [{ id: o.id }] };
}

function isStringRecord(
  v: unknown,
  valueOk: (x: unknown) => boolean,
): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const entries = Object.entries(v);
  if (entries.length > LIMITS.maxSettingsEntries) return false;
  return entries.every(
    ([k, x]) =>
      k.length > 0 && k.length <= LIMITS.maxNameLength && !k.includes('\u0000') && valueOk(x),
  );
}

const UNIT_KIND_VALUES: readonly string[] = ['government', 'department', 'township', 'other'];

/** A roster unit from the renderer or a workspace file: bounded strings, a known kind. */
export function validUnit(v: unknown): v is RosterUnit {
  if (!isPlainObject(v) || !hasOnlyKeys(v, ['id', 'name', 'kind', 'parent', 'aliases']))
    return false;
  return (
    isBoundedString(v.id, LIMITS.maxIdLength) &&
    isBoundedString(v.name, LIMITS.maxNameLength) &&
    typeof v.kind === 'string' &&
    UNIT_KIND_VALUES.includes(v.kind) &&
    (v.parent === null || isBoundedString(v.parent, LIMITS.maxNameLength, true)) &&
    Array.isArray(v.aliases) &&
    v.aliases.length <= 50 &&
    v.aliases.every((a) => isBoundedString(a, LIMITS.maxNameLength))
  );
}

function validRoster(v: unknown): v is Roster | null {
  if (v === null) return true;
  if (!isPlainObject(v) || !hasOnlyKeys(v, ['source', 'inferred', 'units'])) return false;
  return (
    (v.source === null || isBoundedString(v.source, LIMITS.maxPathLength)) &&
    v.inferred === false &&
    Array.isArray(v.units) &&
    v.units.length <= LIMITS.maxRosterUnits &&
    v.units.every(validUnit)
  );
}

export function validateSettings(v: unknown): ArgsCheck<[AuditSettings]> {
  if (
    !isPlainObject(v) ||
    !hasOnlyKeys(v, ['disabled', 'severities', 'deadlines', 'aliases', 'roster', 'versionChoices'])
  )
    return fail('设置格式无效。');
  const { disabled, severities, deadlines, aliases, roster, versionChoices } = v;
  if (
    !Array.isArray(disabled) ||
    disabled.length > LIMITS.maxSettingsEntries ||
    !disabled.every((d) => isBoundedString(d, LIMITS.maxIdLength))
  ) {
    return fail('设置无效：停用规则列表格式错误。');
  }
  if (!isStringRecord(severities, (s) => typeof s === 'string' && SEVERITIES.includes(s))) {
    return fail('设置无效：严重程度只能是“错误”“警告”或“提示”。');
  }
  if (!isPlainObject(deadlines) || !hasOnlyKeys(deadlines, ['department', 'government']))
    return fail('设置无效：公开期限格式错误。');
  const { department, government } = deadlines;
  if (
    typeof department !== 'string' ||
    !MM_DD.test(department) ||
    typeof government !== 'string' ||
    !MM_DD.test(government)
  ) {
    return fail('设置无效：公开期限应为“月-日”格式，例如 01-31。');
  }
  if (!isStringRecord(aliases, (s) => isBoundedString(s, LIMITS.maxNameLength)))
    return fail('设置无效：单位别名格式错误。');
  if (roster !== undefined && !validRoster(roster)) return fail('设置无效：单位名单格式错误。');
  if (
    versionChoices !== undefined &&
    !isStringRecord(versionChoices, (s) => isBoundedString(s, LIMITS.maxPathLength))
  ) {
    return fail('设置无效：版本选择格式错误。');
  }
  return {
    ok: true,
    args: [
      {
        disabled: [...(disabled as string[])],
        severities: { ...(severities as Record<string, Severity>) },
        deadlines: { department, government },
        aliases: { ...(aliases as Record<string, string>) },
        ...(roster !== undefined ? { roster: roster as Roster | null } : {}),
        ...(versionChoices !== undefined
          ? { versionChoices: { ...(versionChoices as Record<string, string>) } }
          : {}),
      },
    ],
  };
}

/** Every key of DocumentSettings, by kind (the Record makes the compiler keep this list complete). */
const DOCUMENT_SETTING_KEYS: Record<keyof DocumentSettings, 'text' | 'date'> = {
  office: 'text',
  letterTitle: 'text',
  letterOpening: 'text',
  letterClosing: 'text',
  briefingTitle: 'text',
  briefingClosing: 'text',
  deadline: 'date',
  issueDate: 'date',
};
const MAX_DOCUMENT_TEXT = 2000;

function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Why a DocumentSettings from the renderer cannot be saved (Chinese), or null. */
export function documentSettingsProblem(v: unknown): string | null {
  if (!isPlainObject(v)) return '设置格式无效。';
  const keys = Object.keys(DOCUMENT_SETTING_KEYS);
  if (!hasOnlyKeys(v, keys) || keys.some((k) => typeof v[k] !== 'string')) return '设置格式无效。';
  for (const [k, kind] of Object.entries(DOCUMENT_SETTING_KEYS)) {
    const x = v[k] as string;
    if (kind === 'text') {
      if (!x.trim()) return '发文机关、标题和正文模板都不能为空。';
      if (!isBoundedString(x, MAX_DOCUMENT_TEXT)) return `每项文字不超过 ${MAX_DOCUMENT_TEXT} 字。`;
    } else if (x !== '' && !isIsoDate(x)) {
      return '日期应为“年-月-日”格式，例如 2025-04-30，或留空。';
    }
  }
  return null;
}

type Validators = { [K in MethodName]: (args: unknown[]) => ArgsCheck<MethodArgs<K>> };

export const VALIDATORS: Validators = {
  getState: noArgs,
  importFiles(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['kind']) || (o.kind !== 'files' && o.kind !== 'folder'))
      return fail('参数无效：导入方式应为文件或文件夹。');
    return { ok: true, args: [{ kind: o.kind }] };
  },
  importPaths(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['paths']) || !Array.isArray(o.paths))
      return fail('参数无效：需要文件路径列表。');
    if (o.paths.length === 0) return fail('没有可导入的文件。');
    if (o.paths.length > LIMITS.maxPaths) return fail(`一次最多导入 ${LIMITS.maxPaths} 个文件。`);
    if (!o.paths.every(isAbsolutePath)) return fail('参数无效：文件路径必须是完整的绝对路径。');
    return { ok: true, args: [{ paths: [...(o.paths as string[])] }] };
  },
  openSamples: noArgs,
  dismissSamplesOffer: noArgs,
  listReports: noArgs,
  getReport: checkReportId,
  getReportFile: checkReportId,
  removeReport: checkReportId,
  decide(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['fingerprint', 'status', 'note']))
      return fail('参数无效：审查结论格式错误。');
    if (!isBoundedString(o.fingerprint, LIMITS.maxFingerprintLength))
      return fail('参数无效：缺少问题标识。');
    if (typeof o.status !== 'string' || !REVIEW_STATUSES.includes(o.status))
      return fail('参数无效：审查状态只能是待审查、已确认或已排除。');
    if (typeof o.note !== 'string' || o.note.length > LIMITS.maxNoteLength) {
      return fail(`参数无效：备注须为文字，且不超过 ${LIMITS.maxNoteLength} 字。`);
    }
    return {
      ok: true,
      args: [{ fingerprint: o.fingerprint, status: o.status as ReviewStatus, note: o.note }],
    };
  },
  listSeries: noArgs,
  compareYears(args) {
    const o = oneObject(args);
    if (o && hasOnlyKeys(o, ['agencyKey']) && isBoundedString(o.agencyKey, LIMITS.maxNameLength)) {
      return { ok: true, args: [{ agencyKey: o.agencyKey }] };
    }
    if (
      o &&
      hasOnlyKeys(o, ['reportIds']) &&
      Array.isArray(o.reportIds) &&
      o.reportIds.length === 2
    ) {
      const [a, b] = o.reportIds as unknown[];
      if (
        isBoundedString(a, LIMITS.maxIdLength) &&
        isBoundedString(b, LIMITS.maxIdLength) &&
        a !== b
      ) {
        return { ok: true, args: [{ reportIds: [a, b] }] };
      }
    }
    return fail('参数无效：需要单位，或两份不同的报告。');
  },
  exportWorkbook: noArgs,
  exportLetters(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['oneFile', 'includePending']) ||
      typeof o.oneFile !== 'boolean' ||
      typeof o.includePending !== 'boolean'
    ) {
      return fail('参数无效：导出审查意见的选项格式错误。');
    }
    return { ok: true, args: [{ oneFile: o.oneFile, includePending: o.includePending }] };
  },
  exportBriefing(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['includePending']) || typeof o.includePending !== 'boolean')
      return fail('参数无效：导出通报的选项格式错误。');
    return { ok: true, args: [{ includePending: o.includePending }] };
  },
  getDocumentSettings: noArgs,
  setDocumentSettings(args) {
    if (args.length !== 1) return fail('设置格式无效。');
    const problem = documentSettingsProblem(args[0]);
    if (problem) return fail(problem);
    return { ok: true, args: [{ ...(args[0] as DocumentSettings) }] };
  },
  listIndicators: noArgs,
  getSettings: noArgs,
  setSettings(args) {
    if (args.length !== 1) return fail('设置格式无效。');
    return validateSettings(args[0]);
  },
  catalogue: noArgs,
  getCoverage: noArgs,
  importRoster: noArgs,
  setRoster(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['units']) ||
      !Array.isArray(o.units) ||
      o.units.length > LIMITS.maxRosterUnits
    )
      return fail('参数无效：单位名单格式错误。');
    if (!o.units.every(validUnit))
      return fail('参数无效：单位名单中有格式错误的单位（名称不能为空）。');
    return {
      ok: true,
      args: [{ units: (o.units as RosterUnit[]).map((u) => ({ ...u, aliases: [...u.aliases] })) }],
    };
  },
  chooseVersion(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['submissionKey', 'reportId']) ||
      !isBoundedString(o.submissionKey, LIMITS.maxNameLength) ||
      !isBoundedString(o.reportId, LIMITS.maxIdLength)
    ) {
      return fail('参数无效：需要报送记录和所选版本。');
    }
    return { ok: true, args: [{ submissionKey: o.submissionKey, reportId: o.reportId }] };
  },
  addAlias(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['alias', 'unitName']) ||
      !isBoundedString(o.alias, LIMITS.maxNameLength) ||
      !isBoundedString(o.unitName, LIMITS.maxNameLength)
    ) {
      return fail('参数无效：需要报告中的名称和名单中的单位。');
    }
    return { ok: true, args: [{ alias: o.alias, unitName: o.unitName }] };
  },
  newWorkspace: noArgs,
  openWorkspace: noArgs,
  saveWorkspace: noArgs,
  saveWorkspaceAs: noArgs,
};

/** Validates a call by (untrusted) name and arguments. */
export function validateCall(
  name: unknown,
  args: unknown,
): { ok: true; name: MethodName; args: unknown[] } | { ok: false; message: string } {
  if (!isMethodName(name)) return { ok: false, message: `未知操作：${String(name).slice(0, 60)}` };
  if (!Array.isArray(args)) return { ok: false, message: '参数无效。' };
  const check = VALIDATORS[name](args as unknown[]) as ArgsCheck<unknown[]>;
  if (!check.ok) return check;
  return { ok: true, name, args: check.args };
}
