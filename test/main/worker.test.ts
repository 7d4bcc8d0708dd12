/**
 * Heavy work runs off the main thread: the worker-thread runner (src/main/worker.ts, started here
 * from its TypeScript source through tsx) gives the same reports as the in-process runner, with
 * progress per file, and a worker that dies turns its unfinished files into failures.
 */
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../src/core/app';
import { inProcessRunner } from '../../src/core/app/pipeline';
import type { ExtractOutcome, RunProgress } from '../../src/core/app/pipeline';
import { workerRunner } from '../../src/main/worker-runner';
import { tsxThreadSource } from '../../src/core/pipeline/pool';
import { FakeDialogs, SEEDS, seedFiles, tempDir } from '../app/harness';

const WORKER_TS = resolve(__dirname, '../../src/main/worker.ts');
const spawnTs = (): Worker => new Worker(tsxThreadSource(WORKER_TS), { eval: true });

function strip(o: ExtractOutcome): unknown {
  return o.kind === 'report' ? { ...o, file: { ...o.file, auditedAt: '' } } : o;
}

describe('worker-thread runner', () => {
  it('extracts the seed reports in a worker exactly as in-process, with progress', async () => {
    const paths = seedFiles().map((n) => join(SEEDS, n));
    paths.push(join(tempDir(), 'missing.docx'));
    const progress: RunProgress[] = [];
    const viaWorker = await workerRunner(spawnTs).run(paths, {}, (p) => progress.push(p));
    const inline = await inProcessRunner().run(paths, {}, () => undefined);
    expect(viaWorker.map(strip)).toEqual(inline.map(strip));
    expect(viaWorker.filter((o) => o.kind === 'report')).toHaveLength(paths.length - 1);
    expect(viaWorker.at(-1)).toMatchObject({
      kind: 'failed',
      failure: { message: expect.stringContaining('找不到') },
    });
    expect(progress.filter((p) => p.file !== '').map((p) => p.file)).toEqual(paths);
    expect(progress.at(-1)).toEqual({ done: paths.length, total: paths.length, file: '' });
  });

  it('skips extraction of files whose hash is already known', async () => {
    const path = join(SEEDS, seedFiles()[0]!);
    const [first] = await workerRunner(spawnTs).run([path], {}, () => undefined);
    if (first?.kind !== 'report') throw new Error('expected extraction');
    const [again] = await workerRunner(spawnTs).run(
      [path],
      { [path]: first.file.sha256 },
      () => undefined,
    );
    expect(again).toEqual({ kind: 'unchanged', path, sha256: first.file.sha256 });
  });

  it('a worker that dies leaves failures with a Chinese message, never a hung import', async () => {
    const dying = (): Worker => new Worker('process.exit(3)', { eval: true });
    const out = await workerRunner(dying).run(['/a.txt', '/b.txt'], {}, () => undefined);
    expect(out).toEqual([
      { kind: 'failed', failure: { file: '/a.txt', message: expect.stringContaining('中断') } },
      { kind: 'failed', failure: { file: '/b.txt', message: expect.stringContaining('中断') } },
    ]);
  });

  it('falls back to the main thread when the worker cannot start at all', async () => {
    const missing = (): Worker => new Worker(join(tempDir(), 'no-such-worker.js'));
    const path = join(SEEDS, seedFiles()[0]!);
    const runner = workerRunner(missing, {}, inProcessRunner());
    const [out] = await runner.run([path], {}, () => undefined);
    expect(out?.kind).toBe('report');
    if (out?.kind !== 'report') return;
    const found = await runner.audit([out.file.model], {
      disabled: [],
      severities: {},
      deadlines: { department: '01-31', government: '03-31' },
      aliases: {},
    });
    expect(found.has(out.file.model.id)).toBe(true);
  });

  it('runs the rules in the worker with the same findings as in-process', async () => {
    const paths = seedFiles().map((n) => join(SEEDS, n));
    const outcomes = await inProcessRunner().run(paths, {}, () => undefined);
    const models = outcomes.flatMap((o) =>
      o.kind === 'report' ? [{ ...o.file.model, id: o.file.sha256.slice(0, 8) }] : [],
    );
    const settings = {
      disabled: [],
      severities: {},
      deadlines: { department: '01-31', government: '03-31' },
      aliases: {},
    };
    const follow =
      (into: unknown[][]) => (done: number, total: number, scope: string, fraction?: number) =>
        into.push([done, total, scope, fraction]);
    const workerSteps: unknown[][] = [];
    const inlineSteps: unknown[][] = [];
    const viaWorker = await workerRunner(spawnTs).audit(models, settings, follow(workerSteps));
    const inline = await inProcessRunner().audit(models, settings, follow(inlineSteps));
    expect([...viaWorker.entries()]).toEqual([...inline.entries()]);
    expect([...viaWorker.values()].flat().length).toBeGreaterThan(0);
    // The same progress, the cross-agency rule's own shares of its work included.
    expect(workerSteps).toEqual(inlineSteps);
    expect(workerSteps.some(([, , scope, fraction]) => scope === 'corpus' && fraction === 1)).toBe(
      true,
    );
  });

  it('drives the application service', async () => {
    const service = await AppService.start({
      userDataDir: tempDir(),
      samplesDir: SEEDS,
      dialogs: new FakeDialogs(),
      autosaveMs: 0,
      runner: workerRunner(spawnTs),
    });
    const res = await service.openSamples();
    expect(res.added).toHaveLength(seedFiles().length);
    await service.shutdown();
  });
});
