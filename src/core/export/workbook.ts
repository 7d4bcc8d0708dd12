/**
 * The findings workbook (cli-contract.md, "Excel workbook"), a public contract: sheets 汇总, 问题清单,
 * 数据, 规则说明 in that order, with the Chinese names and columns of the contract. Office staff
 * print it, filter it and add their own rows, so every sheet gets a frozen header, a filter,
 * readable widths and an A4-landscape print setup that repeats the header on every page.
 */
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import {
  SEVERITY_LABELS,
  isSeverity,
  TEMPLATE_LABELS,
  UNAUDITED_LABELS,
  OUTPUT_MARKER,
  OUTPUT_CREATOR,
} from '../model/glossary';
import type { ReportModel, Severity } from '../model/types';
import { lateReports } from '../workspace/submissions';
import { catalogue } from '../rules/registry';
import type { SaveHooks } from '../store/atomic';
import { addCoverage } from './coverage-sheet';
import { addData } from './data-sheet';
import { addFindings, decisionOf } from './findings-sheet';
import { addIndicatorSheet } from './indicator-sheet';
import { saveFileAtomic } from './save';
import {
  DRAIN_EVERY,
  SHEET_NAMES,
  addRow,
  addSheet,
  cellText,
  drain,
  finishSheet,
  SEVERITY_FILL_STYLES,
  type Pause,
} from './sheet';
import { shortFileNames } from './short-names';
import { REVIEW_STATUS_LABELS, type ReviewStatus, type WorkbookInput } from './types';

export { SHEET_NAMES, cellText } from './sheet';
export { FINDING_HEADERS } from './findings-sheet';
/** Sheets after the four of the contract, in this order, where they apply. */
export { COVERAGE_SHEET } from './coverage-sheet';

/** 说明 (added after the contract's columns) holds why a file was not audited. */
export const SUMMARY_HEADERS = [
  '单位',
  '年度',
  '文件',
  '模板',
  SEVERITY_LABELS.error,
  SEVERITY_LABELS.warning,
  SEVERITY_LABELS.info,
  '审查状态',
  '说明',
] as const;
export { DATA_LEAD_HEADERS } from './data-columns';
/** 版本 of a report row: the version its submission uses, another version, or a copy of one. */
export { VERSION_LABELS } from './data-sheet';
export const CATALOGUE_HEADERS = ['规则编号', '规则名称', '严重程度', '说明'] as const;
export { DATA_TOTAL_LABEL } from './data-sheet';

export { colLetter } from './data-columns';

const collator = new Intl.Collator('zh-Hans-CN');

/** Agency (pinyin order, unknown last), then year, then file: one report's rows stay together. */
function compareReports(a: ReportModel, b: ReportModel): number {
  if (a.agency !== b.agency) {
    if (a.agency === null) return 1;
    if (b.agency === null) return -1;
    const c = collator.compare(a.agency, b.agency);
    if (c !== 0) return c;
  }
  if (a.year !== b.year) {
    if (a.year === null) return 1;
    if (b.year === null) return -1;
    return a.year - b.year;
  }
  return collator.compare(a.file, b.file);
}

/** 汇总's 审查状态: 无问题 / 待审查 / 审查中（decided/total） / 已完成. */
export function reviewProgress(statuses: readonly ReviewStatus[]): string {
  if (statuses.length === 0) return '无问题';
  const decided = statuses.filter((s) => s !== 'pending').length;
  if (decided === 0) return REVIEW_STATUS_LABELS.pending;
  if (decided === statuses.length) return '已完成';
  return `审查中（${decided}/${statuses.length}）`;
}

/** Skipped files worth an office's attention: not clutter, not the tool's own outputs (see WorkbookInput). */
type Entry = WorkbookInput['reports'][number];

function listedSkipped(input: WorkbookInput): NonNullable<WorkbookInput['skipped']> {
  return (input.skipped ?? []).filter((s) => s.reason !== 'clutter' && s.reason !== 'own-output');
}

async function addSummary(
  wb: ExcelJS.Workbook,
  entries: readonly Entry[],
  input: WorkbookInput,
  names: ReadonlyMap<string, string>,
  folder: string | null,
  pause: Pause,
): Promise<void> {
  const sheet = addSheet(
    wb,
    SHEET_NAMES[0],
    [
      { header: '单位', width: 30, wrap: true },
      { header: '年度', width: 8, center: true },
      { header: '文件', width: 40, wrap: true },
      { header: '模板', width: 14 },
      { header: SEVERITY_LABELS.error, width: 8, center: true },
      { header: SEVERITY_LABELS.warning, width: 8, center: true },
      { header: SEVERITY_LABELS.info, width: 8, center: true },
      { header: '审查状态', width: 14 },
      { header: '说明', width: 48, wrap: true },
    ],
    {
      fitWidth: true,
      // Where the files are, once, on the printed 汇总 (「&」 is a code in Excel's header strings).
      ...(folder ? { oddHeader: `&L文件所在文件夹：${folder.replace(/&/g, '&&')}` } : {}),
    },
  );
  for (const [i, { model, findings }] of entries.entries()) {
    const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
    const statuses = findings.map(
      (f) => decisionOf(input.decisions, model, f)?.status ?? 'pending',
    );
    addRow(
      sheet,
      [
        model.agency,
        model.year,
        names.get(model.file) ?? model.file,
        TEMPLATE_LABELS[model.template],
        count('error'),
        count('warning'),
        count('info'),
        reviewProgress(statuses),
      ],
      // Colour the counts that matter, so the reports needing work stand out in the overview.
      {
        ...(count('error') > 0 ? { 5: SEVERITY_FILL_STYLES.error } : {}),
        ...(count('warning') > 0 ? { 6: SEVERITY_FILL_STYLES.warning } : {}),
      },
    );
    if (i % DRAIN_EVERY === DRAIN_EVERY - 1) await pause();
  }
  // Files not audited: their state in 审查状态 (short, filterable), the reason in the wide 说明.
  const unaudited = [
    ...(input.failures ?? []).map((f) => ({
      file: f.file,
      state: UNAUDITED_LABELS.failed,
      message: f.message,
      fill: SEVERITY_FILL_STYLES.error,
    })),
    ...listedSkipped(input).map((f) => ({
      file: f.file,
      state: UNAUDITED_LABELS.skipped,
      message: f.message,
      fill: SEVERITY_FILL_STYLES.warning,
    })),
  ];
  for (const u of unaudited) {
    addRow(
      sheet,
      [
        null,
        null,
        names.get(u.file) ?? u.file,
        null,
        null,
        null,
        null,
        u.state,
        cellText(u.message),
      ],
      { 8: u.fill },
    );
  }
  finishSheet(sheet, sheet.rows, SUMMARY_HEADERS.length);
}

