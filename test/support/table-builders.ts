/**
 * Table builders for the table, series and corpus rule tests, on top of test/support/builders.ts:
 * realistic balanced tables (every identity of report-format.md holds), table-二 setters that keep
 * cell positions, and the next year's report chained to a previous one.
 */
import { numberCell } from '../../src/core/model/factory';
import type { DocumentColumnKey, DocumentRowKey } from '../../src/core/model/glossary';
import type { CellValue, ReportModel } from '../../src/core/model/types';
import {
  buildReport,
  setApplicationRow,
  setReview,
  setSectionText,
  type BuildOptions,
} from './builders';

type DecisionKey = 'licensing' | 'punishment' | 'coercion' | 'administrativeFees';

/** Sets a table-二 document cell (规章 / 行政规范性文件), keeping its position. */
export function setDocument(
  r: ReportModel,
  row: DocumentRowKey,
  col: DocumentColumnKey,
  value: number | CellValue,
): void {
  const old = r.tables.activeDisclosure![row][col];
  const cell = typeof value === 'number' ? numberCell(value) : value;
  r.tables.activeDisclosure![row][col] = { ...cell, ...(old.pos ? { pos: old.pos } : {}) };
}

/** Sets a whole document row: 制发, 废止, 现行有效. */
export function setDocumentRow(
  r: ReportModel,
  row: DocumentRowKey,
  issued: number,
  repealed: number,
  effective: number,
): void {
  setDocument(r, row, 'issued', issued);
  setDocument(r, row, 'repealed', repealed);
  setDocument(r, row, 'effective', effective);
}

/** Sets a single-value table-二 cell (行政许可, 行政处罚, 行政强制, 行政事业性收费), keeping its position. */
export function setDecision(r: ReportModel, key: DecisionKey, value: number | CellValue): void {
  const t = r.tables.activeDisclosure!;
  const old = t[key];
  const cell = typeof value === 'number' ? numberCell(value) : value;
  t[key] = { ...cell, ...(old.pos ? { pos: old.pos } : {}) };
}

/**
 * Fills tables 二, 三, 四 with non-zero, mutually consistent values:
 * 表三 自然人 10+1 = 9+2, 商业企业 2+0 = 1+1, 总计 12+1 = 10+3; 表四 复议 1+1+0+1 = 3, 直接起诉 2 = 2.
 */
export function fillBalancedTables(r: ReportModel, effective = 20): ReportModel {
  setDocumentRow(r, 'regulations', 0, 0, 0);
  setDocumentRow(r, 'normativeDocuments', 3, 1, effective);
  setDecision(r, 'licensing', 100);
  setDecision(r, 'punishment', 5);
  setDecision(r, 'coercion', 0);
  setDecision(r, 'administrativeFees', 1.5);
  setApplicationRow(r, 'newReceived', [10, 2]);
  setApplicationRow(r, 'carriedOver', [1, 0]);
  setApplicationRow(r, 'granted', [6, 1]);
  setApplicationRow(r, 'partiallyGranted', [1, 0]);
  setApplicationRow(r, 'unableToProvide.notHeld', [2, 0]);
  setApplicationRow(r, 'totalProcessed', [9, 1]);
  setApplicationRow(r, 'carriedForward', [2, 1]);
  setReview(r, 'review', 'upheld', 1);
  setReview(r, 'review', 'corrected', 1);
  setReview(r, 'review', 'pending', 1);
  setReview(r, 'review', 'total', 3);
  setReview(r, 'litigationDirect', 'upheld', 2);
  setReview(r, 'litigationDirect', 'total', 2);
  return r;
}

/** A clean report with balanced, non-zero tables. */
export function buildBalancedReport(opts: BuildOptions = {}): ReportModel {
  return fillBalancedTables(buildReport(opts));
}

/**
 * The same agency's report of the following year, chained to `previous`: 上年结转 = last year's
 * 结转下年度 per column, 现行有效 = last year's + 制发 − 废止, new values elsewhere, a different section 五.
 */
export function buildNextYear(previous: ReportModel, opts: BuildOptions = {}): ReportModel {
  const r = buildReport({
    agency: previous.agency ?? undefined,
    year: (previous.year ?? 2022) + 1,
    ...opts,
  });
  const p = previous.tables;
  // Table 二: issue 2, repeal 1 this year.
  for (const row of ['regulations', 'normativeDocuments'] as const) {
    const before = p.activeDisclosure![row].effective.value ?? 0;
    const [issued, repealed] = row === 'regulations' ? [0, 0] : [2, 1];
    setDocumentRow(r, row, issued, repealed, before + issued - repealed);
  }
  setDecision(r, 'licensing', 80);
  setDecision(r, 'punishment', 7);
  setDecision(r, 'coercion', 1);
  setDecision(r, 'administrativeFees', 0);
  // Table 三: carried over = last year's forward (3: 2 + 1), new 5 (5 + 0); all processed.
  const fwd = p.applications!.carriedForward;
  const n = fwd.naturalPerson.value ?? 0;
  const c = fwd.commercial.value ?? 0;
  setApplicationRow(r, 'newReceived', [5, 0]);
  setApplicationRow(r, 'carriedOver', [n, c]);
  setApplicationRow(r, 'granted', [5 + n, c]);
  setApplicationRow(r, 'totalProcessed', [5 + n, c]);
  setApplicationRow(r, 'carriedForward', [0, 0]);
  setReview(r, 'review', 'corrected', 2);
  setReview(r, 'review', 'total', 2);
  setSectionText(r, 'problems', [
    '（一）存在的主要问题。部分栏目更新频率不高，依申请公开答复的规范性仍需加强，基层工作人员业务能力参差不齐。',
    '（二）改进情况。建立栏目内容保障机制，每月检查更新情况；编制依申请公开答复文书范本，组织两期专题培训。',
  ]);
  return r;
}
