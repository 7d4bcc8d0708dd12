/**
 * The findings workbook (cli-contract.md, "Excel workbook"), a public contract: sheets 汇总, 问题清单,
 * 数据, 规则说明 in that order, with the Chinese names and columns of the contract. Office staff
 * print it, filter it and add their own rows, so every sheet gets a frozen header, a filter,
 * readable widths and an A4-landscape print setup that repeats the header on every page.
 */
import ExcelJS from 'exceljs';
import {
  SEVERITY_LABELS,
  SEVERITY_RANK,
  isSeverity,
  SUBMISSION_STATUS_LABELS,
  TEMPLATE_LABELS,
  UNAUDITED_LABELS,
  UNIT_KIND_LABELS,
  VERSION_DIFF_LABELS,
  OUTPUT_MARKER,
  OUTPUT_CREATOR,
} from '../model/glossary';
import type { SubmissionStatus } from '../model/glossary';
import { findingFingerprint } from '../model/fingerprint';
import type { Finding, ReportModel, Severity, WorkspaceView } from '../model/types';
import { coverageRows, lateReports } from '../workspace/submissions';
import { compareVersions } from '../workspace/versions';
import { catalogue, ruleById } from '../rules/registry';
import { DATA_LEAD_HEADERS, colLetter, dataColumns } from './data-columns';
import { addIndicatorSheet } from './indicator-sheet';
import { describeLocation } from './location';
import { shortFileNames } from './short-names';
import { shownValues } from './values';
import type { SaveHooks } from '../store/atomic';
import { saveFileAtomic } from './save';
import {
  REVIEW_STATUS_LABELS,
  type ReviewDecision,
  type ReviewStatus,
  type WorkbookInput,
} from './types';

export const SHEET_NAMES = ['汇总', '问题清单', '数据', '规则说明'] as const;
/** Sheets after the four of the contract, in this order, where they apply. */
export const COVERAGE_SHEET = '报送情况';

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
export const FINDING_HEADERS = [
  '单位',
  '年度',
  '文件',
  '规则编号',
  '规则名称',
  '严重程度',
  '说明',
  '位置',
  '期望值',
  '实际值',
  '原文',
  '审查状态',
  '备注',
  '版本',
  '整改情况',
] as const;
export { DATA_LEAD_HEADERS } from './data-columns';
/** 版本 of a report row: the version its submission uses, another version, or a copy of one. */
export const VERSION_LABELS = {
  current: '当前版本',
  other: '其他版本',
  duplicate: '重复文件',
} as const;
export const CATALOGUE_HEADERS = ['规则编号', '规则名称', '严重程度', '说明'] as const;
/** Label of the closing row of 数据. */
export const DATA_TOTAL_LABEL = '合计';

/** Figures per printed page of 数据 (beside the repeated 单位 and 年度), at a readable scale. */
const DATA_COLUMNS_PER_PAGE = 16;

/** ARGB colours close to Excel's own "Bad / Neutral / Note" styles, so they read as usual. */
const SEVERITY_STYLE: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  info: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
};

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9D9D9' },
};
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };

const severityFills = Object.fromEntries(
  (Object.keys(SEVERITY_STYLE) as Severity[]).map((s) => [
    s,
    {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: SEVERITY_STYLE[s].fill },
    } satisfies ExcelJS.Fill,
  ]),
) as Record<Severity, ExcelJS.Fill>;

interface ColumnSpec {
  header: string;
  width: number;
  wrap?: boolean;
  center?: boolean;
}

