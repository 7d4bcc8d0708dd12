/**
 * Review: the report list and one report in detail (findings, decisions, the versions of its
 * submission), the report's own file for the page view, removing a report, and deciding a finding.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { LIMITS as INGEST_LIMITS } from '../../ingest/errors';
import { findingKey } from '../../model/fingerprint';
import { reportKeyOf } from '../../store';
import type { StoredDecision, StoredReport } from '../../store';
import { CURRENT_REASON_LABELS } from '../../workspace/submissions';
import { compareVersions } from '../../workspace/versions';
import type {
  AppState,
  DecideArgs,
  DecisionView,
  FindingView,
  ReportDetail,
  ReportFile,
  ReportIdArgs,
  ReportSummary,
  VersionInfo,
} from '../../../shared/ipc';
import type { AppContext, PlacedView } from '../context';
import { UserError } from '../errors';
import {
  decisionView,
  fileNameOf,
  findingViews,
  resolvedViews,
  reviewerNotes,
  summaryOf,
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

/**
 * The versions of the report's submission and, between the current version and the one it
 * replaced, the 整改 comparison: each finding persists or is new; the replaced version's findings
 * that are gone are listed as fixed; a decision taken on the replaced version is shown as
 * carried on the same finding of the current one until the reviewer decides it anew.
 */
function versionInfo(
  ctx: AppContext,
  r: StoredReport,
  views: FindingView[],
  view: PlacedView,
  decisions: ReadonlyMap<string, StoredDecision>,
  titles: ReadonlyMap<string, string>,
): VersionInfo | null {
  const key = view.placements[r.id]?.submission;
  const submission = key ? view.submissions.find((x) => x.key === key) : undefined;
  if (!submission) return null;
  const byId = new Map<string, StoredReport>();
  for (const id of submission.versions) {
    const x = id === r.id ? r : ctx.store.getReport(id);
    if (x) byId.set(id, x);
  }
  const nameOf = (id: string): string => fileNameOf(byId.get(id)?.path ?? '');
  const info: VersionInfo = {
    submissionKey: submission.key,
    unitName: submission.unitName,
    year: submission.year,
    currentReason: CURRENT_REASON_LABELS[submission.currentReason],
    versions: submission.versions.map((id) => ({
      id,
      fileName: nameOf(id),
      current: id === submission.current,
      duplicates: (submission.duplicates.find((d) => d.of === id)?.files ?? []).map(fileNameOf),
    })),
    fixed: [],
    previousFile: null,
  };
  const [currentId, previousId] = submission.versions;
  if (r.id !== currentId || previousId === undefined) return info;
  const previous = byId.get(previousId);
  if (!previous) return info;
  const previousFile = nameOf(previousId);
  info.previousFile = previousFile;
  const prevFindings = ctx.store.findings(previousId);
  const models = new Map([
    [r.id, r.model],
    [previous.id, previous.model],
  ]);
  const cmp = compareVersions(
    [submission],
    models,
    new Map([
      [r.id, views],
      [previous.id, prevFindings.map((f) => f.finding)],
    ]),
  ).get(r.id);
  const prevByKey = new Map(prevFindings.map((f) => [findingKey(previous.model, f.finding), f]));
  views.forEach((v, i) => {
    const diff = cmp?.status.get(r.id)?.[i];
    if (diff) v.versionDiff = diff;
    const earlier = prevByKey.get(findingKey(r.model, v));
    const carried = earlier ? decisions.get(earlier.fingerprint) : undefined;
    if (carried && v.decision.status === 'pending' && !v.decision.note) {
      v.carried = {
        status: carried.status,
        note: carried.note,
        updatedAt: carried.updatedAt,
        fromFile: previousFile,
      };
    }
  });
  info.fixed = findingViews(
    prevFindings.filter((_, i) => cmp?.status.get(previous.id)?.[i] === 'fixed'),
    decisions,
    titles,
  ).map((v) => ({ ...v, versionDiff: 'fixed' as const }));
  return info;
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
        versions: versionInfo(ctx, r, views, view, decisions, titles),
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
