/**
 * The `audit` command (cli-contract.md): argument parsing and printing only; the work is done by
 * src/core/audit.ts, the same core the desktop app runs.
 *
 *   npm run audit -- [options] <input>...
 *
 * Exit code 0 when the audit ran (whatever it found), 2 on a usage error or when no input could
 * be read at all.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { auditInputs, jsonResultText } from '../core/audit';
import type { AuditRun, Severity } from '../core/model/types';
import { at } from '../core/model/checked';
import { SEVERITY_LABELS } from '../core/model/glossary';
import { isMonthDay } from '../core/model/dates';
import { saveFileAtomic, toSaveError } from '../core/export/save';
import { failureMessage } from '../core/pipeline';
import type { Roster } from '../core/model/types';
import packageJson from '../../package.json';
import type { ReviewDecision } from '../core/export/types';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  isoDay,
  type DocumentSettings,
} from '../core/export/documents/settings';
import { unitKindsOf } from '../core/workspace/submissions';
import type { AuditSettings } from '../core/rules/types';

// The writers (exceljs, docx), the workspace store (node:sqlite) and the roster reader are loaded when
// an option asks for them, not at start-up: a run reaches its first file in well under 0.3 s.
const lazy = {
  workbook: () => import('../core/export/workbook'),
  documents: () => import('../core/export/documents/write'),
  store: () => import('../core/store'),
  roster: () => import('../core/workspace/roster'),
};

export const USAGE = `用法：npm run audit -- [选项] <文件或文件夹>...

审查政府信息公开工作年度报告（.docx、.doc、.wps、.xlsx、.xls、.et、.html、.htm、.mht、.mhtml、.txt、.md），
文件夹会递归查找。文件按实际内容读取，扩展名与内容不符时在结果中注明。

选项：
  --json <文件>                   将完整结果写入 JSON 文件
  --xlsx <文件>                   将问题清单写入 Excel 工作簿
  --roster <文件>                 应报送单位名单（.xlsx、.csv 或 .txt，每行一个单位；可含“类别”“上级单位”“别名”列）
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
  -v, --version                   显示版本号

退出码：0 表示审查已完成（无论发现多少问题）；2 表示用法错误或没有任何文件可以读取。`;

export interface CliOptions {
  inputs: string[];
  json?: string;
  xlsx?: string;
  roster?: string;
  letters?: string;
  briefing?: string;
  workspace?: string;
  includePending: boolean;
  force: boolean;
  deadlines: { department?: string; government?: string };
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

/** "MM-DD" with a real month and day: the one check (core/model/dates), under the name the CLI exported. */
export const validMonthDay = isMonthDay;

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    inputs: [],
    deadlines: {},
    help: false,
    version: false,
    includePending: false,
    force: false,
  };
  // A value option given twice is a mistake (which of the two did the user mean?), never "the last wins".
  const given = new Set<string>();
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = at(argv, i);
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
    if (arg === '-v' || arg === '--version') {
      opts.version = true;
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
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`选项 ${name} 缺少取值。`);
      i++;
      return next;
    };
    if (given.has(name)) throw new UsageError(`选项 ${name} 只能指定一次。`);
    given.add(name);
    switch (name) {
      case '--json':
        opts.json = value();
        break;
      case '--xlsx': {
        const v = value();
        // A workbook under another name would open in nothing (out.txt) or as garbage: refuse it
        // rather than silently rename it, so the file is always where the user said.
        if (extname(v).toLowerCase() !== '.xlsx')
          throw new UsageError(
            `选项 --xlsx 的文件名应以 .xlsx 结尾（收到「${v}」），例如 --xlsx 审查结果.xlsx。`,
          );
        opts.xlsx = v;
        break;
      }
      case '--roster':
        opts.roster = value();
        break;
      case '--letters':
        opts.letters = value();
        break;
      case '--briefing': {
        const v = value();
        if (!/\.docx$/i.test(v))
          throw new UsageError(`选项 --briefing 的取值「${v}」应为 .docx 文件。`);
        opts.briefing = v;
        break;
      }
      case '--workspace':
        opts.workspace = value();
        break;
      case '--deadline-department':
      case '--deadline-government': {
        const v = value();
        if (!validMonthDay(v))
          throw new UsageError(
            `选项 ${name} 的取值「${v}」无效，应为 MM-DD 格式的日期，例如 01-31。`,
          );
        if (name === '--deadline-department') opts.deadlines.department = v;
        else opts.deadlines.government = v;
        break;
      }
      default:
        throw new UsageError(`未知选项：${arg}`);
    }
  }
  if (!opts.help && !opts.version && opts.inputs.length === 0)
    throw new UsageError('请至少指定一个要审查的文件或文件夹。');
  if (opts.includePending && !opts.workspace)
    throw new UsageError(
      '--include-pending 需与 --workspace 同用（没有工作区时，审查意见已列入全部错误和警告）。',
    );
  return opts;
}

