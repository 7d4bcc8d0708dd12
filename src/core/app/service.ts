/**
 * The application service: the real implementation of every IPC method, framework-free. The
 * Electron main process wires it to ipcMain (with real dialogs and a worker-thread runner); tests
 * and the browser harness call it directly with fake dialogs and an in-process runner.
 *
 * Expected failures throw UserError (Chinese message); invoke.ts turns every error into a value.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { LIMITS as INGEST_LIMITS } from '../ingest/errors';
import { basename, join } from 'node:path';
import { findingFingerprint, findingKey } from '../model/fingerprint';
import type {
  CoverageYear,
  Finding,
  ReportModel,
  Roster,
  Severity,
  SkippedFile,
  WorkspaceView,
} from '../model/types';
import { collect, failureMessage, lateReports } from '../pipeline';
import {
  CURRENT_REASON_LABELS,
  coverageOf,
  coverageRows,
  currentModels,
  unitKindsOf,
} from '../workspace/submissions';
import type { UnitKind } from '../model/glossary';
import { compareVersions } from '../workspace/versions';
import { readRoster } from '../workspace/roster';
import { describeLocation } from '../export/location';
import { SaveError } from '../export/save';
import { writeAuditWorkbook } from '../export/workbook';
import { NUMBERING_RECOVERED_NOTE } from '../ingest/docx';
import type { ReviewDecision } from '../export/types';
import { mergeSettings, workspaceOf, type RuleProgress } from '../rules/engine';
import { catalogue as ruleCatalogue, ruleById } from '../rules/registry';
import { shownValues } from '../export/values';
import type { AuditSettings, Rule } from '../rules/types';
import { isoDay, type DocumentSettings } from '../export/documents/settings';
import { planLetters, type LettersInput } from '../export/documents/letters';
import type { DocumentReport } from '../export/documents/select';
import {
  letterTargets,
  writeBriefing,
  writeCombinedLetters,
  writeLetters,
  type ExistingPolicy,
} from '../export/documents/write';
import { INDICATOR_DEFS, indicatorInputs, reportIndicators } from '../indicators';
import { agencyKind } from '../workspace/agency-kind';
import { pairConsecutiveYears } from '../workspace/pairing';

type RuleProgressScope = Rule['scope'];
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
  ExportBriefingArgs,
  ExportLettersArgs,
  ExportLettersResult,
  ExportResult,
  IndicatorRow,
  FindingView,
  ImportFilesArgs,
  ImportPathsArgs,
  ImportResult,
  IpcEvents,
  MethodArgs,
  MethodName,
  MethodResult,
  ReportDetail,
  ReportFile,
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
  /** Folder for the feedback letters (one .docx per unit). */
  chooseLettersFolder(): Promise<string | null>;
  /** Save dialog for a Word document (the letters in one file, the briefing). */
  saveDocument(defaultName: string, title: string): Promise<string | null>;
  /** Some letter files exist already (names given): replace them, keep them (write only the new ones), or cancel. */
  confirmReplaceLetters(existing: string[]): Promise<ExistingPolicy | 'cancel'>;
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

export type ServiceHandlers = {
  [K in MethodName]: (...args: MethodArgs<K>) => Promise<MethodResult<K>>;
};

const UNTITLED = '未命名工作区';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The rule that reads section-heading numerals: where Word's automatic numbering supplied them, the reviewer should know. */
const NUMBERING_RULES = new Set(['structure/section-numbering']);

/**
 * The reader's notes a reviewer needs. That heading numbers were recovered from Word's automatic
 * numbering is a technical detail above every such document, so it is shown — in the reviewer's
 * words — only beside a finding about numbering, where it explains what was checked.
 */
function reviewerNotes(notes: readonly string[], findings: readonly StoredFinding[]): string[] {
  const numbering = findings.some((f) => NUMBERING_RULES.has(f.finding.ruleId));
  return notes.flatMap((n) => {
    if (n !== NUMBERING_RECOVERED_NOTE) return [n];
    return numbering
      ? ['本文档的标题序号由 Word 自动编号生成，序号检查按 Word 显示的编号（如“一、”）进行。']
      : [];
  });
}

