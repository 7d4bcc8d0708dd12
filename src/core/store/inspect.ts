/**
 * Finding and checking the file to open, without changing anything on disk: the workspace or the
 * .bak an earlier build's crashed save left, validated read-only (or, when an interrupted write
 * left a hot rollback journal that a read-only connection cannot roll back, on a working copy in a
 * temporary folder).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { WorkspaceError, needsMigration, openDb } from './schema';
import { readFailure, validateWorkspace } from './validate';

/** The file to open: the workspace, or the .bak an earlier build's crashed save left. */
function candidates(path: string): string[] {
  const out = [path, `${path}.bak`].filter((p) => existsSync(p));
  if (out.length === 0) throw new WorkspaceError('工作区文件不存在。');
  return out;
}

/** A copy of `file` (and its hot rollback journal, if any) in a new temporary folder. */
export function workingCopy(file: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  const copy = join(dir, 'workspace.nianbao');
  copyFileSync(file, copy);
  if (existsSync(`${file}-journal`)) copyFileSync(`${file}-journal`, `${copy}-journal`);
  return { dir, file: copy };
}

/**
 * Validates `file` without changing anything on disk: read-only, or — when an interrupted write
 * left a hot journal, which a read-only connection cannot roll back — on a working copy.
 */
function inspect(file: string): { id: string; migrate: boolean } {
  const hot = existsSync(`${file}-journal`);
  const copy = hot ? workingCopy(file) : null;
  let db: DatabaseSync | null = null;
  try {
    db = openDb(copy?.file ?? file, !hot);
    return { id: validateWorkspace(db), migrate: needsMigration(db) };
  } catch (err) {
    throw readFailure(err);
  } finally {
    db?.close();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
  }
}

/** The first candidate that validates; the first error when none does. */
export function pick(path: string): {
  file: string;
  id: string;
  migrate: boolean;
  fromBackup: boolean;
} {
  let first: unknown = null;
  for (const file of candidates(path)) {
    try {
      return { file, ...inspect(file), fromBackup: file !== path };
    } catch (err) {
      first ??= err;
    }
  }
  throw first;
}
