/**
 * The app's side of the one import pipeline (src/core/pipeline): the runner that does the heavy
 * work — per-file reading and extraction, then the rules over the whole workspace — in a worker
 * thread in the app (src/main/worker.ts) and in-process in tests. Per-file work is
 * pipeline.processFile, the same function the command line calls.
 */
import { processFile } from '../pipeline';
import type { FileOutcome } from '../pipeline';
import type { Finding, ReportModel } from '../model/types';
import { runRules, type RuleProgress } from '../rules/engine';
import type { AuditSettings } from '../rules/types';

export type ExtractOutcome = FileOutcome;

export interface RunProgress {
  done: number;
  total: number;
  file: string;
}

/** Runs the heavy work — per-file extraction, and the rules over the whole workspace; the app's runner does both in a worker thread. */
export interface ExtractRunner {
  run(paths: readonly string[], known: Readonly<Record<string, string>>, onProgress: (p: RunProgress) => void): Promise<ExtractOutcome[]>;
  /**
   * runRules over every report (roster, aliases and version choices from the settings): findings by
   * report id; `onRule` follows the rules as they run.
   */
  audit(models: readonly ReportModel[], settings: AuditSettings, onRule?: RuleProgress): Promise<Map<string, Finding[]>>;
}

/** One file, as the app imports it: its model id is the store's to assign, so any id serves here. */
export function extractFile(path: string, knownSha?: string): Promise<ExtractOutcome> {
  return processFile(path, { ...(knownSha !== undefined ? { knownSha } : {}), id: 'new' });
}

/** Sequential in-process runner (tests, and the fallback when a worker cannot start). */
export function inProcessRunner(): ExtractRunner {
  return {
    async run(paths, known, onProgress) {
      const out: ExtractOutcome[] = [];
      for (let i = 0; i < paths.length; i++) {
        const path = paths[i] as string;
        onProgress({ done: i, total: paths.length, file: path });
        out.push(await extractFile(path, known[path]));
      }
      onProgress({ done: paths.length, total: paths.length, file: '' });
      return out;
    },
    async audit(models, settings, onRule) {
      return runRules(models, settings, undefined, onRule ? { onRule } : {});
    },
  };
}