function addCatalogue(wb: ExcelJS.Workbook, rules: ReturnType<typeof catalogue>): void {
  const sheet = addSheet(
    wb,
    SHEET_NAMES[3],
    [
      { header: '规则编号', width: 34 },
      { header: '规则名称', width: 28, wrap: true },
      { header: '严重程度', width: 10, center: true },
      { header: '说明', width: 80, wrap: true },
    ],
    { fitWidth: true },
  );
  for (const r of rules) {
    const sev = isSeverity(r.severity) ? r.severity : undefined;
    addRow(
      sheet,
      [r.id, r.title, sev ? SEVERITY_LABELS[sev] : r.severity, r.description],
      sev ? { 3: SEVERITY_FILL_STYLES[sev] } : undefined,
    );
  }
  finishSheet(sheet, sheet.rows, CATALOGUE_HEADERS.length);
}

/** Every sheet, in the contract's order, each written out as it is completed. */
async function fillWorkbook(
  wb: ExcelJS.Workbook,
  input: WorkbookInput,
  pause: Pause,
): Promise<void> {
  wb.creator = OUTPUT_CREATOR;
  wb.title = '政府信息公开工作年度报告审查结果';
  // Marks the file as the tool's own output, so a later audit of the same folder skips it.
  wb.keywords = OUTPUT_MARKER;
  // The catalogue is read at export time: rules are added over time and must never be listed by hand.
  const rules = catalogue();
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const entries = [...input.reports].sort((a, b) => compareReports(a.model, b.model));
  // 文件 shows the name relative to the folder all inputs share, not the path as typed.
  const { names, folder } = shortFileNames([
    ...entries.map((e) => e.model.file),
    ...(input.failures ?? []).map((f) => f.file),
    ...listedSkipped(input).map((f) => f.file),
  ]);
  await addSummary(wb, entries, input, names, folder, pause);
  await addFindings(wb, entries, input, titles, names, pause);
  await addData(wb, entries, names, input.workspace, pause);
  addCatalogue(wb, rules);
  if (input.workspace) {
    const late = lateReports(new Map(entries.map((e) => [e.model.id, e.findings])));
    await addCoverage(
      wb,
      input.workspace,
      new Map(entries.map((e) => [e.model.id, e.model])),
      late,
      pause,
    );
  }
  // After the four contract sheets (cli-contract.md); 数据's rows are `entries` in this order.
  await addIndicatorSheet(
    wb,
    entries.map((e) => e.model),
    pause,
    input.aliases,
    input.workspace,
  );
}

/**
 * The workbook streamed into `out` (exceljs's streaming writer: rows are written as they are
 * added, so memory holds one row of cells, not the batch's). Resolves when all is written; on a
 * failure `out` is destroyed with the error, so a reader of it stops too.
 */
async function streamWorkbook(input: WorkbookInput, out: PassThrough): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Shared strings keep the package what it was (xl/sharedStrings.xml) and the file small.
    useSharedStrings: true,
  });
  // Between batches of rows: let the bytes drain, and stop when nobody takes them any more.
  const pause: Pause = async () => {
    await drain();
    if (out.destroyed) throw new Error('workbook output closed');
  };
  try {
    await fillWorkbook(wb, input, pause);
    await wb.commit();
  } catch (err) {
    out.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}

/** The workbook as bytes, for the desktop app (which saves through its own dialog). */
export async function auditWorkbookBuffer(input: WorkbookInput): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await Promise.all([streamWorkbook(input, out), ended]);
  return Buffer.concat(chunks);
}

/** The workbook read back into an in-memory exceljs Workbook (tests, benchmarks). */
export async function buildAuditWorkbook(input: WorkbookInput): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.read(Readable.from([await auditWorkbookBuffer(input)]));
  return wb;
}

/**
 * Writes the workbook to `target` atomically, streamed into the temporary file that is then
 * renamed over the target. Throws an Error with a Chinese message (SaveError) when the file cannot
 * be written, e.g. because Excel holds it open; the old file is then untouched.
 */
export async function writeAuditWorkbook(
  target: string,
  input: WorkbookInput,
  hooks?: SaveHooks,
): Promise<void> {
  const out = new PassThrough();
  const written = streamWorkbook(input, out);
  try {
    await saveFileAtomic(target, out, hooks);
  } catch (err) {
    // The file could not be written: stop producing it (the writer stops at its next pause; its
    // own error is this one).
    out.destroy();
    written.catch(() => undefined);
    throw err;
  }
  await written;
}
