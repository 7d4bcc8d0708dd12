/**
 * Indicators computed from one report's tables (docs/indicators.md gives every formula and the
 * reasons behind it). Pure: model in, numbers out; the 总览, the workbook's 指标 sheet and the
 * briefing all take them from here.
 *
 * Conventions, decided once:
 * - Every input is the 总计 column of table 三 (the template's own total) and the 总计 column of
 *   table 四.
 * - A blank cell or a blank marker ("—", "/", "无") counts as 0, as the rules count it (the
 *   template says a blank means none); a cell that could not be found or holds text that is not a
 *   number makes every indicator that needs it undefined.
 * - Undefined is null: a zero denominator, a missing table, a missing cell. Never 0 %, never NaN.
 * - Rates are fractions (0.96 for 96 %); formatting is the caller's.
 */
import { recordOf } from '../model/checked';
import { RESULT_ROW_KEYS, type ApplicationRowKey, type ReviewGroupKey } from '../model/glossary';
import type { CellValue, ReportModel, ReportTables } from '../model/types';

/** The outcome groups of table 三 (三、本年度办理结果 （一）…（六）). */
export const OUTCOME_KEYS = [
  'granted',
  'partiallyGranted',
  'denied',
  'unableToProvide',
  'notProcessed',
  'otherHandling',
] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

export const OUTCOME_LABELS: Record<OutcomeKey, string> = {
  granted: '予以公开',
  partiallyGranted: '部分公开',
  denied: '不予公开',
  unableToProvide: '无法提供',
  notProcessed: '不予处理',
  otherHandling: '其他处理',
};

/** The quantities the indicators are ratios of; summing them over reports gives a batch's indicators. */
export interface IndicatorInputs {
  newReceived: number | null;
  carriedOver: number | null;
  totalProcessed: number | null;
  carriedForward: number | null;
  outcomes: Record<OutcomeKey, number | null>;
  reviewCorrected: number | null;
  reviewTotal: number | null;
  /** 直接起诉 + 复议后起诉. */
  litigationCorrected: number | null;
  litigationTotal: number | null;
}

export interface YearOnYear {
  /** The previous year's value and the relative change ((this − last) / last); change null when last is 0. */
  newReceived: { previous: number | null; change: number | null };
  review: { previous: number | null; change: number | null };
  litigation: { previous: number | null; change: number | null };
}

export interface Indicators {
  /** 依申请公开办结率 = （七）总计 / (一、本年新收 + 二、上年结转). */
  completionRate: number | null;
  /** Share of each outcome group in （七）总计. */
  outcomeShares: Record<OutcomeKey, number | null>;
  /** 结转下年度占比 = 四、结转下年度继续办理 / (一 + 二). */
  carriedForwardShare: number | null;
  /** 行政复议纠错率 = 行政复议 结果纠正 / 行政复议 总计. */
  reviewCorrectionRate: number | null;
  /** 行政诉讼纠错率 = (直接起诉 + 复议后起诉) 结果纠正 / (直接起诉 + 复议后起诉) 总计. */
  litigationCorrectionRate: number | null;
  /** Present only when last year's report of the same unit is given. */
  yearOnYear?: YearOnYear;
}

/** The table-三 result rows of an outcome group: the row itself, or its numbered sub-rows (denied.*, …). */
function rowsOf(group: OutcomeKey): readonly ApplicationRowKey[] {
  return RESULT_ROW_KEYS.filter((k) => k === group || k.startsWith(`${group}.`));
}

/** The table-三 rows of each outcome group (the sub-rows for 不予公开 … 其他处理), from the glossary's row keys. */
export const OUTCOME_ROWS: Record<OutcomeKey, readonly ApplicationRowKey[]> = {
  granted: rowsOf('granted'),
  partiallyGranted: rowsOf('partiallyGranted'),
  denied: rowsOf('denied'),
  unableToProvide: rowsOf('unableToProvide'),
  notProcessed: rowsOf('notProcessed'),
  otherHandling: rowsOf('otherHandling'),
};

/** A cell's number for the indicators: blank counts as 0; missing or unreadable is null. */
export function cellNumber(cell: CellValue | undefined): number | null {
  if (!cell || cell.missing) return null;
  if (cell.value !== null) return cell.value;
  return cell.blank ? 0 : null;
}

