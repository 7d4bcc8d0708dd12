import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, ReportModel } from '../../src/core/model/types';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import type { ImportedFile, StoredDecision, WorkspaceStore } from '../../src/core/store';
import { reportKeyOf } from '../../src/core/store';
import { buildReport } from '../support/builders';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nb-store-'));
}

export function imported(
  path: string,
  sha: string,
  opts: { agency?: string; year?: number } = {},
): ImportedFile {
  const model: ReportModel = buildReport({
    agency: opts.agency ?? '测试区财政局',
    year: opts.year ?? 2023,
  });
  return {
    path,
    sha256: sha,
    size: 100,
    auditedAt: '2024-02-01T00:00:00.000Z',
    model,
    html: '<p data-nb-block="0">x</p>',
    notes: [],
  };
}

export function finding(row: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'applications/balance',
    severity: 'error',
    message: `第${row}行不平`,
    table: 'applications',
    row,
    column: 'total',
    ...extra,
  };
}

/** Stores findings for one report the way the service does, returning their fingerprints. */
export function putFindings(store: WorkspaceStore, reportId: string, list: Finding[]): string[] {
  const report = store.getReport(reportId);
  if (!report) throw new Error('no report ' + reportId);
  const rows = list.map((f) => ({
    fingerprint: findingFingerprint(report.model, f),
    finding: f,
    location: f.row ?? '',
  }));
  store.replaceFindings(new Map([[reportId, rows]]));
  return rows.map((r) => r.fingerprint);
}

export function decision(
  store: WorkspaceStore,
  fingerprint: string,
  status: StoredDecision['status'],
  note = '',
): StoredDecision {
  const f = store.findingByFingerprint(fingerprint);
  const report = f ? store.getReport(f.reportId) : null;
  return store.decide({
    fingerprint,
    status,
    note,
    updatedAt: new Date().toISOString(),
    ruleId: f?.finding.ruleId ?? 'x/y',
    reportKey: report ? reportKeyOf(report.model) : '',
    reportId: report?.id ?? '',
    lastMessage: f?.finding.message ?? '',
    lastLocation: f?.location ?? '',
  });
}