/** What the import is doing while rules of each scope run (ProgressEvent.step). */
const AUDIT_STEP_LABELS: Record<RuleProgressScope, string> = {
  report: '正在逐份检查报告…',
  series: '正在比对跨年度数据…',
  corpus: '正在比对跨单位报告（雷同检查）…',
  submission: '正在核对同一单位的多个版本…',
};

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
    if (last && !existsSync(last))
      service.notices.push(
        `上次的工作区「${basename(last)}」已不在原位置（${last}），请通过“打开工作区”重新选择。`,
      );
    if (last && existsSync(last)) {
      try {
        await service.switchTo(last, false);
        return service;
      } catch (err) {
        service.notices.push(
          `无法打开上次的工作区「${basename(last)}」：${err instanceof Error ? err.message : String(err)}`,
        );
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
        if (current !== undefined && !current.isClosed)
          this.events.emit('changed', { reason: 'saved', state: this.state() });
      },
      onSaveError: (err: unknown) =>
        this.notices.push(
          `自动保存失败：${err instanceof Error ? err.message : String(err)}（审查结论已记入日志，不会丢失）`,
        ),
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
      workspace: {
        path,
        name: path ? basename(path) : UNTITLED,
        dirty: this.store.dirty,
        lastSavedAt: this.store.lastSavedAt,
      },
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
      const outcomes = await this.runner.run(collected.files, known, (p) =>
        this.events.emit('progress', { phase: 'read', ...p }),
      );
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
      // After reading, the rules run over the whole workspace, the findings are placed and the
      // workspace is saved: on a large batch that takes a while, so each step says what it does and
      // the bar follows the rules as they run (never a bar frozen at 888/900).
      if (result.added.length || result.updated.length) {
        await this.reaudit((done, all, scope) =>
          this.events.emit('progress', {
            phase: 'audit',
            done,
            total: all,
            file: '',
            step: AUDIT_STEP_LABELS[scope],
          }),
        );
      }
      this.events.emit('progress', {
        phase: 'audit',
        done: 0,
        total: 1,
        file: '',
        step: '正在保存工作区…',
      });
      // Imports are not journaled: save at once rather than after the debounce.
      await this.store
        .save()
        .catch((err: unknown) =>
          this.notices.push(`保存工作区失败：${err instanceof Error ? err.message : String(err)}`),
        );
      this.events.emit('progress', { phase: 'done', done: total, total, file: '' });
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
  private reaudit(onRule?: RuleProgress): Promise<void> {
    const next = this.auditQueue.then(() => this.reauditNow(onRule));
    this.auditQueue = next.catch(() => undefined);
    return next;
  }

  private async reauditNow(onRule?: RuleProgress): Promise<void> {
    const store = this.store;
    const models = modelsOf(store.listReports());
    const byId = new Map(models.map((m) => [m.id, m]));
    const found = await this.runner.audit(models, mergeSettings(store.settings()), onRule);
    if (store !== this.store || store.isClosed) return; // the workspace was switched meanwhile
    const rows = new Map<string, Omit<StoredFinding, 'reportId'>[]>();
    for (const [id, list] of found) {
      const model = byId.get(id);
      if (!model) continue;
      rows.set(
        id,
        list.map((finding) => ({
          fingerprint: findingFingerprint(model, finding),
          finding,
          location: this.locationOf(finding, model),
        })),
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

  /**
   * Units, submissions and versions of the workspace as the rules see them (same settings, same
   * models), and every report with its model. Every report with its model, and the units/submissions view built from them: since issue 8 every
   * screen (getReport, listReports, getCoverage) needs both, and with 500 reports parsing the models
   * takes ~0.2 s and building the view ~0.1 s per call (500 getReport calls took over 3 minutes).
   * Cached on the store's cheap stamp (ids, paths, hashes, audit times) and, for the view, on the
   * roster, aliases and version choices. Callers treat both as read-only.
   */
  private reportCache: { store: WorkspaceStore; stamp: string; reports: StoredReport[] } | null =
    null;
  private viewCache: { key: string; view: Omit<WorkspaceView, 'coverage'> } | null = null;

  private allReports(): StoredReport[] {
    const stamp = this.store.reportsStamp();
    if (this.reportCache?.store === this.store && this.reportCache.stamp === stamp)
      return this.reportCache.reports;
    const reports = this.store.listReports();
    this.reportCache = { store: this.store, stamp, reports };
    return reports;
  }

  private workspaceView(
    reports: readonly StoredReport[] = this.allReports(),
  ): Omit<WorkspaceView, 'coverage'> {
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
    const submission = place?.submission
      ? view.submissions.find((x) => x.key === place.submission)
      : undefined;
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

  private views(
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
    const resolved: ResolvedDecision[] = this.store
      .resolvedDecisions({ reportKey: reportKeyOf(r.model), reportId: r.id })
      .map((d) => ({
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
      notes: reviewerNotes(content.notes, findings),
      resolvedDecisions: resolved,
      versions: this.versionInfo(r, views, view, decisions, titles),
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
    view: Omit<WorkspaceView, 'coverage'>,
    decisions: ReadonlyMap<string, StoredDecision>,
    titles: ReadonlyMap<string, string>,
  ): VersionInfo | null {
    const key = view.placements[r.id]?.submission;
    const submission = key ? view.submissions.find((x) => x.key === key) : undefined;
    if (!submission) return null;
    const byId = new Map<string, StoredReport>();
    for (const id of submission.versions) {
      const x = id === r.id ? r : this.store.getReport(id);
      if (x) byId.set(id, x);
    }
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
        duplicates: (submission.duplicates.find((d) => d.of === id)?.files ?? []).map((f) =>
          basename(f.replace(/\\/g, '/')),
        ),
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
          fromFile: info.previousFile ?? '',
        };
      }
    });
    info.fixed = this.views(
      prevFindings.filter((_, i) => cmp?.status.get(previous.id)?.[i] === 'fixed'),
      decisions,
      titles,
    ).map((v) => ({ ...v, versionDiff: 'fixed' as const }));
    return info;
  }

  /**
   * The report's own file, for the PDF page view. Only a file the workspace imported, and only
   * while it is the file that was audited (same SHA-256): the viewer must never show pages the
   * findings were not computed from.
   */
  async getReportFile(args: ReportIdArgs): Promise<ReportFile> {
    const r = this.requireReport(args.id);
    let bytes: Buffer;
    try {
      const info = await stat(r.path);
      if (!info.isFile() || info.size > INGEST_LIMITS.maxFileBytes) throw new Error('size');
      bytes = await readFile(r.path);
    } catch {
      throw new UserError(
        '找不到原文件（可能已移动、删除或过大），无法显示原文页面。请重新导入该文件。',
      );
    }
    if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) {
      throw new UserError('原文件在导入后已被修改，显示的页面会与审查结果不符。请重新导入该文件。');
    }
    return {
      fileName: basename(r.path.replace(/\\/g, '/')),
      format: r.model.format,
      base64: bytes.toString('base64'),
    };
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
      if (!s.agencyKey || s.year === null || !s.current || s.agencyKey.startsWith('file:'))
        continue;
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
      earlier: {
        summary: this.summaryOf(earlier, this.store.findings(earlier.id), decisions, view),
        model: earlier.model,
      },
      later: { summary: this.summaryOf(later, laterFindings, decisions, view), model: later.model },
      findings: this.views(related, decisions, this.ruleTitles()),
    };
  }

  // ───────────── export ─────────────

  async exportWorkbook(): Promise<ExportResult> {
    const reports = this.allReports();
    if (reports.length === 0) throw new UserError('工作区中还没有报告，无法导出。');
    const target = await this.options.dialogs.saveWorkbook(
      `年报审查结果-${new Date().toISOString().slice(0, 10)}.xlsx`,
    );
    if (!target) return { path: null };
    const decisions = new Map<string, ReviewDecision>();
    for (const [fp, d] of this.store.decisions())
      decisions.set(fp, { status: d.status, note: d.note });
    const findings = this.store.findings();
    const byReport = new Map<string, Finding[]>();
    for (const f of findings)
      byReport.set(f.reportId, [...(byReport.get(f.reportId) ?? []), f.finding]);
    const view = this.workspaceView(reports);
    const failures = this.store.failures();
    try {
      await writeAuditWorkbook(target, {
        reports: reports.map((r) => ({ model: r.model, findings: byReport.get(r.id) ?? [] })),
        decisions,
        // 汇总 lists what was not audited too, so the office sees a report was left out.
        failures,
        skipped: this.skipped,
        workspace: { ...view, coverage: coverageOf(view, lateReports(byReport)) },
        aliases: this.store.settings().aliases,
      });
    } catch (err) {
      // SaveError already says, in one sentence, which file and why (open in Excel, read-only, …).
      if (err instanceof SaveError) throw new UserError(err.message);
      throw err;
    }
    return { path: target };
  }

  // ───────────── letters and briefing ─────────────

  private decisionMap(): Map<string, ReviewDecision> {
    const decisions = new Map<string, ReviewDecision>();
    for (const [fp, d] of this.store.decisions())
      decisions.set(fp, { status: d.status, note: d.note });
    return decisions;
  }

  /** Current versions only: a letter and the briefing speak of the report the office judges. */
  private documentReports(): DocumentReport[] {
    const reports = this.store.listReports();
    if (reports.length === 0) throw new UserError('工作区中还没有报告，无法导出。');
    const view = this.workspaceView(reports);
    const byReport = new Map<string, Finding[]>();
    for (const f of this.store.findings())
      byReport.set(f.reportId, [...(byReport.get(f.reportId) ?? []), f.finding]);
    return currentModels(reports, view).map((r) => ({
      model: r.model,
      findings: byReport.get(r.id) ?? [],
    }));
  }

  /** The roster's coverage and each current report's unit kind, for the briefing. */
  private briefingFacts(): {
    inferred: boolean;
    coverage: CoverageYear[];
    unitKinds: Map<string, UnitKind>;
  } {
    const reports = this.store.listReports();
    const view = this.workspaceView(reports);
    const findings = new Map<string, Finding[]>();
    for (const f of this.store.findings())
      findings.set(f.reportId, [...(findings.get(f.reportId) ?? []), f.finding]);
    return {
      inferred: view.roster.inferred,
      coverage: coverageOf(view, lateReports(findings)),
      unitKinds: unitKindsOf(
        reports.map((r) => r.model),
        view,
      ),
    };
  }

  private documentInput(includePending: boolean): LettersInput {
    return {
      reports: this.documentReports(),
      decisions: this.decisionMap(),
      includePending,
      aliases: this.store.settings().aliases,
      settings: this.store.documentSettings(),
      today: isoDay(new Date()),
    };
  }

  /** A file Word holds open, a read-only folder: the writer's Chinese message, as for the workbook. */
  private async documentWrite<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (err instanceof SaveError) throw new UserError(err.message);
      throw err;
    }
  }

  async exportLetters(args: ExportLettersArgs): Promise<ExportLettersResult> {
    const input = this.documentInput(args.includePending);
    const letters = planLetters(input).length;
    if (letters === 0) {
      throw new UserError(
        args.includePending
          ? '没有需要反馈的问题：所有问题均已排除或仅为提示。'
          : '还没有已确认的问题，无需生成审查意见。可先在“审查”中确认问题，或勾选“包含待审查的问题”。',
      );
    }
    const date = isoDay(new Date());
    if (args.oneFile) {
      const target = await this.options.dialogs.saveDocument(
        `年报审查意见-${date}.docx`,
        '导出审查意见（合并为一个文件）',
      );
      if (!target) return { path: null, letters, written: 0, kept: 0 };
      const file = /\.docx$/i.test(target) ? target : `${target}.docx`;
      await this.documentWrite(() => writeCombinedLetters(file, input));
      return { path: file, letters, written: 1, kept: 0 };
    }
    const dir = await this.options.dialogs.chooseLettersFolder();
    if (!dir) return { path: null, letters, written: 0, kept: 0 };
    const { existing } = await letterTargets(dir, input);
    let policy: ExistingPolicy = 'overwrite';
    if (existing.length > 0) {
      const answer = await this.options.dialogs.confirmReplaceLetters(
        existing.map((p) => basename(p)),
      );
      if (answer === 'cancel') return { path: null, letters, written: 0, kept: 0 };
      policy = answer;
    }
    const result = await this.documentWrite(() => writeLetters(dir, input, policy));
    return { path: dir, letters, written: result.written.length, kept: result.kept.length };
  }

  async exportBriefing(args: ExportBriefingArgs): Promise<ExportResult> {
    const input = this.documentInput(args.includePending);
    const target = await this.options.dialogs.saveDocument(
      `年报审查情况通报-${isoDay(new Date())}.docx`,
      '导出审查情况通报',
    );
    if (!target) return { path: null };
    const file = /\.docx$/i.test(target) ? target : `${target}.docx`;
    // An inferred roster is no list of who must report: the briefing then infers and says 推断.
    const facts = this.briefingFacts();
    await this.documentWrite(() =>
      writeBriefing(
        file,
        facts.inferred ? input : { ...input, coverage: facts.coverage, unitKinds: facts.unitKinds },
      ),
    );
    return { path: file };
  }

  async getDocumentSettings(): Promise<DocumentSettings> {
    return this.store.documentSettings();
  }

  async setDocumentSettings(settings: DocumentSettings): Promise<DocumentSettings> {
    this.store.setDocumentSettings(settings);
    this.events.emit('changed', { reason: 'settings', state: this.state() });
    return this.store.documentSettings();
  }

  /** Indicators of the current versions; year-on-year against the same unit's previous year. */
  async listIndicators(): Promise<IndicatorRow[]> {
    const all = this.store.listReports();
    const view = this.workspaceView(all);
    const reports = currentModels(all, view);
    const previous = new Map(
      pairConsecutiveYears(
        reports.map((r) => r.model),
        view,
      ).map((p) => [p.report, p.previous]),
    );
    const kinds = unitKindsOf(
      reports.map((r) => r.model),
      view,
    );
    return reports.map((r) => {
      const ind = reportIndicators(r.model, previous.get(r.model));
      return {
        reportId: r.id,
        agency: r.model.agency,
        year: r.model.year,
        fileName: basename(r.path.replace(/\\/g, '/')),
        kind: kinds.get(r.model.agency ?? '') ?? agencyKind(r.model.agency),
        values: INDICATOR_DEFS.map((d) => d.get(ind)),
        inputs: indicatorInputs(r.model),
      };
    });
  }

  // ───────────── settings ─────────────

  async getSettings(): Promise<AuditSettings> {
    return mergeSettings(this.store.settings());
  }

  async setSettings(settings: AuditSettings): Promise<AuditSettings> {
    const known = new Set(ruleCatalogue().map((m) => m.id));
    const unknown = [...settings.disabled, ...Object.keys(settings.severities)].filter(
      (id) => !known.has(id),
    );
    if (unknown.length) throw new UserError(`未知的规则编号：${unknown.slice(0, 3).join('、')}`);
    this.store.setSettings(mergeSettings(settings));
    await this.reaudit();
    this.events.emit('changed', { reason: 'settings', state: this.state() });
    return this.getSettings();
  }

  async catalogue(): Promise<RuleInfo[]> {
    const settings = this.store.settings();
    return ruleCatalogue().map((m) => {
      const severity = (SEVERITIES as readonly string[]).includes(m.severity)
        ? (m.severity as Severity)
        : 'info';
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
    for (const f of this.store.findings())
      findings.set(f.reportId, [...(findings.get(f.reportId) ?? []), f.finding]);
    const late = lateReports(findings);
    const coverage = coverageOf(view, late);
    const years = coverage.map((c) => c.year);
    const fileName = new Map(reports.map((r) => [r.id, basename(r.path.replace(/\\/g, '/'))]));
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
    const unmatched = new Map<
      string,
      { name: string; reportIds: string[]; suggestions: string[] }
    >();
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
      .map((u) => ({
        ...u,
        name: u.name.trim(),
        aliases: u.aliases.map((a) => a.trim()).filter(Boolean),
      }))
      .filter((u) => u.name && !seen.has(u.name) && seen.add(u.name));
    return this.replaceRoster({
      source: previous?.source ?? null,
      inferred: false,
      units: units.map((u, i) => ({ ...u, id: u.id || `u${i + 1}` })),
    });
  }

  async chooseVersion(args: ChooseVersionArgs): Promise<AppState> {
    const r = this.requireReport(args.reportId);
    const view = this.workspaceView();
    if (view.placements[r.id]?.submission !== args.submissionKey)
      throw new UserError('该文件不属于这份报送记录，请刷新后重试。');
    const settings = this.store.settings();
    this.store.setSettings(
      mergeSettings({
        ...settings,
        versionChoices: { ...(settings.versionChoices ?? {}), [args.submissionKey]: r.path },
      }),
    );
    await this.reaudit();
    this.events.emit('changed', { reason: 'settings', state: this.state() });
    return this.state();
  }

  async addAlias(args: AliasArgs): Promise<CoverageView> {
    const settings = this.store.settings();
    const roster = settings.roster;
    if (roster && !roster.units.some((u) => u.name === args.unitName))
      throw new UserError(`名单中没有「${args.unitName}」。`);
    this.store.setSettings(
      mergeSettings({ ...settings, aliases: { ...settings.aliases, [args.alias]: args.unitName } }),
    );
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
    const suggested = this.store.path
      ? basename(this.store.path)
      : `年报审查工作区${WORKSPACE_EXTENSION}`;
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
  return reports.map((r) =>
    r.model.fileInfo
      ? r.model
      : { ...r.model, fileInfo: { sha256: r.sha256, size: r.size, modifiedMs: null } },
  );
}

function decisionView(d: StoredDecision | undefined | null): DecisionView {
  return d
    ? { status: d.status, note: d.note, updatedAt: d.updatedAt }
    : { status: 'pending', note: '', updatedAt: null };
}
