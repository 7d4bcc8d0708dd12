/** The postinstall step never fails the install and is fast when the download host is unreachable. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve(__dirname, '../../scripts/fetch-electron.cjs');

function run(env: Record<string, string>): { status: number | null; stdout: string } {
  const clean = { ...process.env };
  delete clean['ELECTRON_SKIP_BINARY_DOWNLOAD'];
  delete clean['NIANBAO_SKIP_ELECTRON'];
  const res = spawnSync(process.execPath, [SCRIPT], {
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 30_000,
    cwd: resolve(__dirname, '../..'),
  });
  // A run that outlasts spawnSync's timeout is killed and has status null, which fails the test.
  return { status: res.status, stdout: res.stdout };
}

describe('scripts/fetch-electron.cjs', () => {
  it('offline (unreachable host): exits 0 with a one-line note', () => {
    const res = run({ ELECTRON_MIRROR: 'https://127.0.0.1:9/' });
    expect(res.status).toBe(0);
    // Silent only when the binary is already there (a developer machine that was online once).
    if (res.stdout.trim() === '')
      expect(existsSync(resolve(__dirname, '../../node_modules/electron/path.txt'))).toBe(true);
    else expect(res.stdout).toMatch(/离线|offline/);
    expect(res.stdout.trim().split('\n').length).toBeLessThanOrEqual(1);
  });

  it('honours the skip variables', () => {
    const res = run({ NIANBAO_SKIP_ELECTRON: '1' });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('跳过');
  });
});
