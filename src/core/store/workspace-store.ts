/**
 * The workspace file — durability. One SQLite database file (Node's built-in node:sqlite) that the
 * user saves where they want, reopens and hands to a colleague. It holds the audited files, their
 * models and display HTML, the findings, the review decisions and the settings (tables.ts reads
 * and writes them; schema.ts, rows.ts).
 *
 * Every change is one transaction, committed with a rollback journal and synchronous=FULL before
 * the call returns: a decision, a note, a settings change or a re-import writes the pages it
 * touches (a few KB), not the whole file, and is on disk when acknowledged. The file is always
 * complete by itself (no -wal beside it), so "save" of a titled workspace only stamps it, and
 * "save as" copies the database (VACUUM INTO a temporary file beside the target, fsync, one rename)
 * and continues in the copy. A new workspace lives in its recovery file (or in memory when none
 * is given) until saved.
 *
 * Opening validates the whole file read-only first (validate.ts): a damaged or tampered file is
 * refused and left untouched. Files of earlier builds (sql.js, schema 1) open as they are; the
 * journal those builds kept beside the file (`<file>.journal`) is replayed once and removed, and
 * the `.bak` their whole-file saves could leave after a crash is used when the file itself is
 * missing or unreadable.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { unitYearKey } from '../model/fingerprint';
import type { ReportModel } from '../model/types';
import { TMP_MARK, removeStaleTemps, replaceFileSync, syncFileSync } from './atomic';
import { Journal } from './journal';
import type { JournalEntry } from './journal';
import {
  APP_ID,
  SCHEMA_VERSION,
  WorkspaceError,
  metaValue,
  migrate,
  migrateFingerprints,
  openDb,
  setMetaValue,
} from './schema';
import { WorkspaceTables } from './tables';
import { pick, workingCopy } from './inspect';

export { APP_ID, SCHEMA_VERSION, WORKSPACE_EXTENSION, WorkspaceError } from './schema';

/** Fault injection for tests (a process killed at a point of a write or a save). */
export interface StoreHooks {
  /** Inside every write transaction, just before COMMIT. */
  beforeCommit?: () => void;
  /** Save-as: the copy is written beside the target, not yet synced or renamed. */
  afterCopy?: (tmpPath: string) => void;
  /** Save-as: the copy is synced, just before the rename over the target. */
  beforeRename?: (tmpPath: string) => void;
}

export interface StoreOptions {
  /** Debounce of the autosave after a change, ms; 0 or negative switches autosave off. Default 1000. */
  autosaveMs?: number;
  /** Where an untitled workspace lives until the user saves it somewhere. */
  recoveryPath?: string;
  /** No longer used (sql.js's .wasm); accepted so that callers need not change. */
  wasmPath?: string;
  /** Called after every successful save (autosave included). */
  onSaved?: (path: string) => void;
  /** Called when an autosave fails (every change is committed already; only the stamp is late). */
  onSaveError?: (err: unknown) => void;
  /** Fault injection for tests. */
  hooks?: StoreHooks;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface OpenReport {
  /** Notes about recovery (Chinese), e.g. that the backup was used or journal entries replayed. */
  notes: string[];
}

/** `<agency>#<year>` of a report: the same key the finding fingerprints start with (model/fingerprint.ts). */
export function reportKeyOf(model: Pick<ReportModel, 'agency' | 'year' | 'file'>): string {
  return unitYearKey(model);
}

interface Init {
  db: DatabaseSync;
  /** The database file; null when in memory. */
  file: string | null;
  userPath: string | null;
  readOnly: boolean;
  /** Temporary folder of a read-only working copy, removed on close. */
  scratch: string | null;
}

export class WorkspaceStore extends WorkspaceTables {
  protected db: DatabaseSync;
  protected readonly readOnly: boolean;
  private file: string | null;
  private userPath: string | null;
  private scratch: string | null;
  private readonly workspaceId: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private changeCounter = 0;
  private savedCounter = 0;
  private lastSaved: string | null = null;
  private closed = false;

