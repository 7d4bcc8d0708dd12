/**
 * What every handler module shares (src/core/app/handlers/*): the open workspace store, the user's
 * config, the dialogs and event sink the shell injects, the import's state (busy, skipped files,
 * notices), the audit queue, and the report list and workspace view cached on the store's stamp.
 * The handlers are closures over one AppContext; the context holds no handler.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { must } from '../model/checked';
import { findingFingerprint } from '../model/fingerprint';
import type { Finding, SkippedFile } from '../model/types';
import { describeLocation } from '../export/location';
import type { ReviewDecision } from '../export/types';
import type { ExistingPolicy } from '../export/documents/write';
import {
  mergeSettings,
  workspaceOf,
  type ReportFindingsAhead,
  type RuleProgress,
} from '../rules/engine';
import { catalogue as ruleCatalogue } from '../rules/registry';
import { WorkspaceStore, WORKSPACE_EXTENSION } from '../store';
import type { StoreOptions, StoredFinding, StoredReport } from '../store';
import type { AppState, ChangedEvent, EventName, IpcEvents } from '../../shared/ipc';
import { saveConfig, type AppConfig } from './config';
import { UserError } from './errors';
import { inProcessRunner, type ExtractRunner } from './pipeline';
import { modelsOf, type PlacedView } from './views';

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

const UNTITLED = '未命名工作区';

export type { PlacedView };

export class AppContext {
  private current: WorkspaceStore | undefined;
  config: AppConfig = { samplesOffered: false, lastWorkspace: null };
  busy = false;
  /** Files skipped in the last import. */
  skipped: SkippedFile[] = [];
  /** Messages for the user, handed over once by getState. */
  readonly notices: string[] = [];
  readonly runner: ExtractRunner;
  readonly events: EventSink;
  private auditQueue: Promise<void> = Promise.resolve();
  /**
   * Every report with its model, and the units/submissions view built from them: every screen
   * (getReport, listReports, getCoverage) needs both, and with 500 reports parsing the models takes
   * ~0.2 s and building the view ~0.1 s per call (500 getReport calls took over 3 minutes). Cached
   * on the store's cheap stamp (ids, paths, hashes, audit times) and, for the view, on the roster,
   * aliases and version choices. Callers treat both as read-only.
   */
  private reportCache: { store: WorkspaceStore; stamp: string; reports: StoredReport[] } | null =
    null;
  private viewCache: { key: string; view: PlacedView } | null = null;

  constructor(readonly options: ServiceOptions) {
    this.runner = options.runner ?? inProcessRunner();
    this.events = options.events ?? { emit: () => undefined };
  }

  /** The open store (there is one from start to shutdown). */
  get store(): WorkspaceStore {
    return must(this.current, 'workspace store');
  }

  get configPath(): string {
    return join(this.options.userDataDir, 'config.json');
  }
  get recoveryPath(): string {
    return join(this.options.userDataDir, `untitled${WORKSPACE_EXTENSION}`);
  }

  storeOptions(): StoreOptions {
    return {
      autosaveMs: this.options.autosaveMs ?? 1000,
      recoveryPath: this.recoveryPath,
      ...(this.options.wasmPath ? { wasmPath: this.options.wasmPath } : {}),
      onSaved: () => {
        // The first save of a new store happens before it is installed here.
        if (this.current !== undefined && !this.current.isClosed)
          this.events.emit('changed', { reason: 'saved', state: this.state() });
      },
      onSaveError: (err: unknown) =>
        this.notices.push(
          `自动保存失败：${err instanceof Error ? err.message : String(err)}（已作出的审查结论在作出时即已写入工作区文件，不会丢失）`,
        ),
    };
  }

  /** Closes the open store, if any (a failure to close never blocks what follows). */
  async closeStore(): Promise<void> {
    if (this.current) await this.current.close().catch(() => undefined);
  }

  /** Makes `store` the open workspace (the previous one closed by the caller). */
  install(store: WorkspaceStore): void {
    this.current = store;
    this.skipped = [];
  }

  async switchTo(path: string, untitled: boolean): Promise<void> {
    const { store, notes } = await WorkspaceStore.open(path, this.storeOptions(), untitled);
    await this.closeStore();
    this.install(store);
    this.notices.push(...notes);
    await this.rememberWorkspace(untitled ? null : path);
  }

  async rememberWorkspace(path: string | null): Promise<void> {
    this.config.lastWorkspace = path;
    await saveConfig(this.configPath, this.config).catch(() => undefined);
  }

  async markSamplesOffered(): Promise<void> {
    if (this.config.samplesOffered) return;
    this.config.samplesOffered = true;
    await saveConfig(this.configPath, this.config).catch(() => undefined);
  }

  /**
   * `consume`: hand the pending notices over. Only getState does: an event may be sent before the
   * page listens, so events never carry notices, and each notice reaches the page exactly once.
   */
  state(consume = false): AppState {
    const store = this.store;
    const path = store.path;
    const notices = consume ? this.notices.splice(0) : [];
    return {
      workspace: {
        path,
        name: path ? basename(path) : UNTITLED,
        dirty: store.dirty,
        lastSavedAt: store.lastSavedAt,
      },
      reportCount: store.reportCount(),
      failures: store.failures(),
      skipped: [...this.skipped],
      firstRun: !this.config.samplesOffered,
      samplesAvailable: this.options.samplesDir !== null && existsSync(this.options.samplesDir),
      busy: this.busy,
      resolvedCount: store.resolvedDecisions().length,
      appVersion: this.options.appVersion ?? '0.0.0',
      ...(notices.length ? { notices } : {}),
    };
  }

  /** Tells the page something changed behind its back; returns the state it was told. */
  changed(reason: ChangedEvent['reason']): AppState {
    const state = this.state();
    this.events.emit('changed', { reason, state });
    return state;
  }

  // ───────────── reports and the workspace view (cached) ─────────────

  allReports(): StoredReport[] {
    const store = this.store;
    const stamp = store.reportsStamp();
    if (this.reportCache?.store === store && this.reportCache.stamp === stamp)
      return this.reportCache.reports;
    const reports = store.listReports();
    this.reportCache = { store, stamp, reports };
    return reports;
  }

  workspaceView(reports: readonly StoredReport[] = this.allReports()): PlacedView {
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

  requireReport(id: string): StoredReport {
    const r = this.store.getReport(id);
    if (!r) throw new UserError('找不到该报告，可能已被移除。');
    return r;
  }

  /** Stored findings grouped by report id. */
  storedFindingsByReport(): Map<string, StoredFinding[]> {
    const byReport = new Map<string, StoredFinding[]>();
    for (const f of this.store.findings()) {
      const list = byReport.get(f.reportId) ?? [];
      list.push(f);
      byReport.set(f.reportId, list);
    }
    return byReport;
  }

  /** The findings of each report, as the rules produced them. */
  findingsByReport(): Map<string, Finding[]> {
    const byReport = new Map<string, Finding[]>();
    for (const [id, list] of this.storedFindingsByReport())
      byReport.set(
        id,
        list.map((f) => f.finding),
      );
    return byReport;
  }

  /** The review decisions as the writers take them. */
  decisionMap(): Map<string, ReviewDecision> {
    const decisions = new Map<string, ReviewDecision>();
    for (const [fp, d] of this.store.decisions())
      decisions.set(fp, { status: d.status, note: d.note });
    return decisions;
  }

  ruleTitles(): Map<string, string> {
    return new Map(ruleCatalogue().map((m) => [m.id, m.title]));
  }

  // ───────────── re-audit ─────────────

  /**
   * Runs every rule over the whole workspace (in the runner: a worker thread in the app) and stores
   * the findings with fingerprints and locations. Serialised: each run reads the state current when
   * it starts, so the last one queued wins. `ahead`: the single-report findings an import computed
   * as it read (used only if the settings are still the ones they were computed with).
   */
  reaudit(onRule?: RuleProgress, ahead?: ReportFindingsAhead): Promise<void> {
    const next = this.auditQueue.then(() => this.reauditNow(onRule, ahead));
    this.auditQueue = next.catch(() => undefined);
    return next;
  }

  private async reauditNow(onRule?: RuleProgress, ahead?: ReportFindingsAhead): Promise<void> {
    const store = this.store;
    const models = modelsOf(store.listReports());
    const byId = new Map(models.map((m) => [m.id, m]));
    const found = await this.runner.audit(models, mergeSettings(store.settings()), onRule, ahead);
    if (store !== this.current || store.isClosed) return; // the workspace was switched meanwhile
    const rows = new Map<string, Omit<StoredFinding, 'reportId'>[]>();
    for (const [id, list] of found) {
      const model = byId.get(id);
      if (!model) continue;
      rows.set(
        id,
        list.map((finding) => {
          let location = '';
          try {
            location = describeLocation(finding, model);
          } catch {
            location = '';
          }
          return { fingerprint: findingFingerprint(model, finding), finding, location };
        }),
      );
    }
    store.replaceFindings(rows);
  }
}
