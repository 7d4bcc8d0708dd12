/** `npm start` without the Electron binary says in Chinese what is missing and that the CLI works. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve(__dirname, '../../scripts/start.cjs');

describe('scripts/start.cjs', () => {
  it('a missing Electron binary: exit 1, a Chinese explanation naming npm run audit, no stack trace', () => {
    // ELECTRON_EXEC_PATH pointing nowhere stands for a machine that could not download Electron
    // (and skips the download retry, so the test never touches the network).
    const res = spawnSync(process.execPath, [SCRIPT], {
      env: { ...process.env, ELECTRON_EXEC_PATH: resolve(__dirname, 'no-such-electron') },
      encoding: 'utf8',
      timeout: 30_000,
      cwd: resolve(__dirname, '../..'),
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('没有找到 Electron 程序文件');
    expect(res.stderr).toContain('no-such-electron');
    expect(res.stderr).toContain('npm run audit');
    expect(res.stderr).not.toMatch(/Electron uninstall|\n\s+at /);
  });
});