const SUMMARY_REPORT_LINES = 30;

function severityCounts(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) count[f.severity]++;
  return count;
}

export function summarize(run: AuditRun): string {
  const lines: string[] = [];
  const extra = [
    run.failures.length ? `${run.failures.length} 个读取失败` : '',
    run.skipped.length ? `${run.skipped.length} 个已跳过` : '',
  ].filter(Boolean);
  lines.push(
    `年报审查：共读取 ${run.reports.length} 份报告${extra.length ? `（${extra.join('，')}）` : ''}。`,
  );
  // Nothing read, nothing found: "错误 0 条" would read as a clean bill of health.
  if (run.reports.length > 0) {
    const count = severityCounts(run.reports.flatMap((r) => r.findings));
    lines.push(
      `发现问题：${SEVERITY_LABELS.error} ${count.error} 条，${SEVERITY_LABELS.warning} ${count.warning} 条，${SEVERITY_LABELS.info} ${count.info} 条。`,
    );
  }
  // A folder of hundreds of reports: the summary stays short and shows the reports that need work
  // first (most errors, then most warnings; input order among equals); the files hold the rest.
  const rows = run.reports
    .map((r, order) => ({ r, c: severityCounts(r.findings), order }))
    .sort((a, b) => b.c.error - a.c.error || b.c.warning - a.c.warning || a.order - b.order);
  for (const { r, c } of rows.slice(0, SUMMARY_REPORT_LINES)) {
    const who = `${r.model.agency ?? '（未识别单位）'}${r.model.year ? ` ${r.model.year} 年` : ''}`;
    lines.push(
      `  · ${who}（${r.model.file}）：${SEVERITY_LABELS.error} ${c.error}，${SEVERITY_LABELS.warning} ${c.warning}，${SEVERITY_LABELS.info} ${c.info}`,
    );
  }
  const hidden = rows.slice(SUMMARY_REPORT_LINES);
  if (hidden.length > 0) {
    const withErrors = hidden.filter((x) => x.c.error > 0).length;
    const withWarnings = hidden.filter((x) => x.c.error === 0 && x.c.warning > 0).length;
    const detail = [
      withErrors ? `${withErrors} 份有${SEVERITY_LABELS.error}` : '',
      withWarnings ? `${withWarnings} 份仅有${SEVERITY_LABELS.warning}` : '',
    ]
      .filter(Boolean)
      .join('，');
    lines.push(
      `  · ……另有 ${hidden.length} 份报告未列出${detail ? `（其中 ${detail}）` : ''}，详见 --json / --xlsx 结果。`,
    );
  }
  if (run.failures.length) {
    lines.push('读取失败的文件：');
    for (const f of run.failures) lines.push(`  · ${f.file}：${f.message}`);
  }
  // Clutter (Thumbs.db, ~$ lock files) is counted above but never listed.
  const listed = run.skipped.filter((s) => s.reason !== 'clutter');
  if (listed.length) {
    lines.push('已跳过的文件：');
    for (const s of listed) lines.push(`  · ${s.file}：${s.message}`);
  }
  const ws = run.workspace;
  if (ws) {
    lines.push(
      ws.roster.inferred
        ? `报送情况（未提供名单，单位由报告推断，共 ${ws.roster.units.length} 个）：`
        : `报送情况（名单 ${ws.roster.units.length} 个单位）：`,
    );
    for (const c of ws.coverage) {
      const missing = c.missing.length
        ? `；未报：${c.missing.slice(0, 10).join('、')}${c.missing.length > 10 ? ` 等 ${c.missing.length} 个` : ''}`
        : '';
      const outside = c.notOnRoster.length
        ? `；名单外：${c.notOnRoster.slice(0, 5).join('、')}${c.notOnRoster.length > 5 ? ' 等' : ''}`
        : '';
      lines.push(
        `  · ${c.year} 年度：应报 ${c.expected}，已报 ${c.submitted}（按时 ${c.onTime}，逾期 ${c.late}）${missing}${outside}`,
      );
    }
    const multi = ws.submissions.filter((s) => s.versions.length > 1);
    if (multi.length)
      lines.push(`  · ${multi.length} 个单位的同一年度有多个版本，请在结果中确认采用哪一份。`);
  }
  return lines.join('\n');
}

