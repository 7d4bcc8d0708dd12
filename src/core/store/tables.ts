/**
 * Table access of the workspace: files, reports, findings, decisions, settings, failures. What
 * the user enters is committed (and so on disk, synchronous=FULL) before the method returns;
 * imported data is committed in batches (see transaction()); records go through the row mappers
 * of rows.ts. Durability — opening, creating,
 * saving, autosave — is workspace-store.ts, which extends this class.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ReportModel } from '../model/types';
import type { AuditSettings } from '../rules/types';
import { DEFAULT_SETTINGS } from '../rules/types';
import { normaliseDocumentSettings, type DocumentSettings } from '../export/documents/settings';
import {
  DECISION_COLUMNS,
  FINDING_COLUMNS,
  REPORT_SELECT,
  columnsSql,
  decisionFromRow,
  decisionParams,
  failureFromRow,
  fileParams,
  findingFromRow,
  findingParams,
  num,
  reportContentFromRow,
  reportFromRow,
  settingsFromRow,
  settingsParams,
  text,
} from './rows';
import { WorkspaceError, metaValue, setMetaValue } from './schema';
import type {
  ImportedFile,
  StoredDecision,
  StoredFinding,
  StoredReport,
  StoredReportContent,
  UpsertStatus,
} from './types';

const FINDING = columnsSql(FINDING_COLUMNS);
const DECISION = columnsSql(DECISION_COLUMNS);
const UPSERT_DECISION = `INSERT INTO decisions(${DECISION.names}) VALUES (${DECISION.marks})
  ON CONFLICT(fingerprint) DO UPDATE SET ${DECISION.updates}`;
/** How long bulk steps (an import) gather before one commit, ms. */
const BATCH_MS = 200;
const UPSERT_SETTINGS =
  'INSERT INTO settings(id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data';

export abstract class WorkspaceTables {
  protected abstract db: DatabaseSync;
  /** Records a change (the durability layer schedules its autosave). */
  protected abstract changed(): void;
  /** Opened for reading only: every write is refused. */
  protected abstract readonly readOnly: boolean;
  /** Fault injection: called inside each write transaction, just before COMMIT. */
  protected abstract beforeCommit(): void;
  protected abstract now(): string;
  /** A batch committed by its timer failed (disk full): its steps are lost, the caller is told. */
  protected abstract batchFailed(err: unknown): void;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Runs `fn` as one atomic step. A durable step (what the user enters: a decision, a note,
   * settings, a removal) is committed — on disk — before this returns, together with any batch
   * before it. A bulk step (an imported report, findings, a read failure: derived from files on
   * disk, so re-importing restores them) joins a batch committed within BATCH_MS, so an import
   * pays the commit's fsyncs a few times a second, not per file. Each step is a savepoint: one
   * that throws is undone alone.
   */
  protected transaction<T>(fn: () => T, durable = true): T {
    if (this.readOnly) throw new WorkspaceError('该工作区以只读方式打开，不能修改。');
    const inBatch = this.db.isTransaction;
    if (!inBatch) this.db.exec('BEGIN IMMEDIATE');
    this.db.exec('SAVEPOINT step');
    let out: T;
    try {
      out = fn();
      this.db.exec('RELEASE step');
    } catch (err) {
      this.db.exec('ROLLBACK TO step');
      this.db.exec('RELEASE step');
      if (!inBatch) this.db.exec('ROLLBACK');
      throw err;
    }
    if (durable) this.commitPending();
    else this.batchTimer ??= setTimeout(() => this.commitBatchLater(), BATCH_MS);
    return out;
  }

