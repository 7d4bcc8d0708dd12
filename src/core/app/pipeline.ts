/**
 * The app's side of the one import pipeline (src/core/pipeline): the runner that does the heavy
 * work — per-file reading and extraction, then the rules over the whole workspace — in a worker
 * thread in the app (src/main/worker.ts) and in-process in tests. Per-file work is
 * pipeline.processFile, the same function the command line calls, spread over the reader threads
 * of pipeline/pool.ts (processFiles) as the command line does.
 */
import { processFile } from '../pipeline';
import { forEachFile } from '../pipeline/pool';
import type { FileJob, PoolScript } from '../pipeline/pool';
import type { FileOutcome } from '../pipeline';
import type { Finding, ReportModel } from '../model/types';
import { runRules, type ReportFindingsAhead, type RuleProgress } from '../rules/engine';
import type { AuditSettings } from '../rules/types';

export type ExtractOutcome = FileOutcome;

export interface RunProgress {
  done: number;
  total: number;
  file: string;
}

/** Runs the heavy work — per-file extraction, and the rules over the whole workspace; the app's runner does both in a worker thread. */
export interface ExtractRunner {
  run(
    paths: readonly string[],
    known: Readonly<Record<string, string>>,
    onProgress: (p: RunProgress) => void,
    /**
     * The workspace's settings: the single-report rules run with them as each report is read, and
     * each report's outcome carries their findings (`findings`), for `audit`'s `ahead`.
     */
    settings?: AuditSettings,
  ): Promise<ExtractOutcome[]>;
  /**
   * runRules over every report (roster, aliases and version choices from the settings): findings by
   * report id; `onRule` follows the rules as they run; `ahead`: single-report findings the import
   * computed already (runRules takes them only if they were computed with these settings).
   */
  audit(
    models: readonly ReportModel[],
    settings: AuditSettings,
    onRule?: RuleProgress,
    ahead?: ReportFindingsAhead,
  ): Promise<Map<string, Finding[]>>;
}

/** One file, as the app imports it: its model id is the store's to assign, so any id serves here. */
export function extractFile(path: string, knownSha?: string): Promise<ExtractOutcome> {
  return processFile(path, { ...(knownSha !== undefined ? { knownSha } : {}), id: 'new' });
}

/**
 * The files of one import as pool jobs: the store assigns model ids, so any id serves; a known hash
 * lets an unchanged file stop before extraction.
 */
export function importJobs(
  paths: readonly string[],
  known: Readonly<Record<string, string>>,
): FileJob[] {
  return paths.map((path) => ({
    path,
    id: 'new',
    ...(known[path] !== undefined ? { knownSha: known[path] } : {}),
  }));
}

/**
 * Reads an import's files with progress in the app's shape: `file` is the one being handed to a
 * reader (in input order), `done` the files finished before it, then a final `{done: total}`.
 * Each outcome goes to `onOutcome` in input order and is not kept (the app's worker thread posts
 * them on as they come); readImport collects them.
 */
export async function streamImport(
  paths: readonly string[],
  known: Readonly<Record<string, string>>,
  onProgress: (p: RunProgress) => void,
  pool: { threads?: number; script?: PoolScript; settings?: AuditSettings },
  onOutcome: (index: number, outcome: ExtractOutcome) => void,
): Promise<void> {
  let finished = 0;
  await forEachFile(importJobs(paths, known), {
    ...pool,
    onStart: (index) =>
      onProgress({ done: finished, total: paths.length, file: paths[index] ?? '' }),
    onOutcome: (index, outcome) => {
      finished++;
      onOutcome(index, outcome);
    },
  });
  onProgress({ done: paths.length, total: paths.length, file: '' });
}

/** streamImport, collecting the outcomes in input order. */
export async function readImport(
  paths: readonly string[],
  known: Readonly<Record<string, string>>,
  onProgress: (p: RunProgress) => void,
  pool: { threads?: number; script?: PoolScript; settings?: AuditSettings },
): Promise<ExtractOutcome[]> {
  const out: ExtractOutcome[] = [];
  await streamImport(paths, known, onProgress, pool, (_index, outcome) => out.push(outcome));
  return out;
}

/**
 * Runner on the calling thread (tests, and the app's fallback when its worker cannot start).
 * `threads` (default 1: everything on this thread) spreads the reading over pool threads.
 */
export function inProcessRunner(
  pool: { threads?: number; script?: PoolScript } = {},
): ExtractRunner {
  return {
    run(paths, known, onProgress, settings) {
      return readImport(paths, known, onProgress, {
        threads: pool.threads ?? 1,
        ...(pool.script !== undefined ? { script: pool.script } : {}),
        ...(settings !== undefined ? { settings } : {}),
      });
    },
    async audit(models, settings, onRule, ahead) {
      return runRules(models, settings, undefined, {
        ...(onRule ? { onRule } : {}),
        ...(ahead ? { ahead } : {}),
      });
    },
  };
}
