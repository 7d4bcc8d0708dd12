/**
 * The workbook's 数据 sheet (cli-contract.md): one row per report with every table cell, and one
 * 合计 row per year (SUMIFS formulas over that year's current versions).
 */
import type ExcelJS from 'exceljs';
import type { ReportModel, WorkspaceView } from '../model/types';
import { DATA_LEAD_HEADERS, colLetter, dataColumns } from './data-columns';
import {
  DRAIN_EVERY,
  SHEET_NAMES,
  THIN,
  addRow,
  addSheet,
  finishSheet,
  type CellStyle,
  type Pause,
} from './sheet';
import type { WorkbookInput } from './types';

/** 版本 of a report row: the version its submission uses, another version, or a copy of one. */
export const VERSION_LABELS = {
  current: '当前版本',
  other: '其他版本',
  duplicate: '重复文件',
} as const;
/** Label of the closing row of 数据. */
export const DATA_TOTAL_LABEL = '合计';
/** The cells of a 合计 row, over their column's style (a shared style: see sheet.ts). */
const TOTAL_STYLE: CellStyle = Object.freeze({ font: { bold: true }, border: { top: THIN } });
/** Figures per printed page of 数据 (beside the repeated 单位 and 年度), at a readable scale. */
const DATA_COLUMNS_PER_PAGE = 16;

type Entry = WorkbookInput['reports'][number];

export function versionLabel(ws: WorkspaceView | undefined, model: ReportModel): string {
  const p = ws?.placements[model.id];
  if (!p || p.current) return VERSION_LABELS.current;
  return p.duplicateOf ? VERSION_LABELS.duplicate : VERSION_LABELS.other;
}

/**
 * One row per report; the 当前版本 column says which rows the totals count. One 合计 row per year
 * sums that year's current versions (SUMIFS on 年度 and 当前版本), never across years or over
 * duplicates and superseded versions; rows the office adds inside the range are counted too.
 */
export async function addData(
  wb: ExcelJS.Workbook,
  entries: readonly Entry[],
  names: ReadonlyMap<string, string>,
  workspace: WorkspaceView | undefined,
  pause: Pause,
): Promise<void> {
  const cols = dataColumns();
  const sheet = addSheet(
    wb,
    SHEET_NAMES[2],
    [
      { header: '单位', width: 20, wrap: true },
      { header: '年度', width: 6, center: true },
      { header: '文件', width: 20, wrap: true },
      { header: '当前版本', width: 8, center: true },
      // General format: a fractional count (an invalid value a rule reports) must show as written, not rounded.
      ...cols.map((c) => ({ header: c.header, width: 10 })),
    ],
    {
      fitWidth: false,
      freezeColumns: 3,
      fitRows: false,
      // Headers name table, row and column: narrow columns, so give them room to wrap.
      headerHeight: 96,
      // ~200 columns: one page wide would shrink to nothing, three to a page ran to 72 pages. Each
      // printed page repeats 单位 and 年度 (the file name is on screen, not needed on paper) and
      // holds about DATA_COLUMNS_PER_PAGE figures, scaled to fit.
      pageSetup: {
        fitToPage: true,
        fitToWidth: Math.max(1, Math.ceil(cols.length / DATA_COLUMNS_PER_PAGE)),
        fitToHeight: 0,
        printTitlesColumn: 'A:B',
      },
    },
  );
  const lead = DATA_LEAD_HEADERS.length;
  const sums = new Map<number, number[]>();
  for (const [i, { model }] of entries.entries()) {
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
    cols.forEach((c, k) => {
      // Only real numbers are written: a blank, a blank marker, text or a missing table stays blank, never 0.
      const v = c.cell(model)?.value ?? null;
      values.push(v);
      if (v !== null && yearSums) yearSums[k] = (yearSums[k] ?? 0) + v;
    });
    if (model.year !== null && yearSums) sums.set(model.year, yearSums);
    addRow(sheet, values);
    if (i % DRAIN_EVERY === DRAIN_EVERY - 1) await pause();
  }
  const lastData = Math.max(2, sheet.rows);
  const years = [
    ...new Set(entries.flatMap((e) => (e.model.year === null ? [] : [e.model.year]))),
  ].sort((a, b) => a - b);
  // 合计 rows: every cell bold under a rule.
  const boldTop: Record<number, CellStyle> = {};
  for (let col = 1; col <= lead + cols.length; col++) boldTop[col] = TOTAL_STYLE;
  // Nothing to sum: the closing row is still there, without a formula that would refer to itself.
  if (years.length === 0) addRow(sheet, [DATA_TOTAL_LABEL], boldTop);
  for (const year of years) {
    const yearSums = sums.get(year) ?? [];
    const totals: ExcelJS.CellValue[] = [
      `${DATA_TOTAL_LABEL}（${year} 年度，当前版本）`,
      year,
      null,
      '是',
    ];
    cols.forEach((_, k) => {
      const letter = colLetter(lead + k + 1);
      // A formula, not a number, so rows the office adds inside the range are counted too. The cached
      // result lets viewers that do not recalculate still show the total.
      totals.push({
        formula: `SUMIFS(${letter}$2:${letter}$${lastData},$B$2:$B$${lastData},${year},$D$2:$D$${lastData},"是")`,
        result: Math.round((yearSums[k] ?? 0) * 1e6) / 1e6,
      });
    });
    addRow(sheet, totals, boldTop);
  }
  // The filter covers the report rows only, so sorting never moves the 合计 rows.
  finishSheet(sheet, sheet.rows - Math.max(1, years.length), lead + cols.length);
}