  /** Commits the open batch, if any (before a save, a copy, a close, and with every durable step). */
  protected commitPending(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    if (!this.db.isOpen || !this.db.isTransaction) return;
    try {
      this.beforeCommit();
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  private commitBatchLater(): void {
    try {
      this.commitPending();
    } catch (err) {
      this.batchFailed(err);
    }
  }

  // ───────────── meta ─────────────

  meta(key: string): string | null {
    return metaValue(this.db, key);
  }

  // ───────────── files and reports ─────────────

  /** Status of a path with the given hash, before spending time on extraction. */
  fileStatus(path: string, sha256: string): UpsertStatus {
    const row = this.db.prepare('SELECT sha256 FROM files WHERE path = ?').get(path);
    if (!row) return 'added';
    return text(row.sha256) === sha256 ? 'unchanged' : 'updated';
  }

  /**
   * Adds a report, or replaces the model of a file already imported from the same path (its id is
   * kept; its findings are cleared until the rules run again; decisions are untouched).
   */
  upsertReport(file: ImportedFile): { id: string; status: UpsertStatus } {
    const status = this.fileStatus(file.path, file.sha256);
    if (status === 'unchanged') return { id: this.reportIdOfPath(file.path) ?? '', status };
    const id = this.transaction(() => {
      let fileId: number;
      if (status === 'added') {
        const res = this.db
          .prepare('INSERT INTO files(path, sha256, size, audited_at) VALUES (?, ?, ?, ?)')
          .run(...fileParams(file));
        fileId = Number(res.lastInsertRowid);
      } else {
        fileId = num(this.db.prepare('SELECT id FROM files WHERE path = ?').get(file.path)?.id);
        this.db
          .prepare('UPDATE files SET path = ?, sha256 = ?, size = ?, audited_at = ? WHERE id = ?')
          .run(...fileParams(file), fileId);
      }
      const reportId = `r${fileId}`;
      const model: ReportModel = { ...file.model, id: reportId, file: file.path };
      this.db.prepare('DELETE FROM findings WHERE report_id = ?').run(reportId);
      this.db
        .prepare(
          `INSERT INTO reports(id, file_id, model, html, notes) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET model = excluded.model, html = excluded.html, notes = excluded.notes`,
        )
        .run(reportId, fileId, JSON.stringify(model), file.html, JSON.stringify(file.notes));
      this.db.prepare('DELETE FROM failures WHERE path = ?').run(file.path);
      return reportId;
    }, false);
    this.changed();
    return { id, status };
  }

  reportIdOfPath(path: string): string | null {
    const row = this.db
      .prepare('SELECT r.id FROM reports r JOIN files f ON f.id = r.file_id WHERE f.path = ?')
      .get(path);
    return row === undefined ? null : text(row.id);
  }

  removeReport(id: string): boolean {
    const row = this.db.prepare('SELECT file_id FROM reports WHERE id = ?').get(id);
    if (row === undefined) return false;
    this.transaction(() => {
      // Explicit rather than relying on ON DELETE CASCADE alone.
      this.db.prepare('DELETE FROM findings WHERE report_id = ?').run(id);
      this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
      this.db.prepare('DELETE FROM files WHERE id = ?').run(row.file_id ?? null);
    });
    this.changed();
    return true;
  }

  listReports(): StoredReport[] {
    return this.db.prepare(`${REPORT_SELECT} ORDER BY f.id`).all().map(reportFromRow);
  }

  /** What listReports would return, as a cheap stamp (ids, paths, hashes, audit times; no model parsing): equal stamps, equal lists. */
  reportsStamp(): string {
    const rows = this.db
      .prepare(
        'SELECT r.id, f.path, f.sha256, f.audited_at FROM reports r JOIN files f ON f.id = r.file_id ORDER BY f.id',
      )
      .all();
    return JSON.stringify(rows.map((r) => [r.id, r.path, r.sha256, r.audited_at]));
  }

  getReport(id: string): StoredReport | null {
    const row = this.db.prepare(`${REPORT_SELECT} WHERE r.id = ?`).get(id);
    return row === undefined ? null : reportFromRow(row);
  }

  /** path → SHA-256 of every imported file (cheap: no model parsing). */
  fileHashes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const r of this.db.prepare('SELECT path, sha256 FROM files').all())
      out[text(r.path)] = text(r.sha256);
    return out;
  }

  reportCount(): number {
    return num(this.db.prepare('SELECT COUNT(*) AS n FROM reports').get()?.n);
  }

  reportContent(id: string): StoredReportContent | null {
    const row = this.db.prepare('SELECT id, html, notes FROM reports WHERE id = ?').get(id);
    return row === undefined ? null : reportContentFromRow(row);
  }

  // ───────────── failures ─────────────

  recordFailure(path: string, message: string): void {
    this.transaction(
      () =>
        this.db
          .prepare(
            'INSERT INTO failures(path, message, at) VALUES (?, ?, ?) ON CONFLICT(path) DO UPDATE SET message = excluded.message, at = excluded.at',
          )
          .run(path, message, this.now()),
      false,
    );
    this.changed();
  }

  failures(): { file: string; message: string }[] {
    return this.db
      .prepare('SELECT path, message FROM failures ORDER BY at, path')
      .all()
      .map(failureFromRow);
  }

  // ───────────── findings ─────────────

