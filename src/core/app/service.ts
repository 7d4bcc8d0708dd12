/**
 * The application service: the real implementation of every IPC method, framework-free. The
 * Electron main process wires it to ipcMain (with real dialogs and a worker-thread runner); tests
 * and the browser harness call it directly with fake dialogs and an in-process runner.
 *
 * Expected failures throw UserError (Chinese message); invoke.ts turns every error into a value.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findingFingerprint, findingKey } from '../model/fingerprint';
import type { Finding, ReportModel, Roster, Severity, SkippedFile, WorkspaceView } from '../model/types';
import { collect, failureMessage, lateReports } from '../pipeline';
import { CURRENT_REASON_LABELS, coverageOf } from '../workspace/submissions';
import { compareVersions } from '../workspace/versions';
import { readRoster } from '../workspace/roster';
import { describeLocation } from '../export/location';
import { writeAuditWorkbook } from '../export/workbook';
import type { ReviewDecision } from '../export/types';
import { mergeSettings, workspaceOf } from '../rules/engine';
import { catalogue as ruleCatalogue } from '../rules/registry';
import type { AuditSettings } from '../rules/types';
import { WorkspaceStore, reportKeyOf, WORKSPACE_EXTENSION } from '../store';
import type { StoreOptions, StoredDecision, StoredFinding, StoredReport } from '../store';
import type {
  AliasArgs,
  AppState,
  ChooseVersionArgs,
  CompareArgs,
  CoverageRow,
  CoverageView,
  Comparison,
  DecideArgs,
  DecisionView,
  EventName,
  ExportResult,
  FindingView,
  ImportFilesArgs,
  ImportPathsArgs,
  ImportResult,
  IpcEvents,
  MethodArgs,
  MethodName,
  MethodResult,
  ReportDetail,
  ReportIdArgs,
  ReportSummary,
  ResolvedDecision,
  RosterArgs,
  RuleInfo,
  SeriesEntry,
  VersionInfo,
} from '../../shared/ipc';
import { loadConfig, saveConfig } from './config';
import type { AppConfig } from './config';
import { UserError } from './errors';
import { inProcessRunner } from './pipeline';
import type { ExtractRunner } from './pipeline';

/** Native dialogs, injected (Electron's dialog module in the app; fakes in tests). null = cancelled. */
export interface Dialogs {
  openFiles(): Promise<string[] | null>;
  openFolder(): Promise<string | null>;
  openWorkspace(): Promise<string | null>;
  saveWorkspace(defaultName: string): Promise<string | null>;
  saveWorkbook(defaultName: string): Promise<string | null>;
  /** A roster file (.xlsx, .csv, .txt). */
  openRoster(): Promise<string | null>;
  /** Asks whether unsaved work in an untitled workspace may be discarded. */
  confirmDiscard(): Promise<boolean>;
}

export interface EventSink {
  emit<E extends EventName>(event: E, payload: IpcEvents[E]): void;
}

export interface ServiceOptions {
  /** Per-user folder: config.json and the untitled workspace's recovery file. */
  userDataDir: string;
  /** Shipped sample reports (resources/samples); null when not shipped. */
  samplesDir: string | null;
  dialogs: Dialogs;
  runner?: ExtractRunner;
  events?: EventSink;
  appVersion?: string;
  /** Autosave debounce, ms (default 1000). */
  autosaveMs?: number;
  wasmPath?: string;
}

export type ServiceHandlers = { [K in MethodName]: (...args: MethodArgs<K>) => Promise<MethodResult<K>> };

const UNTITLED = '未命名工作区';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function emptyImport(cancelled = false): ImportResult {
  return { cancelled, added: [], updated: [], unchanged: [], failures: [], skipped: [] };
}

export class AppService implements ServiceHandlers {
  private store!: WorkspaceStore;
  private config: AppConfig = { samplesOffered: false, lastWorkspace: null };
  private busy = false;
  private auditQueue: Promise<void> = Promise.resolve();
  private skipped: SkippedFile[] = [];
  private notices: string[] = [];
  private readonly runner: ExtractRunner;
  private readonly events: EventSink;

