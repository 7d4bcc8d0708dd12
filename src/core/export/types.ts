/** Input of the findings workbook (cli-contract.md, "Excel workbook"). Shared by the CLI and the app. */
import type { FileFailure, Finding, ReportModel } from '../model/types';

export type ReviewStatus = 'pending' | 'confirmed' | 'dismissed';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: '待审查',
  confirmed: '已确认',
  dismissed: '已排除',
};

export interface ReviewDecision {
  status: ReviewStatus;
  note: string;
}

export interface WorkbookInput {
  reports: { model: ReportModel; findings: Finding[] }[];
  /** Decisions keyed by findingFingerprint(); absent → 待审查 and an empty note (the CLI's case). */
  decisions?: ReadonlyMap<string, ReviewDecision>;
  /**
   * Files that could not be read (optional, additive). Listed at the end of 汇总 with 模板 「无法读取」
   * and the reason as 审查状态, so a spreadsheet of a folder never silently lacks a report.
   */
  failures?: readonly FileFailure[];
  /** Agency aliases (settings), so the 指标 sheet's year-on-year columns pair a unit's years as the rules do. */
  aliases?: Record<string, string>;
}
