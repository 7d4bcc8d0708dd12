/**
 * One row mapper per table: the column list, row → record (checked, never `JSON.parse(...) as T`)
 * and record → parameters, so no query repeats a column list. A value that does not have the shape
 * the program relies on throws a WorkspaceShapeError naming the table (validate.ts turns it into
 * the refusal of the whole file).
 */
import type { SQLInputValue, SQLOutputValue } from 'node:sqlite';
import type { AuditSettings } from '../rules/types';
import { validateSettings } from '../../shared/ipc';
import type { StoredDecision, StoredFinding, StoredReport, StoredReportContent } from './types';
import { isReviewStatus } from '../model/glossary';
import { isFinding, isReportModel, isStringArray } from './shapes';

export type Row = Record<string, SQLOutputValue>;

/** A stored value of the wrong shape: `what` says where (Chinese, for the refusal message). */
export class WorkspaceShapeError extends Error {
  override name = 'WorkspaceShapeError';
}

export function text(v: SQLOutputValue | undefined): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}
export function num(v: SQLOutputValue | undefined): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function json(v: SQLOutputValue | undefined, what: string): unknown {
  try {
    return JSON.parse(text(v));
  } catch {
    throw new WorkspaceShapeError(what);
  }
}

/** `a, b, c` and `?, ?, ?` and `a = excluded.a, …` of a column list. */
export function columnsSql(cols: readonly string[]): {
  names: string;
  marks: string;
  updates: string;
} {
  return {
    names: cols.join(', '),
    marks: cols.map(() => '?').join(', '),
    updates: cols.map((c) => `${c} = excluded.${c}`).join(', '),
  };
}

// ───────────── files + reports (joined: a report is always read with its file) ─────────────

export const FILE_COLUMNS = ['path', 'sha256', 'size', 'audited_at'] as const;
export const REPORT_COLUMNS = ['id', 'file_id', 'model', 'html', 'notes'] as const;
/** SELECT list of a stored report (reports r JOIN files f). */
export const REPORT_SELECT =
  'SELECT r.id, f.path, f.sha256, f.size, f.audited_at, r.model FROM reports r JOIN files f ON f.id = r.file_id';

export function fileParams(f: {
  path: string;
  sha256: string;
  size: number;
  auditedAt: string;
}): SQLInputValue[] {
  return [f.path, f.sha256, f.size, f.auditedAt];
}

export function reportFromRow(row: Row): StoredReport {
  const id = text(row.id);
  const model = json(row.model, `报告 ${id}`);
  if (!isReportModel(model)) throw new WorkspaceShapeError(`报告 ${id}（${text(row.path)}）`);
  return {
    id,
    path: text(row.path),
    sha256: text(row.sha256),
    size: num(row.size),
    auditedAt: text(row.audited_at),
    model,
  };
}

export function reportContentFromRow(row: Row): StoredReportContent {
  const notes = json(row.notes, `报告 ${text(row.id)} 的说明`);
  if (!isStringArray(notes)) throw new WorkspaceShapeError(`报告 ${text(row.id)} 的说明`);
  return { html: text(row.html), notes };
}

// ───────────── findings ─────────────

export const FINDING_COLUMNS = ['report_id', 'seq', 'fingerprint', 'location', 'data'] as const;

export function findingParams(
  reportId: string,
  seq: number,
  f: Omit<StoredFinding, 'reportId'>,
): SQLInputValue[] {
  return [reportId, seq, f.fingerprint, f.location, JSON.stringify(f.finding)];
}

export function findingFromRow(row: Row): StoredFinding {
  const finding = json(row.data, '问题记录');
  if (!isFinding(finding)) throw new WorkspaceShapeError(`问题记录 ${text(row.fingerprint)}`);
  return {
    reportId: text(row.report_id),
    fingerprint: text(row.fingerprint),
    location: text(row.location),
    finding,
  };
}

// ───────────── decisions ─────────────

export const DECISION_COLUMNS = [
  'fingerprint',
  'status',
  'note',
  'updated_at',
  'rule_id',
  'report_key',
  'report_id',
  'last_message',
  'last_location',
] as const;

export function decisionParams(d: StoredDecision): SQLInputValue[] {
  return [
    d.fingerprint,
    d.status,
    d.note,
    d.updatedAt,
    d.ruleId,
    d.reportKey,
    d.reportId,
    d.lastMessage,
    d.lastLocation,
  ];
}

export function decisionFromRow(row: Row): StoredDecision {
  const status = row.status;
  if (!isReviewStatus(status)) throw new WorkspaceShapeError(`审查结论 ${text(row.fingerprint)}`);
  return {
    fingerprint: text(row.fingerprint),
    status,
    note: text(row.note),
    updatedAt: text(row.updated_at),
    ruleId: text(row.rule_id),
    reportKey: text(row.report_key),
    reportId: text(row.report_id), // absent in files of early builds: ''
    lastMessage: text(row.last_message),
    lastLocation: text(row.last_location),
  };
}

// ───────────── settings (one row) ─────────────

export function settingsParams(s: AuditSettings): SQLInputValue[] {
  return [JSON.stringify(s)];
}

/** The stored settings, checked with the same validator as settings coming from the window. */
export function settingsFromRow(row: Row): AuditSettings {
  const checked = validateSettings(json(row.data, '审查设置'));
  if (!checked.ok) throw new WorkspaceShapeError(`审查设置（${checked.message}）`);
  return checked.args[0];
}

// ───────────── failures ─────────────

export function failureFromRow(row: Row): { file: string; message: string } {
  return { file: text(row.path), message: text(row.message) };
}
