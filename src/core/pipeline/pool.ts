/**
 * Reading and extraction on every core (issue 12): processFile for many files, in a small pool of
 * worker threads sized to the machine. The command line (audit.ts) and the app's import (the
 * runner in src/core/app/pipeline.ts, itself inside the app's worker thread) both call
 * processFiles. Given the run's settings, a thread also runs the single-report rules on each report
 * it extracts (rules/engine.ts reportFindings) and sends their findings back with the model; the
 * rules that span reports run afterwards, once, on the caller's thread (runRules, taking the
 * findings computed here as they are).
 *
 * Why our own pool rather than piscina: the work is one message in, one message out per file, and
 * what matters here is what happens when a thread dies — the file it held becomes a failure entry,
 * a thread that cannot start at all hands its files back to the calling thread — which is a few
 * dozen lines either way, without a new dependency.
 *
 * Results come back in the order of the input, and progress is reported in that order too, so a
 * pooled run is indistinguishable from a single-thread one (test/cli/pool.test.ts).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { at } from '../model/checked';
import { mergeSettings, reportFindings } from '../rules/engine';
import type { AuditSettings } from '../rules/types';
import { processFile } from './index';
import type { FileInput, FileOutcome } from './index';

/** One file to process; `id` and `knownSha` are processFile's options. */
export interface FileJob {
  path: string;
  id?: string;
  knownSha?: string;
}

/**
 * Messages from the calling thread to a pool thread: the run's settings first (when the
 * single-report rules run in the threads), then one per file.
 */
export type PoolRequest =
  | { type: 'settings'; settings: AuditSettings }
  | { type: 'job'; seq: number; job: FileJob; keepHtml: boolean };

/** Messages from a pool thread: once when its modules are loaded, then one per request. */
export type PoolReply = { type: 'ready' } | { type: 'outcome'; seq: number; outcome: FileOutcome };

/** The pool's thread script: a path to a built .js file, or a factory (tests, TypeScript source). */
export type PoolScript = string | (() => Worker);

export interface ProcessFilesOptions {
  /**
   * Threads to use; 0 or 1 reads on the calling thread (the single-thread path). Default:
   * defaultThreads(jobs.length).
   */
  threads?: number;
  script?: PoolScript;
  /**
   * Keep each report's display HTML (the app stores it; the command line never shows it, so it is
   * dropped inside the pool thread and never crosses to the caller). Default true.
   */
  keepHtml?: boolean;
  /**
   * Run the single-report rules (rules/engine.ts reportFindings) with these settings as each report
   * is extracted, in the thread that extracted it: the report's outcome carries them in `findings`,
   * for runRules' `ahead`. Absent: no rules run here.
   */
  settings?: Partial<AuditSettings>;
  /**
   * Threads started ahead (startPool): taken as the run's first threads, with the script and the
   * settings they were started with (`script` and `settings` are then not used); those the run does
   * not need are closed.
   */
  started?: StartedPool;
  /** File `index` is being handed to a reader (called in input order). */
  onStart?: (index: number) => void;
  /** File `index` is done (called in input order, whatever order the threads finish in). */
  onOutcome?: (index: number, outcome: FileOutcome) => void;
}

/**
 * Threads for a batch of `files`: one per core (os.availableParallelism), never more than files;
 * NIANBAO_THREADS overrides (benchmarks, and a way out if threads ever misbehave on a machine).
 */
export function defaultThreads(files: number): number {
  const fromEnv = Number(process.env['NIANBAO_THREADS']);
  const cores = Number.isInteger(fromEnv) && fromEnv >= 1 ? fromEnv : availableParallelism();
  return Math.max(1, Math.min(cores, files));
}

/**
 * Where the pool thread's script is. From TypeScript source (tsx, vitest) the thread loads
 * pool-worker.ts through tsx; from a build, pool-worker.js sits next to the bundle (out/cli,
 * out/main), or one level up when this code lands in a shared chunk.
 */
export function defaultPoolScript(): PoolScript {
  if (__filename.endsWith('.ts')) {
    const source = join(__dirname, 'pool-worker.ts');
    return () => new Worker(tsxThreadSource(source), { eval: true });
  }
  const built = [join(__dirname, 'pool-worker.js'), join(__dirname, '..', 'pool-worker.js')];
  return built.find((p) => existsSync(p)) ?? at(built, 0);
}

