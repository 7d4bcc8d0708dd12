/**
 * What every sheet of the findings workbook shares (workbook.ts): colours, the header row, widths,
 * wrapping, a frozen header, A4-landscape print setup repeating the header, row heights fitted to
 * wrapped text, and rows committed as they are added.
 *
 * The workbook is written by exceljs's streaming writer (issue 12: memory bounded by the largest
 * report, not the batch), so a sheet's views, page setup and header/footer are given when it is
 * created, and each row is complete — values, styles, height — when it is added: it is committed
 * (written out) at once.
 *
 * Styles are shared objects, one per column and kind of cell (issue 12). exceljs gives each new
 * cell a fresh style object, and its style table knows a style object it has seen before (a
 * WeakMap) but renders the XML of every other one to look it up: 400,000 cells of 数据 rendered
 * their style one by one. So every cell of a row is given its column's style object, or a shared
 * variant of it (`styleWith`); the shared objects are frozen, so no setter (cell.fill = …) can
 * change the style of every cell of a kind at once.
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

/** A severity's fill over a cell (汇总's counts, 规则说明's 严重程度): a shared style (see `addRow`). */
export const SEVERITY_FILL_STYLES: Record<Severity, CellStyle> = {
  error: Object.freeze({ fill: severityFills.error }),
  warning: Object.freeze({ fill: severityFills.warning }),
  info: Object.freeze({ fill: severityFills.info }),
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

/** A cell's style, shared by every cell of its kind (see the header comment). */
export type CellStyle = Readonly<Partial<ExcelJS.Style>>;

/** The style of a row and of a cell beyond the sheet's columns: none. */
export const NO_STYLE: CellStyle = Object.freeze({});

/**
 * Gives `row` the shared empty style (a row style is none, as a new row's is, but exceljs would
 * render a new row's own empty style object to look it up). exceljs's types omit Row.style.
 */
export function noRowStyle(row: ExcelJS.Row): void {
  Object.assign(row, { style: NO_STYLE });
}

/**
 * exceljs's streaming writer keeps every formula cell it has written until the sheet ends (a
 * table for shared formulas, which this workbook never writes): 指标's formulas held ~10 MB at
 * 2,000 reports, five times that at 10,000. Emptied between batches of rows; a no-op where the
 * writer has no such table.
 */
export function forgetFormulae(ws: ExcelJS.Worksheet): void {
  if (typeof Reflect.get(ws, '_formulae') === 'object') Reflect.set(ws, '_formulae', {});
}

/** A sheet of the workbook: its columns' widths (for row heights) and the sheet itself. */
export interface Sheet {
  ws: ExcelJS.Worksheet;
  /** Usable text width of each column (1-based), in Excel column units. */
  widths: number[];
  /** Whether each column (1-based) wraps its text. */
  wraps: boolean[];
  /** Each column's (1-based) style: the one object its cells share. */
  styles: CellStyle[];
  /** Shared variants of the column styles, by the extra style they add (see `styleWith`). */
  variants: Map<CellStyle, CellStyle[]>;
  /** Rows written so far, header included. */
  rows: number;
  fitRows: boolean;
}

/**
 * The style of column `col` with `extra` over it (a fill, a font…), one shared object per column
 * and `extra`: `extra` must itself be a shared constant, not built per cell.
 */
export function styleWith(sheet: Sheet, col: number, extra: CellStyle): CellStyle {
  let byColumn = sheet.variants.get(extra);
  if (!byColumn) {
    byColumn = [];
    sheet.variants.set(extra, byColumn);
  }
  let style = byColumn[col];
  if (!style) {
    style = Object.freeze({ ...(sheet.styles[col] ?? NO_STYLE), ...extra });
    byColumn[col] = style;
  }
  return style;
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
  const styles: CellStyle[] = [];
  const wraps: boolean[] = [];
  const widths: number[] = [];
  specs.forEach((s, i) => {
    styles[i + 1] = Object.freeze({
      alignment: Object.freeze({
        vertical: 'top',
        wrapText: s.wrap ?? false,
        ...(s.center ? { horizontal: 'center' } : {}),
      }),
    });
    wraps[i + 1] = s.wrap ?? false;
    widths[i + 1] = Math.max(1, s.width - 1);
  });
  // The column's style object (its <col> element) is the one its cells share.
  ws.columns = specs.map((s, i) => ({ header: s.header, width: s.width, style: styles[i + 1] }));
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: THIN };
  });
  if (opts.headerHeight !== undefined) header.height = opts.headerHeight;
  header.commit();
  return {
    ws,
    widths,
    wraps,
    styles,
    variants: new Map(),
    rows: 1,
    fitRows: opts.fitRows ?? true,
  };
}

/**
 * Adds a row of `values` — each cell in its column's style, or that style with `extra[column]`
 * over it (1-based columns; each a shared constant) —, fits its height to its wrapped text and
 * commits it: the row is final once this returns.
 */
export function addRow(
  sheet: Sheet,
  values: readonly ExcelJS.CellValue[],
  extra?: Readonly<Partial<Record<number, CellStyle>>>,
): void {
  const row = sheet.ws.addRow(values);
  noRowStyle(row);
  // Every cell the values made (a null one too: it keeps its column's style in the file).
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    const over = extra?.[col];
    cell.style = over ? styleWith(sheet, col, over) : (sheet.styles[col] ?? NO_STYLE);
  });
  if (sheet.fitRows) {
    const height = fittedHeight(values, sheet);
    if (height !== undefined) row.height = height;
  }
  row.commit();
  sheet.rows++;
}

/** Points per printed line of 11-pt text (CJK glyphs need a little more than Latin ones). */
const LINE_HEIGHT_PT = 16;
/** Excel's largest row height. */
const MAX_ROW_HEIGHT_PT = 409;
/** Code-unit ranges of wide (CJK, Hangul, full-width) characters, [from, to] inclusive. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

function isWide(code: number): boolean {
  if (code < 0x1100) return false;
  for (const [from, to] of WIDE) if (code >= from && code <= to) return true;
  return false;
}

/**
 * Display width in Excel column units: a CJK or full-width character takes about two, any other
 * character (a surrogate pair too) one. Read code unit by code unit: it runs over every wrapped cell.
 */
function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      w += 1;
    } else w += isWide(code) ? 2 : 1;
  }
  return w;
}

/**
 * A row's height from its wrapped cells' text and column widths (undefined: one line, Excel's
 * own height). Neither Excel nor LibreOffice reliably grows a row to fit wrapped text on opening
 * a generated file, so without this a long 说明 prints as one clipped line over the next row.
 */
function fittedHeight(values: readonly ExcelJS.CellValue[], sheet: Sheet): number | undefined {
  let lines = 1;
  values.forEach((value, i) => {
    if (!sheet.wraps[i + 1] || typeof value !== 'string' || value === '') return;
    const width = sheet.widths[i + 1] ?? 9;
    const n = value
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
    lines = Math.max(lines, n);
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT_PT, lines * LINE_HEIGHT_PT + 4) : undefined;
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
