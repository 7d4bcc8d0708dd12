/**
 * The command line's path through the one pipeline (src/core/pipeline): collect the inputs, read
 * each file (pipeline/pool), then auditModels groups the reports into submissions and runs the
 * rules; this file shapes the JSON result of cli-contract.md. The app does not call this file: its
 * runner (core/app/pipeline.ts) reads with the same pipeline.processFile and runs the same rule
 * engine, and keeps the results in its workspace store.
 */
import { basename } from 'node:path';
import { at } from './model/checked';
import { CellPool } from './model/compact';
import { MAX_CLI_FILES, auditModels, collect, reportId } from './pipeline';
import { mergeSettings } from './rules/engine';
import { forEachFile, startPool } from './pipeline/pool';
import type { FileJob, PoolScript, StartedPool } from './pipeline/pool';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
  SECTIONS,
} from './model/glossary';
import type {
  AuditRun,
  AuditedReport,
  CellValue,
  CoverageYear,
  FileFailure,
  Finding,
  ReportModel,
  ReportTables,
  Roster,
  SkippedFile,
  WorkspaceView,
} from './model/types';
import type { AuditSettings } from './rules/types';
import packageJson from '../../package.json';

export { collect as collectInputs, failureMessage, reportId } from './pipeline';

export interface AuditOptions {
  settings?: Partial<AuditSettings>;
  /** Called after each file is read, in input order (done counts files, successful or not). */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Reader threads (pipeline/pool.ts): default one per core; 1 reads on this thread. */
  threads?: number;
  /** The pool thread's script, when not next to this bundle (see defaultPoolScript). */
  poolScript?: PoolScript;
  /**
   * Share table cells, rows and block positions between the reports and drop grid-cell positions
   * (model/compact.ts): for a caller that only writes the JSON and the workbook, as the command
   * line does, so that memory stays nearly flat in the batch. Default false: every position kept.
   */
  compact?: boolean;
  /**
   * Reader threads started ahead with these options' settings and script (auditInputs starts them
   * before it walks the folders).
   */
  started?: StartedPool;
}

/** Reads, classifies, extracts and audits the files together. Never throws for a bad file. */
export async function auditFiles(
  files: readonly string[],
  options: AuditOptions = {},
): Promise<AuditRun> {
  const ids = new Set<string>();
  const jobs: FileJob[] = files.map((path) => {
    let id = reportId(path);
    // The same path given twice: keep ids unique within the run.
    for (let k = 2; ids.has(id); k++) id = `${reportId(path)}-${k}`;
    ids.add(id);
    return { path, id };
  });
  // Only what the rules and the JSON need is kept per report (no display HTML, no blocks), so
  // memory grows with the models, not with the documents; with `compact` their tables are shared
  // between reports, which leaves some 10 KB per report instead of 47.
  const read: { model: ReportModel; notes: string[] }[] = [];
  const cells = options.compact === true ? new CellPool() : null;
  // The single-report rules run in the readers as each report is extracted (pipeline/pool.ts);
  // auditModels then runs the rest and takes these as they are.
  const settings = mergeSettings(options.settings);
  const byReport = new Map<string, Record<string, Finding[]>>();
  const failures: FileFailure[] = [];
  const skipped: SkippedFile[] = [];
  // forEachFile, not processFiles: processFiles also keeps every outcome as it came from the
  // threads (a second hold on each model, its notes and the file's record) until the last file is
  // read — the peak of the run; here each outcome is dropped once its model and notes are taken.
  await forEachFile(jobs, {
    keepHtml: false,
    settings,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.poolScript !== undefined ? { script: options.poolScript } : {}),
    ...(options.started ? { started: options.started } : {}),
    onOutcome: (index, outcome) => {
      if (outcome.kind === 'report') {
        read.push({
          model: cells ? cells.compact(outcome.file.model) : outcome.file.model,
          notes: outcome.file.notes,
        });
        if (outcome.findings) byReport.set(outcome.file.model.id, outcome.findings);
      } else if (outcome.kind === 'skipped') skipped.push(outcome.skipped);
      else if (outcome.kind === 'failed') failures.push(outcome.failure);
      options.onProgress?.(index + 1, files.length, at(files, index));
    },
  });
  const { findings, workspace } = auditModels(
    read.map((r) => r.model),
    settings,
    { settings, byReport },
  );
  const reports: AuditedReport[] = read.map((r) => ({
    model: r.model,
    notes: r.notes,
    findings: findings.get(r.model.id) ?? [],
  }));
  return { reports, failures, skipped, workspace };
}

/** Collects and audits in one go (the command line's path). */
export async function auditInputs(
  inputs: readonly string[],
  options: AuditOptions = {},
): Promise<AuditRun> {
  // The reader threads load their modules while the folders are walked (none for one thread).
  const started = startPool({
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.poolScript !== undefined ? { script: options.poolScript } : {}),
    settings: mergeSettings(options.settings),
  });
  try {
    const collected = await collect(inputs, MAX_CLI_FILES);
    const run = await auditFiles(collected.files, { ...options, started });
    return {
      ...run,
      failures: [...collected.failures, ...run.failures],
      skipped: [...collected.skipped, ...run.skipped],
    };
  } finally {
    started.close();
  }
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
  /** Roster unit id; null when no unit matched. */
  unit: string | null;
  /** True for the version its submission uses (and for a report without a year). */
  current: boolean;
}