/** Shared polish: header row, widths, wrapping, frozen header, print setup. */
function setUpSheet(
  ws: ExcelJS.Worksheet,
  specs: readonly ColumnSpec[],
  opts: { freezeColumns?: number; fitWidth: boolean },
): void {
  ws.columns = specs.map((s) => ({
    header: s.header,
    width: s.width,
    style: {
      alignment: {
        vertical: 'top',
        wrapText: s.wrap ?? false,
        ...(s.center ? { horizontal: 'center' } : {}),
      },
    },
  }));
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: THIN };
  });
  ws.views = [
    {
      state: 'frozen',
      xSplit: opts.freezeColumns ?? 0,
      ySplit: 1,
      topLeftCell: opts.freezeColumns ? `${colLetter(opts.freezeColumns + 1)}2` : 'A2',
      activeCell: 'A2',
    },
  ];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    // Narrow sheets fit one page wide; 数据 has ~200 columns and would shrink to nothing, so it tiles.
    ...(opts.fitWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false }),
    printTitlesRow: '1:1',
    ...(opts.freezeColumns ? { printTitlesColumn: `A:${colLetter(opts.freezeColumns)}` } : {}),
    horizontalCentered: false,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&L${ws.name}&R第 &P 页，共 &N 页` };
}

/** Points per printed line of 11-pt text (CJK glyphs need a little more than Latin ones). */
const LINE_HEIGHT_PT = 16;
/** Excel's largest row height. */
const MAX_ROW_HEIGHT_PT = 409;

/** Display width in Excel column units: a CJK or full-width character takes about two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/**
 * Sets each data row's height from its wrapped cells' text and column widths. Neither Excel nor
 * LibreOffice reliably grows a row to fit wrapped text on opening a generated file, so without
 * this a long 说明 prints as one clipped line over the next row.
 */
function fitRowHeights(ws: ExcelJS.Worksheet): void {
  const widths: number[] = [];
  ws.columns.forEach((c, i) => {
    widths[i + 1] = Math.max(1, (c.width ?? 10) - 1);
  });
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell((cell, col) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
      const width = widths[col] ?? 9;
      const n = cell.value
        .split('\n')
        .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
      lines = Math.max(lines, n);
    });
    if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT + 4);
  }
}

function setAutoFilter(ws: ExcelJS.Worksheet, lastRow: number, columns: number): void {
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, lastRow), column: columns },
  };
}

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

function decisionOf(
  decisions: WorkbookInput['decisions'],
  model: ReportModel,
  f: Finding,
): ReviewDecision | undefined {
  return decisions?.get(findingFingerprint(model, f));
}

/** 汇总's 审查状态: 无问题 / 待审查 / 审查中（decided/total） / 已完成. */
export function reviewProgress(statuses: readonly ReviewStatus[]): string {
  if (statuses.length === 0) return '无问题';
  const decided = statuses.filter((s) => s !== 'pending').length;
  if (decided === 0) return REVIEW_STATUS_LABELS.pending;
  if (decided === statuses.length) return '已完成';
  return `审查中（${decided}/${statuses.length}）`;
}

type Entry = WorkbookInput['reports'][number];

/** Excel refuses (and "repairs") cells longer than 32,767 characters; a pasted note or a long quote must not break the file. */
const MAX_CELL_TEXT = 32_767;
export function cellText(s: string | null | undefined): string | null {
  if (!s) return null;
  return s.length <= MAX_CELL_TEXT ? s : `${s.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/** Skipped files worth an office's attention: not clutter, not the tool's own outputs (see WorkbookInput). */
function listedSkipped(input: WorkbookInput): NonNullable<WorkbookInput['skipped']> {
  return (input.skipped ?? []).filter((s) => s.reason !== 'clutter' && s.reason !== 'own-output');
}

function addSummary(
  wb: ExcelJS.Workbook,
  entries: readonly Entry[],
  input: WorkbookInput,
  names: ReadonlyMap<string, string>,
): void {
  const ws = wb.addWorksheet(SHEET_NAMES[0]);
  setUpSheet(
    ws,
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
    { fitWidth: true },
  );
  for (const { model, findings } of entries) {
    const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
    const statuses = findings.map(
      (f) => decisionOf(input.decisions, model, f)?.status ?? 'pending',
    );
    const row = ws.addRow([
      model.agency,
      model.year,
      names.get(model.file) ?? model.file,
      TEMPLATE_LABELS[model.template],
      count('error'),
      count('warning'),
      count('info'),
      reviewProgress(statuses),
    ]);
    // Colour the counts that matter, so the reports needing work stand out in the overview.
    (['error', 'warning'] as const).forEach((s, i) => {
      if (count(s) > 0) row.getCell(5 + i).fill = severityFills[s];
    });
  }
  // Files not audited: their state in 审查状态 (short, filterable), the reason in the wide 说明.
  const unaudited = [
    ...(input.failures ?? []).map((f) => ({
      file: f.file,
      state: UNAUDITED_LABELS.failed,
      message: f.message,
      fill: severityFills.error,
    })),
    ...listedSkipped(input).map((f) => ({
      file: f.file,
      state: UNAUDITED_LABELS.skipped,
      message: f.message,
      fill: severityFills.warning,
    })),
  ];
  for (const u of unaudited) {
    const row = ws.addRow([
      null,
      null,
      names.get(u.file) ?? u.file,
      null,
      null,
      null,
      null,
      u.state,
      cellText(u.message),
    ]);
    row.getCell(8).fill = u.fill;
  }
  fitRowHeights(ws);
  setAutoFilter(ws, ws.rowCount, SUMMARY_HEADERS.length);
}

function addFindings(
  wb: ExcelJS.Workbook,
  entries: readonly Entry[],
  input: WorkbookInput,
  titles: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): void {
  const ws = wb.addWorksheet(SHEET_NAMES[1]);
  setUpSheet(
    ws,
    [
      { header: '单位', width: 22, wrap: true },
      { header: '年度', width: 7, center: true },
      { header: '文件', width: 24, wrap: true },
      { header: '规则编号', width: 22, wrap: true },
      { header: '规则名称', width: 20, wrap: true },
      { header: '严重程度', width: 9, center: true },
      { header: '说明', width: 56, wrap: true },
      { header: '位置', width: 28, wrap: true },
      // Wide enough for 「按上年推算 12 件」; plain numbers of table checks stay numbers.
      { header: '期望值', width: 12, wrap: true },
      { header: '实际值', width: 12, wrap: true },
      { header: '原文', width: 36, wrap: true },
      { header: '审查状态', width: 10, center: true },
      { header: '备注', width: 24, wrap: true },
      { header: '版本', width: 10, center: true },
      { header: '整改情况', width: 10, center: true },
    ],
    { fitWidth: true },
  );
  const ws2 = input.workspace;
  const diffs = ws2
    ? compareVersions(
        ws2.submissions,
        new Map(entries.map((e) => [e.model.id, e.model])),
        new Map(entries.map((e) => [e.model.id, e.findings])),
      )
    : new Map<string, never>();
  const findingIndex = new Map<Finding, number>();
  entries.forEach(({ findings }) => findings.forEach((f, i) => findingIndex.set(f, i)));
  const rows: { model: ReportModel; finding: Finding; order: number }[] = [];
  entries.forEach(({ model, findings }) =>
    findings.forEach((finding) => rows.push({ model, finding, order: rows.length })),
  );
  // Entries are already in report order; a stable sort by that order keeps one report's rows together.
  const reportOrder = new Map(entries.map((e, i) => [e.model, i]));
  rows.sort(
    (a, b) =>
      (reportOrder.get(a.model) ?? 0) - (reportOrder.get(b.model) ?? 0) ||
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      a.order - b.order,
  );
  for (const { model, finding: f } of rows) {
    const decision = decisionOf(input.decisions, model, f);
    const values = shownValues(f, ruleById(f.ruleId)?.meta.values);
    const row = ws.addRow([
      model.agency,
      model.year,
      names.get(model.file) ?? model.file,
      f.ruleId,
      titles.get(f.ruleId) ?? f.ruleId,
      SEVERITY_LABELS[f.severity],
      cellText(f.message),
      cellText(describeLocation(f, model)),
      values.expected,
      values.actual,
      // Empty text stays an empty cell (null), so Excel's filter offers （空白） rather than a blank string.
      cellText(f.quote),
      REVIEW_STATUS_LABELS[decision?.status ?? 'pending'],
      cellText(decision?.note),
      versionLabel(input.workspace, model),
      ((): string | null => {
        const d = diffs.get(model.id)?.status.get(model.id)?.[findingIndex.get(f) ?? -1];
        return d ? VERSION_DIFF_LABELS[d] : null;
      })(),
    ]);
    const sev = row.getCell(6);
    sev.fill = severityFills[f.severity];
    sev.font = { color: { argb: SEVERITY_STYLE[f.severity].font }, bold: f.severity === 'error' };
  }
  fitRowHeights(ws);
  setAutoFilter(ws, ws.rowCount, FINDING_HEADERS.length);
}

function versionLabel(ws: WorkspaceView | undefined, model: ReportModel): string {
  const p = ws?.placements[model.id];
  if (!p || p.current) return VERSION_LABELS.current;
  return p.duplicateOf ? VERSION_LABELS.duplicate : VERSION_LABELS.other;
}

/**
 * One row per report; the 当前版本 column says which rows the totals count. One 合计 row per year
 * sums that year's current versions (SUMIFS on 年度 and 当前版本), never across years or over
 * duplicates and superseded versions; rows the office adds inside the range are counted too.
 */
function addData(
  wb: ExcelJS.Workbook,
  entries: readonly Entry[],
  names: ReadonlyMap<string, string>,
  workspace: WorkspaceView | undefined,
): void {
  const ws = wb.addWorksheet(SHEET_NAMES[2]);
  const cols = dataColumns();
  setUpSheet(
    ws,
    [
      { header: '单位', width: 20, wrap: true },
      { header: '年度', width: 6, center: true },
      { header: '文件', width: 20, wrap: true },
      { header: '当前版本', width: 8, center: true },
      // General format: a fractional count (an invalid value a rule reports) must show as written, not rounded.
      ...cols.map((c) => ({ header: c.header, width: 10 })),
    ],
    { fitWidth: false, freezeColumns: 3 },
  );
  // Headers name table, row and column: narrow columns, so give them room to wrap.
  ws.getRow(1).height = 96;
  // ~200 columns: one page wide would shrink to nothing, three to a page ran to 72 pages. Each printed
  // page repeats 单位 and 年度 (the file name is on screen, not needed on paper) and holds about
  // DATA_COLUMNS_PER_PAGE figures, scaled to fit.
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = Math.max(1, Math.ceil(cols.length / DATA_COLUMNS_PER_PAGE));
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.printTitlesColumn = 'A:B';
  const lead = DATA_LEAD_HEADERS.length;
  const sums = new Map<number, number[]>();
  for (const { model } of entries) {
    const current = versionLabel(workspace, model) === VERSION_LABELS.current;
    const values: (string | number | null)[] = [
      model.agency,
      model.year,
      names.get(model.file) ?? model.file,
      current ? '是' : '否',
    ];
    const yearSums =
      model.year !== null && current
        ? (sums.get(model.year) ?? new Array<number>(cols.length).fill(0))
        : null;
    cols.forEach((c, i) => {
      // Only real numbers are written: a blank, a blank marker, text or a missing table stays blank, never 0.
      const v = c.cell(model)?.value ?? null;
      values.push(v);
      if (v !== null && yearSums) yearSums[i] = (yearSums[i] ?? 0) + v;
    });
    if (model.year !== null && yearSums) sums.set(model.year, yearSums);
    ws.addRow(values);
  }
  const lastData = Math.max(2, ws.rowCount);
  const years = [
    ...new Set(entries.flatMap((e) => (e.model.year === null ? [] : [e.model.year]))),
  ].sort((a, b) => a - b);
  if (years.length === 0) {
    // Nothing to sum: the closing row is still there, without a formula that would refer to itself.
    ws.addRow([DATA_TOTAL_LABEL]).eachCell((cell) => {
      cell.font = { bold: true };
      cell.border = { top: THIN };
    });
  }
  for (const year of years) {
    const total = ws.addRow([`${DATA_TOTAL_LABEL}（${year} 年度，当前版本）`, year, null, '是']);
    const yearSums = sums.get(year) ?? [];
    cols.forEach((_, i) => {
      const letter = colLetter(lead + i + 1);
      // A formula, not a number, so rows the office adds inside the range are counted too. The cached
      // result lets viewers that do not recalculate still show the total.
      total.getCell(lead + i + 1).value = {
        formula: `SUMIFS(${letter}$2:${letter}$${lastData},$B$2:$B$${lastData},${year},$D$2:$D$${lastData},"是")`,
        result: Math.round((yearSums[i] ?? 0) * 1e6) / 1e6,
      };
    });
    total.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { bold: true };
      cell.border = { top: THIN };
    });
  }
  // The filter covers the report rows only, so sorting never moves the 合计 rows.
  setAutoFilter(ws, ws.rowCount - Math.max(1, years.length), lead + cols.length);
}