  /** Replaces the findings of the given reports (all reports when the rules ran over the workspace). */
  replaceFindings(byReport: ReadonlyMap<string, readonly Omit<StoredFinding, 'reportId'>[]>): void {
    this.transaction(() => {
      const clear = this.db.prepare('DELETE FROM findings WHERE report_id = ?');
      const insert = this.db.prepare(
        `INSERT INTO findings(${FINDING.names}) VALUES (${FINDING.marks})`,
      );
      for (const [reportId, list] of byReport) {
        clear.run(reportId);
        list.forEach((f, seq) => insert.run(...findingParams(reportId, seq, f)));
      }
    }, false);
    this.changed();
  }

  findings(reportId?: string): StoredFinding[] {
    const rows =
      reportId === undefined
        ? this.db.prepare('SELECT * FROM findings ORDER BY report_id, seq').all()
        : this.db.prepare('SELECT * FROM findings WHERE report_id = ? ORDER BY seq').all(reportId);
    return rows.map(findingFromRow);
  }

  findingByFingerprint(fingerprint: string): StoredFinding | null {
    const row = this.db
      .prepare('SELECT * FROM findings WHERE fingerprint = ? LIMIT 1')
      .get(fingerprint);
    return row === undefined ? null : findingFromRow(row);
  }

  // ───────────── decisions ─────────────

  /** Records a decision; returns once it is committed (on disk). */
  decide(decision: StoredDecision): StoredDecision {
    this.transaction(() => this.writeDecision(decision));
    this.changed();
    return decision;
  }

  protected writeDecision(d: StoredDecision): void {
    this.db.prepare(UPSERT_DECISION).run(...decisionParams(d));
  }

  decisions(): Map<string, StoredDecision> {
    const out = new Map<string, StoredDecision>();
    for (const row of this.db.prepare('SELECT * FROM decisions ORDER BY fingerprint').all()) {
      const d = decisionFromRow(row);
      out.set(d.fingerprint, d);
    }
    return out;
  }

  decision(fingerprint: string): StoredDecision | null {
    const row = this.db.prepare('SELECT * FROM decisions WHERE fingerprint = ?').get(fingerprint);
    return row === undefined ? null : decisionFromRow(row);
  }

  /**
   * Decisions whose finding has disappeared (no current finding has their fingerprint), optionally
   * only those of one report: same `<agency>#<year>` key, or decided on the same workspace report
   * (which keeps its id when its file is re-imported, even if the agency or year now reads
   * differently). 'pending' decisions with no note carry no information and are left out.
   */
  resolvedDecisions(report?: { reportKey: string; reportId: string }): StoredDecision[] {
    const sql = `SELECT d.* FROM decisions d
      WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.fingerprint = d.fingerprint)
        AND NOT (d.status = 'pending' AND d.note = '')
        ${report === undefined ? '' : "AND (d.report_key = ? OR (d.report_id <> '' AND d.report_id = ?))"}
      ORDER BY d.updated_at, d.fingerprint`;
    const stmt = this.db.prepare(sql);
    const rows = report === undefined ? stmt.all() : stmt.all(report.reportKey, report.reportId);
    return rows.map(decisionFromRow);
  }

  // ───────────── settings ─────────────

  settings(): AuditSettings {
    const row = this.db.prepare('SELECT data FROM settings WHERE id = 1').get();
    return row === undefined ? structuredClone(DEFAULT_SETTINGS) : settingsFromRow(row);
  }

  setSettings(settings: AuditSettings): void {
    this.transaction(() => this.writeSettings(settings));
    this.changed();
  }

  protected writeSettings(settings: AuditSettings): void {
    this.db.prepare(UPSERT_SETTINGS).run(...settingsParams(settings));
  }

  // ───────────── letters and briefing settings ─────────────

  /** The 审查意见/通报 settings (meta 'documents'); defaults until the user saves some. */
  documentSettings(): DocumentSettings {
    const raw = this.meta('documents');
    if (raw === null) return normaliseDocumentSettings(null);
    try {
      return normaliseDocumentSettings(JSON.parse(raw));
    } catch {
      return normaliseDocumentSettings(null);
    }
  }

  setDocumentSettings(settings: DocumentSettings): void {
    this.transaction(() => this.writeDocumentSettings(settings));
    this.changed();
  }

  protected writeDocumentSettings(settings: DocumentSettings): void {
    setMetaValue(this.db, 'documents', JSON.stringify(settings));
  }
}