/** Creates the folder a result goes into; a failure is worded like a failed write of that result. */
async function ensureFolder(target: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (err) {
    throw toSaveError(target, err);
  }
}

/** What a workspace file contributes to a run: the reviewer's decisions and notes, and the settings. */
export interface WorkspaceReview {
  decisions: Map<string, ReviewDecision>;
  settings: AuditSettings;
  documents: DocumentSettings;
}

/** Reads a workspace without changing it or anything beside it (WorkspaceStore.openReadOnly). */
export async function readWorkspace(path: string): Promise<WorkspaceReview> {
  const { WorkspaceStore } = await lazy.store();
  const store = await WorkspaceStore.openReadOnly(path);
  const decisions = new Map<string, ReviewDecision>();
  for (const [fp, d] of store.decisions()) decisions.set(fp, { status: d.status, note: d.note });
  return { decisions, settings: store.settings(), documents: store.documentSettings() };
}

/** --letters and --briefing. Returns the lines for the summary; throws (SaveError) when a file cannot be written. */
async function writeDocuments(
  run: AuditRun,
  opts: CliOptions,
  review: WorkspaceReview | undefined,
): Promise<string[]> {
  const lines: string[] = [];
  // Current versions only: a letter and the briefing speak of the report the office judges.
  const ws = run.workspace;
  const reports = run.reports
    .filter((r) => ws?.placements[r.model.id]?.current !== false)
    .map((r) => ({ model: r.model, findings: r.findings }));
  const common = {
    reports,
    settings: review?.documents ?? DEFAULT_DOCUMENT_SETTINGS,
    today: isoDay(new Date()),
    // Without a workspace there are no decisions: every error and warning goes in, marked 待核实.
    ...(review
      ? {
          decisions: review.decisions,
          includePending: opts.includePending,
          aliases: review.settings.aliases,
        }
      : {}),
  };
  if (opts.letters) {
    if (/\.docx$/i.test(opts.letters)) {
      await mkdir(dirname(opts.letters), { recursive: true });
      const { writeCombinedLetters } = await lazy.documents();
      const n = await writeCombinedLetters(opts.letters, common);
      lines.push(
        n > 0
          ? `审查意见已写入：${opts.letters}（${n} 个单位）`
          : '审查意见：没有需要反馈问题的单位，未生成文件。',
      );
    } else {
      const { writeLetters } = await lazy.documents();
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
    // An inferred roster is no list of who must report: the briefing then infers and says 推断.
    const facts =
      ws && !ws.roster.inferred
        ? {
            coverage: ws.coverage,
            unitKinds: unitKindsOf(
              reports.map((r) => r.model),
              ws,
            ),
          }
        : {};
    const { writeBriefing } = await lazy.documents();
    await writeBriefing(opts.briefing, { ...common, ...facts });
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
  if (opts.version) {
    process.stdout.write(`年报审查（${packageJson.name}）${packageJson.version}\n`);
    return 0;
  }
  let roster: Roster | null = null;
  if (opts.roster) {
    try {
      const { readRoster } = await lazy.roster();
      roster = await readRoster(await readFile(opts.roster), opts.roster);
    } catch (err) {
      process.stderr.write(`无法读取名单文件「${opts.roster}」：${failureMessage(err)}\n`);
      return 2;
    }
  }
  const tty = process.stderr.isTTY === true;
  let review: WorkspaceReview | undefined;
  if (opts.workspace) {
    try {
      review = await readWorkspace(opts.workspace);
    } catch (err) {
      process.stderr.write(
        `无法打开工作区 ${opts.workspace}：${err instanceof Error ? err.message : String(err)}\n`,
      );
      return 2;
    }
  }
  const deadlines = review?.settings.deadlines ?? { department: '01-31', government: '03-31' };
  // npm run bench -- --scale reads its figures from these lines: start-up (process start to the
  // first file read), the end of reading, the end of the rules, the end of writing, peak memory.
  const probe =
    process.env['NIANBAO_BENCH_PROBE'] === '1'
      ? (what: string) =>
          process.stderr.write(
            `bench ${what} ${performance.now().toFixed(1)}\nbench rss-at-${what} ${Math.round(process.memoryUsage.rss() / 1024)}\nbench heap-at-${what} ${Math.round(process.memoryUsage().heapUsed / 1024)}\n`,
          )
      : undefined;
  if (probe)
    process.once('exit', () =>
      process.stderr.write(`bench maxrss-kb ${process.resourceUsage().maxRSS}\n`),
    );
  probe?.('startup-ms');
  const run = await auditInputs(opts.inputs, {
    // The models serve the rules and the writers only: shared cells, no grid positions.
    compact: true,
    settings: {
      ...(review ? review.settings : {}),
      // --roster names this run's units; without it, the workspace's roster (if any) applies.
      ...(roster ? { roster } : {}),
      deadlines: {
        department: opts.deadlines.department ?? deadlines.department,
        government: opts.deadlines.government ?? deadlines.government,
      },
    },
    onProgress: (done, total, file) => {
      if (done === total) probe?.('read-done-ms');
      if (!tty) return;
      process.stderr.write(`\r\x1b[K正在审查 ${done}/${total}：${basename(file)}`);
      if (done === total) process.stderr.write('\n');
    },
  });
  probe?.('audit-done-ms');
  const written: string[] = [];
  try {
    if (opts.json) {
      await ensureFolder(opts.json);
      // Written report by report: the whole text of 10,000 reports would be hundreds of MB at once.
      await saveFileAtomic(opts.json, jsonResultText(run));
      written.push(`JSON 结果已写入：${opts.json}`);
      probe?.('json-written-ms');
    }
    if (opts.xlsx) {
      const input = {
        reports: run.reports.map((r) => ({ model: r.model, findings: r.findings })),
        failures: run.failures,
        skipped: run.skipped,
        ...(run.workspace ? { workspace: run.workspace } : {}),
        ...(review ? { decisions: review.decisions, aliases: review.settings.aliases } : {}),
      };
      await ensureFolder(opts.xlsx);
      const { writeAuditWorkbook } = await lazy.workbook();
      await writeAuditWorkbook(opts.xlsx, input);
      written.push(`Excel 工作簿已写入：${opts.xlsx}`);
    }
    if (opts.letters || opts.briefing) written.push(...(await writeDocuments(run, opts, review)));
  } catch (err) {
    // SaveError's message is already one sentence naming the file and the cause.
    process.stdout.write(`${[summarize(run), ...written].join('\n')}\n`);
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  probe?.('written-ms');
  process.stdout.write(`${[summarize(run), ...written].join('\n')}\n`);
  if (run.reports.length === 0) {
    process.stderr.write('没有任何文件可以读取，请检查输入的文件或文件夹。\n');
    return 2;
  }
  return 0;
}

/** Runs main with the process's arguments and sets the exit code (scripts/cli.cjs calls this on the built file). */
export function runCommandLine(argv: readonly string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `审查中断：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exitCode = 2;
    },
  );
}

// Run when executed directly (tsx src/cli/index.ts, node out/cli/index.js), not when imported by tests.
if (require.main === module) runCommandLine();
