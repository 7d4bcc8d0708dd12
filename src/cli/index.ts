/**
 * The `audit` command (cli-contract.md): argument parsing and printing only; the work is done by
 * src/core/audit.ts, the same core the desktop app runs.
 *
 *   npm run audit -- [options] <input>...
 *
 * Exit code 0 when the audit ran (whatever it found), 2 on a usage error or when no input could
 * be read at all.
 */
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { auditInputs, toJsonResult } from '../core/audit';
import type { AuditRun, Severity } from '../core/model/types';
import { SEVERITY_LABELS } from '../core/model/glossary';
import { writeAuditWorkbook } from '../core/export/workbook';
import type { ReviewDecision } from '../core/export/types';
import { DEFAULT_DOCUMENT_SETTINGS, isoDay, type DocumentSettings } from '../core/export/documents/settings';
import { writeBriefing, writeCombinedLetters, writeLetters } from '../core/export/documents/write';
import type { CoverageEntry } from '../core/export/documents/briefing';
import type { AuditSettings } from '../core/rules/types';
import { WorkspaceStore } from '../core/store';

export const USAGE = `用法：npm run audit -- [选项] <文件或文件夹>...

审查政府信息公开工作年度报告（.docx、.xlsx、.html、.htm、.txt、.md），文件夹会递归查找。

选项：
  --json <文件>                   将完整结果写入 JSON 文件
  --xlsx <文件>                   将问题清单写入 Excel 工作簿
  --letters <文件夹>              为每个有问题的单位写一份审查意见（.docx）；
                                  以 .docx 结尾时把全部审查意见写入同一个文件（分页）
  --briefing <文件.docx>          写入年报审查情况通报（.docx）
  --workspace <文件>              使用桌面版工作区（.nianbao）中的审查结论、备注和设置（只读打开）；
                                  不指定时，审查意见列入全部错误和警告，均标注“待核实”
  --include-pending               与 --workspace 同用：审查意见和通报也列入尚未审查的错误和警告（标注“待核实”）
  --force                         覆盖审查意见文件夹中已有的同名文件（默认保留已有文件，只写新文件）
  --deadline-department <MM-DD>   部门报告的公布期限（默认 01-31，即报告年度的次年）
  --deadline-government <MM-DD>   人民政府报告的公布期限（默认 03-31）
  -h, --help                      显示本帮助

退出码：0 表示审查已完成（无论发现多少问题）；2 表示用法错误或没有任何文件可以读取。`;

export interface CliOptions {
  inputs: string[];
  json?: string;
  xlsx?: string;
  letters?: string;
  briefing?: string;
  workspace?: string;
  includePending: boolean;
  force: boolean;
  deadlines: { department?: string; government?: string };
  help: boolean;
}

export class UsageError extends Error {}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "MM-DD" with a real month and day (02-29 allowed: it exists in leap years). */
export function validMonthDay(s: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { inputs: [], deadlines: {}, help: false, includePending: false, force: false };
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      opts.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      opts.help = true;
      continue;
    }
    if (arg === '--include-pending' || arg === '--force') {
      if (arg === '--force') opts.force = true;
      else opts.includePending = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) {
        if (!inline) throw new UsageError(`选项 ${name} 缺少取值。`);
        return inline;
      }
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`选项 ${name} 缺少取值。`);
      i++;
      return next;
    };
    switch (name) {
      case '--json':
        opts.json = value();
        break;
      case '--xlsx':
        opts.xlsx = value();
        break;
      case '--letters':
        opts.letters = value();
        break;
      case '--briefing': {
        const v = value();
        if (!/\.docx$/i.test(v)) throw new UsageError(`选项 --briefing 的取值「${v}」应为 .docx 文件。`);
        opts.briefing = v;
        break;
      }
      case '--workspace':
        opts.workspace = value();
        break;
      case '--deadline-department':
      case '--deadline-government': {
        const v = value();
        if (!validMonthDay(v)) throw new UsageError(`选项 ${name} 的取值「${v}」无效，应为 MM-DD 格式的日期，例如 01-31。`);
        if (name === '--deadline-department') opts.deadlines.department = v;
        else opts.deadlines.government = v;
        break;
      }
      default:
        throw new UsageError(`未知选项：${arg}`);
    }
  }
  if (!opts.help && opts.inputs.length === 0) throw new UsageError('请至少指定一个要审查的文件或文件夹。');
  if (opts.includePending && !opts.workspace) throw new UsageError('--include-pending 需与 --workspace 同用（没有工作区时，审查意见已列入全部错误和警告）。');
  return opts;
}

