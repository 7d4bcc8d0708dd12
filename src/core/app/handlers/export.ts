/**
 * Export: the findings workbook, the feedback letters (one per unit, or in one file) and the
 * briefing, each after its save dialog; a file another program holds open comes back as the
 * writer's one-sentence Chinese message.
 */
import { basename } from 'node:path';
import { SaveError } from '../../export/save';
import { writeAuditWorkbook } from '../../export/workbook';
import { isoDay } from '../../export/documents/settings';
import { planLetters, type LettersInput } from '../../export/documents/letters';
import type { DocumentReport } from '../../export/documents/select';
import {
  letterTargets,
  writeBriefing,
  writeCombinedLetters,
  writeLetters,
  type ExistingPolicy,
} from '../../export/documents/write';
import { lateReports } from '../../pipeline';
import { coverageOf, currentModels, unitKindsOf } from '../../workspace/submissions';
import type {
  ExportBriefingArgs,
  ExportLettersArgs,
  ExportLettersResult,
  ExportResult,
} from '../../../shared/ipc';
import type { AppContext } from '../context';
import { UserError } from '../errors';

export type ExportHandlers = {
  /** Save dialog, then writes the findings workbook with the review decisions. */
  exportWorkbook(): Promise<ExportResult>;
  /** Folder (or file) dialog, asks before replacing existing letters, writes the feedback letters. */
  exportLetters(args: ExportLettersArgs): Promise<ExportLettersResult>;
  /** Save dialog, then writes the briefing (年报审查情况通报). */
  exportBriefing(args: ExportBriefingArgs): Promise<ExportResult>;
};

const NO_REPORTS = '工作区中还没有报告，无法导出。';

/** A file Word or Excel holds open, a read-only folder: the writer's Chinese message. */
async function writing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    // SaveError already says, in one sentence, which file and why (open in Excel, read-only, …).
    if (err instanceof SaveError) throw new UserError(err.message);
    throw err;
  }
}

/** Current versions only: a letter and the briefing speak of the report the office judges. */
function documentReports(ctx: AppContext): DocumentReport[] {
  const reports = ctx.store.listReports();
  if (reports.length === 0) throw new UserError(NO_REPORTS);
  const view = ctx.workspaceView(reports);
  const byReport = ctx.findingsByReport();
  return currentModels(reports, view).map((r) => ({
    model: r.model,
    findings: byReport.get(r.id) ?? [],
  }));
}

function documentInput(ctx: AppContext, includePending: boolean): LettersInput {
  return {
    reports: documentReports(ctx),
    decisions: ctx.decisionMap(),
    includePending,
    aliases: ctx.store.settings().aliases,
    settings: ctx.store.documentSettings(),
    today: isoDay(new Date()),
  };
}

const docxPath = (target: string): string => (/\.docx$/i.test(target) ? target : `${target}.docx`);

export function exportHandlers(ctx: AppContext): ExportHandlers {
  return {
    async exportWorkbook() {
      const reports = ctx.allReports();
      if (reports.length === 0) throw new UserError(NO_REPORTS);
      const target = await ctx.options.dialogs.saveWorkbook(
        `年报审查结果-${new Date().toISOString().slice(0, 10)}.xlsx`,
      );
      if (!target) return { path: null };
      const decisions = ctx.decisionMap();
      const byReport = ctx.findingsByReport();
      const view = ctx.workspaceView(reports);
      const failures = ctx.store.failures();
      await writing(() =>
        writeAuditWorkbook(target, {
          reports: reports.map((r) => ({ model: r.model, findings: byReport.get(r.id) ?? [] })),
          decisions,
          // 汇总 lists what was not audited too, so the office sees a report was left out.
          failures,
          skipped: ctx.skipped,
          workspace: { ...view, coverage: coverageOf(view, lateReports(byReport)) },
          aliases: ctx.store.settings().aliases,
        }),
      );
      return { path: target };
    },

    async exportLetters(args) {
      const input = documentInput(ctx, args.includePending);
      const letters = planLetters(input).length;
      if (letters === 0) {
        throw new UserError(
          args.includePending
            ? '没有需要反馈的问题：所有问题均已排除或仅为提示。'
            : '还没有已确认的问题，无需生成审查意见。可先在“审查”中确认问题，或勾选“包含待审查的问题”。',
        );
      }
      const { dialogs } = ctx.options;
      const none = { path: null, letters, written: 0, kept: 0 };
      if (args.oneFile) {
        const target = await dialogs.saveDocument(
          `年报审查意见-${isoDay(new Date())}.docx`,
          '导出审查意见（合并为一个文件）',
        );
        if (!target) return none;
        const file = docxPath(target);
        await writing(() => writeCombinedLetters(file, input));
        return { path: file, letters, written: 1, kept: 0 };
      }
      const dir = await dialogs.chooseLettersFolder();
      if (!dir) return none;
      const { existing } = await letterTargets(dir, input);
      let policy: ExistingPolicy = 'overwrite';
      if (existing.length > 0) {
        const answer = await dialogs.confirmReplaceLetters(existing.map((p) => basename(p)));
        if (answer === 'cancel') return none;
        policy = answer;
      }
      const result = await writing(() => writeLetters(dir, input, policy));
      return { path: dir, letters, written: result.written.length, kept: result.kept.length };
    },

    async exportBriefing(args) {
      const input = documentInput(ctx, args.includePending);
      const target = await ctx.options.dialogs.saveDocument(
        `年报审查情况通报-${isoDay(new Date())}.docx`,
        '导出审查情况通报',
      );
      if (!target) return { path: null };
      const file = docxPath(target);
      // An inferred roster is no list of who must report: the briefing then infers and says 推断.
      const reports = ctx.store.listReports();
      const view = ctx.workspaceView(reports);
      const facts = view.roster.inferred
        ? {}
        : {
            coverage: coverageOf(view, lateReports(ctx.findingsByReport())),
            unitKinds: unitKindsOf(
              reports.map((r) => r.model),
              view,
            ),
          };
      await writing(() => writeBriefing(file, { ...input, ...facts }));
      return { path: file };
    },
  };
}
