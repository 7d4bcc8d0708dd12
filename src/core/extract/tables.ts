/**
 * Tables 二, 三 and 四, read by their row and column LABELS, never by fixed positions.
 *
 * Every reader's output is first flattened into tokens in reading order: the origin cells of
 * table blocks (with their grid row/column) and the short lines of paragraphs (web-page text
 * keeps one cell per line and no rows). Each table is then located by its anchor labels, and
 * each row label takes the values that follow it: by the header's columns when the grid is
 * regular enough to trust them, otherwise as a run of values (shifted rows, lost structure).
 */
import { at } from '../model/checked';
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
import { emptyActiveDisclosure, emptyApplications, emptyReviewLitigation } from '../model/factory';
import type {
  ActiveDisclosureTable,
  ApplicationsTable,
  ReviewLitigationTable,
} from '../model/types';
import type { Region } from './regions';
import {
  bare,
  byColumns,
  candidatesAfter,
  cellOf,
  headerColumns,
  headerOrder,
  pickWindow,
  reorder,
  sameRow,
} from './rows';
import { splitNumeral } from './sections';
import type { Token } from './tokens';

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
    const t = at(tokens, i);
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

/** What a token says as a row label of table 三 before the row it follows is known. */
type RowLabel = { key: ApplicationRowKey } | { word: '其他' | '总计'; numbered: boolean } | null;

/** Worked out once per token: the readers ask about the same tokens again and again. */
const rowLabels = new WeakMap<Token, RowLabel>();

function rowLabel(t: Token): RowLabel {
  const known = rowLabels.get(t);
  if (known !== undefined) return known;
  let found: RowLabel = null;
  if (t.n !== '' && t.kind === 'text') {
    const b = bare(t.n);
    const numbered = splitNumeral(t.n).numeral !== '';
    const hit = APPLICATION_ROWS.find(([, re]) => re.test(b) || re.test(t.n));
    if (hit) found = { key: hit[0] };
    else if (b === '予以公开') found = { key: 'granted' };
    else if (b === '其他') found = { word: '其他', numbered };
    else if (/^总计$|^合计$/.test(b)) found = { word: '总计', numbered };
  }
  rowLabels.set(t, found);
  return found;
}

function applicationRowKey(
  t: Token,
  previous: ApplicationRowKey | undefined,
): ApplicationRowKey | undefined {
  const label = rowLabel(t);
  if (label === null) return undefined;
  if ('key' in label) return label.key;
  // "3.其他" and "(七)总计" share their words with the columns 其他 and 总计: the row needs its
  // numbering, or to follow the row it follows in the template.
  if (label.word === '其他' && (label.numbered || previous === 'otherHandling.overdueFee'))
    return 'otherHandling.other';
  if (label.word === '总计' && (label.numbered || previous === 'otherHandling.other'))
    return 'totalProcessed';
  return undefined;
}

export function readApplications(tokens: readonly Token[], region: Region): ApplicationsTable {
  const table = emptyApplications();
  let firstRow = -1;
  for (let i = region.start; i < region.end && firstRow < 0; i++)
    if (applicationRowKey(at(tokens, i), undefined)) firstRow = i;
  const header = tokens.slice(region.start, firstRow < 0 ? region.end : firstRow);
  const cols = headerColumns(header, APPLICANT_COLUMNS);
  // Header rows of table 三 are merged over two levels, so their reading order is not the column
  // order; without trustworthy grid columns the template's order is the only safe one.
  const order = APPLICANT_COLUMN_KEYS;
  let previous: ApplicationRowKey | undefined;
  const isLabel = (t: Token) =>
    applicationRowKey(t, previous) !== undefined || APPLICATION_LABELS.test(t.n);
  for (let i = Math.max(firstRow, region.start); firstRow >= 0 && i < region.end; i++) {
    const t = at(tokens, i);
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
  for (let i = region.start; i < region.end; i++) if (isLabel(at(tokens, i))) lastLabel = i;
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
    const label = at(tokens, i);
    const cands = candidatesAfter(tokens, i, region.end, isLabel).filter((t) => sameRow(label, t));
    // Empty cells beside a merged header label are layout: a group row holds written values.
    return cands.filter((t) => t.n !== '' && t.kind !== 'text').length >= 4 ? cands : null;
  });
  if (perGroup.every((c): c is Token[] => c !== null)) {
    REVIEW_GROUP_KEYS.forEach((g, k) => {
      const slots = reorder(pickWindow(at(perGroup, k), 5), columnsOf(0), REVIEW_COLUMN_KEYS);
      REVIEW_COLUMN_KEYS.forEach((c, j) => {
        table[g][c] = cellOf(slots[j]);
      });
    });
    return table;
  }

  // The usual layout: one flat run of 15 values after the header.
  const values: Token[] = [];
  for (let i = lastLabel + 1; i < region.end; i++) {
    const t = at(tokens, i);
    if (!t.grid && t.kind === 'text') {
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

/** The 2019 format's （六）其他处理 is one row with values; the 2021 one has three sub-rows. */
export function hasSingleRowOtherHandling(tokens: readonly Token[], region: Region): boolean {
  const slice = tokens.slice(region.start, region.end);
  if (slice.some((t) => /逾期不补|收费通知/.test(t.n))) return false;
  const i = slice.findIndex((t) => bare(t.n) === '其他处理');
  if (i < 0) return false;
  const next = slice[i + 1];
  return next !== undefined && next.kind === 'number';
}