/** Writes next to the target, then renames: a reader never sees a half-written file. */
async function atomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

const SUMMARY_REPORT_LINES = 30;

export function summarize(run: AuditRun): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of run.reports) for (const f of r.findings) count[f.severity]++;
  const extra = [
    run.failures.length ? `${run.failures.length} 个读取失败` : '',
    run.skipped.length ? `${run.skipped.length} 个已跳过` : '',
  ].filter(Boolean);
  lines.push(`年报审查：共读取 ${run.reports.length} 份报告${extra.length ? `（${extra.join('，')}）` : ''}。`);
  lines.push(
    `发现问题：${SEVERITY_LABELS.error} ${count.error} 条，${SEVERITY_LABELS.warning} ${count.warning} 条，${SEVERITY_LABELS.info} ${count.info} 条。`,
  );
  // A folder of hundreds of reports: the summary stays short, the files hold the rest.
  for (const r of run.reports.slice(0, SUMMARY_REPORT_LINES)) {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of r.findings) c[f.severity]++;
    const who = `${r.model.agency ?? '（未识别单位）'}${r.model.year ? ` ${r.model.year} 年` : ''}`;
    lines.push(`  · ${who}（${r.model.file}）：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`);
  }
  if (run.reports.length > SUMMARY_REPORT_LINES) {
    lines.push(`  · ……另有 ${run.reports.length - SUMMARY_REPORT_LINES} 份报告，详见 --json / --xlsx 结果。`);
  }
  if (run.failures.length) {
    lines.push('读取失败的文件：');
    for (const f of run.failures) lines.push(`  · ${f.file}：${f.message}`);
  }
  if (run.skipped.length) {
    lines.push('已跳过（不支持的文件类型）：');
    for (const s of run.skipped) lines.push(`  · ${s}`);
  }
  return lines.join('\n');
}

/** What a workspace file contributes to a run: the reviewer's decisions and notes, and the settings. */
export interface WorkspaceReview {
  decisions: Map<string, ReviewDecision>;
  settings: AuditSettings;
  documents: DocumentSettings;
}

/** Reads a workspace without changing it or anything beside it (WorkspaceStore.openReadOnly). */
export async function readWorkspace(path: string): Promise<WorkspaceReview> {
  const store = await WorkspaceStore.openReadOnly(path);
  const decisions = new Map<string, ReviewDecision>();
  for (const [fp, d] of store.decisions()) decisions.set(fp, { status: d.status, note: d.note });
  return { decisions, settings: store.settings(), documents: store.documentSettings() };
}

/**
 * The coverage the briefing states. The roster (issue 8) computes it into the JSON result's
 * `coverage`; until a run carries one, the briefing infers it from the reports (and says so).
 */
function runCoverage(run: AuditRun): CoverageEntry[] | undefined {
  const withCoverage = run as AuditRun & { coverage?: CoverageEntry[] };
  return withCoverage.coverage;
}

