/**
 * The workbook's cell styles are shared objects (src/core/export/sheet.ts, issue 12): exceljs's
 * style table knows a style object it has seen (a WeakMap) and renders the XML of every other one
 * to look it up, so a style built per cell costs a render per cell. These tests hold the property
 * the speed rests on: a batch ten times as large writes no more style objects and no more
 * styles, and the shared objects cannot be changed through a cell.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkbookInput } from '../../src/core/export/types';
import { auditWorkbookBuffer } from '../../src/core/export/workbook';
import { workspace } from './fixtures';

/** The fixture's reports `copies` times over, each copy its own agencies, ids and files. */
function batch(copies: number): WorkbookInput {
  const base = workspace().input;
  const reports = Array.from({ length: copies }, (_, k) =>
    base.reports.map(({ model, findings }) => ({
      model: {
        ...structuredClone(model),
        id: `${model.id}-${k}`,
        agency: model.agency === null ? null : `${model.agency}${k}`,
        file: `${k}/${model.file}`,
      },
      findings,
    })),
  ).flat();
  return { ...base, reports };
}

/** Every row the streaming writer is given while `input`'s workbook is written. */
async function writtenRows(input: WorkbookInput): Promise<{ rows: ExcelJS.Row[]; file: Buffer }> {
  const rows: ExcelJS.Row[] = [];
  const { WorkbookWriter } = ExcelJS.stream.xlsx;
  const addWorksheet = WorkbookWriter.prototype.addWorksheet;
  vi.spyOn(WorkbookWriter.prototype, 'addWorksheet').mockImplementation(function (
    this: ExcelJS.stream.xlsx.WorkbookWriter,
    ...args: Parameters<typeof addWorksheet>
  ) {
    const ws = addWorksheet.apply(this, args);
    const addRow = ws.addRow.bind(ws);
    ws.addRow = (...rowArgs: Parameters<typeof addRow>) => {
      const row = addRow(...rowArgs);
      rows.push(row);
      return row;
    };
    return ws;
  });
  const file = await auditWorkbookBuffer(input);
  vi.restoreAllMocks();
  return { rows, file };
}

/** The distinct style objects of the rows' cells (null ones too: they are written with a style). */
function styleObjects(rows: readonly ExcelJS.Row[]): Set<Partial<ExcelJS.Style>> {
  const styles = new Set<Partial<ExcelJS.Style>>();
  for (const row of rows) row.eachCell({ includeEmpty: true }, (cell) => styles.add(cell.style));
  return styles;
}

function cellCount(rows: readonly ExcelJS.Row[]): number {
  return rows.reduce((n, row) => n + row.cellCount, 0);
}

/** The number of cell formats (cellXfs) in the file's styles.xml. */
async function cellFormats(file: Buffer): Promise<number> {
  const xml = await (await JSZip.loadAsync(file)).file('xl/styles.xml')?.async('string');
  const match = /<cellXfs count="(\d+)"/.exec(xml ?? '');
  if (!match?.[1]) throw new Error('styles.xml has no cellXfs');
  return Number(match[1]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('shared cell styles (issue 12)', () => {
  it('gives the cells of one kind one style object, however many rows there are', async () => {
    const small = await writtenRows(batch(1));
    const large = await writtenRows(batch(10));
    expect(cellCount(large.rows)).toBeGreaterThan(5 * cellCount(small.rows));
    const few = styleObjects(small.rows);
    const many = styleObjects(large.rows);
    // Per-cell style objects would grow with the cells (thousands here); shared ones are one per
    // column and kind of cell, however many rows.
    expect(many.size).toBe(few.size);
  });

  it('writes as many cell formats for ten times the reports', async () => {
    const small = await writtenRows(batch(1));
    const large = await writtenRows(batch(10));
    const n = await cellFormats(small.file);
    expect(await cellFormats(large.file)).toBe(n);
    expect(n).toBeLessThan(40);
  });

  it('freezes the shared styles, so setting one cell cannot restyle every cell of its kind', async () => {
    const { rows } = await writtenRows(batch(1));
    // Rows added to a sheet (the header rows, one a sheet, are styled cell by cell).
    expect([...styleObjects(rows)].every((s) => Object.isFrozen(s))).toBe(true);
    // 汇总's 单位 of two reports: one shared style; filling one (a setter that changes the cell's
    // style object in place) must not fill the other.
    const [first, second] = rows.slice(0, 2).map((r) => r.getCell(1));
    expect(first?.style).toBe(second?.style);
    try {
      if (first) first.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF000000' } };
    } catch {
      // exceljs in strict mode: the frozen style refuses the change
    }
    expect(second?.fill).toBeUndefined();
  });
});
