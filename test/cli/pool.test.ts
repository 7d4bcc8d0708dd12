/**
 * Reading on every core (issue 12): the reader threads of core/pipeline/pool.ts give the very same
 * JSON result as the single-thread path, in the same order, on a folder that mixes formats,
 * versions, a copy, skipped and unreadable files; a thread that dies on a file leaves that file as
 * a failure with a Chinese message, and one that cannot start hands its files back to the caller.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditInputs, jsonResultText, toJsonResult } from '../../src/core/audit';
import {
  MAX_CLI_FILES,
  MAX_COLLECTED_FILES,
  auditModels,
  collect,
  reportId,
} from '../../src/core/pipeline';
import type { FileOutcome } from '../../src/core/pipeline';
import { mergeSettings } from '../../src/core/rules/engine';
import { processFiles, startPool, tsxThreadSource } from '../../src/core/pipeline/pool';
import type { FileJob } from '../../src/core/pipeline/pool';
import { readRoster } from '../../src/core/workspace/roster';
import { defaultSpec, previousYearSpec, specToHtml, specToTxt, specToXlsx } from '../fixtures';
import { writeMessyFolder } from '../fixtures/messy-folder';
import { repoRoot } from './run-cli';

const LEGACY = join(__dirname, '../fixtures/legacy');
let root: string;
let rosterFile: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nb-pool-'));
  const messy = await writeMessyFolder(root);
  rosterFile = messy.rosterFile;
  const d = messy.dir;
  const spec = defaultSpec({ agency: '洪泽区民政局', year: 2024 });
  writeFileSync(join(d, '2024', '洪泽区民政局2024年报.xlsx'), await specToXlsx(spec));
  writeFileSync(join(d, '2023', '洪泽区民政局2023年报.html'), specToHtml(previousYearSpec(spec)));
  writeFileSync(
    join(d, '2024', '高良涧街道办事处2024年报.txt'),
    specToTxt(defaultSpec({ agency: '高良涧街道办事处', year: 2024 })),
  );
  copyFileSync(join(LEGACY, 'seeds', '000_9d3f07d5fe28c571.doc'), join(d, '000.doc'));
  copyFileSync(join(LEGACY, '000_9d3f07d5fe28c571-sheets.xls'), join(d, '表格.xls'));
  writeFileSync(join(d, '损坏.docx'), 'not a zip at all');
  writeFileSync(join(d, '空.txt'), '');
}, 60_000);

describe('the bound of a run', () => {
  it('the app stops a folder walk at MAX_COLLECTED_FILES, the command line goes much further', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-bound-'));
    for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.txt`), 'x');
    const small = await collect([dir], 2);
    expect(small.files).toHaveLength(2);
    expect(small.failures[0]?.message).toContain('文件过多');
    expect(MAX_CLI_FILES).toBeGreaterThanOrEqual(10_000);
    expect(MAX_COLLECTED_FILES).toBeLessThan(MAX_CLI_FILES);
    expect((await collect([dir])).files).toHaveLength(3);
  });
});

describe('reader threads', () => {
  it('give the same JSON as the single-thread path, in the same order', async () => {
    const roster = await readRoster(readFileSync(rosterFile), rosterFile);
    const settings = { roster };
    const progress: number[] = [];
    const single = await auditInputs([root], { settings, threads: 1 });
    const pooled = await auditInputs([root], {
      settings,
      threads: 3,
      onProgress: (done) => progress.push(done),
    });
    const a = toJsonResult(single);
    const b = toJsonResult(pooled);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // The folder really mixes formats, versions and failures.
    expect(new Set(a.reports.map((r) => r.format)).size).toBeGreaterThanOrEqual(4);
    expect(a.failures.length).toBeGreaterThanOrEqual(2);
    expect(a.skipped.length).toBeGreaterThanOrEqual(2);
    expect(a.submissions.some((s) => s.versions.length > 1 || s.duplicates.length > 0)).toBe(true);
    // Progress in input order, one step per file.
    expect(progress).toEqual(progress.map((_, i) => i + 1));
    // The command line writes the same text report by report.
    const text = (run: typeof single): string =>
      Buffer.concat([...jsonResultText(run)]).toString('utf8');
    expect(text(pooled)).toBe(`${JSON.stringify(a, null, 2)}\n`);
    const none = { ...single, reports: [] };
    expect(text(none)).toBe(`${JSON.stringify(toJsonResult(none), null, 2)}\n`);
  }, 120_000);

  it('run the single-report rules as they read: the findings of the rules run afterwards', async () => {
    const roster = await readRoster(readFileSync(rosterFile), rosterFile);
    const settings = { roster, severities: { 'structure/missing-section': 'info' as const } };
    const jobs: FileJob[] = (await collect([root])).files.map((path) => ({
      path,
      id: reportId(path),
    }));
    const pooled = await processFiles(jobs, { threads: 2, settings, keepHtml: false });
    const single = await processFiles(jobs, { threads: 1, settings, keepHtml: false });
    const reports = pooled.flatMap((o) => (o.kind === 'report' ? [o] : []));
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports.every((o) => o.findings !== undefined)).toBe(true);
    expect(reports.some((o) => Object.keys(o.findings ?? {}).length > 0)).toBe(true);
    const findingsOf = (o: FileOutcome) => (o.kind === 'report' ? (o.findings ?? null) : o.kind);
    expect(JSON.stringify(pooled.map(findingsOf))).toBe(JSON.stringify(single.map(findingsOf)));
    // Handed to the engine, they give exactly what running every rule on this thread gives.
    const models = reports.map((o) => o.file.model);
    const byReport = new Map(reports.map((o) => [o.file.model.id, o.findings ?? {}]));
    const ahead = auditModels(models, settings, { settings: mergeSettings(settings), byReport });
    const live = auditModels(models, settings);
    expect([...ahead.findings.values()].flat().length).toBeGreaterThan(0);
    expect(JSON.stringify([...ahead.findings])).toBe(JSON.stringify([...live.findings]));
    // Without settings the readers run no rule.
    const plain = await processFiles(jobs.slice(0, 3), { threads: 2 });
    expect(plain.every((o) => o.kind !== 'report' || o.findings === undefined)).toBe(true);
  }, 120_000);

  it('the built command line (scripts/cli.cjs → out/cli, its pool-worker.js) writes the same JSON', async () => {
    const roster = await readRoster(readFileSync(rosterFile), rosterFile);
    const single = toJsonResult(await auditInputs([root], { settings: { roster }, threads: 1 }));
    const out = join(mkdtempSync(join(tmpdir(), 'nb-pool-json-')), 'r.json');
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts/cli.cjs'), root, '--roster', rosterFile, '--json', out],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, NIANBAO_THREADS: '2', NIANBAO_BENCH_PROBE: '1' },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/bench startup-ms \d/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(single)));
  }, 120_000);

  it('a thread that dies on a file leaves that file as a failure, and the others are read', async () => {
    const files = ['a.txt', 'die.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'].map((n) =>
      join(root, n),
    );
    for (const f of files)
      writeFileSync(f, specToTxt(defaultSpec({ agency: '某县财政局', year: 2023 })));
    // A pool thread that loads normally but exits when it comes to die.txt (the file it works on
    // is the oldest it has not answered; it holds the next one meanwhile).
    const source = join(__dirname, '../../src/core/pipeline/pool-worker.ts');
    const dying = (): Worker =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         const held = [];
         const dieOnTurn = () => { if (held[0] && held[0].endsWith('die.txt')) process.exit(7); };
         parentPort.on('message', (m) => { if (m.type === 'job') { held.push(m.job.path); dieOnTurn(); } });
         const post = parentPort.postMessage.bind(parentPort);
         parentPort.postMessage = (r) => { post(r); if (r.type === 'outcome') { held.shift(); dieOnTurn(); } };
         ${tsxThreadSource(source)}`,
        { eval: true },
      );
    const jobs: FileJob[] = files.map((path) => ({ path }));
    const out = await processFiles(jobs, { threads: 2, script: dying });
    // The files it held behind die.txt are read again by a fresh thread.
    expect(out.map((o) => o.kind)).toEqual([
      'report',
      'failed',
      'report',
      'report',
      'report',
      'report',
    ]);
    expect(out[1]).toMatchObject({
      kind: 'failed',
      failure: { file: files[1], message: expect.stringContaining('意外退出') },
    });
  }, 60_000);

  it('threads started ahead serve the run with their settings; those not needed are closed', async () => {
    const files = ['a.txt', 'b.txt'].map((n) => join(root, n));
    for (const f of files)
      writeFileSync(f, specToTxt(defaultSpec({ agency: '某县教育局', year: 2023 })));
    const jobs: FileJob[] = files.map((path) => ({ path }));
    const started = startPool({ threads: 3, settings: {} });
    expect(started.threads).toHaveLength(3);
    const out = await processFiles(jobs, { threads: 2, started });
    expect(started.threads).toHaveLength(0);
    expect(out.map((o) => o.kind)).toEqual(['report', 'report']);
    // The settings they were started with: the single-report rules ran in them.
    expect(out.every((o) => o.kind === 'report' && o.findings !== undefined)).toBe(true);
    // A run of one file reads it here and closes every thread started ahead.
    const alone = startPool({ threads: 2 });
    expect((await processFiles(jobs.slice(0, 1), { started: alone })).map((o) => o.kind)).toEqual([
      'report',
    ]);
    expect(alone.threads).toHaveLength(0);
  }, 60_000);

  it('a thread that cannot start hands its files back to the calling thread', async () => {
    const files = ['a.txt', 'b.txt', 'c.txt'].map((n) => join(root, n));
    const out = await processFiles(
      files.map((path) => ({ path })),
      { threads: 2, script: join(root, 'no-such-worker.js') },
    );
    expect(out.map((o) => o.kind)).toEqual(['report', 'report', 'report']);
  }, 60_000);
});
