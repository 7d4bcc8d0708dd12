/**
 * The one import pipeline, for the command line and the app alike (issue 8):
 *
 *   paths ─collect→ files ─read→ SourceDocument ─extract→ ReportModel ─classify→ report or skipped
 *         ─group→ submissions (workspace/submissions.ts) ─rules→ findings ─→ coverage
 *
 * collect() walks folders; processFile() does the per-file work (in the app's worker thread, or
 * in-process); auditModels() groups and runs the rules. Failures are values: a bad file never
 * stops the batch.
 */
import { createHash } from 'node:crypto';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { extractReport } from '../extract';
import { readBytes, formatOf } from '../ingest';
import { IngestError, LIMITS } from '../ingest/errors';
import type { FileFailure, Finding, ReportModel, SkippedFile, WorkspaceView } from '../model/types';
import { runRules, mergeSettings, workspaceOf } from '../rules/engine';
import type { ReportFindingsAhead } from '../rules/engine';
import type { AuditSettings } from '../rules/types';
import type { ImportedFile } from '../store/types';
import { coverageOf, lateReports } from '../workspace/submissions';

export { lateReports } from '../workspace/submissions';
import {
  clutter,
  isClutter,
  isOwnOutput,
  notAReport,
  notAReportReason,
  ownOutput,
  unsupported,
} from './classify';
import { failureMessage } from './errors';

export { failureMessage } from './errors';

export interface Collected {
  /** Files to read, in a stable order (inputs as given, folder contents sorted). */
  files: string[];
  skipped: SkippedFile[];
  /** Inputs that do not exist or cannot be listed. */
  failures: FileFailure[];
}

/** Bounds a folder walk so that dropping a whole drive cannot hang the app. */
export const MAX_COLLECTED_FILES = 5000;
/**
 * The command line's bound: a province's reports in one run (some 10,000 a year, issue 12) — the
 * run's memory no longer grows with the documents, only with their models.
 */
export const MAX_CLI_FILES = 100_000;

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/**
 * Expands files and folders: folders recursively; links to files followed, links to folders
 * never (they may loop back to a parent); every file once, however often it is reached.
 */
export async function collect(
  inputs: readonly string[],
  maxFiles: number = MAX_COLLECTED_FILES,
): Promise<Collected> {
  const out: Collected = { files: [], skipped: [], failures: [] };
  const seen = new Set<string>();
  let truncated = false;
  const addFile = async (path: string): Promise<void> => {
    if (out.files.length >= maxFiles) {
      truncated = true;
      return;
    }
    const real = await realpath(path).catch(() => resolve(path));
    if (seen.has(real)) return;
    seen.add(real);
    if (isClutter(path)) out.skipped.push(clutter(path));
    else if (formatOf(path)) out.files.push(path);
    else if (extname(path).toLowerCase() === '.json' && (await headIsOwnOutput(path)))
      out.skipped.push(ownOutput(path));
    else out.skipped.push(unsupported(path));
  };
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      out.failures.push({ file: dir, message: `无法读取文件夹：${failureMessage(err)}` });
      return;
    }
    entries.sort((a, b) => byName(a.name, b.name));
    for (const e of entries) {
      if (truncated) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) await walk(p); // .git, .svn: never reports
      } else if (e.isFile()) await addFile(p);
      else if (e.isSymbolicLink()) {
        const target = await stat(p).catch(() => null);
        if (target?.isFile()) await addFile(p);
      }
    }
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      out.failures.push({ file: input, message: failureMessage(err) });
      continue;
    }
    if (info.isDirectory()) await walk(input);
    else if (info.isFile()) await addFile(input);
    else out.failures.push({ file: input, message: '不是文件或文件夹，无法读取。' });
  }
  if (truncated)
    out.failures.push({
      file: inputs.join('、'),
      message: `文件过多：一次最多读取 ${maxFiles} 个文件，其余未读取。请分批导入。`,
    });
  return out;
}

async function headIsOwnOutput(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return false;
  try {
    const buf = Buffer.alloc(400);
    const { bytesRead } = await fh.read(buf, 0, 400, 0);
    return isOwnOutput(buf.subarray(0, bytesRead), path);
  } finally {
    await fh.close();
  }
}

