/**
 * Tables 二, 三 and 四, read by their row and column LABELS, never by fixed positions.
 *
 * Every reader's output is first flattened into tokens in reading order: the origin cells of
 * table blocks (with their grid row/column) and the short lines of paragraphs (web-page text
 * keeps one cell per line and no rows). Each table is then located by its anchor labels, and
 * each row label takes the values that follow it: by the header's columns when the grid is
 * regular enough to trust them, otherwise as a run of values (shifted rows, lost structure).
 */
import {
  APPLICANT_COLUMN_KEYS,
  DOCUMENT_COLUMN_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
  type ApplicantColumnKey,
  type ApplicationRowKey,
  type DocumentColumnKey,
  type ReviewColumnKey,
  type ReviewGroupKey,
} from '../model/glossary';
import {
  emptyActiveDisclosure,
  emptyApplications,
  emptyReviewLitigation,
  missingCell,
} from '../model/factory';
import type {
  ActiveDisclosureTable,
  ApplicationsTable,
  Block,
  CellValue,
  ReviewLitigationTable,
  SourcePos,
} from '../model/types';
import { matchHeading, splitNumeral } from './sections';
import { norm, parseCell, valueKind } from './text';

export interface Token {
  text: string;
  /** Normalised text (full-width folded, whitespace removed). */
  n: string;
  pos: SourcePos;
  /** True for cells of a grid table (row/col meaningful). */
  grid: boolean;
  /** A long paragraph or a heading: tables never run across it. */
  isBreak: boolean;
}

/** Paragraph lines longer than this are prose, not table cells. */
const MAX_CELL_LINE = 48;

/** Page numbers of PDF text layers ("- 5 -", "第 3 页"): neither cells nor breaks. */
const PAGE_NUMBER = /^[-—–]\d+[-—–]$|^第\d+页(?:共\d+页)?$/;

/**
 * A text line that carries a row's values after its label ("规章 1 0 11", PDF text layers) or
 * only values ("72 64 178 37 351 …"): split into the label and one part per value. Two numbers
 * without a label stay together: "3 251" is more likely one number with a stray space.
 */
export function splitValueRun(text: string): { text: string; start: number; end: number }[] | null {
  const parts = [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  let k = parts.length;
  while (k > 0 && valueKind((parts[k - 1] as { text: string }).text) === 'number') k--;
  const values = parts.slice(k);
  if (values.length === 0) return null;
  if (k === 0) return values.length >= 3 ? values : null;
  const label = {
    text: text.slice(0, (parts[k - 1] as { end: number }).end).trim(),
    start: (parts[0] as { start: number }).start,
    end: (parts[k - 1] as { end: number }).end,
  };
  // "2024 年" or "第 3 项": a number inside a phrase, not a value after a label.
  if (!/[\u4e00-\u9fff)）"”」』\]】]$/.test(label.text)) return null;
  return [label, ...values];
}

/** Flattens blocks into tokens (see the file comment). */
export function tokenize(blocks: readonly Block[]): Token[] {
  const out: Token[] = [];
  blocks.forEach((b, block) => {
    if (b.kind === 'paragraph') {
      const n = norm(b.text);
      if (!n || PAGE_NUMBER.test(n)) return;
      const prose =
        n.length > MAX_CELL_LINE ||
        /。./.test(n) ||
        b.headingLevel !== undefined ||
        matchHeading(b.text, b.numberingLabel) !== null;
      if (!prose) {
        const parts = splitValueRun(b.text);
        if (parts) {
          for (const p of parts)
            out.push({
              text: p.text,
              n: norm(p.text),
              pos: { block, start: p.start, end: p.end },
              grid: false,
              isBreak: false,
            });
          return;
        }
      }
      out.push({ text: b.text, n, pos: { block }, grid: false, isBreak: prose });
      return;
    }
    if (b.layout === 'stream') {
      b.rows.forEach((row, r) => {
        for (const cell of row)
          out.push({
            text: cell.text,
            n: norm(cell.text),
            pos: { block, row: r, col: 0 },
            grid: false,
            isBreak: false,
          });
      });
      return;
    }
    b.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell.covered) return;
        out.push({
          text: cell.text,
          n: norm(cell.text),
          pos: { block, row: r, col: c },
          grid: true,
          isBreak: false,
        });
      });
    });
  });
  return out;
}

// ───────────────────────── regions ─────────────────────────

const T2_ANCHOR = /^第二十条|^信息内容$|^规章$/;
const T3_ANCHOR = /勾稽关系|^申请人情况$|本年新收.*申请/;
const T4_ANCHOR = /^行政复议(?:行政诉讼)?$/;

