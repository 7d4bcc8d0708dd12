/**
 * The workspace file: one SQLite database (sql.js, so it runs the same in Node and Electron) that
 * the user can save, reopen and hand to a colleague. It holds the audited files (path, SHA-256,
 * time), their extracted models and display HTML, the findings, the review decisions and the
 * settings.
 *
 * Decisions are keyed by the finding fingerprint (rule id, agency, year, location), never by a
 * report or finding row: re-importing a changed file replaces its model and findings and keeps
 * every decision; a decision whose fingerprint matches no finding any more is reported as
 * resolved, never dropped.
 *
 * Durability: every decision and settings change is journaled (fsync) before it is acknowledged;
 * saves are atomic (atomic.ts); autosave runs shortly after each change; opening replays the
 * journal and falls back to the .bak a crashed save may have left.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { isUnversionedFingerprint, versionTag } from '../model/fingerprint';
import type { ReportModel } from '../model/types';
import type { AuditSettings } from '../rules/types';
import { DEFAULT_SETTINGS } from '../rules/types';
import { normaliseDocumentSettings, type DocumentSettings } from '../export/documents/settings';
import { atomicWrite, removeStaleTemps } from './atomic';
import type { SaveHooks } from './atomic';
import { Journal } from './journal';
import type { JournalEntry } from './journal';
import type {
  StoredDecision,
  StoredFinding,
  StoredReport,
  StoredReportContent,
  ImportedFile,
  UpsertStatus,
} from './types';

export const APP_ID = 'nianbao-audit';
export const SCHEMA_VERSION = 1;
export const WORKSPACE_EXTENSION = '.nianbao';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  audited_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  file_id INTEGER NOT NULL UNIQUE REFERENCES files(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  html TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
  report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  location TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (report_id, seq)
);
CREATE INDEX IF NOT EXISTS findings_fingerprint ON findings(fingerprint);
CREATE TABLE IF NOT EXISTS decisions (
  fingerprint TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'dismissed')),
  note TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  report_key TEXT NOT NULL,
  report_id TEXT NOT NULL DEFAULT '',
  last_message TEXT NOT NULL,
  last_location TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, message TEXT NOT NULL, at TEXT NOT NULL);
`;

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

let sqlPromise: Promise<SqlJsStatic> | null = null;

/** Loads sql.js once. `wasmPath` is needed only where the default lookup (next to sql-wasm.js) fails, e.g. a packaged app. */
export function loadSql(wasmPath?: string): Promise<SqlJsStatic> {
  if (!sqlPromise) {
    sqlPromise = initSqlJs(wasmPath ? { locateFile: () => wasmPath } : undefined).catch(
      (err: unknown) => {
        sqlPromise = null;
        throw err;
      },
    );
  }
  return sqlPromise;
}

export interface StoreOptions {
  /** Debounce of the autosave after a change, ms; 0 or negative switches autosave off. Default 1000. */
  autosaveMs?: number;
  /** Where an untitled workspace autosaves (and journals) until the user saves it somewhere. */
  recoveryPath?: string;
  wasmPath?: string;
  /** Called after every successful save (autosave included). */
  onSaved?: (path: string) => void;
  /** Called when an autosave fails (the journal still holds the decisions). */
  onSaveError?: (err: unknown) => void;
  /** Fault injection for tests. */
  hooks?: SaveHooks;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface OpenReport {
  /** Notes about recovery (Chinese), e.g. that the backup was used or journal entries replayed. */
  notes: string[];
}

/** `<agency>#<year>` the way findingFingerprint() builds it. */
export function reportKeyOf(model: Pick<ReportModel, 'agency' | 'year' | 'file'>): string {
  const who = model.agency ?? `file:${model.file.split(/[\\/]/).pop() ?? model.file}`;
  return `${who.replace(/\s+/g, '')}#${model.year ?? ''}`;
}

function str(v: SqlValue | undefined): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}
function num(v: SqlValue | undefined): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

export class WorkspaceStore {
  private db: Database;
  private workspaceId: string;
  private userPath: string | null;
  private journal: Journal | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private changeCounter = 0;
  private savedCounter = 0;
  private lastSaved: string | null = null;
  private closed = false;

