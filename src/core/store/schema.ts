/**
 * The workspace file's schema: one SQLite database (Node's built-in node:sqlite). Files written by
 * earlier builds (sql.js, schema 1) are the same SQLite format and open as they are; `migrate`
 * brings their tables up to date in one transaction, after the file was validated.
 */
import type * as NodeSqliteModule from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';
import { isUnversionedFingerprint, versionTag } from '../model/fingerprint';
import { text } from './rows';
import { quietSqliteWarning } from './sqlite-warning';

export const APP_ID = 'nianbao-audit';
export const SCHEMA_VERSION = 1;
export const WORKSPACE_EXTENSION = '.nianbao';
const BUSY_TIMEOUT_MS = 5000;

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

export const TABLES = [
  'meta',
  'files',
  'reports',
  'findings',
  'decisions',
  'settings',
  'failures',
] as const;

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

/**
 * Opens a database file (or ':memory:'). Rollback journal (journal_mode=DELETE) with
 * synchronous=FULL: every commit is on disk when it returns, even across a power cut, and the
 * workspace is always ONE complete file — no -wal/-shm beside it to lose when the user copies or
 * mails it, and earlier builds (sql.js) can still open it.
 */
export function openDb(location: string, readOnly = false): DatabaseSync {
  const { DatabaseSync: Database } = nodeSqlite();
  // A commit of another connection (the app while the command line reads) is waited for, not failed.
  const db = new Database(location, {
    readOnly,
    enableForeignKeyConstraints: true,
    timeout: BUSY_TIMEOUT_MS,
  });
  if (!readOnly) db.exec('PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;');
  return db;
}

type NodeSqlite = typeof NodeSqliteModule;

function isNodeSqlite(m: unknown): m is NodeSqlite {
  return (
    typeof m === 'object' &&
    m !== null &&
    'DatabaseSync' in m &&
    typeof m.DatabaseSync === 'function'
  );
}

/**
 * node:sqlite, loaded on the first open rather than when this module loads: Node prints an English
 * ExperimentalWarning as it loads, and a static import would print it at start-up of every process
 * that bundles the store (Electron's main process, the command line) before any code of ours could
 * drop it. quietSqliteWarning runs first, here, for every caller.
 */
function nodeSqlite(): NodeSqlite {
  quietSqliteWarning();
  const m = process.getBuiltinModule('node:sqlite');
  if (!isNodeSqlite(m))
    throw new WorkspaceError(
      '此版本的运行环境不支持工作区文件（缺少 node:sqlite，需要 Node 22.13 以上）。',
    );
  return m;
}

function tableNames(db: DatabaseSync): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  return new Set(rows.map((r) => text(r.name)));
}

function decisionColumns(db: DatabaseSync): string[] {
  return db
    .prepare('PRAGMA table_info(decisions)')
    .all()
    .map((r) => text(r.name));
}

/** Decisions of earlier builds whose fingerprint lacks the version tag, with the file they were taken on. */
function unversioned(db: DatabaseSync): { fingerprint: string; path: string }[] {
  return db
    .prepare(
      'SELECT d.fingerprint, f.path FROM decisions d JOIN reports r ON r.id = d.report_id JOIN files f ON f.id = r.file_id',
    )
    .all()
    .map((r) => ({ fingerprint: text(r.fingerprint), path: text(r.path) }))
    .filter((r) => isUnversionedFingerprint(r.fingerprint));
}

/** True when `migrate` has something to do (read-only check, for a file opened read-only). */
export function needsMigration(db: DatabaseSync): boolean {
  const names = tableNames(db);
  if (TABLES.some((t) => !names.has(t))) return true;
  if (!decisionColumns(db).includes('report_id')) return true;
  return unversioned(db).length > 0;
}

/** Creates missing tables and columns and tags old fingerprints; the caller holds a transaction. */
export function migrate(db: DatabaseSync): void {
  db.exec(SCHEMA);
  if (!decisionColumns(db).includes('report_id'))
    db.exec("ALTER TABLE decisions ADD COLUMN report_id TEXT NOT NULL DEFAULT ''");
  migrateFingerprints(db);
}

/**
 * Decisions written before versions were told apart carry fingerprints without the version tag
 * (model/fingerprint.ts): give each the tag of the file it was taken on, so it stays on that
 * version. A decision whose report is gone keeps its old key and shows as resolved, as before.
 */
export function migrateFingerprints(db: DatabaseSync): void {
  const update = db.prepare('UPDATE OR IGNORE decisions SET fingerprint = ? WHERE fingerprint = ?');
  for (const r of unversioned(db))
    update.run(`${r.fingerprint}#${versionTag(r.path)}`, r.fingerprint);
}

/** The meta value of `key`, or null. */
export function metaValue(db: DatabaseSync, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key);
  return row === undefined ? null : text(row.value);
}

export function setMetaValue(db: DatabaseSync, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