interface Region {
  start: number;
  end: number;
}

function findIndex(tokens: readonly Token[], re: RegExp, from = 0): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.isBreak && re.test(t.n)) return i;
  }
  return -1;
}

/** From the anchor to the first break or the first anchor of another table. */
function regionFrom(tokens: readonly Token[], start: number, stops: readonly RegExp[]): Region {
  let end = start + 1;
  while (end < tokens.length) {
    const t = tokens[end] as Token;
    if (t.isBreak || stops.some((re) => re.test(t.n))) break;
    end++;
  }
  return { start, end };
}

export interface TableRegions {
  activeDisclosure?: Region;
  applications?: Region;
  reviewLitigation?: Region;
}

export function findRegions(tokens: readonly Token[]): TableRegions {
  const out: TableRegions = {};
  const t3 = findIndex(tokens, T3_ANCHOR);
  const t2 = findIndex(tokens, T2_ANCHOR);
  const t4 = findIndex(tokens, T4_ANCHOR, t3 >= 0 ? t3 : 0);
  if (t2 >= 0 && (t3 < 0 || t2 < t3))
    out.activeDisclosure = regionFrom(tokens, t2, [T3_ANCHOR, T4_ANCHOR]);
  if (t3 >= 0) out.applications = regionFrom(tokens, t3, [T4_ANCHOR]);
  if (t4 >= 0) out.reviewLitigation = regionFrom(tokens, t4, []);
  return out;
}

// ───────────────────────── shared helpers ─────────────────────────

type Slot = Token | undefined;

function sameRow(a: Token, b: Token): boolean {
  return a.grid && b.grid && a.pos.block === b.pos.block && a.pos.row === b.pos.row;
}

/**
 * The value candidates of a row label: in a grid, the cells after it in its row; otherwise
 * (or when its row holds nothing else) the run of number/blank tokens that follows it.
 */
function candidatesAfter(
  tokens: readonly Token[],
  i: number,
  end: number,
  isLabel: (t: Token) => boolean,
): Token[] {
  const label = tokens[i] as Token;
  const out: Token[] = [];
  if (label.grid) {
    for (let j = i + 1; j < end && sameRow(label, tokens[j] as Token); j++) {
      const t = tokens[j] as Token;
      if (isLabel(t)) break;
      out.push(t);
    }
    if (out.some((t) => t.n !== '')) return out;
  }
  const run: Token[] = [];
  for (let j = i + 1; j < end; j++) {
    const t = tokens[j] as Token;
    if (t.isBreak || isLabel(t)) break;
    if (valueKind(t.text) === 'text') {
      // The rest of a label broken over lines ("5.要求行政机关确认或重新出" + "具已获取信息 1 0 …").
      if (!t.grid && run.length === 0 && j - i <= 3) continue;
      break;
    }
    // In a grid, an empty cell of another row is layout, not a value of this label.
    if (t.grid && t.n === '' && !sameRow(label, t)) continue;
    run.push(t);
  }
  return run.length ? run : out;
}

/** Picks n cells from the candidates: the window holding the most numbers (earliest on ties). */
function pickWindow(c: readonly Token[], n: number): Slot[] {
  if (c.length <= n) return Array.from({ length: n }, (_, k) => c[k]);
  let best = 0;
  let bestScore = -1;
  for (let off = 0; off + n <= c.length; off++) {
    let score = 0;
    for (let k = off; k < off + n; k++) if (valueKind((c[k] as Token).text) === 'number') score++;
    if (score > bestScore) {
      best = off;
      bestScore = score;
    }
  }
  return c.slice(best, best + n);
}

function cellOf(t: Slot): CellValue {
  return t ? parseCell(t.text, t.pos) : missingCell();
}

/**
 * Maps column keys to grid columns from header tokens; null unless every key has its own column
 * (a copy that lost merged cells puts labels in the wrong columns, and then we must not trust them).
 */
function headerColumns<K extends string>(
  header: readonly Token[],
  labels: readonly [K, RegExp][],
): Map<K, { block: number; col: number }> | null {
  const map = new Map<K, { block: number; col: number }>();
  for (const [key, re] of labels) {
    const t = header.find((h) => h.grid && re.test(h.n));
    if (!t || t.pos.col === undefined) return null;
    map.set(key, { block: t.pos.block, col: t.pos.col });
  }
  const cols = [...map.values()];
  if (new Set(cols.map((c) => c.col)).size !== cols.length) return null;
  if (new Set(cols.map((c) => c.block)).size !== 1) return null;
  return map;
}