export type JsonFinding = Pick<
  Finding,
  | 'ruleId'
  | 'severity'
  | 'message'
  | 'section'
  | 'table'
  | 'row'
  | 'column'
  | 'expected'
  | 'actual'
  | 'quote'
  | 'relatedReport'
>;

export interface JsonSubmission {
  unit: string | null;
  unitName: string;
  year: number;
  current: string;
  versions: string[];
  duplicates: { of: string; files: string[] }[];
}

export interface JsonResult {
  tool: { name: string; version: string };
  reports: JsonReport[];
  failures: FileFailure[];
  skipped: string[];
  skippedDetails: SkippedFile[];
  roster: Roster;
  submissions: JsonSubmission[];
  coverage: CoverageYear[];
}

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
          regulations: Object.fromEntries(
            DOCUMENT_COLUMN_KEYS.map((c) => [c, v(a.regulations[c])]),
          ),
          normativeDocuments: Object.fromEntries(
            DOCUMENT_COLUMN_KEYS.map((c) => [c, v(a.normativeDocuments[c])]),
          ),
          licensing: v(a.licensing),
          punishment: v(a.punishment),
          coercion: v(a.coercion),
          administrativeFees: v(a.administrativeFees),
        }
      : null,
    applications: p
      ? Object.fromEntries(
          APPLICATION_ROW_KEYS.map((row) => [
            row,
            Object.fromEntries(APPLICANT_COLUMN_KEYS.map((c) => [c, v(p[row][c])])),
          ]),
        )
      : null,
    reviewLitigation: r
      ? Object.fromEntries(
          REVIEW_GROUP_KEYS.map((g) => [
            g,
            Object.fromEntries(REVIEW_COLUMN_KEYS.map((c) => [c, v(r[g][c])])),
          ]),
        )
      : null,
  };
}

export function jsonFinding(f: Finding): JsonFinding {
  // cli-contract.md's fields, in this order; absent ones are left out.
  const out: JsonFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message };
  if (f.section !== undefined) out.section = f.section;
  if (f.table !== undefined) out.table = f.table;
  if (f.row !== undefined) out.row = f.row;
  if (f.column !== undefined) out.column = f.column;
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.quote !== undefined) out.quote = f.quote;
  if (f.relatedReport !== undefined) out.relatedReport = f.relatedReport;
  return out;
}

function jsonReport({ model, findings }: AuditedReport, ws: WorkspaceView): JsonReport {
  return {
    id: model.id,
    file: model.file,
    format: model.format,
    agency: model.agency,
    year: model.year,
    template: model.template,
    sections: SECTIONS.map((def) => {
      const s = model.sections.find((x) => x.key === def.key);
      return {
        key: def.key,
        number: def.number,
        found: s?.found ?? false,
        title: s?.title ?? def.title,
      };
    }),
    tables: jsonTables(model.tables),
    findings: findings.map(jsonFinding),
    unit: ws.placements[model.id]?.unit ?? null,
    current: ws.placements[model.id]?.current ?? true,
  };
}

const workspaceOfRun = (run: AuditRun): WorkspaceView =>
  run.workspace ?? auditModels(run.reports.map((r) => r.model)).workspace;

/** The JSON result exactly as cli-contract.md specifies it. */
export function toJsonResult(run: AuditRun): JsonResult {
  const ws = workspaceOfRun(run);
  return jsonResultOf(
    run,
    ws,
    run.reports.map((r) => jsonReport(r, ws)),
  );
}

/**
 * The text of JSON.stringify(toJsonResult(run), null, 2) and a newline, byte for byte, in pieces:
 * one per report, so that the command line writes a result of thousands of reports without ever
 * holding all of it (test/cli/pool.test.ts checks the identity).
 */
export function* jsonResultText(run: AuditRun): Generator<Uint8Array> {
  const ws = workspaceOfRun(run);
  const skeleton = JSON.stringify(jsonResultOf(run, ws, []), null, 2);
  const at = skeleton.indexOf('"reports": []');
  if (run.reports.length === 0 || at < 0) {
    yield Buffer.from(`${skeleton}\n`, 'utf8');
    return;
  }
  yield Buffer.from(`${skeleton.slice(0, at)}"reports": [`, 'utf8');
  for (const [i, r] of run.reports.entries()) {
    // An array element sits two levels deep: every line of its own text indented by four spaces.
    const text = JSON.stringify(jsonReport(r, ws), null, 2).replace(/^/gm, '    ');
    yield Buffer.from(`${i === 0 ? '' : ','}\n${text}`, 'utf8');
  }
  yield Buffer.from(`\n  ]${skeleton.slice(at + '"reports": []'.length)}\n`, 'utf8');
}

function jsonResultOf(run: AuditRun, ws: WorkspaceView, reports: JsonReport[]): JsonResult {
  const rosterSource = ws.roster.source === null ? null : basename(ws.roster.source);
  return {
    tool: { name: packageJson.name, version: packageJson.version },
    reports,
    failures: run.failures,
    skipped: run.skipped.map((s) => s.file),
    skippedDetails: run.skipped,
    roster: { ...ws.roster, source: rosterSource },
    submissions: ws.submissions.map((s) => ({
      unit: s.unit,
      unitName: s.unitName,
      year: s.year,
      current: s.current,
      versions: s.versions,
      duplicates: s.duplicates,
    })),
    coverage: ws.coverage,
  };
}