  private constructor(
    db: Database,
    private readonly options: StoreOptions,
    userPath: string | null,
  ) {
    this.db = db;
    this.db.run('PRAGMA foreign_keys = ON;');
    this.db.run(SCHEMA);
    this.migrate();
    this.userPath = userPath;
    let id = this.meta('workspace_id');
    if (!id) {
      id = randomUUID();
      this.setMeta('workspace_id', id);
      this.setMeta('app', APP_ID);
      this.setMeta('schema_version', String(SCHEMA_VERSION));
      this.setMeta('created_at', this.now());
    }
    this.workspaceId = id;
    const journalTarget = this.backingPath();
    this.journal = journalTarget ? new Journal(`${journalTarget}.journal`) : null;
  }

  /** A new, empty workspace (untitled; autosaves to options.recoveryPath when given). */
  static async create(options: StoreOptions = {}): Promise<WorkspaceStore> {
    const SQL = await loadSql(options.wasmPath);
    const store = new WorkspaceStore(new SQL.Database(), options, null);
    // A fresh untitled workspace must not inherit an older untitled workspace's journal, and its
    // recovery file must exist at once so that its journal always has a file to be replayed into.
    store.journal?.remove();
    if (options.recoveryPath) await store.save();
    return store;
  }

  /**
   * Opens a workspace file: uses `<path>.bak` when the file itself is missing or unreadable (a save
   * crashed between copying the backup and the rename), removes stale temporary files, and replays
   * the journal. `asUntitled` opens the recovery file of an untitled workspace.
   */
  static async open(
    path: string,
    options: StoreOptions = {},
    asUntitled = false,
  ): Promise<{ store: WorkspaceStore } & OpenReport> {
    const SQL = await loadSql(options.wasmPath);
    const notes: string[] = [];
    await removeStaleTemps(path);
    const { db, fromBackup } = await WorkspaceStore.loadFileOrBackup(SQL, path);
    if (fromBackup) notes.push('工作区文件上次保存未完成，已从备份文件恢复。');
    const store = new WorkspaceStore(db, options, asUntitled ? null : path);
    const replayed = store.replayJournal();
    if (replayed > 0) store.migrateFingerprints(); // a journal written by an earlier build
    if (replayed > 0) {
      notes.push(`已恢复上次未保存的 ${replayed} 项审查记录。`);
      store.markChanged();
    }
    return { store, notes };
  }

  /**
   * Opens a workspace for reading only (the CLI's --workspace): nothing is written next to it — no
   * stale temporary files removed, no journal replayed into the file, no autosave. Unsaved journal
   * entries (decisions entered since the last save) are applied in memory, so the run sees what the
   * app would show.
   */
  static async openReadOnly(
    path: string,
    options: Pick<StoreOptions, 'wasmPath'> = {},
  ): Promise<WorkspaceStore> {
    const SQL = await loadSql(options.wasmPath);
    const { db } = await WorkspaceStore.loadFileOrBackup(SQL, path);
    const store = new WorkspaceStore(db, { autosaveMs: 0 }, null);
    store.closed = true; // no autosave, no saves: markChanged() does nothing on a closed store
    for (const e of new Journal(`${path}.journal`).read(store.workspaceId)) store.applyEntry(e);
    return store;
  }

  /** The workspace file, or the .bak a crashed save left when the file itself is missing or unreadable. */
  private static async loadFileOrBackup(
    SQL: SqlJsStatic,
    path: string,
  ): Promise<{ db: Database; fromBackup: boolean }> {
    let firstError: unknown = null;
    for (const candidate of [path, `${path}.bak`]) {
      if (!existsSync(candidate)) continue;
      try {
        return {
          db: WorkspaceStore.load(SQL, await readFile(candidate)),
          fromBackup: candidate !== path,
        };
      } catch (err) {
        firstError ??= err;
      }
    }
    if (firstError)
      throw firstError instanceof WorkspaceError
        ? firstError
        : new WorkspaceError('无法打开工作区文件：文件已损坏或不是本软件的工作区。');
    throw new WorkspaceError('工作区文件不存在。');
  }

  private static load(SQL: SqlJsStatic, bytes: Uint8Array): Database {
    let db: Database;
    try {
      db = new SQL.Database(bytes);
      const rows = db.exec("SELECT value FROM meta WHERE key = 'app'");
      const app = rows[0]?.values[0]?.[0];
      if (app !== APP_ID) throw new WorkspaceError('该文件不是年报审查工作区。');
      const version = Number(
        db.exec("SELECT value FROM meta WHERE key = 'schema_version'")[0]?.values[0]?.[0] ?? 0,
      );
      if (version > SCHEMA_VERSION)
        throw new WorkspaceError('该工作区由更新版本的年报审查创建，请升级软件后再打开。');
      return db;
    } catch (err) {
      if (err instanceof WorkspaceError) throw err;
      throw new WorkspaceError('无法打开工作区文件：文件已损坏或不是本软件的工作区。');
    }
  }