/** Values by header column, when the row's numbers all sit in header columns right of its label. */
function byColumns<K extends string>(
  label: Token,
  cands: readonly Token[],
  cols: Map<K, { block: number; col: number }> | null,
  keys: readonly K[],
): Slot[] | null {
  if (!cols || !label.grid || label.pos.col === undefined) return null;
  const first = cols.get(keys[0] as K);
  if (!first || first.block !== label.pos.block) return null;
  const wanted = new Set(keys.map((k) => cols.get(k)?.col));
  if ([...wanted].some((c) => c === undefined || c <= (label.pos.col as number))) return null;
  if (cands.some((t) => valueKind(t.text) === 'number' && !wanted.has(t.pos.col))) return null;
  const slots = keys.map((k) =>
    cands.find((t) => t.grid && t.pos.col === cols.get(k)?.col && sameRow(label, t)),
  );
  // Without a single cell under the header, the columns explain nothing: use the value run.
  return slots.some((s) => s !== undefined) ? slots : null;
}

/** Column order as the header lists it, when it names every key once; canonical order otherwise. */
function headerOrder<K extends string>(
  header: readonly Token[],
  labels: readonly [K, RegExp][],
  canonical: readonly K[],
): K[] {
  const seen: K[] = [];
  for (const h of header) {
    const hit = labels.find(([, re]) => re.test(h.n));
    if (hit && !seen.includes(hit[0])) seen.push(hit[0]);
  }
  return seen.length === canonical.length ? seen : [...canonical];
}

/** Label text without its numbering: "1．属于国家秘密" → "属于国家秘密", "(七)总计" → "总计". */
function bare(n: string): string {
  return norm(splitNumeral(n).rest);
}

// ───────────────────────── table 二 ─────────────────────────

const ACTIVE_ROWS: readonly [keyof ActiveDisclosureTable, RegExp][] = [
  ['regulations', /^规章$/],
  ['normativeDocuments', /^(?:行政)?规范性文件$/],
  ['licensing', /^行政许可$/],
  ['punishment', /^行政处罚$/],
  ['coercion', /^行政强制$/],
  ['administrativeFees', /^行政事业性收费$/],
];
const DOC_COLUMNS: readonly [DocumentColumnKey, RegExp][] = [
  ['issued', /制发件数|本年制发/],
  ['repealed', /废止件数|本年废止/],
  ['effective', /现行有效/],
];
const ACTIVE_LABELS = /^第二十条|^信息内容$|件数$|数量$|金额|单位|^第.{1,4}项$/;

export function readActiveDisclosure(
  tokens: readonly Token[],
  region: Region,
): ActiveDisclosureTable {
  const table = emptyActiveDisclosure();
  const rowKey = (t: Token) => ACTIVE_ROWS.find(([, re]) => re.test(t.n))?.[0];
  const isLabel = (t: Token) =>
    rowKey(t) !== undefined ||
    ACTIVE_LABELS.test(t.n) ||
    DOC_COLUMNS.some(([, re]) => re.test(t.n));
  const firstRow = tokens.slice(region.start, region.end).findIndex((t) => rowKey(t) !== undefined);
  const header = tokens.slice(region.start, firstRow < 0 ? region.end : region.start + firstRow);
  const cols = headerColumns(header, DOC_COLUMNS);
  const order = headerOrder(header, DOC_COLUMNS, DOCUMENT_COLUMN_KEYS);
  for (let i = region.start; i < region.end; i++) {
    const t = tokens[i] as Token;
    const key = rowKey(t);
    if (!key) continue;
    const cands = candidatesAfter(tokens, i, region.end, isLabel);
    if (key === 'regulations' || key === 'normativeDocuments') {
      const slots =
        byColumns(t, cands, cols, DOCUMENT_COLUMN_KEYS) ??
        reorder(pickWindow(cands, 3), order, DOCUMENT_COLUMN_KEYS);
      DOCUMENT_COLUMN_KEYS.forEach((c, k) => {
        table[key][c] = cellOf(slots[k]);
      });
    } else {
      table[key] = cellOf(pickWindow(cands, 1)[0]);
    }
  }
  return table;
}

/** Slots in header order → slots in canonical order. */
function reorder<K extends string>(
  slots: readonly Slot[],
  order: readonly K[],
  canonical: readonly K[],
): Slot[] {
  return canonical.map((k) => slots[order.indexOf(k)]);
}

// ───────────────────────── table 三 ─────────────────────────

