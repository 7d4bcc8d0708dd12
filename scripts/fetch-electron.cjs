#!/usr/bin/env node
/**
 * postinstall: fetch the Electron binary so that `npm start` works out of the box — when online.
 *
 * Electron >= 42 no longer downloads its binary during `npm install`; it does so lazily on first
 * run, which fails without internet. This step runs electron's own install.js when the binary is
 * missing, but it NEVER fails the install and is fast when offline:
 *   - skipped when ELECTRON_SKIP_BINARY_DOWNLOAD or NIANBAO_SKIP_ELECTRON is set, or electron is absent;
 *   - a 4-second reachability probe of the download host decides whether to try at all;
 *   - the download itself is bounded (NIANBAO_ELECTRON_TIMEOUT seconds, default 300);
 *   - every error is swallowed and reported in one line; the exit code is always 0.
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');

const PROBE_MS = 4000;
const DOWNLOAD_MS = Math.max(10, Number(process.env.NIANBAO_ELECTRON_TIMEOUT) || 300) * 1000;

function note(zh, en) {
  process.stdout.write(`[年报审查] ${zh} / ${en}\n`);
}

function electronDir() {
  try {
    return path.dirname(
      require.resolve('electron/package.json', {
        paths: [process.cwd(), path.join(__dirname, '..')],
      }),
    );
  } catch {
    return null;
  }
}

function installed(dir) {
  try {
    const version = require(path.join(dir, 'package.json')).version;
    const stamped = fs
      .readFileSync(path.join(dir, 'dist', 'version'), 'utf8')
      .replace(/^v/, '')
      .trim();
    const exe = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    return stamped === version && fs.existsSync(path.join(dir, 'dist', exe));
  } catch {
    return false;
  }
}

function probe(url) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok) => {
      if (!done) {
        done = true;
        resolve(ok);
      }
    };
    try {
      const req = https.request(url, { method: 'HEAD', timeout: PROBE_MS }, (res) => {
        res.resume();
        finish(true);
      });
      req.on('timeout', () => {
        req.destroy();
        finish(false);
      });
      req.on('error', () => finish(false));
      req.end();
    } catch {
      finish(false);
    }
    setTimeout(() => finish(false), PROBE_MS + 500).unref();
  });
}

function runInstall(dir) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(process.execPath, [path.join(dir, 'install.js')], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (err) {
      resolve({ ok: false, reason: String(err && err.message) });
      return;
    }
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-2000);
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve({ ok: false, reason: 'timeout' });
    }, DOWNLOAD_MS);
    timer.unref();
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: String(err && err.message) });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = stderr.trim().split('\n').filter(Boolean)[0] || '';
      resolve({ ok: code === 0, reason: code === 0 ? '' : last.slice(0, 160) || `exit ${code}` });
    });
  });
}

async function main() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.NIANBAO_SKIP_ELECTRON) {
    note('已按环境变量跳过 Electron 下载。', 'Electron download skipped by environment variable.');
    return;
  }
  const dir = electronDir();
  if (!dir) return; // production install without devDependencies: nothing to do
  if (installed(dir)) return;
  const mirror =
    process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/';
  if (!(await probe(mirror))) {
    note(
      '离线：未下载 Electron 程序，桌面版暂不能启动（命令行审查不受影响）；联网后运行 npm rebuild 或 node scripts/fetch-electron.cjs。',
      'offline: Electron binary not downloaded; the CLI works; run `node scripts/fetch-electron.cjs` when online.',
    );
    return;
  }
  const res = await runInstall(dir);
  if (res.ok && installed(dir))
    note(
      '已下载 Electron 程序，可用 npm start 启动桌面版。',
      'Electron binary downloaded; `npm start` opens the app.',
    );
  else
    note(
      `Electron 下载未完成（${res.reason}），安装继续；稍后可重试。`,
      `Electron download did not complete (${res.reason}); install continues.`,
    );
}

// scripts/start.cjs asks the same questions before starting the app.
module.exports = { electronDir, installed };

if (require.main === module) {
  main()
    .catch(() => undefined)
    .finally(() => process.exit(0));
}
