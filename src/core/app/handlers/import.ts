/** Import: files and folders (dialog or dropped), the shipped samples, with progress events. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { Finding } from '../../model/types';
import { collect } from '../../pipeline';
import { mergeSettings } from '../../rules/engine';
import type { Rule } from '../../rules/types';
import type { AppState, ImportFilesArgs, ImportPathsArgs, ImportResult } from '../../../shared/ipc';
import type { AppContext } from '../context';
import { UserError } from '../errors';

export type ImportHandlers = {
  importFiles(args: ImportFilesArgs): Promise<ImportResult>;
  importPaths(args: ImportPathsArgs): Promise<ImportResult>;
  openSamples(): Promise<ImportResult>;
  dismissSamplesOffer(): Promise<AppState>;
};

/** What the import is doing while rules of each scope run (ProgressEvent.step). */
const AUDIT_STEP_LABELS: Record<Rule['scope'], string> = {
  report: '正在逐份检查报告…',
  series: '正在比对跨年度数据…',
  corpus: '正在比对跨单位报告（雷同检查）…',
  submission: '正在核对同一单位的多个版本…',
};

/** The step between reading and the rules (storing, handing the reports to the rules, grouping). */
const ORGANIZE_STEP = '正在整理报告…';

function emptyImport(cancelled = false): ImportResult {
  return { cancelled, added: [], updated: [], unchanged: [], failures: [], skipped: [] };
}

/** Reads the files under `paths`, stores what is new or changed, re-audits, saves. */
async function importAll(ctx: AppContext, paths: readonly string[]): Promise<ImportResult> {
  if (ctx.busy) throw new UserError('正在导入，请等待当前导入完成。');
  ctx.busy = true;
  try {
    const { events } = ctx;
    const result = emptyImport();
    events.emit('progress', { phase: 'read', done: 0, total: 0, file: '' });
    const collected = await collect(paths);
    result.skipped = collected.skipped;
    result.failures.push(...collected.failures);
    const known = ctx.store.fileHashes();
    // The single-report rules run as each file is read (in the reader threads), with the settings
    // of now; the re-audit below takes their findings if the settings are still these.
    const settings = mergeSettings(ctx.store.settings());
    const outcomes = await ctx.runner.run(
      collected.files,
      known,
      (p) => events.emit('progress', { phase: 'read', ...p }),
      settings,
    );
    const byReport = new Map<string, Record<string, Finding[]>>();
    // Between the last file read and the first rule: storing the reports, starting the worker,
    // copying the models to it and grouping them by agency and year take a while on a large batch
    // (over a second at 2,000), so this step is named at once rather than leaving the bar silent.
    events.emit('progress', { phase: 'audit', done: 0, total: 1, file: '', step: ORGANIZE_STEP });
    for (const o of outcomes) {
      if (o.kind === 'failed') {
        result.failures.push(o.failure);
      } else if (o.kind === 'skipped') {
        result.skipped.push(o.skipped);
      } else if (o.kind === 'unchanged') {
        const id = ctx.store.reportIdOfPath(o.path);
        if (id) result.unchanged.push(id);
      } else {
        const { id, status } = ctx.store.upsertReport(o.file);
        if (status === 'added') result.added.push(id);
        else if (status === 'updated') result.updated.push(id);
        else result.unchanged.push(id);
        if (status !== 'unchanged' && o.findings) byReport.set(id, o.findings);
      }
    }
    for (const f of result.failures) ctx.store.recordFailure(f.file, f.message);
    ctx.skipped = result.skipped;
    const total = collected.files.length;
    // After reading, the rules run over the whole workspace, the findings are placed and the
    // workspace is saved: on a large batch that takes a while, so each step says what it does and
    // the bar follows the rules as they run (never a bar frozen at 888/900).
    if (result.added.length || result.updated.length) {
      // A long rule (the cross-agency comparison) also reports how far it has come: `fraction`.
      await ctx.reaudit(
        (done, all, scope, fraction) =>
          events.emit('progress', {
            phase: 'audit',
            done,
            total: all,
            file: '',
            step: AUDIT_STEP_LABELS[scope],
            ...(fraction !== undefined ? { fraction } : {}),
          }),
        { settings, byReport },
      );
    }
    events.emit('progress', {
      phase: 'audit',
      done: 0,
      total: 1,
      file: '',
      step: '正在保存工作区…',
    });
    // Imports are not journaled: save at once rather than after the debounce.
    await ctx.store
      .save()
      .catch((err: unknown) =>
        ctx.notices.push(`保存工作区失败：${err instanceof Error ? err.message : String(err)}`),
      );
    events.emit('progress', { phase: 'done', done: total, total, file: '' });
    ctx.changed('import');
    return result;
  } finally {
    ctx.busy = false;
  }
}

export function importHandlers(ctx: AppContext): ImportHandlers {
  return {
    async importFiles(args) {
      const { dialogs } = ctx.options;
      let paths: string[] | null;
      if (args.kind === 'folder') {
        const dir = await dialogs.openFolder();
        paths = dir ? [dir] : null;
      } else {
        paths = await dialogs.openFiles();
      }
      if (!paths || paths.length === 0) return emptyImport(true);
      return importAll(ctx, paths);
    },

    async importPaths(args) {
      return importAll(ctx, args.paths);
    },

    async openSamples() {
      const dir = ctx.options.samplesDir;
      if (!dir || !existsSync(dir)) throw new UserError('未找到随软件提供的示例报告。');
      await ctx.markSamplesOffered();
      const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
      if (names.length === 0) throw new UserError('示例报告文件夹是空的。');
      return importAll(ctx, [dir]);
    },

    async dismissSamplesOffer() {
      await ctx.markSamplesOffered();
      return ctx.state();
    },
  };
}