  private constructor(
    init: Init,
    private readonly options: StoreOptions,
  ) {
    super();
    this.db = init.db;
    this.file = init.file;
    this.userPath = init.userPath;
    this.readOnly = init.readOnly;
    this.scratch = init.scratch;
    this.closed = init.readOnly; // no autosave, no saves
    this.workspaceId = metaValue(this.db, 'workspace_id') ?? '';
  }

  /** A new, empty workspace (untitled; lives in options.recoveryPath when given, else in memory). */
  static async create(options: StoreOptions = {}): Promise<WorkspaceStore> {
    const file = options.recoveryPath ?? null;
    // A fresh untitled workspace replaces an older untitled one (and whatever lay beside it).
    if (file)
      for (const p of [file, `${file}-journal`, `${file}.journal`, `${file}.bak`])
        rmSync(p, { force: true });
    const db = openDb(file ?? ':memory:');
    const now = (options.now?.() ?? new Date()).toISOString();
    db.exec('BEGIN IMMEDIATE');
    migrate(db);
    setMetaValue(db, 'workspace_id', randomUUID());
    setMetaValue(db, 'app', APP_ID);
    setMetaValue(db, 'schema_version', String(SCHEMA_VERSION));
    setMetaValue(db, 'created_at', now);
    db.exec('COMMIT');
    return new WorkspaceStore(
      { db, file, userPath: null, readOnly: false, scratch: null },
      options,
    );
  }

  /**
   * Opens a workspace file for work. The file is validated first (refused as a whole, untouched,
   * when damaged); then a .bak is restored when the file itself was unusable, stale temporary
   * files are removed, an earlier build's file is migrated and its journal replayed.
   * `asUntitled` opens the recovery file of an untitled workspace.
   */
  static async open(
    path: string,
    options: StoreOptions = {},
    asUntitled = false,
  ): Promise<{ store: WorkspaceStore } & OpenReport> {
    const picked = pick(path);
    // Read (and checked) before anything on disk changes.
    const journal = new Journal(`${path}.journal`);
    const entries = journal.read(picked.id);
    const notes: string[] = [];
    if (picked.fromBackup) {
      const tmp = `${path}${TMP_MARK}${process.pid}-${Date.now()}`;
      copyFileSync(picked.file, tmp);
      syncFileSync(tmp);
      rmSync(`${path}-journal`, { force: true }); // belongs to the unusable file
      replaceFileSync(tmp, path);
      rmSync(picked.file, { force: true });
      notes.push('工作区文件上次保存未完成，已从备份文件恢复。');
    }
    await removeStaleTemps(path);
    const db = openDb(path);
    const store = new WorkspaceStore(
      { db, file: path, userPath: asUntitled ? null : path, readOnly: false, scratch: null },
      options,
    );
    if (picked.migrate) store.transaction(() => migrate(db));
    const replayed = store.replay(entries);
    if (replayed > 0) {
      journal.remove();
      notes.push(`已恢复上次未保存的 ${replayed} 项审查记录。`);
      store.changed();
    }
    return { store, notes };
  }

  /**
   * Opens a workspace for reading only (the CLI's --workspace): nothing is written to or beside
   * the file. A file that needs recovery or migration, or has an earlier build's journal beside
   * it, is read from a working copy in a temporary folder, so the run sees what the app would show.
   */
  static async openReadOnly(
    path: string,
    options: Pick<StoreOptions, 'wasmPath' | 'now'> = {},
  ): Promise<WorkspaceStore> {
    const picked = pick(path);
    const entries = new Journal(`${path}.journal`).read(picked.id);
    const hot = existsSync(`${picked.file}-journal`);
    if (!hot && !picked.migrate && !picked.fromBackup && entries.length === 0) {
      const db = openDb(picked.file, true);
      return new WorkspaceStore(
        { db, file: picked.file, userPath: null, readOnly: true, scratch: null },
        { ...options, autosaveMs: 0 },
      );
    }
    const copy = workingCopy(picked.file);
    const db = openDb(copy.file);
    const writer = new WorkspaceStore(
      { db, file: copy.file, userPath: null, readOnly: false, scratch: copy.dir },
      { ...options, autosaveMs: 0 },
    );
    if (picked.migrate) writer.transaction(() => migrate(db));
    writer.replay(entries);
    return new WorkspaceStore(
      { db, file: copy.file, userPath: null, readOnly: true, scratch: copy.dir },
      { ...options, autosaveMs: 0 },
    );
  }