  /** Brings files written by earlier builds of schema 1 up to date (columns added since). */
  private migrate(): void {
    const cols = (this.db.exec('PRAGMA table_info(decisions)')[0]?.values ?? []).map((v) =>
      str(v[1]),
    );
    if (!cols.includes('report_id'))
      this.db.run("ALTER TABLE decisions ADD COLUMN report_id TEXT NOT NULL DEFAULT ''");
    this.migrateFingerprints();
  }

  /**
   * Decisions written before versions were told apart carry fingerprints without the version tag
   * (model/fingerprint.ts): give each the tag of the file it was taken on, so it stays on that
   * version. A decision whose report is gone keeps its old key and shows as resolved, as before.
   */
  private migrateFingerprints(): void {
    const rows = this.db.exec(
      'SELECT d.fingerprint, f.path FROM decisions d JOIN reports r ON r.id = d.report_id JOIN files f ON f.id = r.file_id',
    )[0]?.values;
    for (const v of rows ?? []) {
      const fp = str(v[0]);
      if (!isUnversionedFingerprint(fp)) continue;
      const next = `${fp}#${versionTag(str(v[1]))}`;
      this.db.run('UPDATE OR IGNORE decisions SET fingerprint = ? WHERE fingerprint = ?', [
        next,
        fp,
      ]);
    }
  }

  // ───────────── identity and saving ─────────────

  get id(): string {
    return this.workspaceId;
  }
  /** The user's file; null for an untitled workspace. */
  get path(): string | null {
    return this.userPath;
  }
  /** Unsaved changes exist (in the user's file; for an untitled workspace: never saved by the user). */
  get dirty(): boolean {
    return this.userPath === null
      ? this.changeCounter > 0 || this.reportCount() > 0
      : this.changeCounter !== this.savedCounter;
  }
  get isClosed(): boolean {
    return this.closed;
  }
  get lastSavedAt(): string | null {
    return this.lastSaved;
  }

  private backingPath(): string | null {
    return this.userPath ?? this.options.recoveryPath ?? null;
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /** Records a change and schedules the autosave. */
  private markChanged(): void {
    this.changeCounter++;
    const ms = this.options.autosaveMs ?? 1000;
    if (ms <= 0 || this.closed || !this.backingPath()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save().catch((err: unknown) => this.options.onSaveError?.(err));
    }, ms);
  }

  /**
   * Saves atomically to `target` (default: the user's file, or the recovery file when untitled).
   * Saving to a new target makes it the workspace's file ("另存为"). Saves are serialised.
   */
  save(target?: string): Promise<void> {
    const run = async (): Promise<void> => {
      const dest = target ?? this.backingPath();
      if (!dest) throw new WorkspaceError('工作区尚未指定保存位置。');
      if (this.timer && (target === undefined || target === this.userPath)) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      this.setMeta('saved_at', this.now());
      const counter = this.changeCounter;
      const journalBytes = this.journal?.size() ?? 0;
      const bytes = this.db.export(); // synchronous: a consistent snapshot including every journaled entry so far
      this.db.run('PRAGMA foreign_keys = ON;'); // older sql.js versions reset pragmas on export()
      await atomicWrite(dest, bytes, this.options.hooks);
      const retarget = target !== undefined && target !== this.userPath;
      if (retarget) {
        // Save-as: the new file holds everything; the old file keeps its own journal untouched.
        this.userPath = dest;
        this.journal = new Journal(`${dest}.journal`);
        this.journal.remove();
      } else {
        this.journal?.discardPrefix(journalBytes);
      }
      this.savedCounter = counter;
      this.lastSaved = this.now();
      this.options.onSaved?.(dest);
    };
    const next = this.saving.then(run, run);
    this.saving = next.catch(() => undefined);
    return next;
  }