/** Sum, null as soon as one part is null (a partial sum would understate the quantity). */
export function sumOrNull(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** a / b, null when either is null or b is 0. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b;
}

function applicationTotal(tables: ReportTables, row: ApplicationRowKey): number | null {
  return tables.applications ? cellNumber(tables.applications[row].total) : null;
}

function reviewCell(
  tables: ReportTables,
  group: ReviewGroupKey,
  column: 'corrected' | 'total',
): number | null {
  return tables.reviewLitigation ? cellNumber(tables.reviewLitigation[group][column]) : null;
}

export function indicatorInputs(report: Pick<ReportModel, 'tables'>): IndicatorInputs {
  const t = report.tables;
  const outcomes = recordOf(OUTCOME_KEYS, (k) =>
    sumOrNull(OUTCOME_ROWS[k].map((row) => applicationTotal(t, row))),
  );
  return {
    newReceived: applicationTotal(t, 'newReceived'),
    carriedOver: applicationTotal(t, 'carriedOver'),
    totalProcessed: applicationTotal(t, 'totalProcessed'),
    carriedForward: applicationTotal(t, 'carriedForward'),
    outcomes,
    reviewCorrected: reviewCell(t, 'review', 'corrected'),
    reviewTotal: reviewCell(t, 'review', 'total'),
    litigationCorrected: sumOrNull([
      reviewCell(t, 'litigationDirect', 'corrected'),
      reviewCell(t, 'litigationAfterReview', 'corrected'),
    ]),
    litigationTotal: sumOrNull([
      reviewCell(t, 'litigationDirect', 'total'),
      reviewCell(t, 'litigationAfterReview', 'total'),
    ]),
  };
}

/** Adds inputs report by report; a quantity unknown in one report is left out of that sum (reported as `covered`). */
export function sumInputs(list: readonly IndicatorInputs[]): IndicatorInputs {
  const add = (pick: (i: IndicatorInputs) => number | null): number | null => {
    const known = list.map(pick).filter((v): v is number => v !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) : null;
  };
  return {
    newReceived: add((i) => i.newReceived),
    carriedOver: add((i) => i.carriedOver),
    totalProcessed: add((i) => i.totalProcessed),
    carriedForward: add((i) => i.carriedForward),
    outcomes: recordOf(OUTCOME_KEYS, (k) => add((i) => i.outcomes[k])),
    reviewCorrected: add((i) => i.reviewCorrected),
    reviewTotal: add((i) => i.reviewTotal),
    litigationCorrected: add((i) => i.litigationCorrected),
    litigationTotal: add((i) => i.litigationTotal),
  };
}

/** The indicators of a set of inputs (one report's, or a batch's sums). */
export function indicatorsOf(i: IndicatorInputs, previous?: IndicatorInputs): Indicators {
  const workload = sumOrNull([i.newReceived, i.carriedOver]);
  const out: Indicators = {
    completionRate: ratio(i.totalProcessed, workload),
    outcomeShares: recordOf(OUTCOME_KEYS, (k) => ratio(i.outcomes[k], i.totalProcessed)),
    carriedForwardShare: ratio(i.carriedForward, workload),
    reviewCorrectionRate: ratio(i.reviewCorrected, i.reviewTotal),
    litigationCorrectionRate: ratio(i.litigationCorrected, i.litigationTotal),
  };
  if (previous) {
    const change = (now: number | null, last: number | null) => ({
      previous: last,
      change: now === null ? null : ratio(now - (last ?? 0), last),
    });
    out.yearOnYear = {
      newReceived: change(i.newReceived, previous.newReceived),
      review: change(i.reviewTotal, previous.reviewTotal),
      litigation: change(i.litigationTotal, previous.litigationTotal),
    };
  }
  return out;
}

/** One report's indicators; `previous` is the same unit's report of the year before, when loaded. */
export function reportIndicators(
  report: Pick<ReportModel, 'tables'>,
  previous?: Pick<ReportModel, 'tables'>,
): Indicators {
  return indicatorsOf(indicatorInputs(report), previous ? indicatorInputs(previous) : undefined);
}

