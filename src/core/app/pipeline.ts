/**
 * Per-file work of an import: read the bytes, hash them, and — unless the workspace already holds
 * the same bytes for this path — ingest and extract. Rules are not run here: they run over the
 * whole workspace afterwards (series and corpus rules need every report). Runs in the worker
 * thread (src/main/worker.ts) in the app and in-process in tests.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extractReport } from '../extract';
import { readBytes } from '../ingest';
import { IngestError, LIMITS } from '../ingest/errors';
import type { FileFailure, Finding, ReportModel } from '../model/types';
import { runRules, type RuleProgress } from '../rules/engine';
import type { AuditSettings } from '../rules/types';
import type { ImportedFile } from '../store/types';

export type ExtractOutcome =
  | { kind: 'extracted'; file: ImportedFile }
  | { kind: 'unchanged'; path: string; sha256: string }
  | { kind: 'failed'; failure: FileFailure };

export interface RunProgress {
  done: number;
  total: number;
  file: string;
}

/** Runs the heavy work — per-file extraction, and the rules over the whole workspace; the app's runner does both in a worker thread. */
export interface ExtractRunner {
  run(paths: readonly string[], known: Readonly<Record<string, string>>, onProgress: (p: RunProgress) => void): Promise<ExtractOutcome[]>;
  /** runRules over every report: findings by report id; `onRule` follows the rules as they run. */
  audit(models: readonly ReportModel[], settings: AuditSettings, onRule?: RuleProgress): Promise<Map<string, Finding[]>>;
}

function failureMessage(err: unknown): string {
  if (err instanceof IngestError) return err.message;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return '找不到该文件，可能已被移动或删除。';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限。';
  if (code === 'EBUSY') return '文件正被其他程序占用，请关闭后重试。';
  return `无法读取该文件：${err instanceof Error ? err.message : String(err)}`;
}

export async function extractFile(path: string, knownSha?: string): Promise<ExtractOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError('不是文件，无法读取。');
    if (info.size > LIMITS.maxFileBytes) {
      throw new IngestError(`文件过大（${(info.size / 1024 / 1024).toFixed(1)} MB），超过单个报告 ${(LIMITS.maxFileBytes / 1024 / 1024).toFixed(1)} MB 的上限。`);
    }
    const bytes = await readFile(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (knownSha === sha256) return { kind: 'unchanged', path, sha256 };
    const doc = await readBytes(bytes, path);
    const model = extractReport(doc, { id: sha256.slice(0, 12), file: path });
    return {
      kind: 'extracted',
      file: { path, sha256, size: bytes.length, auditedAt: new Date().toISOString(), model, html: doc.html, notes: doc.notes },
    };
  } catch (err) {
    return { kind: 'failed', failure: { file: path, message: failureMessage(err) } };
  }
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
      return runRules(models, settings, undefined, onRule);
    },
  };
}
