/**
 * The findings workbook (cli-contract.md, "Excel workbook"), a public contract: sheets 汇总, 问题清单,
 * 数据, 规则说明 in that order, with the Chinese names and columns of the contract. Office staff
 * print it, filter it and add their own rows, so every sheet gets a frozen header, a filter,
 * readable widths and an A4-landscape print setup that repeats the header on every page.
 */
import ExcelJS from 'exceljs';
import { SEVERITY_LABELS, TEMPLATE_LABELS } from '../model/glossary';
import { findingFingerprint } from '../model/fingerprint';
import type { Finding, ReportModel, Severity } from '../model/types';
import { catalogue } from '../rules/registry';
import { dataColumns } from './data-columns';
import { addIndicatorSheet } from './indicator-sheet';
import { describeLocation } from './location';
import { saveFileAtomic, type SaveFs } from './save';
import { REVIEW_STATUS_LABELS, type ReviewDecision, type ReviewStatus, type WorkbookInput } from './types';

export const SHEET_NAMES = ['汇总', '问题清单', '数据', '规则说明'] as const;

export const SUMMARY_HEADERS = ['单位', '年度', '文件', '模板', '错误', '警告', '提示', '审查状态'] as const;
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
] as const;
/** The 数据 sheet opens with these, then one column per table cell (dataColumns()). */
export const DATA_LEAD_HEADERS = ['单位', '年度', '文件'] as const;
export const CATALOGUE_HEADERS = ['规则编号', '规则名称', '严重程度', '说明'] as const;
/** 模板 of a file that could not be read (汇总). */
export const UNREADABLE_LABEL = '无法读取';
/** Label of the closing row of 数据. */
export const DATA_TOTAL_LABEL = '合计';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** ARGB colours close to Excel's own "Bad / Neutral / Note" styles, so they read as usual. */
const SEVERITY_STYLE: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  info: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };

const severityFills = Object.fromEntries(
  (Object.keys(SEVERITY_STYLE) as Severity[]).map((s) => [
    s,
    { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_STYLE[s].fill } } satisfies ExcelJS.Fill,
  ]),
) as Record<Severity, ExcelJS.Fill>;

function isSeverity(s: string): s is Severity {
  return s === 'error' || s === 'warning' || s === 'info';
}

interface ColumnSpec {
  header: string;
  width: number;
  wrap?: boolean;
  center?: boolean;
}

/** Shared polish: header row, widths, wrapping, frozen header, print setup. */
function setUpSheet(ws: ExcelJS.Worksheet, specs: readonly ColumnSpec[], opts: { freezeColumns?: number; fitWidth: boolean }): void {
  ws.columns = specs.map((s) => ({
    header: s.header,
    width: s.width,
    style: { alignment: { vertical: 'top', wrapText: s.wrap ?? false, ...(s.center ? { horizontal: 'center' } : {}) } },
  }));
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: THIN };
  });
  ws.views = [{ state: 'frozen', xSplit: opts.freezeColumns ?? 0, ySplit: 1, topLeftCell: opts.freezeColumns ? `${colLetter(opts.freezeColumns + 1)}2` : 'A2', activeCell: 'A2' }];
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
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
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
      const n = cell.value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
      lines = Math.max(lines, n);
    });
    if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT + 4);
  }
}

function setAutoFilter(ws: ExcelJS.Worksheet, lastRow: number, columns: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, lastRow), column: columns } };
}

/** A1-style column letters (1 → A, 27 → AA). */
export function colLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

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

