#!/usr/bin/env node
/**
 * `npm run audit` / `npm run demo`: runs the command line built to plain JavaScript
 * (out/cli/index.js), so a call starts at once instead of compiling TypeScript first (about a
 * second under tsx). Builds it with esbuild when it is missing or older than any source it is made
 * from (src/**, package.json, tsconfig, this script) — a stat of each file, a few ms.
 *
 *   node scripts/cli.cjs [--build-only] [audit arguments…]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'out', 'cli');
const ENTRIES = {
  index: path.join(ROOT, 'src', 'cli', 'index.ts'),
  // The reader threads' script (core/pipeline/pool.ts looks for it next to the bundle).
  'pool-worker': path.join(ROOT, 'src', 'core', 'pipeline', 'pool-worker.ts'),
};

/** Newest modification time among the files the bundle is made from. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  visit(path.join(ROOT, 'src'));
  for (const f of [
    'package.json',
    'tsconfig.json',
    'tsconfig.base.json',
    'tsconfig.node.json',
    'scripts/cli.cjs',
  ]) {
    const p = path.join(ROOT, f);
    if (fs.existsSync(p)) visit(p);
  }
  return newest;
}

/** Build time of the bundle (its oldest file), 0 when a file is missing. */
function builtAt() {
  let oldest = Infinity;
  for (const name of Object.keys(ENTRIES)) {
    const p = path.join(OUT_DIR, `${name}.js`);
    if (!fs.existsSync(p)) return 0;
    oldest = Math.min(oldest, fs.statSync(p).mtimeMs);
  }
  return oldest;
}

function build() {
  // esbuild (a devDependency, also tsx's own compiler) bundles our sources and leaves every
  // node_modules package external, as electron-vite does for the app's main process.
  const esbuild = require('esbuild');
  esbuild.buildSync({
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  });
}

/** Builds out/cli when missing or stale; true when it built. */
function ensureBuilt() {
  if (builtAt() >= newestSource()) return false;
  const t0 = Date.now();
  build();
  process.stderr.write(
    `（已重新构建命令行程序 out/cli，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）\n`,
  );
  return true;
}

module.exports = { ensureBuilt, OUT_DIR };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--build-only') {
    if (!ensureBuilt()) process.stderr.write('命令行程序 out/cli 已是最新。\n');
  } else {
    ensureBuilt();
    require(path.join(OUT_DIR, 'index.js')).runCommandLine(args);
  }
}
