/** Records of the workspace file (src/core/store). Plain data. */
import type { Finding, ReportModel } from '../model/types';
import type { ReviewStatus } from '../export/types';

export interface StoredReport {
  /** Stable id of the report in this workspace ("r<file id>"): kept when the file is re-imported. */
  id: string;
  path: string;
  sha256: string;
  size: number;
  /** ISO time of the (last) audit. */
  auditedAt: string;
  model: ReportModel;
}

export interface StoredReportContent {
  html: string;
  notes: string[];
}

export interface StoredFinding {
  reportId: string;
  fingerprint: string;
  finding: Finding;
  /** Human location (describeLocation), computed when the findings were stored. */
  location: string;
}

export interface StoredDecision {
  fingerprint: string;
  status: ReviewStatus;
  note: string;
  updatedAt: string;
  ruleId: string;
  /** unitYearKey() of the report (model/fingerprint.ts), the same key the fingerprint starts with: which report the decision belongs to. */
  reportKey: string;
  /** Workspace id of the report the finding was in when decided (kept across re-imports of the same path). */
  reportId: string;
  lastMessage: string;
  lastLocation: string;
}

export interface ImportedFile {
  path: string;
  sha256: string;
  size: number;
  auditedAt: string;
  model: ReportModel;
  html: string;
  notes: string[];
}

export type UpsertStatus = 'added' | 'updated' | 'unchanged';
