/**
 * Review: the report list and one report in detail (findings, decisions, the versions of its
 * submission), the report's own file for the page view, removing a report, and deciding a finding.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { LIMITS as INGEST_LIMITS } from '../../ingest/errors';
import { reportKeyOf } from '../../store';
import type { StoredDecision } from '../../store';
import type {
  AppState,
  DecideArgs,
  DecisionView,
  ReportDetail,
  ReportFile,
  ReportIdArgs,
  ReportSummary,
} from '../../../shared/ipc';
import type { AppContext } from '../context';
import { UserError } from '../errors';
import {
  decisionView,
  fileNameOf,
  findingViews,
  resolvedViews,
  reviewerNotes,
  summaryOf,
  versionInfoOf,
} from '../views';

export type ReviewHandlers = {
  listReports(): Promise<ReportSummary[]>;
  getReport(args: ReportIdArgs): Promise<ReportDetail>;
  /** The original file of an imported report (never any other path), unchanged since it was audited. */
  getReportFile(args: ReportIdArgs): Promise<ReportFile>;
  removeReport(args: ReportIdArgs): Promise<AppState>;
  decide(args: DecideArgs): Promise<DecisionView>;
};

/** Every report's summary (the list of 总览 and 审查, the series of 年度对比). */
export function summaries(ctx: AppContext): ReportSummary[] {
  const decisions = ctx.store.decisions();
  const byReport = ctx.storedFindingsByReport();
  const reports = ctx.allReports();
  const view = ctx.workspaceView(reports);
  return reports.map((r) => summaryOf(r, byReport.get(r.id) ?? [], decisions, view));
}

export function reviewHandlers(ctx: AppContext): ReviewHandlers {
  return {
    async listReports() {
      return summaries(ctx);
    },

    async getReport(args) {
      const store = ctx.store;
      const r = ctx.requireReport(args.id);
      const content = store.reportContent(r.id) ?? { html: '', notes: [] };
      const findings = store.findings(r.id);
      const decisions = store.decisions();
      const titles = ctx.ruleTitles();
      const resolved = resolvedViews(
        store.resolvedDecisions({ reportKey: reportKeyOf(r.model), reportId: r.id }),
        titles,
      );
      const view = ctx.workspaceView(ctx.allReports());
      const views = findingViews(findings, decisions, titles);
      return {
        summary: summaryOf(r, findings, decisions, view),
        model: r.model,
        findings: views,
        html: content.html,
        notes: reviewerNotes(content.notes, findings),
        resolvedDecisions: resolved,
        versions: versionInfoOf(
          { report: (id) => store.getReport(id), findings: (id) => store.findings(id) },
          r,
          views,
          view,
          decisions,
          titles,
        ),
      };
    },

    /**
     * The report's own file, for the PDF page view. Only a file the workspace imported, and only
     * while it is the file that was audited (same SHA-256): the viewer must never show pages the
     * findings were not computed from.
     */
    async getReportFile(args) {
      const r = ctx.requireReport(args.id);
      let bytes: Buffer;
      try {
        const info = await stat(r.path);
        if (!info.isFile() || info.size > INGEST_LIMITS.maxFileBytes) throw new Error('size');
        bytes = await readFile(r.path);
      } catch {
        throw new UserError(
          '找不到原文件（可能已移动、删除或过大），无法显示原文页面。请重新导入该文件。',
        );
      }
      if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) {
        throw new UserError(
          '原文件在导入后已被修改，显示的页面会与审查结果不符。请重新导入该文件。',
        );
      }
      return {
        fileName: fileNameOf(r.path),
        format: r.model.format,
        base64: bytes.toString('base64'),
      };
    },

    async removeReport(args) {
      ctx.requireReport(args.id);
      ctx.store.removeReport(args.id);
      await ctx.reaudit();
      ctx.changed('import');
      return ctx.state();
    },

    async decide(args) {
      const store = ctx.store;
      const current = store.findingByFingerprint(args.fingerprint);
      const previous = store.decision(args.fingerprint);
      let about: Pick<
        StoredDecision,
        'ruleId' | 'reportKey' | 'reportId' | 'lastMessage' | 'lastLocation'
      >;
      if (current) {
        const report = ctx.requireReport(current.reportId);
        about = {
          ruleId: current.finding.ruleId,
          reportKey: reportKeyOf(report.model),
          reportId: report.id,
          lastMessage: current.finding.message,
          lastLocation: current.location,
        };
      } else if (previous) {
        // A resolved decision being revised: keep what it was about.
        const { ruleId, reportKey, reportId, lastMessage, lastLocation } = previous;
        about = { ruleId, reportKey, reportId, lastMessage, lastLocation };
      } else {
        throw new UserError('该问题已不存在，请刷新后重试。');
      }
      const saved = store.decide({
        fingerprint: args.fingerprint,
        status: args.status,
        note: args.note,
        updatedAt: new Date().toISOString(),
        ...about,
      });
      return decisionView(saved);
    },
  };
}
