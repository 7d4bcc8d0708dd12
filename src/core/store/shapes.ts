/**
 * Structural checks of what a workspace file holds, written by hand (no dependency): the fields of
 * a ReportModel the program relies on (agency, year, sections, paragraphs, the three tables and
 * every cell of them, positions), a stored finding, a review status. A file handed between
 * colleagues may be damaged or edited; what fails here is refused, never half-loaded.
 */
import {
  ACTIVE_ROW_KEYS,
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  DOCUMENT_ROW_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
  SECTION_KEYS,
  TABLE_KEYS,
} from '../model/glossary';
import type {
  ActiveDisclosureTable,
  ApplicationsTable,
  CellValue,
  Finding,
  ReportModel,
  ReviewLitigationTable,
  SectionHeading,
  SectionModel,
  SourceFormat,
  SourcePos,
  TextParagraph,
} from '../model/types';
import { SEVERITIES, TEMPLATE_LABELS } from '../model/glossary';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const optional = (v: unknown, check: (x: unknown) => boolean): boolean =>
  v === undefined || check(v);
const oneOf =
  (values: readonly string[]) =>
  (v: unknown): v is string =>
    isStr(v) && values.includes(v);
function arrayOf<T>(v: unknown, check: (x: unknown) => x is T): v is T[] {
  return Array.isArray(v) && v.every(check);
}

export function isStringArray(v: unknown): v is string[] {
  return arrayOf(v, isStr);
}

// Keyed by the model's own unions, so a value added to a union without being added here fails to compile.
const SOURCE_FORMATS = Object.keys({
  docx: 1,
  xlsx: 1,
  html: 1,
  txt: 1,
  md: 1,
  doc: 1,
  xls: 1,
  mht: 1,
  pdf: 1,
} satisfies Record<SourceFormat, 1>);
const TEMPLATES = Object.keys(TEMPLATE_LABELS);
const SOURCES = Object.keys({
  title: 1,
  period: 1,
  fileName: 1,
  none: 1,
} satisfies Record<ReportModel['agencySource'] & ReportModel['yearSource'], 1>);

function isPos(v: unknown): v is SourcePos {
  return (
    isObj(v) &&
    isNum(v.block) &&
    optional(v.row, isNum) &&
    optional(v.col, isNum) &&
    optional(v.start, isNum) &&
    optional(v.end, isNum) &&
    optional(v.page, isNum)
  );
}

function isCell(v: unknown): v is CellValue {
  return (
    isObj(v) &&
    (v.value === null || isNum(v.value)) &&
    isStr(v.raw) &&
    isBool(v.blank) &&
    isBool(v.missing) &&
    optional(v.pos, isPos)
  );
}

/** An object with a cell under each of `keys`. */
function cellsAt(v: unknown, keys: readonly string[]): boolean {
  return isObj(v) && keys.every((k) => isCell(v[k]));
}
/** An object with, under each of `rows`, an object with a cell under each of `cols`. */
function gridAt(v: unknown, rows: readonly string[], cols: readonly string[]): boolean {
  return isObj(v) && rows.every((r) => cellsAt(v[r], cols));
}

function isActiveTable(v: unknown): v is ActiveDisclosureTable {
  const single = ACTIVE_ROW_KEYS.filter((k) => !DOCUMENT_ROW_KEYS.some((d) => d === k));
  return gridAt(v, DOCUMENT_ROW_KEYS, DOCUMENT_COLUMN_KEYS) && cellsAt(v, single);
}
function isApplicationsTable(v: unknown): v is ApplicationsTable {
  return gridAt(v, APPLICATION_ROW_KEYS, APPLICANT_COLUMN_KEYS);
}
function isReviewTable(v: unknown): v is ReviewLitigationTable {
  return gridAt(v, REVIEW_GROUP_KEYS, REVIEW_COLUMN_KEYS);
}

function isParagraph(v: unknown): v is TextParagraph {
  return isObj(v) && isStr(v.text) && isPos(v.pos) && optional(v.section, oneOf(SECTION_KEYS));
}

function isHeading(v: unknown): v is SectionHeading {
  return (
    isObj(v) && oneOf(SECTION_KEYS)(v.key) && isStr(v.text) && isStr(v.numeral) && isPos(v.pos)
  );
}

function isSection(v: unknown): v is SectionModel {
  return (
    isObj(v) &&
    oneOf(SECTION_KEYS)(v.key) &&
    isNum(v.number) &&
    isBool(v.found) &&
    isStr(v.title) &&
    optional(v.heading, isHeading) &&
    arrayOf(v.paragraphs, isParagraph)
  );
}

function isDate(v: unknown): boolean {
  return (
    isObj(v) &&
    isStr(v.date) &&
    (v.kind === 'published' || v.kind === 'signature') &&
    isPos(v.pos) &&
    isStr(v.quote)
  );
}

function isTablePositions(v: unknown): boolean {
  return isObj(v) && Object.entries(v).every(([k, p]) => oneOf(TABLE_KEYS)(k) && isPos(p));
}

/** The fields of a ReportModel the program reads (types.ts), each of the right kind. */
export function isReportModel(v: unknown): v is ReportModel {
  if (!isObj(v)) return false;
  const t = v.tables;
  return (
    isStr(v.id) &&
    isStr(v.file) &&
    oneOf(SOURCE_FORMATS)(v.format) &&
    (v.agency === null || isStr(v.agency)) &&
    oneOf(SOURCES)(v.agencySource) &&
    (v.year === null || (isNum(v.year) && Number.isInteger(v.year))) &&
    oneOf(SOURCES)(v.yearSource) &&
    oneOf(TEMPLATES)(v.template) &&
    isStringArray(v.templateEvidence) &&
    (v.title === null || isStr(v.title)) &&
    optional(v.titlePos, isPos) &&
    arrayOf(v.sections, isSection) &&
    v.sections.length === SECTION_KEYS.length &&
    arrayOf(v.headingsInOrder, isHeading) &&
    arrayOf(v.paragraphs, isParagraph) &&
    isObj(t) &&
    (t.activeDisclosure === null || isActiveTable(t.activeDisclosure)) &&
    (t.applications === null || isApplicationsTable(t.applications)) &&
    (t.reviewLitigation === null || isReviewTable(t.reviewLitigation)) &&
    isTablePositions(v.tablePos) &&
    optional(v.tablesAsImages, isTablePositions) &&
    Array.isArray(v.dates) &&
    v.dates.every(isDate)
  );
}

/** A stored finding: the fields every view and export reads. */
export function isFinding(v: unknown): v is Finding {
  return (
    isObj(v) &&
    isStr(v.ruleId) &&
    oneOf(SEVERITIES)(v.severity) &&
    isStr(v.message) &&
    optional(v.section, oneOf(SECTION_KEYS)) &&
    optional(v.table, oneOf(TABLE_KEYS)) &&
    optional(v.row, isStr) &&
    optional(v.column, isStr) &&
    optional(v.expected, isNum) &&
    optional(v.actual, isNum) &&
    optional(v.quote, isStr) &&
    optional(v.relatedReport, isStr) &&
    optional(v.pos, isPos)
  );
}
