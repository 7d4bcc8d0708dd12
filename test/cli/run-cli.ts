/** Runs the real command line (tsx src/cli/index.ts) in a child process. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[]): CliResult {
  const local = resolve(repoRoot, 'node_modules/.bin/tsx');
  const [cmd, pre] = existsSync(local) ? [local, []] : ['npx', ['tsx']];
  const r = spawnSync(cmd, [...pre, 'src/cli/index.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