/**
 * Code for a thread that runs a TypeScript file through tsx (tests, `tsx` runs): both of tsx's
 * hooks, since the readers load through import() (ESM resolution) as well as require.
 */
export function tsxThreadSource(file: string): string {
  return `require('tsx/cjs'); require('tsx/esm/api').register(); require(${JSON.stringify(file)});`;
}

/**
 * A thread that dies leaves each file it held with `crashed`: `started` whether it had loaded its
 * modules at all; `held` for the one file it was working on (the oldest it held: a thread works
 * through its files in order), not for those still waiting behind it.
 */
type ThreadResult = { outcome: FileOutcome } | { crashed: string; started: boolean; held: boolean };

/**
 * Files each thread holds at once: the one it works on and the next, so that it goes straight on
 * to the next when one is done rather than wait until the calling thread has taken the result and
 * sent it another file (the calling thread is often busy taking the other threads' results).
 */
export const FILES_IN_FLIGHT = 2;

/** One pool thread: works through the files sent to it one after the other. */
class PoolThread {
  private readonly worker: Worker;
  private ready = false;
  private dead = false;
  private closing = false;
  /** Files sent and not yet answered, by sequence number, oldest first. */
  private readonly pending = new Map<number, (r: ThreadResult) => void>();
  private seq = 0;

  constructor(script: PoolScript, settings: AuditSettings | null) {
    this.worker = typeof script === 'string' ? new Worker(script) : script();
    if (settings) this.worker.postMessage({ type: 'settings', settings } satisfies PoolRequest);
    this.worker.on('message', (msg: PoolReply) => {
      if (msg.type === 'ready') this.ready = true;
      else this.settle(msg.seq, { outcome: msg.outcome });
    });
    this.worker.on('error', (err) => this.die(err.message));
    this.worker.on('exit', (code) => this.die(`退出码 ${code}`));
  }

  private settle(seq: number, r: ThreadResult): void {
    const p = this.pending.get(seq);
    this.pending.delete(seq);
    p?.(r);
  }

  private die(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    if (this.closing) return;
    let held = true;
    for (const seq of [...this.pending.keys()]) {
      this.settle(seq, { crashed: reason, started: this.ready, held });
      held = false;
    }
  }

  get alive(): boolean {
    return !this.dead;
  }

  run(job: FileJob, keepHtml: boolean): Promise<ThreadResult> {
    if (this.dead)
      return Promise.resolve({ crashed: '线程已退出', started: this.ready, held: false });
    return new Promise<ThreadResult>((resolve) => {
      const seq = ++this.seq;
      this.pending.set(seq, resolve);
      this.worker.postMessage({ type: 'job', seq, job, keepHtml } satisfies PoolRequest);
    });
  }

  close(): void {
    this.closing = true;
    void this.worker.terminate().catch(() => undefined);
  }
}

/**
 * Pool threads started before the files are known, so that they load their modules while the
 * caller still walks the folders (audit.ts auditInputs); for forEachFile's `started`, which takes
 * them (and closes those it does not need). `close` closes those not taken.
 */
export interface StartedPool {
  readonly script: PoolScript;
  readonly settings: AuditSettings | null;
  readonly threads: PoolThread[];
  close(): void;
}

/** Starts the pool threads of a run ahead: `threads` (default one per core; ≤ 1: none). */
export function startPool(
  options: { threads?: number; script?: PoolScript; settings?: Partial<AuditSettings> } = {},
): StartedPool {
  const count = options.threads ?? defaultThreads(Number.POSITIVE_INFINITY);
  const script = options.script ?? defaultPoolScript();
  const settings = options.settings ? mergeSettings(options.settings) : null;
  const threads =
    count > 1 ? Array.from({ length: count }, () => new PoolThread(script, settings)) : [];
  return {
    script,
    settings,
    threads,
    close: () => {
      for (const t of threads.splice(0)) t.close();
    },
  };
}

/**
 * processFile for one job on this thread, with the pool thread's HTML policy; with `settings`
 * (complete: mergeSettings'), a report's single-report findings too. `input`: the file's
 * readInput, when already started.
 */