/** The indicators as a flat list of named values, in the order every view shows them. */
export interface IndicatorDef {
  key: string;
  label: string;
  /** 'rate': a fraction shown as a percentage; 'change': a signed relative change. */
  kind: 'rate' | 'change';
  get(ind: Indicators): number | null;
}

export const INDICATOR_DEFS: readonly IndicatorDef[] = [
  { key: 'completionRate', label: '依申请公开办结率', kind: 'rate', get: (x) => x.completionRate },
  ...OUTCOME_KEYS.map((k): IndicatorDef => ({
    key: `outcome.${k}`,
    label: `${OUTCOME_LABELS[k]}占比`,
    kind: 'rate',
    get: (x) => x.outcomeShares[k],
  })),
  {
    key: 'carriedForwardShare',
    label: '结转下年度占比',
    kind: 'rate',
    get: (x) => x.carriedForwardShare,
  },
  {
    key: 'reviewCorrectionRate',
    label: '行政复议纠错率',
    kind: 'rate',
    get: (x) => x.reviewCorrectionRate,
  },
  {
    key: 'litigationCorrectionRate',
    label: '行政诉讼纠错率',
    kind: 'rate',
    get: (x) => x.litigationCorrectionRate,
  },
  {
    key: 'yoy.newReceived',
    label: '新收申请同比',
    kind: 'change',
    get: (x) => x.yearOnYear?.newReceived.change ?? null,
  },
  {
    key: 'yoy.review',
    label: '行政复议同比',
    kind: 'change',
    get: (x) => x.yearOnYear?.review.change ?? null,
  },
  {
    key: 'yoy.litigation',
    label: '行政诉讼同比',
    kind: 'change',
    get: (x) => x.yearOnYear?.litigation.change ?? null,
  },
];

/** "96.0%" / "+12.5%" / "" for undefined: one formatting for the briefing, the 总览 and tests. */
export function formatIndicator(value: number | null, kind: IndicatorDef['kind']): string {
  if (value === null || !Number.isFinite(value)) return '';
  const pct = (Math.round(value * 1000) / 10).toFixed(1);
  if (kind === 'change' && value > 0) return `+${pct}%`;
  return `${pct === '-0.0' ? '0.0' : pct}%`;
}

/**
 * The same indicators as sums of 数据-sheet cells (keys `table.row.column`, as dataColumns() names
 * them), so the workbook's 指标 sheet can state them as formulas. A test checks that these terms and
 * indicatorsOf() give the same numbers on the seed reports.
 */
const APP = (row: ApplicationRowKey): string => `applications.${row}.total`;
const RL = (group: ReviewGroupKey, column: 'corrected' | 'total'): string =>
  `reviewLitigation.${group}.${column}`;

export const RATE_TERMS: Readonly<
  Record<string, { numerator: readonly string[]; denominator: readonly string[] }>
> = {
  completionRate: {
    numerator: [APP('totalProcessed')],
    denominator: [APP('newReceived'), APP('carriedOver')],
  },
  ...Object.fromEntries(
    OUTCOME_KEYS.map((k) => [
      `outcome.${k}`,
      { numerator: OUTCOME_ROWS[k].map(APP), denominator: [APP('totalProcessed')] },
    ]),
  ),
  carriedForwardShare: {
    numerator: [APP('carriedForward')],
    denominator: [APP('newReceived'), APP('carriedOver')],
  },
  reviewCorrectionRate: {
    numerator: [RL('review', 'corrected')],
    denominator: [RL('review', 'total')],
  },
  litigationCorrectionRate: {
    numerator: [RL('litigationDirect', 'corrected'), RL('litigationAfterReview', 'corrected')],
    denominator: [RL('litigationDirect', 'total'), RL('litigationAfterReview', 'total')],
  },
};

/** Year-on-year indicators: the cells summed in this year's and last year's row. */
export const CHANGE_TERMS: Readonly<Record<string, readonly string[]>> = {
  'yoy.newReceived': [APP('newReceived')],
  'yoy.review': [RL('review', 'total')],
  'yoy.litigation': [RL('litigationDirect', 'total'), RL('litigationAfterReview', 'total')],
};