function decisionOf(decisions: WorkbookInput['decisions'], model: ReportModel, f: Finding): ReviewDecision | undefined {
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

function addSummary(wb: ExcelJS.Workbook, entries: readonly Entry[], input: WorkbookInput): void {
  const ws = wb.addWorksheet(SHEET_NAMES[0]);
  setUpSheet(
    ws,
    [
      { header: '单位', width: 30, wrap: true },
      { header: '年度', width: 8, center: true },
      { header: '文件', width: 40, wrap: true },
      { header: '模板', width: 14 },
      { header: '错误', width: 8, center: true },
      { header: '警告', width: 8, center: true },
      { header: '提示', width: 8, center: true },
      { header: '审查状态', width: 16 },
    ],
    { fitWidth: true },
  );
  for (const { model, findings } of entries) {
    const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
    const statuses = findings.map((f) => decisionOf(input.decisions, model, f)?.status ?? 'pending');
    const row = ws.addRow([
      model.agency,
      model.year,
      model.file,
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
  for (const failure of input.failures ?? []) {
    const row = ws.addRow([null, null, failure.file, UNREADABLE_LABEL, null, null, null, cellText(failure.message)]);
    row.getCell(4).fill = severityFills.error;
    row.getCell(8).alignment = { vertical: 'top', wrapText: true };
  }
  fitRowHeights(ws);
  setAutoFilter(ws, ws.rowCount, SUMMARY_HEADERS.length);
}

function addFindings(wb: ExcelJS.Workbook, entries: readonly Entry[], input: WorkbookInput, titles: ReadonlyMap<string, string>): void {
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
      { header: '期望值', width: 9 },
      { header: '实际值', width: 9 },
      { header: '原文', width: 36, wrap: true },
      { header: '审查状态', width: 10, center: true },
      { header: '备注', width: 24, wrap: true },
    ],
    { fitWidth: true },
  );
  const rows: { model: ReportModel; finding: Finding; order: number }[] = [];
  entries.forEach(({ model, findings }) => findings.forEach((finding) => rows.push({ model, finding, order: rows.length })));
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
    const row = ws.addRow([
      model.agency,
      model.year,
      model.file,
      f.ruleId,
      titles.get(f.ruleId) ?? f.ruleId,
      SEVERITY_LABELS[f.severity],
      cellText(f.message),
      cellText(describeLocation(f, model)),
      f.expected ?? null,
      f.actual ?? null,
      // Empty text stays an empty cell (null), so Excel's filter offers （空白） rather than a blank string.
      cellText(f.quote),
      REVIEW_STATUS_LABELS[decision?.status ?? 'pending'],
      cellText(decision?.note),
    ]);
    const sev = row.getCell(6);
    sev.fill = severityFills[f.severity];
    sev.font = { color: { argb: SEVERITY_STYLE[f.severity].font }, bold: f.severity === 'error' };
  }
  fitRowHeights(ws);
  setAutoFilter(ws, ws.rowCount, FINDING_HEADERS.length);
}

function addData(wb: ExcelJS.Workbook, entries: readonly Entry[]): void {
  const ws = wb.addWorksheet(SHEET_NAMES[2]);
  const cols = dataColumns();
  setUpSheet(
    ws,
    [
      { header: '单位', width: 26, wrap: true },
      { header: '年度', width: 7, center: true },
      { header: '文件', width: 24, wrap: true },
      // General format: a fractional count (an invalid value a rule reports) must show as written, not rounded.
      ...cols.map((c) => ({ header: c.header, width: 14 })),
    ],
    { fitWidth: false, freezeColumns: 3 },
  );
  // Headers name table, row and column: give them room to wrap.
  ws.getRow(1).height = 72;
  const lead = DATA_LEAD_HEADERS.length;
  const sums = new Array<number>(cols.length).fill(0);
  for (const { model } of entries) {
    const values: (string | number | null)[] = [model.agency, model.year, model.file];
    cols.forEach((c, i) => {
      // Only real numbers are written: a blank, a blank marker, text or a missing table stays blank, never 0.
      const v = c.cell(model)?.value ?? null;
      values.push(v);
      if (v !== null) sums[i] = (sums[i] ?? 0) + v;
    });
    ws.addRow(values);
  }
  const lastData = ws.rowCount;
  const total = ws.addRow([DATA_TOTAL_LABEL]);
  if (entries.length > 0) {
    cols.forEach((_, i) => {
      const letter = colLetter(lead + i + 1);
      // A formula, not a number, so rows the office adds inside the range are counted too. The cached
      // result lets viewers that do not recalculate still show the total.
      total.getCell(lead + i + 1).value = { formula: `SUM(${letter}2:${letter}${lastData})`, result: Math.round((sums[i] ?? 0) * 1e6) / 1e6 };
    });
  }
  total.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { bold: true };
    cell.border = { top: THIN };
  });
  // The filter covers the report rows only, so sorting never moves the 合计 row.
  setAutoFilter(ws, lastData, lead + cols.length);
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
  wb.creator = '年报审查';
  wb.title = '政府信息公开工作年度报告审查结果';
  // Excel recomputes the 合计 formulas on open, whatever cached results we wrote.
  wb.calcProperties = { fullCalcOnLoad: true };
  // The catalogue is read at export time: rules are added over time and must never be listed by hand.
  const rules = catalogue();
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const entries = [...input.reports].sort((a, b) => compareReports(a.model, b.model));
  addSummary(wb, entries, input);
  addFindings(wb, entries, input, titles);
  addData(wb, entries);
  addCatalogue(wb, rules);
  // After the four contract sheets (cli-contract.md); 数据's rows are `entries` in this order.
  addIndicatorSheet(wb, entries.map((e) => e.model), input.aliases);
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
export async function writeAuditWorkbook(target: string, input: WorkbookInput, fs?: SaveFs): Promise<void> {
  const data = await auditWorkbookBuffer(input);
  await saveFileAtomic(target, data, fs);
}