export async function processJob(
  job: FileJob,
  keepHtml: boolean,
  settings: AuditSettings | null,
  input?: Promise<FileInput>,
): Promise<FileOutcome> {
  const outcome = await processFile(job.path, {
    ...(input ? { input } : {}),
    ...(job.id !== undefined ? { id: job.id } : {}),
    ...(job.knownSha !== undefined ? { knownSha: job.knownSha } : {}),
    ...(keepHtml ? {} : { html: false }),
  });
  if (outcome.kind === 'report') {
    if (!keepHtml) outcome.file.html = '';
    if (settings) outcome.findings = reportFindings(outcome.file.model, settings);
  }
  return outcome;
}

/** Reads, extracts and classifies every job; never throws for a bad file or a dead thread. */
export async function processFiles(
  jobs: readonly FileJob[],
  options: ProcessFilesOptions = {},
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  await forEachFile(jobs, {
    ...options,
    onOutcome: (index, outcome) => {
      out.push(outcome);
      options.onOutcome?.(index, outcome);
    },
  });
  return out;
}

/**
 * processFiles without keeping the outcomes: each is handed to onOutcome (in input order) and
 * forgotten, so a caller that streams them on holds no copy of the batch.
 */
export async function forEachFile(
  jobs: readonly FileJob[],
  options: ProcessFilesOptions = {},
): Promise<void> {
  const keepHtml = options.keepHtml ?? true;
  const { started } = options;
  const settings = started
    ? started.settings
    : options.settings
      ? mergeSettings(options.settings)
      : null;
  const threads = Math.min(options.threads ?? defaultThreads(jobs.length), jobs.length);
  // The threads started ahead, taken: the first `threads` of them serve, the others are closed.
  const ready = started?.threads.splice(0) ?? [];
  for (const t of ready.slice(Math.max(threads, 1))) t.close();
  // Outcomes that finished ahead of an earlier file wait here, and only here.
  const early = new Map<number, FileOutcome>();
  let delivered = 0;
  const deliver = (index: number, outcome: FileOutcome): void => {
    early.set(index, outcome);
    for (let o = early.get(delivered); o !== undefined; o = early.get(delivered)) {
      early.delete(delivered);
      options.onOutcome?.(delivered, o);
      delivered++;
    }
  };

  let next = 0;
  if (threads <= 1) {
    ready.at(0)?.close();
    for (; next < jobs.length; next++) {
      options.onStart?.(next);
      deliver(next, await processJob(at(jobs, next), keepHtml, settings));
    }
    return;
  }

  const script = started?.script ?? options.script ?? defaultPoolScript();
  // Set when a thread could not even load its script: the rest of the batch is read here instead.
  let broken = false;
  /** One file in `home`'s thread (a fresh one when it has died), or here once threads are broken. */
  const readIn = async (
    home: { thread: PoolThread | null },
    job: FileJob,
  ): Promise<FileOutcome> => {
    for (;;) {
      if (broken) return processJob(job, keepHtml, settings);
      if (!home.thread?.alive) home.thread = new PoolThread(script, settings);
      const r = await home.thread.run(job, keepHtml);
      if ('outcome' in r) return r.outcome;
      if (!r.started) broken = true;
      else if (r.held) {
        // The thread died on this very file (out of memory, a crash in a reader): the file is a
        // failure; a fresh thread takes the next one.
        return {
          kind: 'failed',
          failure: {
            file: job.path,
            message: `读取此文件时处理线程意外退出（${r.crashed}），未能读取。可单独重试该文件。`,
          },
        };
      }
      // Otherwise the file was waiting behind the one the thread died on: read it again.
    }
  };
  const slot = async (first: PoolThread | undefined): Promise<void> => {
    const home: { thread: PoolThread | null } = { thread: first ?? null };
    const lane = async (): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        options.onStart?.(index);
        deliver(index, await readIn(home, at(jobs, index)));
      }
    };
    try {
      await Promise.all(Array.from({ length: FILES_IN_FLIGHT }, lane));
    } finally {
      home.thread?.close();
    }
  };
  await Promise.all(Array.from({ length: threads }, (_, i) => slot(ready[i])));
}