/** --letters and --briefing. Returns the lines for the summary; throws (SaveError) when a file cannot be written. */
async function writeDocuments(run: AuditRun, opts: CliOptions, review: WorkspaceReview | undefined): Promise<string[]> {
  const lines: string[] = [];
  const reports = run.reports.map((r) => ({ model: r.model, findings: r.findings }));
  const common = {
    reports,
    settings: review?.documents ?? DEFAULT_DOCUMENT_SETTINGS,
    today: isoDay(new Date()),
    // Without a workspace there are no decisions: every error and warning goes in, marked 待核实.
    ...(review ? { decisions: review.decisions, includePending: opts.includePending, aliases: review.settings.aliases } : {}),
  };
  if (opts.letters) {
    if (/\.docx$/i.test(opts.letters)) {
      await mkdir(dirname(opts.letters), { recursive: true });
      const n = await writeCombinedLetters(opts.letters, common);
      lines.push(n > 0 ? `审查意见已写入：${opts.letters}（${n} 个单位）` : '审查意见：没有需要反馈问题的单位，未生成文件。');
    } else {
      const result = await writeLetters(opts.letters, common, opts.force ? 'overwrite' : 'keep');
      lines.push(
        result.letters.length > 0
          ? `审查意见已写入：${opts.letters}（${result.written.length} 份${result.kept.length ? `；${result.kept.length} 份已存在，未覆盖，如需覆盖请加 --force` : ''}）`
          : '审查意见：没有需要反馈问题的单位，未生成文件。',
      );
      for (const k of result.kept) process.stderr.write(`已存在，未覆盖：${k}\n`);
    }
  }
  if (opts.briefing) {
    await mkdir(dirname(opts.briefing), { recursive: true });
    const coverage = runCoverage(run);
    await writeBriefing(opts.briefing, { ...common, ...(coverage ? { coverage } : {}) });
    lines.push(`情况通报已写入：${opts.briefing}`);
  }
  return lines;
}

export async function main(argv: readonly string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const tty = process.stderr.isTTY === true;
  let review: WorkspaceReview | undefined;
  if (opts.workspace) {
    try {
      review = await readWorkspace(opts.workspace);
    } catch (err) {
      process.stderr.write(`无法打开工作区 ${opts.workspace}：${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  const deadlines = review?.settings.deadlines ?? { department: '01-31', government: '03-31' };
  const run = await auditInputs(opts.inputs, {
    settings: {
      ...(review ? review.settings : {}),
      deadlines: { department: opts.deadlines.department ?? deadlines.department, government: opts.deadlines.government ?? deadlines.government },
    },
    onProgress: tty
      ? (done, total, file) => {
          process.stderr.write(`\r\x1b[K正在审查 ${done}/${total}：${basename(file)}`);
          if (done === total) process.stderr.write('\n');
        }
      : undefined,
  });
  const written: string[] = [];
  try {
    if (opts.json) {
      const json = `${JSON.stringify(toJsonResult(run), null, 2)}\n`;
      await atomically(opts.json, (tmp) => writeFile(tmp, json, 'utf8'));
      written.push(`JSON 结果已写入：${opts.json}`);
    }
    if (opts.xlsx) {
      const input = {
        reports: run.reports.map((r) => ({ model: r.model, findings: r.findings })),
        failures: run.failures,
        ...(review ? { decisions: review.decisions, aliases: review.settings.aliases } : {}),
      };
      // writeAuditWorkbook is itself atomic (temp file + rename) and words its errors for the user's file name.
      await mkdir(dirname(opts.xlsx), { recursive: true });
      await writeAuditWorkbook(opts.xlsx, input);
      written.push(`Excel 工作簿已写入：${opts.xlsx}`);
    }
    if (opts.letters || opts.briefing) written.push(...(await writeDocuments(run, opts, review)));
  } catch (err) {
    process.stderr.write(`无法写入结果文件：${err instanceof Error ? err.message : String(err)}\n`);
    process.stdout.write(`${summarize(run)}\n`);
    return 2;
  }
  process.stdout.write(`${[summarize(run), ...written].join('\n')}\n`);
  if (run.reports.length === 0) {
    process.stderr.write('没有任何文件可以读取，请检查输入的文件或文件夹。\n');
    return 2;
  }
  return 0;
}

// Run when executed directly (tsx src/cli/index.ts), not when imported by tests.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`审查中断：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