  /** Waits for pending saves; saves now when an autosave was scheduled. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.save();
    }
    await this.saving;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.db.close();
  }

  /** Stops timers without saving (tests simulating a crash; the journal keeps what was entered). */
  abandon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.closed = true;
  }

  // ───────────── meta ─────────────

  meta(key: string): string | null {
    const v = this.db.exec('SELECT value FROM meta WHERE key = ?', [key])[0]?.values[0]?.[0];
    return v === undefined || v === null ? null : str(v);
  }
  private setMeta(key: string, value: string): void {
    this.db.run(
      'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  // ───────────── files and reports ─────────────

  /** Status of a path with the given hash, before spending time on extraction. */
  fileStatus(path: string, sha256: string): UpsertStatus {
    const row = this.db.exec('SELECT sha256 FROM files WHERE path = ?', [path])[0]?.values[0];
    if (!row) return 'added';
    return str(row[0]) === sha256 ? 'unchanged' : 'updated';
  }

  /**
   * Adds a report, or replaces the model of a file already imported from the same path (its id is
   * kept; its findings are cleared until the rules run again; decisions are untouched).
   */
  upsertReport(file: ImportedFile): { id: string; status: UpsertStatus } {
    const status = this.fileStatus(file.path, file.sha256);
    if (status === 'unchanged') return { id: this.reportIdOfPath(file.path) ?? '', status };
    this.db.run('BEGIN');
    try {
      let fileId: number;
      if (status === 'added') {
        this.db.run('INSERT INTO files(path, sha256, size, audited_at) VALUES (?, ?, ?, ?)', [
          file.path,
          file.sha256,
          file.size,
          file.auditedAt,
        ]);
        fileId = num(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
      } else {
        fileId = num(
          this.db.exec('SELECT id FROM files WHERE path = ?', [file.path])[0]?.values[0]?.[0],
        );
        this.db.run('UPDATE files SET sha256 = ?, size = ?, audited_at = ? WHERE id = ?', [
          file.sha256,
          file.size,
          file.auditedAt,
          fileId,
        ]);
      }
      const id = `r${fileId}`;
      const model: ReportModel = { ...file.model, id, file: file.path };
      this.db.run('DELETE FROM findings WHERE report_id = ?', [id]);
      this.db.run(
        `INSERT INTO reports(id, file_id, model, html, notes) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET model = excluded.model, html = excluded.html, notes = excluded.notes`,
        [id, fileId, JSON.stringify(model), file.html, JSON.stringify(file.notes)],
      );
      this.db.run('DELETE FROM failures WHERE path = ?', [file.path]);
      this.db.run('COMMIT');
      this.markChanged();
      return { id, status };
    } catch (err) {
      this.db.run('ROLLBACK');
      throw err;
    }
  }

  reportIdOfPath(path: string): string | null {
    const v = this.db.exec(
      'SELECT r.id FROM reports r JOIN files f ON f.id = r.file_id WHERE f.path = ?',
      [path],
    )[0]?.values[0]?.[0];
    return v === undefined ? null : str(v);
  }

  removeReport(id: string): boolean {
    const fileId = this.db.exec('SELECT file_id FROM reports WHERE id = ?', [id])[0]
      ?.values[0]?.[0];
    if (fileId === undefined) return false;
    // Explicit rather than relying on ON DELETE CASCADE alone.
    this.db.run('DELETE FROM findings WHERE report_id = ?', [id]);
    this.db.run('DELETE FROM reports WHERE id = ?', [id]);
    this.db.run('DELETE FROM files WHERE id = ?', [fileId]);
    this.markChanged();
    return true;
  }

  listReports(): StoredReport[] {
    const res = this.db.exec(
      'SELECT r.id, f.path, f.sha256, f.size, f.audited_at, r.model FROM reports r JOIN files f ON f.id = r.file_id ORDER BY f.id',
    )[0];
    return (res?.values ?? []).map((v) => ({
      id: str(v[0]),
      path: str(v[1]),
      sha256: str(v[2]),
      size: num(v[3]),
      auditedAt: str(v[4]),
      model: JSON.parse(str(v[5])) as ReportModel,
    }));
  }

  /** What listReports would return, as a cheap stamp (ids, paths, hashes, audit times; no model parsing): equal stamps, equal lists. */
  reportsStamp(): string {
    const rows =
      this.db.exec(
        'SELECT r.id, f.path, f.sha256, f.audited_at FROM reports r JOIN files f ON f.id = r.file_id ORDER BY f.id',
      )[0]?.values ?? [];
    return JSON.stringify(rows);
  }

  getReport(id: string): StoredReport | null {
    const v = this.db.exec(
      'SELECT r.id, f.path, f.sha256, f.size, f.audited_at, r.model FROM reports r JOIN files f ON f.id = r.file_id WHERE r.id = ?',
      [id],
    )[0]?.values[0];
    if (!v) return null;
    return {
      id: str(v[0]),
      path: str(v[1]),
      sha256: str(v[2]),
      size: num(v[3]),
      auditedAt: str(v[4]),
      model: JSON.parse(str(v[5])) as ReportModel,
    };
  }

  /** path → SHA-256 of every imported file (cheap: no model parsing). */
  fileHashes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const v of this.db.exec('SELECT path, sha256 FROM files')[0]?.values ?? [])
      out[str(v[0])] = str(v[1]);
    return out;
  }

  reportCount(): number {
    return num(this.db.exec('SELECT COUNT(*) FROM reports')[0]?.values[0]?.[0]);
  }

  reportContent(id: string): StoredReportContent | null {
    const v = this.db.exec('SELECT html, notes FROM reports WHERE id = ?', [id])[0]?.values[0];
    if (!v) return null;
    return { html: str(v[0]), notes: JSON.parse(str(v[1])) as string[] };
  }

  // ───────────── failures ─────────────

  recordFailure(path: string, message: string): void {
    this.db.run(
      'INSERT INTO failures(path, message, at) VALUES (?, ?, ?) ON CONFLICT(path) DO UPDATE SET message = excluded.message, at = excluded.at',
      [path, message, this.now()],
    );
    this.markChanged();
  }

  failures(): { file: string; message: string }[] {
    return (
      this.db.exec('SELECT path, message FROM failures ORDER BY at, path')[0]?.values ?? []
    ).map((v) => ({ file: str(v[0]), message: str(v[1]) }));
  }

  // ───────────── findings ─────────────

  /** Replaces the findings of the given reports (all reports when the rules ran over the workspace). */
  replaceFindings(byReport: ReadonlyMap<string, readonly Omit<StoredFinding, 'reportId'>[]>): void {
    this.db.run('BEGIN');
    try {
      const stmt = this.db.prepare(
        'INSERT INTO findings(report_id, seq, fingerprint, location, data) VALUES (?, ?, ?, ?, ?)',
      );
      try {
        for (const [reportId, list] of byReport) {
          this.db.run('DELETE FROM findings WHERE report_id = ?', [reportId]);
          list.forEach((f, seq) =>
            stmt.run([reportId, seq, f.fingerprint, f.location, JSON.stringify(f.finding)]),
          );
        }
      } finally {
        stmt.free();
      }
      this.db.run('COMMIT');
    } catch (err) {
      this.db.run('ROLLBACK');
      throw err;
    }
    this.markChanged();
  }

  findings(reportId?: string): StoredFinding[] {
    const res = reportId
      ? this.db.exec(
          'SELECT report_id, fingerprint, location, data FROM findings WHERE report_id = ? ORDER BY seq',
          [reportId],
        )[0]
      : this.db.exec(
          'SELECT report_id, fingerprint, location, data FROM findings ORDER BY report_id, seq',
        )[0];
    return (res?.values ?? []).map((v) => ({
      reportId: str(v[0]),
      fingerprint: str(v[1]),
      location: str(v[2]),
      finding: JSON.parse(str(v[3])) as StoredFinding['finding'],
    }));
  }

  findingByFingerprint(fingerprint: string): StoredFinding | null {
    const v = this.db.exec(
      'SELECT report_id, fingerprint, location, data FROM findings WHERE fingerprint = ? LIMIT 1',
      [fingerprint],
    )[0]?.values[0];
    if (!v) return null;
    return {
      reportId: str(v[0]),
      fingerprint: str(v[1]),
      location: str(v[2]),
      finding: JSON.parse(str(v[3])) as StoredFinding['finding'],
    };
  }

  // ───────────── decisions ─────────────

  /** Journals (durably) and then records a decision. Returns once it is safe on disk. */
  decide(decision: StoredDecision): StoredDecision {
    this.journal?.append({ v: 1, ws: this.workspaceId, t: 'decision', d: decision });
    this.writeDecision(decision);
    this.markChanged();
    return decision;
  }

  private writeDecision(d: StoredDecision): void {
    this.db.run(
      `INSERT INTO decisions(fingerprint, status, note, updated_at, rule_id, report_key, report_id, last_message, last_location)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(fingerprint) DO UPDATE SET status = excluded.status, note = excluded.note, updated_at = excluded.updated_at,
         rule_id = excluded.rule_id, report_key = excluded.report_key, report_id = excluded.report_id, last_message = excluded.last_message, last_location = excluded.last_location`,
      [
        d.fingerprint,
        d.status,
        d.note,
        d.updatedAt,
        d.ruleId,
        d.reportKey,
        d.reportId ?? '',
        d.lastMessage,
        d.lastLocation,
      ],
    );
  }

  decisions(): Map<string, StoredDecision> {
    const res = this.db.exec(
      'SELECT fingerprint, status, note, updated_at, rule_id, report_key, report_id, last_message, last_location FROM decisions ORDER BY fingerprint',
    )[0];
    const out = new Map<string, StoredDecision>();
    for (const v of res?.values ?? []) {
      out.set(str(v[0]), {
        fingerprint: str(v[0]),
        status: str(v[1]) as StoredDecision['status'],
        note: str(v[2]),
        updatedAt: str(v[3]),
        ruleId: str(v[4]),
        reportKey: str(v[5]),
        reportId: str(v[6]),
        lastMessage: str(v[7]),
        lastLocation: str(v[8]),
      });
    }
    return out;
  }

  decision(fingerprint: string): StoredDecision | null {
    return this.decisions().get(fingerprint) ?? null;
  }

  /**
   * Decisions whose finding has disappeared (no current finding has their fingerprint), optionally
   * only those of one report: same `<agency>#<year>` key, or decided on the same workspace report
   * (which keeps its id when its file is re-imported, even if the agency or year now reads
   * differently). 'pending' decisions with no note carry no information and are left out.
   */
  resolvedDecisions(report?: { reportKey: string; reportId: string }): StoredDecision[] {
    const sql = `SELECT d.fingerprint FROM decisions d
      WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.fingerprint = d.fingerprint)
        AND NOT (d.status = 'pending' AND d.note = '')
        ${report === undefined ? '' : "AND (d.report_key = ? OR (d.report_id <> '' AND d.report_id = ?))"}
      ORDER BY d.updated_at, d.fingerprint`;
    const res = this.db.exec(
      sql,
      report === undefined ? [] : [report.reportKey, report.reportId],
    )[0];
    const all = this.decisions();
    return (res?.values ?? [])
      .map((v) => all.get(str(v[0])))
      .filter((d): d is StoredDecision => d !== undefined);
  }

  // ───────────── settings ─────────────

  settings(): AuditSettings {
    const v = this.db.exec('SELECT data FROM settings WHERE id = 1')[0]?.values[0]?.[0];
    if (v === undefined) return structuredClone(DEFAULT_SETTINGS);
    return JSON.parse(str(v)) as AuditSettings;
  }

  setSettings(settings: AuditSettings): void {
    this.journal?.append({ v: 1, ws: this.workspaceId, t: 'settings', s: settings });
    this.writeSettings(settings);
    this.markChanged();
  }

  private writeSettings(settings: AuditSettings): void {
    this.db.run(
      'INSERT INTO settings(id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data',
      [JSON.stringify(settings)],
    );
  }

  // ───────────── letters and briefing settings ─────────────

  /** The 审查意见/通报 settings (meta 'documents'); defaults until the user saves some. */
  documentSettings(): DocumentSettings {
    const raw = this.meta('documents');
    if (raw === null) return normaliseDocumentSettings(null);
    try {
      return normaliseDocumentSettings(JSON.parse(raw));
    } catch {
      return normaliseDocumentSettings(null);
    }
  }

  setDocumentSettings(settings: DocumentSettings): void {
    this.journal?.append({ v: 1, ws: this.workspaceId, t: 'documents', s: settings });
    this.setMeta('documents', JSON.stringify(settings));
    this.markChanged();
  }

  // ───────────── journal ─────────────

  private applyEntry(e: JournalEntry): void {
    if (e.t === 'decision') this.writeDecision(e.d);
    else if (e.t === 'settings') this.writeSettings(e.s);
    else this.setMeta('documents', JSON.stringify(e.s));
  }

  private replayJournal(): number {
    if (!this.journal) return 0;
    const entries = this.journal.read(this.workspaceId);
    for (const e of entries) this.applyEntry(e);
    return entries.length;
  }
}
