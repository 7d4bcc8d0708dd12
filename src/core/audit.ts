/**
 * The audit pipeline shared by the command line and the app: collect input files, read and
 * extract each one, run the rules over all reports together, and shape the JSON result of
 * cli-contract.md. Failures are values: one unreadable file never stops the batch.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { extractReport } from './extract';
import { IngestError } from './ingest/errors';
import { formatOf, readPath } from './ingest/index';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
  SECTIONS,
} from './model/glossary';
import type { AuditRun, AuditedReport, CellValue, FileFailure, Finding, ReportModel, ReportTables } from './model/types';
import { runRules } from './rules/engine';
import type { AuditSettings } from './rules/types';
import packageJson from '../../package.json';

export interface CollectedInputs {
  /** Readable files, in a stable order (inputs as given, folder contents sorted). */
  files: string[];
  /** Files of other kinds found in folders (and given files of unreadable kinds). */
  skipped: string[];
  /** Inputs that do not exist or cannot be listed. */
  failures: FileFailure[];
}

/** Walks files and folders (recursively) for every format the auditor reads. */
export async function collectInputs(inputs: readonly string[]): Promise<CollectedInputs> {
  const out: CollectedInputs = { files: [], skipped: [], failures: [] };
  const seen = new Set<string>();
  const addFile = (p: string) => {
    const key = resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    if (formatOf(p)) out.files.push(p);
    else out.skipped.push(p);
  };
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      out.failures.push({ file: dir, message: `无法读取文件夹：${describe(err)}` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      // Office lock files ("~$报告.docx") and hidden files are never reports.
      if (e.name.startsWith('~$') || e.name.startsWith('.')) continue;
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) addFile(p);
      else if (e.isSymbolicLink()) {
        // Follow links to files (shared folders often hold them); never links to folders, which may loop.
        const target = await stat(p).catch(() => null);
        if (target?.isFile()) addFile(p);
      }
    }
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      out.failures.push({ file: input, message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件或文件夹不存在。' : `无法访问：${describe(err)}` });
      continue;
    }
    if (info.isDirectory()) await walk(input);
    else addFile(input);
  }
  return out;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return '没有读取权限。';
    return err.message;
  }
  return String(err);
}

/** A short id stable within the run (and across runs for the same path). */
export function reportId(file: string): string {
  return createHash('sha256').update(resolve(file)).digest('hex').slice(0, 12);
}

export interface AuditOptions {
  settings?: Partial<AuditSettings>;
  /** Called after each file is read (done counts files, successful or not). */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Reads, extracts and audits the files together. Never throws for a bad file. */
export async function auditFiles(files: readonly string[], options: AuditOptions = {}): Promise<AuditRun> {
  const read: { model: ReportModel; source: AuditedReport['source'] }[] = [];
  const failures: FileFailure[] = [];
  const ids = new Set<string>();
  let done = 0;
  for (const file of files) {
    try {
      const source = await readPath(file);
      let id = reportId(file);
      // The same path given twice: keep ids unique within the run.
      for (let k = 2; ids.has(id); k++) id = `${reportId(file)}-${k}`;
      ids.add(id);
      read.push({ model: extractReport(source, { id, file }), source });
    } catch (err) {
      failures.push({ file, message: failureMessage(err) });
    }
    done++;
    options.onProgress?.(done, files.length, file);
  }
  const findings = runRules(
    read.map((r) => r.model),
    options.settings,
  );
  return {
    reports: read.map((r) => ({ model: r.model, source: r.source, findings: findings.get(r.model.id) ?? [] })),
    failures,
    skipped: [],
  };
}

export function failureMessage(err: unknown): string {
  if (err instanceof IngestError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return '文件不存在。';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限，无法读取文件。';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件。';
  const detail = err instanceof Error ? err.message : String(err);
  return `读取失败：${detail}`;
}

/** Collects and audits in one go (the command line's path). */
export async function auditInputs(inputs: readonly string[], options: AuditOptions = {}): Promise<AuditRun> {
  const collected = await collectInputs(inputs);
  const run = await auditFiles(collected.files, options);
  return { ...run, failures: [...collected.failures, ...run.failures], skipped: collected.skipped };
}

// ───────────────────────── JSON result (cli-contract.md) ─────────────────────────

export interface JsonSection {
  key: string;
  number: number;
  found: boolean;
  title: string;
}

export interface JsonReport {
  id: string;
  file: string;
  format: string;
  agency: string | null;
  year: number | null;
  template: string;
  sections: JsonSection[];
  tables: {
    activeDisclosure: Record<string, unknown> | null;
    applications: Record<string, Record<string, number | null>> | null;
    reviewLitigation: Record<string, Record<string, number | null>> | null;
  };
  findings: JsonFinding[];
}

export type JsonFinding = Pick<
  Finding,
  'ruleId' | 'severity' | 'message' | 'section' | 'table' | 'row' | 'column' | 'expected' | 'actual' | 'quote' | 'relatedReport'
>;

export interface JsonResult {
  tool: { name: string; version: string };
  reports: JsonReport[];
  failures: FileFailure[];
  skipped: string[];
}

const FINDING_FIELDS = ['ruleId', 'severity', 'message', 'section', 'table', 'row', 'column', 'expected', 'actual', 'quote', 'relatedReport'] as const;

function v(cell: CellValue | undefined): number | null {
  return cell?.value ?? null;
}

export function jsonTables(tables: ReportTables): JsonReport['tables'] {
  const a = tables.activeDisclosure;
  const p = tables.applications;
  const r = tables.reviewLitigation;
  return {
    activeDisclosure: a
      ? {
          regulations: Object.fromEntries(DOCUMENT_COLUMN_KEYS.map((c) => [c, v(a.regulations[c])])),
          normativeDocuments: Object.fromEntries(DOCUMENT_COLUMN_KEYS.map((c) => [c, v(a.normativeDocuments[c])])),
          licensing: v(a.licensing),
          punishment: v(a.punishment),
          coercion: v(a.coercion),
          administrativeFees: v(a.administrativeFees),
        }
      : null,
    applications: p
      ? Object.fromEntries(APPLICATION_ROW_KEYS.map((row) => [row, Object.fromEntries(APPLICANT_COLUMN_KEYS.map((c) => [c, v(p[row][c])]))]))
      : null,
    reviewLitigation: r
      ? Object.fromEntries(REVIEW_GROUP_KEYS.map((g) => [g, Object.fromEntries(REVIEW_COLUMN_KEYS.map((c) => [c, v(r[g][c])]))]))
      : null,
  };
}

export function jsonFinding(f: Finding): JsonFinding {
  const out: Record<string, unknown> = {};
  for (const k of FINDING_FIELDS) if (f[k] !== undefined) out[k] = f[k];
  return out as unknown as JsonFinding;
}

/** The JSON result exactly as cli-contract.md specifies it. */
export function toJsonResult(run: AuditRun): JsonResult {
  return {
    tool: { name: packageJson.name, version: packageJson.version },
    reports: run.reports.map(({ model, findings }) => ({
      id: model.id,
      file: model.file,
      format: model.format,
      agency: model.agency,
      year: model.year,
      template: model.template,
      sections: SECTIONS.map((def) => {
        const s = model.sections.find((x) => x.key === def.key);
        return { key: def.key, number: def.number, found: s?.found ?? false, title: s?.title ?? def.title };
      }),
      tables: jsonTables(model.tables),
      findings: findings.map(jsonFinding),
    })),
    failures: run.failures,
    skipped: run.skipped,
  };
}
