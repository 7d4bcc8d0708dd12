/**
 * What every sheet of the findings workbook shares (workbook.ts): colours, the header row, widths,
 * wrapping, a frozen header, A4-landscape print setup repeating the header, row heights fitted to
 * wrapped text, and rows committed as they are added.
 *
 * The workbook is written by exceljs's streaming writer (issue 12: memory bounded by the largest
 * report, not the batch), so a sheet's views, page setup and header/footer are given when it is
 * created, and each row is complete — values, styles, height — when it is added: it is committed
 * (written out) at once.
 */
import type ExcelJS from 'exceljs';
import type { Severity } from '../model/types';
import { colLetter } from './data-columns';

/** The contract's four sheets, in this order (cli-contract.md). */
export const SHEET_NAMES = ['汇总', '问题清单', '数据', '规则说明'] as const;

/** ARGB colours close to Excel's own "Bad / Neutral / Note" styles, so they read as usual. */
export const SEVERITY_STYLE: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  info: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
};

export const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9D9D9' },
};
export const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };

/** A solid fill of one ARGB colour. */
export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const severityFills: Record<Severity, ExcelJS.Fill> = {
  error: solidFill(SEVERITY_STYLE.error.fill),
  warning: solidFill(SEVERITY_STYLE.warning.fill),
  info: solidFill(SEVERITY_STYLE.info.fill),
};

export interface ColumnSpec {
  header: string;
  width: number;
  wrap?: boolean;
  center?: boolean;
}

export interface SheetOptions {
  freezeColumns?: number;
  /** Narrow sheets fit one page wide; 数据 (~200 columns) tiles instead (see `pageSetup`). */
  fitWidth: boolean;
  /** Page setup beyond the shared one (数据's tiling). */
  pageSetup?: Partial<ExcelJS.PageSetup>;
  /** Printed page header (汇总: the folder of the files). */
  oddHeader?: string;
  /** Height of the header row (points). */
  headerHeight?: number;
  /** Fit each row's height to its wrapped text (default true; 数据 keeps Excel's height). */
  fitRows?: boolean;
}

/** A sheet of the workbook: its columns' widths (for row heights) and the sheet itself. */
export interface Sheet {
  ws: ExcelJS.Worksheet;
  /** Usable text width of each column (1-based), in Excel column units. */
  widths: number[];
  /** Rows written so far, header included. */
  rows: number;
  fitRows: boolean;
}

/** Adds a sheet with the shared polish: header row, widths, wrapping, frozen header, print setup. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  specs: readonly ColumnSpec[],
  opts: SheetOptions,
): Sheet {
  const ws = wb.addWorksheet(name, {
    views: [
      {
        state: 'frozen',
        xSplit: opts.freezeColumns ?? 0,
        ySplit: 1,
        topLeftCell: opts.freezeColumns ? `${colLetter(opts.freezeColumns + 1)}2` : 'A2',
        activeCell: 'A2',
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      ...(opts.fitWidth
        ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
        : { fitToPage: false }),
      printTitlesRow: '1:1',
      ...(opts.freezeColumns ? { printTitlesColumn: `A:${colLetter(opts.freezeColumns)}` } : {}),
      horizontalCentered: false,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...opts.pageSetup,
    },
    headerFooter: {
      oddFooter: `&L${name}&R第 &P 页，共 &N 页`,
      ...(opts.oddHeader !== undefined ? { oddHeader: opts.oddHeader } : {}),
    },
  });
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
  if (opts.headerHeight !== undefined) header.height = opts.headerHeight;
  header.commit();
  const widths: number[] = [];
  specs.forEach((s, i) => {
    widths[i + 1] = Math.max(1, s.width - 1);
  });
  return { ws, widths, rows: 1, fitRows: opts.fitRows ?? true };
}

/**
 * Adds a row of `values`, lets `style` style it, fits its height to its wrapped text and commits
 * it: the row is final once this returns.
 */
export function addRow(
  sheet: Sheet,
  values: readonly ExcelJS.CellValue[],
  style?: (row: ExcelJS.Row) => void,
): void {
  const row = sheet.ws.addRow([...values]);
  style?.(row);
  if (sheet.fitRows) fitRowHeight(row, sheet.widths);
  row.commit();
  sheet.rows++;
}

/** Points per printed line of 11-pt text (CJK glyphs need a little more than Latin ones). */
const LINE_HEIGHT_PT = 16;
/** Excel's largest row height. */
const MAX_ROW_HEIGHT_PT = 409;
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width in Excel column units: a CJK or full-width character takes about two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/**
 * Sets a row's height from its wrapped cells' text and column widths. Neither Excel nor
 * LibreOffice reliably grows a row to fit wrapped text on opening a generated file, so without
 * this a long 说明 prints as one clipped line over the next row.
 */
function fitRowHeight(row: ExcelJS.Row, widths: readonly number[]): void {
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

/** The filter over rows 1…lastRow; then the sheet is complete and written out. */
export function finishSheet(sheet: Sheet, lastRow: number, columns: number): void {
  sheet.ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, lastRow), column: columns },
  };
  sheet.ws.commit();
}

/** Excel refuses (and "repairs") cells longer than 32,767 characters; a pasted note or a long quote must not break the file. */
const MAX_CELL_TEXT = 32_767;
export function cellText(s: string | null | undefined): string | null {
  if (!s) return null;
  return s.length <= MAX_CELL_TEXT ? s : `${s.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/** Rows between two pauses that let the streamed bytes drain. */
export const DRAIN_EVERY = 200;
/** A pause between batches of rows (drain, and stop when the output is gone). */
export type Pause = () => Promise<void>;

/** Lets the streamed bytes drain (every few hundred rows), so a sheet never waits whole in memory. */
export function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