const APPLICATION_ROWS: readonly [ApplicationRowKey, RegExp][] = [
  ['newReceived', /本年新收/],
  ['carriedOver', /上年结转/],
  ['carriedForward', /结转下年度/],
  ['partiallyGranted', /^部分公开/],
  ['denied.stateSecret', /国家秘密/],
  // Also as misprinted in real reports: "2.其他法律行政止公开".
  ['denied.lawForbidden', /法律行政法规|法规禁止公开|^其他法律行政/],
  ['denied.safetyStability', /三安全一稳定/],
  ['denied.thirdPartyRights', /第三方合法权益/],
  ['denied.internalAffairs', /内部事务/],
  ['denied.processInformation', /过程性信息/],
  ['denied.enforcementFile', /行政执法案卷/],
  ['denied.administrativeQuery', /行政查询事项/],
  ['unableToProvide.notHeld', /不掌握/],
  ['unableToProvide.needsCreation', /另行制作|没有现成信息/],
  ['unableToProvide.unclear', /仍不明确|补正后.*不明确/],
  ['notProcessed.petition', /信访|举报投诉/],
  ['notProcessed.duplicate', /^重复申请$/],
  ['notProcessed.publication', /公开出版物/],
  ['notProcessed.massRepeated', /大量反复/],
  ['notProcessed.confirmation', /重新出具|确认或重新/],
  ['otherHandling.overdueCorrection', /逾期不补/],
  ['otherHandling.overdueFee', /收费通知|缴纳费用/],
];
const APPLICANT_COLUMNS: readonly [ApplicantColumnKey, RegExp][] = [
  ['naturalPerson', /^自然人$/],
  ['commercial', /^商业企业$/],
  ['research', /^科研机构$/],
  ['publicInterest', /^社会公益组织$/],
  ['legalService', /^法律服务机构$/],
  ['otherOrg', /^其他$/],
  ['total', /^总计$/],
];
/** Group and header labels: not rows, but they end a row's values. */
const APPLICATION_LABELS =
  /勾稽关系|申请人情况|法人或其他组织|^自然人$|^商业企业$|^科研机构$|^社会公益组织$|^法律服务机构$|本年度办理结果|^不予公开$|^无法提供$|^不予处理$|^其他处理$/;

function applicationRowKey(
  t: Token,
  previous: ApplicationRowKey | undefined,
): ApplicationRowKey | undefined {
  if (t.n === '' || valueKind(t.text) !== 'text') return undefined;
  const b = bare(t.n);
  const { numeral } = splitNumeral(t.n);
  for (const [key, re] of APPLICATION_ROWS) if (re.test(b) || re.test(t.n)) return key;
  if (b === '予以公开') return 'granted';
  // "3.其他" and "(七)总计" share their words with the columns 其他 and 总计: the row needs its
  // numbering, or to follow the row it follows in the template.
  if (b === '其他' && (numeral !== '' || previous === 'otherHandling.overdueFee'))
    return 'otherHandling.other';
  if (/^总计$|^合计$/.test(b) && (numeral !== '' || previous === 'otherHandling.other'))
    return 'totalProcessed';
  return undefined;
}

export function readApplications(tokens: readonly Token[], region: Region): ApplicationsTable {
  const table = emptyApplications();
  let firstRow = -1;
  for (let i = region.start; i < region.end && firstRow < 0; i++)
    if (applicationRowKey(tokens[i] as Token, undefined)) firstRow = i;
  const header = tokens.slice(region.start, firstRow < 0 ? region.end : firstRow);
  const cols = headerColumns(header, APPLICANT_COLUMNS);
  // Header rows of table 三 are merged over two levels, so their reading order is not the column
  // order; without trustworthy grid columns the template's order is the only safe one.
  const order = APPLICANT_COLUMN_KEYS;
  let previous: ApplicationRowKey | undefined;
  const isLabel = (t: Token) =>
    applicationRowKey(t, previous) !== undefined || APPLICATION_LABELS.test(t.n);
  for (let i = Math.max(firstRow, region.start); firstRow >= 0 && i < region.end; i++) {
    const t = tokens[i] as Token;
    const key = applicationRowKey(t, previous);
    if (!key) continue;
    previous = key;
    const cands = candidatesAfter(tokens, i, region.end, isLabel);
    const slots =
      byColumns(t, cands, cols, APPLICANT_COLUMN_KEYS) ??
      reorder(pickWindow(cands, 7), order, APPLICANT_COLUMN_KEYS);
    APPLICANT_COLUMN_KEYS.forEach((c, k) => {
      table[key][c] = cellOf(slots[k]);
    });
  }
  return table;
}

// ───────────────────────── table 四 ─────────────────────────