  private constructor(private readonly options: ServiceOptions) {
    this.runner = options.runner ?? inProcessRunner();
    this.events = options.events ?? { emit: () => undefined };
  }

  /** Starts the service: reopens the last workspace, or the untitled one a crash left, or a new one. */
  static async start(options: ServiceOptions): Promise<AppService> {
    const service = new AppService(options);
    await mkdir(options.userDataDir, { recursive: true });
    service.config = await loadConfig(service.configPath);
    const last = service.config.lastWorkspace;
    if (last && !existsSync(last)) service.notices.push(`上次的工作区「${basename(last)}」已不在原位置（${last}），请通过“打开工作区”重新选择。`);
    if (last && existsSync(last)) {
      try {
        await service.switchTo(last, false);
        return service;
      } catch (err) {
        service.notices.push(`无法打开上次的工作区「${basename(last)}」：${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (existsSync(service.recoveryPath)) {
      try {
        await service.switchTo(service.recoveryPath, true);
        return service;
      } catch {
        service.notices.push('上次未命名工作区的恢复文件已损坏，已新建工作区。');
      }
    }
    service.store = await WorkspaceStore.create(service.storeOptions());
    return service;
  }

  private get configPath(): string {
    return join(this.options.userDataDir, 'config.json');
  }
  private get recoveryPath(): string {
    return join(this.options.userDataDir, `untitled${WORKSPACE_EXTENSION}`);
  }

  private storeOptions(): StoreOptions {
    return {
      autosaveMs: this.options.autosaveMs ?? 1000,
      recoveryPath: this.recoveryPath,
      ...(this.options.wasmPath ? { wasmPath: this.options.wasmPath } : {}),
      onSaved: () => {
        // The first save of a new store happens before it is installed here.
        const current = this.store as WorkspaceStore | undefined;
        if (current !== undefined && !current.isClosed) this.events.emit('changed', { reason: 'saved', state: this.state() });
      },
      onSaveError: (err: unknown) => this.notices.push(`自动保存失败：${err instanceof Error ? err.message : String(err)}（审查结论已记入日志，不会丢失）`),
    };
  }

  private async switchTo(path: string, untitled: boolean): Promise<void> {
    const { store, notes } = await WorkspaceStore.open(path, this.storeOptions(), untitled);
    if (this.store) await this.store.close().catch(() => undefined);
    this.store = store;
    this.skipped = [];
    this.notices.push(...notes);
    await this.rememberWorkspace(untitled ? null : path);
  }

  private async rememberWorkspace(path: string | null): Promise<void> {
    this.config.lastWorkspace = path;
    await saveConfig(this.configPath, this.config).catch(() => undefined);
  }

  /** Saves pending changes and closes (app quit). */
  async shutdown(): Promise<void> {
    await this.store.close();
  }

  /** For tests and the shell: the open store. */
  get workspace(): WorkspaceStore {
    return this.store;
  }

  // ───────────── state ─────────────

  /**
   * `consume`: hand the pending notices over. Only getState does: an event may be sent before the
   * page listens, so events never carry notices, and each notice reaches the page exactly once.
   */
  private state(consume = false): AppState {
    const path = this.store.path;
    const notices = consume ? this.notices.splice(0) : [];
    return {
      workspace: { path, name: path ? basename(path) : UNTITLED, dirty: this.store.dirty, lastSavedAt: this.store.lastSavedAt },
      reportCount: this.store.reportCount(),
      failures: this.store.failures(),
      skipped: [...this.skipped],
      firstRun: !this.config.samplesOffered,
      samplesAvailable: this.samplesDirExists(),
      busy: this.busy,
      resolvedCount: this.store.resolvedDecisions().length,
      appVersion: this.options.appVersion ?? '0.0.0',
      ...(notices.length ? { notices } : {}),
    };
  }

  private samplesDirExists(): boolean {
    return this.options.samplesDir !== null && existsSync(this.options.samplesDir);
  }

  async getState(): Promise<AppState> {
    return this.state(true);
  }

  // ───────────── import ─────────────

  async importFiles(args: ImportFilesArgs): Promise<ImportResult> {
    const { dialogs } = this.options;
    let paths: string[] | null;
    if (args.kind === 'folder') {
      const dir = await dialogs.openFolder();
      paths = dir ? [dir] : null;
    } else {
      paths = await dialogs.openFiles();
    }
    if (!paths || paths.length === 0) return emptyImport(true);
    return this.importInternal(paths);
  }

  async importPaths(args: ImportPathsArgs): Promise<ImportResult> {
    return this.importInternal(args.paths);
  }

  async openSamples(): Promise<ImportResult> {
    const dir = this.options.samplesDir;
    if (!dir || !existsSync(dir)) throw new UserError('未找到随软件提供的示例报告。');
    await this.markSamplesOffered();
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
    if (names.length === 0) throw new UserError('示例报告文件夹是空的。');
    return this.importInternal([dir]);
  }

  async dismissSamplesOffer(): Promise<AppState> {
    await this.markSamplesOffered();
    return this.state();
  }

  private async markSamplesOffered(): Promise<void> {
    if (this.config.samplesOffered) return;
    this.config.samplesOffered = true;
    await saveConfig(this.configPath, this.config).catch(() => undefined);
  }

  private async importInternal(paths: readonly string[]): Promise<ImportResult> {
    if (this.busy) throw new UserError('正在导入，请等待当前导入完成。');
    this.busy = true;
    try {
      const result = emptyImport();
      this.events.emit('progress', { phase: 'read', done: 0, total: 0, file: '' });
      const collected = await collect(paths);
      result.skipped = collected.skipped;
      result.failures.push(...collected.failures);
      const known = this.store.fileHashes();
      const outcomes = await this.runner.run(collected.files, known, (p) => this.events.emit('progress', { phase: 'read', ...p }));
      for (const o of outcomes) {
        if (o.kind === 'failed') {
          result.failures.push(o.failure);
        } else if (o.kind === 'skipped') {
          result.skipped.push(o.skipped);
        } else if (o.kind === 'unchanged') {
          const id = this.store.reportIdOfPath(o.path);
          if (id) result.unchanged.push(id);
        } else {
          const { id, status } = this.store.upsertReport(o.file);
          if (status === 'added') result.added.push(id);
          else if (status === 'updated') result.updated.push(id);
          else result.unchanged.push(id);
        }
      }
      for (const f of result.failures) this.store.recordFailure(f.file, f.message);
      this.skipped = result.skipped;
      const total = collected.files.length;
      this.events.emit('progress', { phase: 'audit', done: total, total, file: '' });
      if (result.added.length || result.updated.length) await this.reaudit();
      this.events.emit('progress', { phase: 'done', done: total, total, file: '' });
      // Imports are not journaled: save at once rather than after the debounce.
      await this.store.save().catch((err: unknown) => this.notices.push(`保存工作区失败：${err instanceof Error ? err.message : String(err)}`));
      this.events.emit('changed', { reason: 'import', state: this.state() });
      return result;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Runs every rule over the whole workspace (in the runner: a worker thread in the app) and stores
   * the findings with fingerprints and locations. Serialised: each run reads the state current when
   * it starts, so the last one queued wins.
   */
  private reaudit(): Promise<void> {
    const next = this.auditQueue.then(() => this.reauditNow());
    this.auditQueue = next.catch(() => undefined);
    return next;
  }

  private async reauditNow(): Promise<void> {
    const store = this.store;
    const models = modelsOf(store.listReports());
    const byId = new Map(models.map((m) => [m.id, m]));
    const found = await this.runner.audit(models, mergeSettings(store.settings()));
    if (store !== this.store || store.isClosed) return; // the workspace was switched meanwhile
    const rows = new Map<string, Omit<StoredFinding, 'reportId'>[]>();
    for (const [id, list] of found) {
      const model = byId.get(id);
      if (!model) continue;
      rows.set(
        id,
        list.map((finding) => ({ fingerprint: findingFingerprint(model, finding), finding, location: this.locationOf(finding, model) })),
      );
    }
    store.replaceFindings(rows);
  }

  private locationOf(finding: Finding, model: ReportModel): string {
    try {
      return describeLocation(finding, model);
    } catch {
      return '';
    }
  }

  // ───────────── reports ─────────────

  private ruleTitles(): Map<string, string> {
    return new Map(ruleCatalogue().map((m) => [m.id, m.title]));
  }

  /** Units, submissions and versions of the workspace as the rules see them (same settings, same models). */
  /**
   * Every report with its model, and the units/submissions view built from them: since issue 8 every
   * screen (getReport, listReports, getCoverage) needs both, and with 500 reports parsing the models
   * takes ~0.2 s and building the view ~0.1 s per call (500 getReport calls took over 3 minutes).
   * Cached on the store's cheap stamp (ids, paths, hashes, audit times) and, for the view, on the
   * roster, aliases and version choices. Callers treat both as read-only.
   */
  private reportCache: { store: WorkspaceStore; stamp: string; reports: StoredReport[] } | null = null;
  private viewCache: { key: string; view: Omit<WorkspaceView, 'coverage'> } | null = null;

  private allReports(): StoredReport[] {
    const stamp = this.store.reportsStamp();
    if (this.reportCache?.store === this.store && this.reportCache.stamp === stamp) return this.reportCache.reports;
    const reports = this.store.listReports();
    this.reportCache = { store: this.store, stamp, reports };
    return reports;
  }

  private workspaceView(reports: readonly StoredReport[] = this.allReports()): Omit<WorkspaceView, 'coverage'> {
    const settings = mergeSettings(this.store.settings());
    const key = JSON.stringify([
      reports.map((r) => [r.id, r.path, r.sha256, r.auditedAt]),
      settings.roster ?? null,
      settings.aliases,
      settings.versionChoices ?? {},
    ]);
    if (this.viewCache?.key === key) return this.viewCache.view;
    const view = workspaceOf(modelsOf(reports), settings);
    this.viewCache = { key, view };
    return view;
  }

  private summaries(): ReportSummary[] {
    const decisions = this.store.decisions();
    const findings = this.store.findings();
    const byReport = new Map<string, StoredFinding[]>();
    for (const f of findings) {
      const list = byReport.get(f.reportId) ?? [];
      list.push(f);
      byReport.set(f.reportId, list);
    }
    const reports = this.allReports();
    const view = this.workspaceView(reports);
    return reports.map((r) => this.summaryOf(r, byReport.get(r.id) ?? [], decisions, view));
  }

  private summaryOf(
    r: StoredReport,
    findings: readonly StoredFinding[],
    decisions: ReadonlyMap<string, StoredDecision>,
    view: Omit<WorkspaceView, 'coverage'>,
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
    const submission = place?.submission ? view.submissions.find((x) => x.key === place.submission) : undefined;
    return {
      id: r.id,
      file: r.path,
      fileName: basename(r.path.replace(/\\/g, '/')),
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

  async listReports(): Promise<ReportSummary[]> {
    return this.summaries();
  }

  private views(findings: readonly StoredFinding[], decisions: ReadonlyMap<string, StoredDecision>, titles: ReadonlyMap<string, string>): FindingView[] {
    return findings.map((f) => ({
      ...f.finding,
      fingerprint: f.fingerprint,
      ruleTitle: titles.get(f.finding.ruleId) ?? f.finding.ruleId,
      location: f.location,
      decision: decisionView(decisions.get(f.fingerprint)),
    }));
  }

  private requireReport(id: string): StoredReport {
    const r = this.store.getReport(id);
    if (!r) throw new UserError('找不到该报告，可能已被移除。');
    return r;
  }

  async getReport(args: ReportIdArgs): Promise<ReportDetail> {
    const r = this.requireReport(args.id);
    const content = this.store.reportContent(r.id) ?? { html: '', notes: [] };
    const findings = this.store.findings(r.id);
    const decisions = this.store.decisions();
    const titles = this.ruleTitles();
    const resolved: ResolvedDecision[] = this.store.resolvedDecisions({ reportKey: reportKeyOf(r.model), reportId: r.id }).map((d) => ({
      fingerprint: d.fingerprint,
      ruleId: d.ruleId,
      ruleTitle: titles.get(d.ruleId) ?? d.ruleId,
      status: d.status,
      note: d.note,
      updatedAt: d.updatedAt,
      lastMessage: d.lastMessage,
      lastLocation: d.lastLocation,
    }));
    const reports = this.allReports();
    const view = this.workspaceView(reports);
    const views = this.views(findings, decisions, titles);
    return {
      summary: this.summaryOf(r, findings, decisions, view),
      model: r.model,
      findings: views,
      html: content.html,
      notes: content.notes,
      resolvedDecisions: resolved,
      versions: this.versionInfo(r, views, reports, view, decisions, titles),
    };
  }

  /**
   * The versions of the report's submission and, between the current version and the one it
   * replaced, the 整改 comparison: each finding persists or is new; the replaced version's findings
   * that are gone are listed as fixed; a decision taken on the replaced version is shown as
   * carried on the same finding of the current one until the reviewer decides it anew.
   */
  private versionInfo(
    r: StoredReport,
    views: FindingView[],
    reports: readonly StoredReport[],
    view: Omit<WorkspaceView, 'coverage'>,
    decisions: ReadonlyMap<string, StoredDecision>,
    titles: ReadonlyMap<string, string>,
  ): VersionInfo | null {
    const key = view.placements[r.id]?.submission;
    const submission = key ? view.submissions.find((x) => x.key === key) : undefined;
    if (!submission) return null;
    const byId = new Map(reports.map((x) => [x.id, x]));
    const nameOf = (id: string) => basename((byId.get(id)?.path ?? '').replace(/\\/g, '/'));
    const info: VersionInfo = {
      submissionKey: submission.key,
      unitName: submission.unitName,
      year: submission.year,
      currentReason: CURRENT_REASON_LABELS[submission.currentReason],
      versions: submission.versions.map((id) => ({
        id,
        fileName: nameOf(id),
        current: id === submission.current,
        duplicates: (submission.duplicates.find((d) => d.of === id)?.files ?? []).map((f) => basename(f.replace(/\\/g, '/'))),
      })),
      fixed: [],
      previousFile: null,
    };
    const [currentId, previousId] = submission.versions;
    if (r.id !== currentId || previousId === undefined) return info;
    const previous = byId.get(previousId);
    if (!previous) return info;
    info.previousFile = nameOf(previousId);
    const prevFindings = this.store.findings(previousId);
    const models = new Map([
      [r.id, r.model],
      [previous.id, previous.model],
    ]);
    const cmp = compareVersions([submission], models, new Map([
      [r.id, views],
      [previous.id, prevFindings.map((f) => f.finding)],
    ])).get(r.id);
    const prevByKey = new Map(prevFindings.map((f) => [findingKey(previous.model, f.finding), f]));
    views.forEach((v, i) => {
      const diff = cmp?.status.get(r.id)?.[i];
      if (diff) v.versionDiff = diff;
      const earlier = prevByKey.get(findingKey(r.model, v));
      const carried = earlier ? decisions.get(earlier.fingerprint) : undefined;
      if (carried && v.decision.status === 'pending' && !v.decision.note) {
        v.carried = { status: carried.status, note: carried.note, updatedAt: carried.updatedAt, fromFile: info.previousFile ?? '' };
      }
    });
    info.fixed = this.views(
      prevFindings.filter((_, i) => cmp?.status.get(previous.id)?.[i] === 'fixed'),
      decisions,
      titles,
    ).map((v) => ({ ...v, versionDiff: 'fixed' as const }));
    return info;
  }

  async removeReport(args: ReportIdArgs): Promise<AppState> {
    this.requireReport(args.id);
    this.store.removeReport(args.id);
    await this.reaudit();
    this.events.emit('changed', { reason: 'import', state: this.state() });
    return this.state();
  }

  // ───────────── review ─────────────

  async decide(args: DecideArgs): Promise<DecisionView> {
    const current = this.store.findingByFingerprint(args.fingerprint);
    const previous = this.store.decision(args.fingerprint);
    if (!current && !previous) throw new UserError('该问题已不存在，请刷新后重试。');
    let ruleId: string;
    let reportKey: string;
    let reportId: string;
    let lastMessage: string;
    let lastLocation: string;
    if (current) {
      const report = this.requireReport(current.reportId);
      ruleId = current.finding.ruleId;
      reportKey = reportKeyOf(report.model);
      reportId = report.id;
      lastMessage = current.finding.message;
      lastLocation = current.location;
    } else {
      // A resolved decision being revised: keep what it was about.
      const p = previous as StoredDecision;
      ({ ruleId, reportKey, reportId, lastMessage, lastLocation } = p);
    }
    const saved = this.store.decide({
      fingerprint: args.fingerprint,
      status: args.status,
      note: args.note,
      updatedAt: new Date().toISOString(),
      ruleId,
      reportKey,
      reportId,
      lastMessage,
      lastLocation,
    });
    return decisionView(saved);
  }

  // ───────────── years ─────────────

  /** Units with more than one year loaded (current versions), by unit identity. */
  async listSeries(): Promise<SeriesEntry[]> {
    const groups = new Map<string, { agency: string; years: Map<number, string> }>();
    for (const s of this.summaries()) {
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
        years: [...g.years.entries()].sort((a, b) => a[0] - b[0]).map(([year, reportId]) => ({ year, reportId })),
      }))
      .sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN'));
  }

  async compareYears(args: CompareArgs): Promise<Comparison> {
    let ids: [string, string];
    let key: string | null = null;
    if ('agencyKey' in args) {
      const entry = (await this.listSeries()).find((s) => s.agencyKey === args.agencyKey);
      if (!entry) throw new UserError('该单位没有两个年度的报告，无法对比。');
      const [a, b] = entry.years.slice(-2);
      ids = [(a as { reportId: string }).reportId, (b as { reportId: string }).reportId];
      key = entry.agencyKey;
    } else {
      ids = args.reportIds;
    }
    const [r1, r2] = ids.map((id) => this.requireReport(id)) as [StoredReport, StoredReport];
    const [earlier, later] = (r1.model.year ?? 0) <= (r2.model.year ?? 0) ? [r1, r2] : [r2, r1];
    const decisions = this.store.decisions();
    const view = this.workspaceView();
    key ??= view.placements[later.id]?.unitKey ?? null;
    const laterFindings = this.store.findings(later.id);
    const related = laterFindings.filter((f) => f.finding.relatedReport === earlier.id);
    return {
      agencyKey: key,
      earlier: { summary: this.summaryOf(earlier, this.store.findings(earlier.id), decisions, view), model: earlier.model },
      later: { summary: this.summaryOf(later, laterFindings, decisions, view), model: later.model },
      findings: this.views(related, decisions, this.ruleTitles()),
    };
  }

  // ───────────── export ─────────────

  async exportWorkbook(): Promise<ExportResult> {
    const reports = this.allReports();
    if (reports.length === 0) throw new UserError('工作区中还没有报告，无法导出。');
    const target = await this.options.dialogs.saveWorkbook(`年报审查结果-${new Date().toISOString().slice(0, 10)}.xlsx`);
    if (!target) return { path: null };
    const decisions = new Map<string, ReviewDecision>();
    for (const [fp, d] of this.store.decisions()) decisions.set(fp, { status: d.status, note: d.note });
    const findings = this.store.findings();
    const byReport = new Map<string, Finding[]>();
    for (const f of findings) byReport.set(f.reportId, [...(byReport.get(f.reportId) ?? []), f.finding]);
    const view = this.workspaceView(reports);
    const failures = this.store.failures();
    try {
      await writeAuditWorkbook(target, {
        reports: reports.map((r) => ({ model: r.model, findings: byReport.get(r.id) ?? [] })),
        decisions,
        failures,
        workspace: { ...view, coverage: coverageOf(view, lateReports(byReport)) },
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') throw new UserError('无法写入该文件：文件可能正在 Excel 中打开，请关闭后重试。');
      throw err;
    }
    return { path: target };
  }

  // ───────────── settings ─────────────

  async getSettings(): Promise<AuditSettings> {
    return mergeSettings(this.store.settings());
  }

  async setSettings(settings: AuditSettings): Promise<AuditSettings> {
    const known = new Set(ruleCatalogue().map((m) => m.id));
    const unknown = [...settings.disabled, ...Object.keys(settings.severities)].filter((id) => !known.has(id));
    if (unknown.length) throw new UserError(`未知的规则编号：${unknown.slice(0, 3).join('、')}`);
    this.store.setSettings(mergeSettings(settings));
    await this.reaudit();
    this.events.emit('changed', { reason: 'settings', state: this.state() });
    return this.getSettings();
  }

  async catalogue(): Promise<RuleInfo[]> {
    const settings = this.store.settings();
    return ruleCatalogue().map((m) => {
      const severity = (SEVERITIES as readonly string[]).includes(m.severity) ? (m.severity as Severity) : 'info';
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

  // ───────────── units, roster, versions ─────────────

  async getCoverage(): Promise<CoverageView> {
    const reports = this.allReports();
    const view = this.workspaceView(reports);
    const findings = new Map<string, Finding[]>();
    for (const f of this.store.findings()) findings.set(f.reportId, [...(findings.get(f.reportId) ?? []), f.finding]);
    const late = lateReports(findings);
    const coverage = coverageOf(view, late);
    const years = coverage.map((c) => c.year);
    const fileName = new Map(reports.map((r) => [r.id, basename(r.path.replace(/\\/g, '/'))]));
    const firstYear = new Map<string, number>();
    for (const x of view.submissions) if (x.unit) firstYear.set(x.unit, Math.min(firstYear.get(x.unit) ?? x.year, x.year));
    const cellsFor = (match: (sub: (typeof view.submissions)[number]) => boolean, expectedFrom: number | null, outside: boolean) =>
      years.map((year) => {
        const sub = view.submissions.find((x) => x.year === year && match(x));
        if (sub) {
          const status = outside ? 'notOnRoster' : late.has(sub.current) ? 'late' : 'onTime';
          return { year, status, reportId: sub.current, fileName: fileName.get(sub.current) ?? null, versionCount: sub.versions.length } as const;
        }
        const expected = !outside && (expectedFrom === null || expectedFrom <= year);
        return { year, status: expected ? ('missing' as const) : null, reportId: null, fileName: null, versionCount: 0 };
      });
    const rows: CoverageRow[] = view.roster.units.map((u) => ({
      unitId: u.id,
      unitKey: u.id,
      name: u.name,
      kind: u.kind,
      parent: u.parent,
      aliases: u.aliases,
      cells: cellsFor((x) => x.unit === u.id, view.roster.inferred ? (firstYear.get(u.id) ?? Infinity) : null, false),
    }));
    const outsiders = new Map<string, string>();
    for (const [id, p] of Object.entries(view.placements)) if (p.unit === null && !outsiders.has(p.unitKey)) outsiders.set(p.unitKey, p.unitName);
    for (const [unitKey, name] of outsiders) {
      rows.push({ unitId: null, unitKey, name, kind: null, parent: null, aliases: [], cells: cellsFor((x) => x.unit === null && x.unitName === name, null, true) });
    }
    const unmatched = new Map<string, { name: string; reportIds: string[]; suggestions: string[] }>();
    if (!view.roster.inferred) {
      for (const r of reports) {
        const p = view.placements[r.id];
        if (!p || p.unit !== null || !r.model.agency) continue;
        const u = unmatched.get(p.unitKey) ?? { name: r.model.agency.replace(/\s+/g, ''), reportIds: [], suggestions: p.suggestions ?? [] };
        u.reportIds.push(r.id);
        unmatched.set(p.unitKey, u);
      }
    }
    return { roster: view.roster, years, coverage, rows, unmatched: [...unmatched.values()] };
  }

  private async replaceRoster(roster: Roster | null): Promise<CoverageView> {
    this.store.setSettings(mergeSettings({ ...this.store.settings(), roster }));
    await this.reaudit();
    this.events.emit('changed', { reason: 'settings', state: this.state() });
    return this.getCoverage();
  }

  async importRoster(): Promise<CoverageView | null> {
    const path = await this.options.dialogs.openRoster();
    if (!path) return null;
    let roster: Roster;
    try {
      roster = await readRoster(await readFile(path), path);
    } catch (err) {
      throw new UserError(`无法读取名单文件「${basename(path)}」：${failureMessage(err)}`);
    }
    return this.replaceRoster(roster);
  }

  async setRoster(args: RosterArgs): Promise<CoverageView> {
    if (args.units.length === 0) return this.replaceRoster(null);
    const previous = this.store.settings().roster;
    const seen = new Set<string>();
    const units = args.units
      .map((u) => ({ ...u, name: u.name.trim(), aliases: u.aliases.map((a) => a.trim()).filter(Boolean) }))
      .filter((u) => u.name && !seen.has(u.name) && seen.add(u.name));
    return this.replaceRoster({ source: previous?.source ?? null, inferred: false, units: units.map((u, i) => ({ ...u, id: u.id || `u${i + 1}` })) });
  }

  async chooseVersion(args: ChooseVersionArgs): Promise<AppState> {
    const r = this.requireReport(args.reportId);
    const view = this.workspaceView();
    if (view.placements[r.id]?.submission !== args.submissionKey) throw new UserError('该文件不属于这份报送记录，请刷新后重试。');
    const settings = this.store.settings();
    this.store.setSettings(mergeSettings({ ...settings, versionChoices: { ...(settings.versionChoices ?? {}), [args.submissionKey]: r.path } }));
    await this.reaudit();
    this.events.emit('changed', { reason: 'settings', state: this.state() });
    return this.state();
  }

  async addAlias(args: AliasArgs): Promise<CoverageView> {
    const settings = this.store.settings();
    const roster = settings.roster;
    if (roster && !roster.units.some((u) => u.name === args.unitName)) throw new UserError(`名单中没有「${args.unitName}」。`);
    this.store.setSettings(mergeSettings({ ...settings, aliases: { ...settings.aliases, [args.alias]: args.unitName } }));
    await this.reaudit();
    this.events.emit('changed', { reason: 'settings', state: this.state() });
    return this.getCoverage();
  }

  // ───────────── workspace file ─────────────

  private async mayDiscard(): Promise<boolean> {
    if (this.store.path !== null) {
      await this.store.flush();
      return true;
    }
    if (!this.store.dirty) return true;
    return this.options.dialogs.confirmDiscard();
  }

  async newWorkspace(): Promise<AppState> {
    if (!(await this.mayDiscard())) return this.state();
    await this.store.close().catch(() => undefined);
    this.store = await WorkspaceStore.create(this.storeOptions());
    this.skipped = [];
    await this.rememberWorkspace(null);
    this.events.emit('changed', { reason: 'workspace', state: this.state() });
    return this.state();
  }

  async openWorkspace(): Promise<AppState> {
    const path = await this.options.dialogs.openWorkspace();
    if (!path) return this.state();
    if (path === this.store.path) return this.state();
    if (!(await this.mayDiscard())) return this.state();
    await this.switchTo(path, false);
    this.events.emit('changed', { reason: 'workspace', state: this.state() });
    return this.state();
  }

  async saveWorkspace(): Promise<AppState> {
    if (this.store.path === null) return this.saveWorkspaceAs();
    await this.store.save();
    return this.state();
  }

  async saveWorkspaceAs(): Promise<AppState> {
    const suggested = this.store.path ? basename(this.store.path) : `年报审查工作区${WORKSPACE_EXTENSION}`;
    let target = await this.options.dialogs.saveWorkspace(suggested);
    if (!target) return this.state();
    if (!target.toLowerCase().endsWith(WORKSPACE_EXTENSION)) target += WORKSPACE_EXTENSION;
    await this.store.save(target);
    await this.rememberWorkspace(target);
    this.events.emit('changed', { reason: 'workspace', state: this.state() });
    return this.state();
  }
}

/** Models as the rules see them: stored models of earlier builds lack the file facts, the file row has them. */
function modelsOf(reports: readonly StoredReport[]): ReportModel[] {
  return reports.map((r) => (r.model.fileInfo ? r.model : { ...r.model, fileInfo: { sha256: r.sha256, size: r.size, modifiedMs: null } }));
}

function decisionView(d: StoredDecision | undefined | null): DecisionView {
  return d ? { status: d.status, note: d.note, updatedAt: d.updatedAt } : { status: 'pending', note: '', updatedAt: null };
}