  /** Applies an earlier build's journal entries in one transaction. */
  private replay(entries: readonly JournalEntry[]): number {
    if (entries.length === 0) return 0;
    this.transaction(() => {
      for (const e of entries) {
        if (e.t === 'decision') this.writeDecision(e.d);
        else if (e.t === 'settings') this.writeSettings(e.s);
        else this.writeDocumentSettings(e.s);
      }
      migrateFingerprints(this.db); // a journal written by an earlier build
    });
    return entries.length;
  }

  // ───────────── identity and state ─────────────

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

  protected now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  protected batchFailed(err: unknown): void {
    this.options.onSaveError?.(err);
  }

  protected beforeCommit(): void {
    this.options.hooks?.beforeCommit?.();
  }

  /** Records a change and schedules the autosave. */
  protected changed(): void {
    this.changeCounter++;
    const ms = this.options.autosaveMs ?? 1000;
    if (ms <= 0 || this.closed || !this.backingPath()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save().catch((err: unknown) => this.options.onSaveError?.(err));
    }, ms);
  }

  // ───────────── saving ─────────────

  /**
   * Saves to `target` (default: the user's file, or the recovery file when untitled). The
   * database file itself holds every committed change already: saving it writes nothing.
   * Another target gets a complete copy, put in place atomically, and becomes the workspace's
   * file ("另存为"); the previous file stays as it was. Saves are serialised, and each runs
   * synchronously once started, so no change can fall between the copy and the switch to it.
   */
  save(target?: string): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.readOnly) throw new WorkspaceError('该工作区以只读方式打开，不能保存。');
      const dest = target ?? this.backingPath();
      if (!dest) throw new WorkspaceError('工作区尚未指定保存位置。');
      if (this.timer && (target === undefined || target === this.userPath)) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      const counter = this.changeCounter;
      this.commitPending();
      if (dest !== this.file) {
        this.transaction(() => setMetaValue(this.db, 'saved_at', this.now()));
        this.copyTo(dest);
        if (target !== undefined) {
          this.db.close();
          this.db = openDb(dest);
          this.file = dest;
        }
      }
      if (target !== undefined) this.userPath = dest;
      this.savedCounter = counter;
      this.lastSaved = this.now();
      this.options.onSaved?.(dest);
    };
    const next = this.saving.then(run, run);
    this.saving = next.catch(() => undefined);
    return next;
  }

  /** A complete copy of the database at `dest`: VACUUM INTO a temporary file beside it, fsync, rename. */
  private copyTo(dest: string): void {
    const tmp = `${dest}${TMP_MARK}${process.pid}-${Date.now()}`;
    try {
      this.db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
      this.options.hooks?.afterCopy?.(tmp);
      syncFileSync(tmp);
      this.options.hooks?.beforeRename?.(tmp);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    // A journal left beside the old file at `dest` would be "rolled back" into the new one.
    rmSync(`${dest}-journal`, { force: true });
    replaceFileSync(tmp, dest);
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
    this.commitPending();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.db.isOpen) this.db.close();
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
    this.scratch = null;
  }

  /**
   * Stops timers without saving (tests simulating a crash). What the user entered is committed
   * already; the pending batch of imported data is committed here, as its timer would have done
   * (a real crash loses at most its last BATCH_MS, which importing again restores).
   */
  abandon(): void {
    if (!this.readOnly) this.commitPending();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.closed = true;
  }
}