/** 报送情况: one row per unit, per year its standing and the file the audit used. */
function addCoverage(
  wb: ExcelJS.Workbook,
  view: WorkspaceView,
  models: ReadonlyMap<string, ReportModel>,
  late: ReadonlySet<string>,
): void {
  const ws = wb.addWorksheet(COVERAGE_SHEET);
  const years = view.coverage.map((c) => c.year);
  setUpSheet(
    ws,
    [
      { header: '单位', width: 30, wrap: true },
      { header: '类别', width: 10, center: true },
      { header: '上级单位', width: 18, wrap: true },
      ...years.flatMap((y) => [
        { header: `${y} 年度`, width: 9, center: true },
        { header: `${y} 年度采用的文件`, width: 36, wrap: true },
      ]),
    ],
    { fitWidth: true, freezeColumns: 1 },
  );
  const fileName = (id: string) => (models.get(id)?.file ?? '').split(/[\\/]/).pop() ?? '';
  const statusFill: Partial<Record<SubmissionStatus, string>> = {
    late: 'FFFFEB9C',
    missing: 'FFFFC7CE',
    notOnRoster: 'FFDDEBF7',
  };
  for (const u of coverageRows(view, late)) {
    const row = ws.addRow([
      u.name,
      u.kind ? UNIT_KIND_LABELS[u.kind] : '',
      u.parent,
      ...u.cells.flatMap((c) => [
        c.status ? SUBMISSION_STATUS_LABELS[c.status] : '—',
        c.submission ? fileName(c.submission.current) : null,
      ]),
    ]);
    u.cells.forEach((c, i) => {
      const fill = c.status ? statusFill[c.status] : undefined;
      if (fill)
        row.getCell(4 + i * 2).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: fill },
        };
    });
  }
  const lastUnitRow = ws.rowCount;
  ws.addRow([]);
  for (const c of view.coverage) {
    ws.addRow([
      `${c.year} 年度：应报 ${c.expected}，已报 ${c.submitted}（按时 ${c.onTime}，逾期 ${c.late}），未报 ${c.missing.length}，名单外 ${c.notOnRoster.length}`,
    ]);
  }
  ws.addRow([
    view.roster.inferred
      ? '说明：未提供单位名单，单位由报告推断（推断）：某单位自其最早一份报告的年度起应逐年报送。“逾期”指文中发布或落款日期晚于规定期限。'
      : `说明：应报单位取自名单${view.roster.source ? `「${view.roster.source.split(/[\\/]/).pop() ?? ''}」` : ''}。“逾期”指文中发布或落款日期晚于规定期限。`,
  ]);
  fitRowHeights(ws);
  setAutoFilter(ws, lastUnitRow, 3 + years.length * 2);
}

