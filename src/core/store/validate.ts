/**
 * Validation of a workspace file before anything is done with it. The file is handed between
 * colleagues: it is checked as a whole — meta (app id, schema version), settings (with the same
 * validator as settings from the window), every stored model, finding and decision — and refused
 * as a whole with a Chinese message when any part is wrong. Runs on a read-only connection, so a
 * refused file is left exactly as it was.
 */
import type { DatabaseSync } from 'node:sqlite';
import {
  REPORT_SELECT,
  WorkspaceShapeError,
  decisionFromRow,
  findingFromRow,
  reportContentFromRow,
  reportFromRow,
  settingsFromRow,
  text,
} from './rows';
import { APP_ID, SCHEMA_VERSION, WorkspaceError, metaValue } from './schema';

export const NOT_A_WORKSPACE = '该文件不是年报审查工作区。';
export const UNREADABLE = '无法打开工作区文件：文件已损坏或不是本软件的工作区。';
export const NEWER_VERSION = '该工作区由更新版本的年报审查创建，请升级软件后再打开。';

/** The refusal for an error SQLite raised while reading the file. */
export function readFailure(err: unknown): WorkspaceError {
  if (err instanceof WorkspaceError) return err;
  if (err instanceof Error && /locked|busy/i.test(err.message))
    return new WorkspaceError('工作区文件正被另一个程序写入，请稍后再试。');
  return new WorkspaceError(UNREADABLE);
}

export function tamperedMessage(what: string): string {
  return `工作区文件已损坏或被改动：${what}的内容不符合格式。为免只载入一部分，整个文件未被打开，也未作任何修改。`;
}

/** Checks the whole file; returns its workspace id. Throws WorkspaceError with the reason. */
export function validateWorkspace(db: DatabaseSync): string {
  let tables: Set<string>;
  try {
    tables = new Set(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => text(r.name)),
    );
  } catch (err) {
    throw readFailure(err);
  }
  if (!tables.has('meta') || metaValue(db, 'app') !== APP_ID)
    throw new WorkspaceError(NOT_A_WORKSPACE);
  const version = Number(metaValue(db, 'schema_version') ?? 0);
  if (!Number.isInteger(version) || version < 1)
    throw new WorkspaceError(tamperedMessage('版本号'));
  if (version > SCHEMA_VERSION) throw new WorkspaceError(NEWER_VERSION);
  const id = metaValue(db, 'workspace_id');
  if (!id) throw new WorkspaceError(tamperedMessage('工作区编号'));
  try {
    checkContents(db, tables);
  } catch (err) {
    if (err instanceof WorkspaceShapeError) throw new WorkspaceError(tamperedMessage(err.message));
    throw readFailure(err);
  }
  return id;
}

function checkContents(db: DatabaseSync, tables: ReadonlySet<string>): void {
  if (tables.has('settings'))
    for (const row of db.prepare('SELECT data FROM settings').all()) settingsFromRow(row);
  const documents = metaValue(db, 'documents');
  if (documents !== null) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(documents);
    } catch {
      // refused below
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new WorkspaceShapeError('审查意见与通报设置');
  }
  if (tables.has('reports') && tables.has('files')) {
    for (const row of db.prepare(REPORT_SELECT).all()) reportFromRow(row);
    for (const row of db.prepare('SELECT id, html, notes FROM reports').all())
      reportContentFromRow(row);
  }
  if (tables.has('findings'))
    for (const row of db.prepare('SELECT * FROM findings').all()) findingFromRow(row);
  if (tables.has('decisions'))
    for (const row of db.prepare('SELECT * FROM decisions').all()) decisionFromRow(row);
}
