/**
 * Indicators (docs/indicators.md): checked by hand on seed 002 (淄博市临淄区人民政府 2023, whose
 * tables are in shared/corpus/seeds/expected), blank where a denominator is 0 or a table is
 * missing, and the workbook's formulas agree with the core.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditInputs } from '../../src/core/audit';
import { buildAuditWorkbook } from '../../src/core/export/workbook';
import { dataColumns } from '../../src/core/export/data-columns';
import { INDICATOR_SHEET } from '../../src/core/export/indicator-sheet';
import {
  CHANGE_TERMS,
  INDICATOR_DEFS,
  RATE_TERMS,
  cellNumber,
  formatIndicator,
  indicatorInputs,
  indicatorsOf,
  reportIndicators,
  sumInputs,
} from '../../src/core/indicators';
import { blankCell, textCell } from '../../src/core/model/factory';
import type { ReportModel } from '../../src/core/model/types';
import { agencyKind } from '../../src/core/workspace/agency-kind';
import { buildReport, setApplicationRow, setReview } from '../support/builders';

const seeds = resolve(__dirname, '../../../shared/corpus/seeds');
let models: ReportModel[] = [];
let linzi: ReportModel;

beforeAll(async () => {
  if (!existsSync(seeds)) throw new Error(`种子报告目录不存在：${seeds}`);
  const run = await auditInputs([seeds]);
  models = run.reports.map((r) => r.model);
  linzi = models.find((m) => m.agency === '淄博市临淄区人民政府') as ReportModel;
  expect(linzi).toBeDefined();
});

describe('seed 002, 淄博市临淄区人民政府 2023, by hand', () => {
  // Table 三 总计 column: 新收 169, 上年结转 6, 予以公开 85, 部分公开 2, 不予公开 2 + 1 = 3,
  // 无法提供 72 + 1 = 73, 不予处理 1, 其他处理 4, （七）总计 168, 结转下年度 7.
  // Table 四: 复议 纠正 2 of 4; 诉讼 直接 纠正 1 of 9, 复议后 0 of 0.
  it('办结率 168 / (169 + 6) = 96.0 %', () => {
    const ind = reportIndicators(linzi);
    expect(ind.completionRate).toBeCloseTo(168 / 175, 10);
    expect(formatIndicator(ind.completionRate, 'rate')).toBe('96.0%');
  });

  it('outcome shares of （七）总计 168', () => {
    const s = reportIndicators(linzi).outcomeShares;
    expect(s.granted).toBeCloseTo(85 / 168, 10);
    expect(s.partiallyGranted).toBeCloseTo(2 / 168, 10);
    expect(s.denied).toBeCloseTo(3 / 168, 10);
    expect(s.unableToProvide).toBeCloseTo(73 / 168, 10);
    expect(s.notProcessed).toBeCloseTo(1 / 168, 10);
    expect(s.otherHandling).toBeCloseTo(4 / 168, 10);
    expect(formatIndicator(s.granted, 'rate')).toBe('50.6%');
  });

  it('结转下年度 7 / 175, 复议纠错率 2 / 4, 诉讼纠错率 (1 + 0) / (9 + 0)', () => {
    const ind = reportIndicators(linzi);
    expect(ind.carriedForwardShare).toBeCloseTo(7 / 175, 10);
    expect(ind.reviewCorrectionRate).toBe(0.5);
    expect(ind.litigationCorrectionRate).toBeCloseTo(1 / 9, 10);
    expect(ind.yearOnYear).toBeUndefined();
  });

  it('is a 人民政府; the other seeds are departments', () => {
    expect(agencyKind(linzi.agency)).toBe('government');
    expect(models.filter((m) => m !== linzi).map((m) => agencyKind(m.agency))).toEqual([
      'department',
      'department',
      'department',
      'department',
    ]);
  });
});

describe('blank where undefined', () => {
  it('a report without applications, review or litigation has no rates (not 0 %)', () => {
    const r = buildReport({ id: 'zero' });
    const ind = reportIndicators(r);
    for (const def of INDICATOR_DEFS) {
      expect(def.get(ind), def.key).toBeNull();
      expect(formatIndicator(def.get(ind), def.kind)).toBe('');
    }
  });

  it('a missing table or an unreadable cell leaves what needs it blank; a blank marker counts as 0', () => {
    const r = buildReport({ id: 'gaps' });
    setApplicationRow(r, 'newReceived', [10, 0, 0, 0, 0, 0]);
    setApplicationRow(r, 'granted', [8, 0, 0, 0, 0, 0]);
    setApplicationRow(r, 'totalProcessed', [8, 0, 0, 0, 0, 0]);
    setApplicationRow(r, 'carriedForward', [2, 0, 0, 0, 0, 0]);
    r.tables.applications!.carriedOver.total = blankCell('—');
    expect(cellNumber(r.tables.applications!.carriedOver.total)).toBe(0);
    expect(reportIndicators(r).completionRate).toBe(0.8);
    r.tables.applications!.carriedOver.total = textCell('若干');
    expect(reportIndicators(r).completionRate).toBeNull();
    expect(reportIndicators(r).outcomeShares.granted).toBe(1);
    r.tables.reviewLitigation = null;
    expect(reportIndicators(r).reviewCorrectionRate).toBeNull();
  });

  it('year on year: change against last year, blank when last year was 0', () => {
    const last = buildReport({ id: 'y22', year: 2022 });
    const now = buildReport({ id: 'y23', year: 2023 });
    setApplicationRow(last, 'newReceived', [8, 0, 0, 0, 0, 0]);
    setApplicationRow(now, 'newReceived', [10, 0, 0, 0, 0, 0]);
    setReview(now, 'review', 'total', 3);
    const yoy = reportIndicators(now, last).yearOnYear!;
    expect(yoy.newReceived).toEqual({ previous: 8, change: 0.25 });
    expect(yoy.review).toEqual({ previous: 0, change: null });
    expect(formatIndicator(0.25, 'change')).toBe('+25.0%');
  });

  it('a batch adds the inputs, then divides', () => {
    const a = buildReport({ id: 'a' });
    const b = buildReport({ id: 'b' });
    setReview(a, 'review', 'corrected', 1);
    setReview(a, 'review', 'total', 2);
    setReview(b, 'review', 'total', 2);
    expect(
      indicatorsOf(sumInputs([indicatorInputs(a), indicatorInputs(b)])).reviewCorrectionRate,
    ).toBe(0.25);
  });
});

describe('the 指标 sheet', () => {
  it('states each rate as a formula over 数据 whose terms give the core value', async () => {
    const byKey = new Map(dataColumns().map((c) => [c.key, c]));
    const evalSum = (m: ReportModel, keys: readonly string[]): number =>
      keys.reduce((s, k) => s + (cellNumber(byKey.get(k)!.cell(m)) ?? NaN), 0);
    for (const m of models) {
      const ind = reportIndicators(m);
      for (const def of INDICATOR_DEFS) {
        const t = RATE_TERMS[def.key];
        if (!t) continue;
        const den = evalSum(m, t.denominator);
        const expected = den === 0 ? null : evalSum(m, t.numerator) / den;
        expect(def.get(ind), `${m.agency} ${def.key}`).toEqual(expected);
      }
    }
    expect(Object.keys(CHANGE_TERMS).sort()).toEqual(
      INDICATOR_DEFS.filter((d) => d.kind === 'change')
        .map((d) => d.key)
        .sort(),
    );
  });

  it('is the last sheet, one row per report, formulas blank (IF …="") when undefined, cached results from the core', async () => {
    const wb = await buildAuditWorkbook({
      reports: models.map((model) => ({ model, findings: [] })),
    });
    expect(wb.worksheets.at(-1)?.name).toBe(INDICATOR_SHEET);
    const ws = wb.getWorksheet(INDICATOR_SHEET)!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '单位',
      '年度',
      '文件',
      ...INDICATOR_DEFS.map((d) => d.label),
    ]);
    expect(ws.rowCount).toBe(models.length + 1);
    const data = wb.getWorksheet('数据')!;
    let linziRow = 0;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === '淄博市临淄区人民政府') linziRow = n;
    });
    expect(linziRow).toBeGreaterThan(1);
    // Same row in 数据 (the sheet follows 数据's order).
    expect(data.getRow(linziRow).getCell(1).value).toBe('淄博市临淄区人民政府');
    const rate = ws.getRow(linziRow).getCell(4).value as ExcelJS.CellFormulaValue;
    expect(rate.formula).toMatch(
      /^IF\(\(N\('数据'!\w+\d+\)\+N\('数据'!\w+\d+\)\)=0,"",N\('数据'!\w+\d+\)\/\(.*\)\)$/,
    );
    expect(rate.result).toBeCloseTo(168 / 175, 10);
    // A department without applications: formula present, cached result blank, never 0.
    const otherRow = linziRow === 2 ? 3 : 2;
    const blank = ws.getRow(otherRow).getCell(4).value as ExcelJS.CellFormulaValue;
    expect(blank.formula).toContain('=0,""');
    // exceljs keeps an empty cached result as none at all: either way no 0 and no #DIV/0!.
    expect(['', undefined]).toContain(blank.result);
    // No previous year loaded: the year-on-year columns are empty cells.
    expect(ws.getRow(linziRow).getCell(3 + INDICATOR_DEFS.length).value).toBeNull();
  });

  it('states year on year as a formula over this year and last year rows of 数据', async () => {
    const last = buildReport({ id: 'w22', year: 2022, agency: '临淄区财政局' });
    const now = buildReport({ id: 'w23', year: 2023, agency: '临淄区财政局' });
    setApplicationRow(last, 'newReceived', [8, 0, 0, 0, 0, 0]);
    setApplicationRow(now, 'newReceived', [10, 0, 0, 0, 0, 0]);
    const wb = await buildAuditWorkbook({
      reports: [now, last].map((model) => ({ model, findings: [] })),
    });
    const ws = wb.getWorksheet(INDICATOR_SHEET)!;
    // 数据 sorts 2022 before 2023: rows 2 and 3.
    expect(ws.getRow(3).getCell(2).value).toBe(2023);
    const col = 4 + INDICATOR_DEFS.findIndex((d) => d.key === 'yoy.newReceived');
    const cell = ws.getRow(3).getCell(col).value as ExcelJS.CellFormulaValue;
    const letter = /^IF\(N\('数据'!([A-Z]+)2\)/.exec(cell.formula)?.[1];
    expect(letter).toBeDefined();
    const L = letter as string;
    expect(cell.formula).toBe(
      `IF(N('数据'!${L}2)=0,"",(N('数据'!${L}3)-N('数据'!${L}2))/N('数据'!${L}2))`,
    );
    expect(cell.result).toBe(0.25);
    expect(ws.getRow(2).getCell(col).value).toBeNull();
  });
});
