/** quietSqliteWarning: node:sqlite's ExperimentalWarning is dropped, every other warning still comes. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isSqliteExperimentalWarning,
  quietSqliteWarning,
} from '../../src/core/store/sqlite-warning';

const SQLITE = 'SQLite is an experimental feature and might change at any time';

describe('node:sqlite ExperimentalWarning', () => {
  it('recognises only that warning, in each form process.emitWarning takes', () => {
    expect(isSqliteExperimentalWarning(SQLITE, ['ExperimentalWarning'])).toBe(true);
    expect(isSqliteExperimentalWarning(SQLITE, [{ type: 'ExperimentalWarning' }])).toBe(true);
    const error = new Error(SQLITE);
    error.name = 'ExperimentalWarning';
    expect(isSqliteExperimentalWarning(error)).toBe(true);
    expect(isSqliteExperimentalWarning(SQLITE)).toBe(false); // a plain Warning
    expect(
      isSqliteExperimentalWarning('VM Modules is an experimental feature', ['ExperimentalWarning']),
    ).toBe(false);
    expect(isSqliteExperimentalWarning(SQLITE, ['DeprecationWarning'])).toBe(false);
  });

  it('drops it from the process and lets the others through', async () => {
    const seen: string[] = [];
    const listener = (w: Error): void => {
      seen.push(`${w.name}: ${w.message}`);
    };
    process.on('warning', listener);
    try {
      quietSqliteWarning();
      quietSqliteWarning(); // twice is once
      process.emitWarning(SQLITE, 'ExperimentalWarning');
      process.emitWarning('something else', 'ExperimentalWarning');
      process.emitWarning('an old API', { type: 'DeprecationWarning', code: 'NB0001' });
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('warning', listener);
    }
    expect(seen).toEqual(['ExperimentalWarning: something else', 'DeprecationWarning: an old API']);
  });

  it('is not printed by a process that opens a workspace without quieting it first', () => {
    // As Electron's main process does: the store's module loads, then a workspace opens. node:sqlite
    // loads on that open, after the store dropped the warning (schema.ts, nodeSqlite).
    const script = [
      "const { openDb } = require('./src/core/store/schema.ts');",
      "const db = openDb(':memory:');",
      "db.exec('CREATE TABLE t (x)');",
      'db.close();',
      "process.stdout.write('opened');",
    ].join(' ');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('opened');
    expect(run.stderr).not.toMatch(/ExperimentalWarning|SQLite is an experimental/);
    expect(run.status).toBe(0);
  });
});