function addCatalogue(wb: ExcelJS.Workbook, rules: ReturnType<typeof catalogue>): void {
  const ws = wb.addWorksheet(SHEET_NAMES[3]);
  setUpSheet(
    ws,
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
    const row = ws.addRow([r.id, r.title, sev ? SEVERITY_LABELS[sev] : r.severity, r.description]);
    if (sev) row.getCell(3).fill = severityFills[sev];
  }
  fitRowHeights(ws);
  setAutoFilter(ws, ws.rowCount, CATALOGUE_HEADERS.length);
}

export async function buildAuditWorkbook(input: WorkbookInput): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = OUTPUT_CREATOR;
  wb.title = '政府信息公开工作年度报告审查结果';
  // Marks the file as the tool's own output, so a later audit of the same folder skips it.
  wb.keywords = OUTPUT_MARKER;
  // Excel recomputes the 合计 formulas on open, whatever cached results we wrote.
  wb.calcProperties = { fullCalcOnLoad: true };
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
  addSummary(wb, entries, input, names);
  // Where the files are, once, on the printed 汇总 (「&」 is a code in Excel's header strings).
  const summary = wb.getWorksheet(SHEET_NAMES[0]);
  if (summary && folder)
    summary.headerFooter.oddHeader = `&L文件所在文件夹：${folder.replace(/&/g, '&&')}`;
  addFindings(wb, entries, input, titles, names);
  addData(wb, entries, names, input.workspace);
  addCatalogue(wb, rules);
  if (input.workspace) {
    const late = lateReports(new Map(entries.map((e) => [e.model.id, e.findings])));
    addCoverage(wb, input.workspace, new Map(entries.map((e) => [e.model.id, e.model])), late);
  }
  // After the four contract sheets (cli-contract.md); 数据's rows are `entries` in this order.
  addIndicatorSheet(
    wb,
    entries.map((e) => e.model),
    input.aliases,
    input.workspace,
  );
  return wb;
}

/** The workbook as bytes, for the desktop app (which saves through its own dialog). */
export async function auditWorkbookBuffer(input: WorkbookInput): Promise<Buffer> {
  const wb = await buildAuditWorkbook(input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Writes the workbook to `target` atomically. Throws an Error with a Chinese message (SaveError)
 * when the file cannot be written, e.g. because Excel holds it open; the old file is then untouched.
 */
export async function writeAuditWorkbook(
  target: string,
  input: WorkbookInput,
  hooks?: SaveHooks,
): Promise<void> {
  const data = await auditWorkbookBuffer(input);
  await saveFileAtomic(target, data, hooks);
}
