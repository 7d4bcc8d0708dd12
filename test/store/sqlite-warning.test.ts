/** quietSqliteWarning: node:sqlite's ExperimentalWarning is dropped, every other warning still comes. */
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
});
