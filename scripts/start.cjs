#!/usr/bin/env node
/**
 * `npm start`: opens the desktop app with electron-vite preview — when the Electron binary is there.
 *
 * Electron >= 42 downloads its binary from GitHub (at install through scripts/fetch-electron.cjs,
 * or lazily). On a machine without internet it is missing, and electron-vite then ends in an
 * English stack trace ("Electron uninstall") that tells an office user nothing. This checks
 * first, tries the download once more (it may be online now; the try is bounded and quiet when
 * offline), and otherwise says in Chinese what is missing and that the command line works.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { electronDir, installed } = require('./fetch-electron.cjs');

const ROOT = path.join(__dirname, '..');

function ready(dir) {
  const override = process.env.ELECTRON_EXEC_PATH;
  if (override) return fs.existsSync(override);
  return dir !== null && installed(dir);
}

function explain(dir) {
  const override = process.env.ELECTRON_EXEC_PATH;
  const where = override
    ? `环境变量 ELECTRON_EXEC_PATH 所指的 ${override} 不存在`
    : `应在 ${dir ? path.relative(ROOT, path.join(dir, 'dist')) || dir : 'node_modules/electron/dist'}`;
  process.stderr.write(
    [
      `[年报审查] 无法打开桌面程序：没有找到 Electron 程序文件（${where}）。`,
      '  Electron 的程序文件要从 GitHub 下载，这台电脑没有下载到（多半是不能访问外网）。',
      '  办法：在能上网时执行 node scripts/fetch-electron.cjs（或重新执行 npm ci），',
      '        或把环境变量 ELECTRON_EXEC_PATH 设为一个已有的 Electron 45 程序的路径。',
      '  不用桌面程序也能审查：命令行不需要 Electron，例如',
      '        npm run audit -- 报告文件夹 --xlsx 审查结果.xlsx',
      '',
    ].join('\n'),
  );
}

function main() {
  let dir = electronDir();
  if (!ready(dir) && !process.env.ELECTRON_EXEC_PATH && dir !== null) {
    // Once more, in case the machine is online now; the step never fails and is quick offline. Its
    // own note is shown only when it fetched the binary: otherwise the explanation below says it all.
    const fetched = spawnSync(process.execPath, [path.join(__dirname, 'fetch-electron.cjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    dir = electronDir();
    if (ready(dir) && fetched.stdout) process.stdout.write(fetched.stdout);
  }
  if (!ready(dir)) {
    explain(dir);
    process.exitCode = 1;
    return;
  }
  const cli = path.join(
    path.dirname(require.resolve('electron-vite', { paths: [ROOT] })),
    '..',
    'bin',
    'electron-vite.js',
  );
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

main();