export type FileOutcome =
  | {
      kind: 'report';
      file: ImportedFile;
      /**
       * The single-report rules' findings, by rule id, when the reader ran them (pool.ts
       * ProcessFilesOptions.settings; rules/engine.ts reportFindings).
       */
      findings?: Record<string, Finding[]>;
    }
  | { kind: 'unchanged'; path: string; sha256: string }
  | { kind: 'skipped'; skipped: SkippedFile }
  | { kind: 'failed'; failure: FileFailure };

/** A short id stable within the run (and across runs for the same path). */
export function reportId(file: string): string {
  return createHash('sha256').update(resolve(file)).digest('hex').slice(0, 12);
}

/** A file's bytes and modification time, as processFile's first step reads them. */
export interface FileInput {
  bytes: Buffer;
  mtimeMs: number;
}

/**
 * processFile's first step: the file checked (a file, not empty, not too large) and read. Throws
 * what processFile turns into the file's failure. A reader thread starts it for its next file while
 * it works on the current one (pool-worker.ts), so that it never waits for the disk between files.
 */
export async function readInput(path: string): Promise<FileInput> {
  const info = await stat(path);
  if (!info.isFile()) throw new IngestError('不是文件，无法读取。', 'not-a-file');
  if (info.size === 0) throw new IngestError('文件为空（0 字节），无法读取。', 'empty');
  if (info.size > LIMITS.maxFileBytes) {
    throw new IngestError(
      `文件过大（${(info.size / 1024 / 1024).toFixed(1)} MB），超过单个报告 ${(LIMITS.maxFileBytes / 1024 / 1024).toFixed(1)} MB 的上限。`,
      'too-large',
    );
  }
  return { bytes: await readFile(path), mtimeMs: info.mtimeMs };
}

/**
 * Reads one file: bytes, hash, own-output check, reader, extraction, classification. With
 * `knownSha` equal to the file's hash, stops early ("unchanged": the app already holds it).
 * `input`: readInput(path) already started.
 */
export async function processFile(
  path: string,
  options: { knownSha?: string; id?: string; html?: boolean; input?: Promise<FileInput> } = {},
): Promise<FileOutcome> {
  try {
    const { bytes, mtimeMs } = await (options.input ?? readInput(path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (options.knownSha === sha256) return { kind: 'unchanged', path, sha256 };
    if (isOwnOutput(bytes, path)) return { kind: 'skipped', skipped: ownOutput(path) };
    const doc = await readBytes(bytes, path, options.html === false ? { html: false } : {});
    const model = extractReport(doc, { id: options.id ?? reportId(path), file: path });
    const reason = notAReportReason(model);
    if (reason) return { kind: 'skipped', skipped: notAReport(path, reason) };
    model.fileInfo = { sha256, size: bytes.length, modifiedMs: Math.round(mtimeMs) };
    return {
      kind: 'report',
      file: {
        path,
        sha256,
        size: bytes.length,
        auditedAt: new Date().toISOString(),
        model,
        html: doc.html,
        notes: doc.notes,
      },
    };
  } catch (err) {
    return { kind: 'failed', failure: { file: path, message: failureMessage(err) } };
  }
}

export interface AuditedModels {
  findings: Map<string, Finding[]>;
  workspace: WorkspaceView;
}

/**
 * Groups the reports into units and submissions, runs every rule, and derives the coverage.
 * `ahead`: single-report findings the readers computed already (runRules uses them only when
 * their settings are these).
 */
export function auditModels(
  models: readonly ReportModel[],
  partial?: Partial<AuditSettings>,
  ahead?: ReportFindingsAhead,
): AuditedModels {
  const settings = mergeSettings(partial);
  const view = workspaceOf(models, settings);
  const findings = runRules(models, settings, undefined, {
    workspace: view,
    ...(ahead ? { ahead } : {}),
  });
  return { findings, workspace: { ...view, coverage: coverageOf(view, lateReports(findings)) } };
}
