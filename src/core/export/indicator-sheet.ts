/**
 * The workbook's 指标 sheet (cli-contract.md: after the four contract sheets): one row per report,
 * the indicators of src/core/indicators as Excel formulas over the report's row of 数据, so the
 * office can see and trust how each is computed. Formulas return "" (blank) where the
 * denominator is 0, never 0 % or #DIV/0!; a cell the report lacks (no table, unreadable value)
 * leaves the indicator blank without a formula, as the core leaves it null. Cached results are
 * the core's values, so viewers that do not recalculate show the same numbers.
 */
import type ExcelJS from 'exceljs';
import {
  CHANGE_TERMS,
  INDICATOR_DEFS,
  RATE_TERMS,
  cellNumber,
  reportIndicators,
} from '../indicators';
import { at, must } from '../model/checked';
import type { WorkspaceView, ReportModel } from '../model/types';
import { DATA_LEAD_HEADERS, colLetter } from './data-columns';
import { pairYears } from '../workspace/pairing';
import { dataColumns } from './data-columns';
import {
  DRAIN_EVERY,
  NO_STYLE,
  forgetFormulae,
  noRowStyle,
  type CellStyle,
  type Pause,
} from './sheet';

export const INDICATOR_SHEET = '指标';
export const INDICATOR_LEAD_HEADERS = ['单位', '年度', '文件'] as const;
/** 数据's first value column follows its three lead columns (单位, 年度, 文件). */
/** 数据's lead columns (单位, 年度, 文件, 当前版本) before the first table cell. */
const DATA_LEAD = DATA_LEAD_HEADERS.length;
const DATA_SHEET = "'数据'";
/** An indicator's cell: a percentage (a change with its sign), right-aligned. */
const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: 'right' };
const INDICATOR_STYLES: Record<'rate' | 'change', CellStyle> = {
  rate: Object.freeze({ numFmt: '0.0%', alignment: RIGHT }),
  change: Object.freeze({ numFmt: '+0.0%;-0.0%;0.0%', alignment: RIGHT }),
};

/**
 * `models` in the order of 数据's rows (row 2 = models[0]). `aliases` pair a unit's years for the
 * year-on-year columns, as the rules pair them.
 */
export async function addIndicatorSheet(
  wb: ExcelJS.Workbook,
  models: readonly ReportModel[],
  pause: Pause,
  aliases: Record<string, string> = {},
  view?: Pick<WorkspaceView, 'placements'>,
): Promise<ExcelJS.Worksheet> {
  // Views and page setup given at creation: the streaming writer writes them before the rows.
  const ws = wb.addWorksheet(INDICATOR_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  // Each column's reference prefix (「'数据'!AB」) once, not per formula term.
  const columnOf = new Map(
    dataColumns().map((c, i) => [
      c.key,
      { ref: `N(${DATA_SHEET}!${colLetter(DATA_LEAD + i + 1)}`, column: c },
    ]),
  );
  const rowOf = new Map(models.map((m, i) => [m, i + 2]));
  const previousOf = new Map(
    pairYears(models, { aliases, ...(view ? { view } : {}) }).map((p) => [p.report, p.previous]),
  );

  ws.columns = [
    { header: '单位', width: 28 },
    { header: '年度', width: 7 },
    { header: '文件', width: 24 },
    ...INDICATOR_DEFS.map((d) => ({ header: d.label, width: 12 })),
  ];
  const header = ws.getRow(1);
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.commit();
  let rows = 1;

  /** The cells as a formula sum, or null when one of them is unknown in this report. */
  const sum = (keys: readonly string[], model: ReportModel, row: number): string | null => {
    const parts: string[] = [];
    for (const key of keys) {
      const col = columnOf.get(key);
      if (!col || cellNumber(col.column.cell(model)) === null) return null;
      // N(): a blank cell (blank marker in the report) counts as 0, as the core counts it.
      parts.push(`${col.ref}${row})`);
    }
    return parts.length === 1 ? at(parts, 0) : `(${parts.join('+')})`;
  };

  // Current versions only (cli-contract.md: one row per current report); 数据 keeps every file's row.
  for (const model of models.filter((m) => view?.placements[m.id]?.current !== false)) {
    const row = must(rowOf.get(model), 'row of 数据');
    const previous = previousOf.get(model);
    const values = reportIndicators(model, previous);
    const cells: ExcelJS.CellValue[] = [model.agency, model.year, model.file];
    for (const def of INDICATOR_DEFS) {
      const result = def.get(values);
      const cached = result === null ? '' : result;
      const rate = RATE_TERMS[def.key];
      let formula: string | null = null;
      if (rate) {
        const num = sum(rate.numerator, model, row);
        const den = sum(rate.denominator, model, row);
        if (num !== null && den !== null) formula = `IF(${den}=0,"",${num}/${den})`;
      } else {
        const terms = CHANGE_TERMS[def.key];
        const prevRow = previous ? rowOf.get(previous) : undefined;
        if (terms && previous && prevRow !== undefined) {
          const now = sum(terms, model, row);
          const last = sum(terms, previous, prevRow);
          if (now !== null && last !== null) formula = `IF(${last}=0,"",(${now}-${last})/${last})`;
        }
      }
      cells.push(formula ? { formula, result: cached } : null);
    }
    const added = ws.addRow(cells);
    // Per cell: a column style set after the rows exist does not reach them. Shared style
    // objects, as in the other sheets (sheet.ts).
    noRowStyle(added);
    added.eachCell({ includeEmpty: true }, (cell, col) => {
      const def = INDICATOR_DEFS[col - INDICATOR_LEAD_HEADERS.length - 1];
      cell.style = def ? INDICATOR_STYLES[def.kind] : NO_STYLE;
    });
    added.commit();
    rows++;
    if (rows % DRAIN_EVERY === 0) {
      forgetFormulae(ws);
      await pause();
    }
  }
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows, column: INDICATOR_LEAD_HEADERS.length + INDICATOR_DEFS.length },
  };
  ws.commit();
  return ws;
}
