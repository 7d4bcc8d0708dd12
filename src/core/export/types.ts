/** Input of the findings workbook (cli-contract.md, "Excel workbook"). Shared by the CLI and the app. */
import type { FileFailure, Finding, ReportModel, SkippedFile, WorkspaceView } from '../model/types';

import type { ReviewStatus } from '../model/glossary';

/** The vocabulary lives in model/glossary; re-exported for the writers that import it from here. */
export type { ReviewStatus };
export { REVIEW_STATUS_LABELS } from '../model/glossary';

export interface ReviewDecision {
  status: ReviewStatus;
  note: string;
}

export interface WorkbookInput {
  reports: { model: ReportModel; findings: Finding[] }[];
  /** Decisions keyed by findingFingerprint(); absent → 待审查 and an empty note (the CLI's case). */
  decisions?: ReadonlyMap<string, ReviewDecision>;
  /**
   * Files that could not be read, and files left out unread (optional, additive). Listed at the end
   * of 汇总 — 审查状态 「无法读取」 / 「已跳过」, the reason in 说明 — so a spreadsheet of a folder never
   * silently lacks a report. Skipped clutter (lock files, Thumbs.db) and the tool's own outputs are
   * not listed: they are never reports, and would bury the files that matter.
   */
  failures?: readonly FileFailure[];
  skipped?: readonly SkippedFile[];
  /**
   * Roster, submissions and coverage (optional, additive): marks current versions in 数据 (whose
   * 合计 rows then sum each year's current versions only), adds 报送情况 and the 整改 columns.
   * Absent: every report counts as current.
   */
  workspace?: WorkspaceView;
  /** Agency aliases (settings), so the 指标 sheet's year-on-year columns pair a unit's years as the rules do. */
  aliases?: Record<string, string>;
}