const REVIEW_GROUPS: readonly [ReviewGroupKey, RegExp][] = [
  ['review', /^行政复议$/],
  ['litigationDirect', /未经复议|直接起诉/],
  ['litigationAfterReview', /复议后起诉/],
];
const REVIEW_COLUMNS: readonly [ReviewColumnKey, RegExp][] = [
  ['upheld', /^(?:结果)?维持$/],
  ['corrected', /^(?:结果)?纠正$/],
  ['other', /^其他(?:结果)?$/],
  ['pending', /^尚未审结$|^未审结$/],
  ['total', /^总计$|^合计$/],
];
const REVIEW_LABELS = /^行政诉讼$/;

export function readReviewLitigation(
  tokens: readonly Token[],
  region: Region,
): ReviewLitigationTable {
  const table = emptyReviewLitigation();
  const isLabel = (t: Token) =>
    REVIEW_LABELS.test(t.n) ||
    REVIEW_GROUPS.some(([, re]) => re.test(t.n)) ||
    REVIEW_COLUMNS.some(([, re]) => re.test(t.n));
  let lastLabel = region.start;
  for (let i = region.start; i < region.end; i++) if (isLabel(tokens[i] as Token)) lastLabel = i;
  const header = tokens.slice(region.start, lastLabel + 1);
  const groupOrder = headerOrder(header, REVIEW_GROUPS, REVIEW_GROUP_KEYS);
  const columnSeq: ReviewColumnKey[] = [];
  for (const h of header) {
    const hit = REVIEW_COLUMNS.find(([, re]) => re.test(h.n));
    if (hit) columnSeq.push(hit[0]);
  }
  const validOrder = (seq: readonly ReviewColumnKey[]) =>
    seq.length === 5 && new Set(seq).size === 5;
  const columnsOf = (g: number): readonly ReviewColumnKey[] => {
    const chunk =
      columnSeq.length === 15 ? columnSeq.slice(g * 5, g * 5 + 5) : columnSeq.slice(0, 5);
    return validOrder(chunk) ? chunk : REVIEW_COLUMN_KEYS;
  };

  // Groups as rows ("行政复议 | 0 | 0 | …"): each group label with its own values in its row.
  const perGroup = REVIEW_GROUPS.map(([, re]) => {
    const i = tokens.findIndex(
      (t, k) => k >= region.start && k < region.end && t.grid && re.test(t.n),
    );
    if (i < 0) return null;
    const cands = candidatesAfter(tokens, i, region.end, isLabel).filter((t) =>
      sameRow(tokens[i] as Token, t),
    );
    // Empty cells beside a merged header label are layout: a group row holds written values.
    return cands.filter((t) => t.n !== '' && valueKind(t.text) !== 'text').length >= 4
      ? cands
      : null;
  });
  if (perGroup.every((c) => c !== null)) {
    REVIEW_GROUP_KEYS.forEach((g, k) => {
      const slots = reorder(
        pickWindow(perGroup[k] as Token[], 5),
        columnsOf(0),
        REVIEW_COLUMN_KEYS,
      );
      REVIEW_COLUMN_KEYS.forEach((c, j) => {
        table[g][c] = cellOf(slots[j]);
      });
    });
    return table;
  }

  // The usual layout: one flat run of 15 values after the header.
  const values: Token[] = [];
  for (let i = lastLabel + 1; i < region.end; i++) {
    const t = tokens[i] as Token;
    if (!t.grid && valueKind(t.text) === 'text') {
      // Header fragments of a PDF text layer ("尚未", "审结 总 计 结果") before the values.
      if (values.length === 0) continue;
      break;
    }
    if (!t.grid && t.n === '') continue;
    values.push(t);
  }
  const slots = pickWindow(values, 15);
  groupOrder.forEach((g, k) => {
    const cols = columnsOf(k);
    cols.forEach((c, j) => {
      table[g][c] = cellOf(slots[k * 5 + j]);
    });
  });
  return table;
}

/** Where a region's table starts, for highlighting the whole table. */
export function regionPos(tokens: readonly Token[], region: Region): SourcePos {
  return { block: (tokens[region.start] as Token).pos.block };
}

/** The 2019 format's （六）其他处理 is one row with values; the 2021 one has three sub-rows. */
export function hasSingleRowOtherHandling(tokens: readonly Token[], region: Region): boolean {
  const slice = tokens.slice(region.start, region.end);
  if (slice.some((t) => /逾期不补|收费通知/.test(t.n))) return false;
  const i = slice.findIndex((t) => bare(t.n) === '其他处理');
  if (i < 0) return false;
  const next = slice[i + 1];
  return next !== undefined && valueKind(next.text) === 'number';
}
