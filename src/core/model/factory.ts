/** Constructors for model values, shared by extraction and by tests' model builders. */
import { recordOf } from './checked';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
  SECTIONS,
} from './glossary';
import type {
  ActiveDisclosureTable,
  ApplicationsTable,
  CellValue,
  ReportModel,
  ReviewLitigationTable,
  SectionModel,
  SourcePos,
} from './types';

/** A cell holding a number (raw defaults to the number as text). */
export function numberCell(value: number, raw = String(value), pos?: SourcePos): CellValue {
  return { value, raw, blank: false, missing: false, ...(pos ? { pos } : {}) };
}

/** A blank cell or blank marker ("", "—", "/", "无"): value null, counted as 0 by rules. */
export function blankCell(raw = '', pos?: SourcePos): CellValue {
  return { value: null, raw, blank: true, missing: false, ...(pos ? { pos } : {}) };
}

/** A cell that could not be located in the document. */
export function missingCell(): CellValue {
  return { value: null, raw: '', blank: false, missing: true };
}

/** A cell holding text that is not a number (e.g. "二十"). */
export function textCell(raw: string, pos?: SourcePos): CellValue {
  return { value: null, raw, blank: false, missing: false, ...(pos ? { pos } : {}) };
}

/** The value rules use for arithmetic: blank counts as 0; missing or text gives null. */
export function numericValue(cell: CellValue | undefined): number | null {
  if (!cell) return null;
  if (cell.value !== null) return cell.value;
  return cell.blank ? 0 : null;
}

export function emptyActiveDisclosure(make: () => CellValue = missingCell): ActiveDisclosureTable {
  const docs = () => recordOf(DOCUMENT_COLUMN_KEYS, () => make());
  return {
    regulations: docs(),
    normativeDocuments: docs(),
    licensing: make(),
    punishment: make(),
    coercion: make(),
    administrativeFees: make(),
  };
}

export function emptyApplications(make: () => CellValue = missingCell): ApplicationsTable {
  return recordOf(APPLICATION_ROW_KEYS, () => recordOf(APPLICANT_COLUMN_KEYS, () => make()));
}

export function emptyReviewLitigation(make: () => CellValue = missingCell): ReviewLitigationTable {
  return recordOf(REVIEW_GROUP_KEYS, () => recordOf(REVIEW_COLUMN_KEYS, () => make()));
}

export function emptySections(): SectionModel[] {
  return SECTIONS.map((s) => ({
    key: s.key,
    number: s.number,
    found: false,
    title: s.title,
    paragraphs: [],
  }));
}

/** A report with nothing found: the base of extraction and of test builders. */
export function emptyReport(
  id: string,
  file: string,
  format: ReportModel['format'] = 'txt',
): ReportModel {
  return {
    id,
    file,
    format,
    agency: null,
    agencySource: 'none',
    year: null,
    yearSource: 'none',
    template: 'unknown',
    templateEvidence: [],
    title: null,
    sections: emptySections(),
    headingsInOrder: [],
    paragraphs: [],
    tables: { activeDisclosure: null, applications: null, reviewLitigation: null },
    tablePos: {},
    dates: [],
  };
}
