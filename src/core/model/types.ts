/**
 * The typed values that flow one way through the program:
 * file bytes ─ingest→ SourceDocument ─extract→ ReportModel ─rules→ Finding[].
 * Plain data only (JSON-serialisable), so they cross worker and IPC boundaries unchanged.
 */
import type {
  ApplicantColumnKey,
  ApplicationRowKey,
  DocumentColumnKey,
  DocumentRowKey,
  ReviewColumnKey,
  ReviewGroupKey,
  SectionKey,
  Severity,
  SkipReason,
  TableKey,
  UnitKind,
} from './glossary';

// ───────────────────────── SourceDocument (ingest output) ─────────────────────────

export type SourceFormat = 'docx' | 'xlsx' | 'html' | 'txt' | 'md' | 'doc' | 'xls' | 'mht' | 'pdf';

/**
 * A rectangle on a PDF page in PDF points, measured from the page's top-left corner (x right,
 * y down), as the page is shown unrotated at scale 1. The viewer multiplies by its scale.
 */
export interface PageRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Where something sits in the source document, so the viewer can highlight it.
 * `block` indexes SourceDocument.blocks; the display HTML carries the same index as
 * `data-nb-block="<block>"` on the paragraph/table element and `data-nb-cell="<row>,<col>"`
 * on each table cell (row/col of the expanded grid, i.e. a merged cell's top-left origin).
 */
export interface SourcePos {
  block: number;
  /** Grid row/column inside a table block. */
  row?: number;
  col?: number;
  /** Character range inside the paragraph text (or cell text), UTF-16 offsets, end exclusive. */
  start?: number;
  end?: number;
  /** PDF only: the page (1-based) and the box of the paragraph or cell, so the viewer can draw on the page. */
  page?: number;
  box?: PageRect;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Text as the reader sees it (auto-numbering label, when recovered, is NOT prefixed here; see numberingLabel). */
  text: string;
  /** Heading level 1..6 when the source marks it as a heading (Word Heading n, <hN>, Markdown #). */
  headingLevel?: number;
  /** Word style name when known. */
  style?: string;
  /** List level 0.. when the paragraph is an auto-numbered list item. */
  listLevel?: number;
  /** The auto-numbering label recovered from word/numbering.xml ("一、", "（一）", "5、"), when any. */
  numberingLabel?: string;
  /** PDF only: where the paragraph starts (page, 1-based) and its box on that page. */
  page?: number;
  box?: PageRect;
}

export interface TableCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** True for grid positions covered by a merge; `text` then repeats the origin's text. */
  covered: boolean;
  /** Grid position of the merge origin (equals own position when not covered). */
  originRow: number;
  originCol: number;
  /** PDF only: the cell's page (1-based) and box (a covered position repeats its origin's). */
  page?: number;
  box?: PageRect;
}

export interface TableBlock {
  kind: 'table';
  /**
   * 'grid': rows × columns with merges expanded (every row has the same length).
   * 'stream': the row structure was lost (flat text, one cell per line): each row holds one cell,
   * in reading order. Extraction must then read the table by labels and value runs.
   */
  layout: 'grid' | 'stream';
  rows: TableCell[][];
  /** PDF only: where the table starts (page, 1-based) and its box on that page. */
  page?: number;
  box?: PageRect;
}

export type Block = ParagraphBlock | TableBlock;

export interface SourceDocument {
  format: SourceFormat;
  /** Base name of the file, for the year/agency fallback. */
  fileName: string;
  blocks: Block[];
  /**
   * HTML for display, NOT yet sanitised (the renderer sanitises before display).
   * Carries data-nb-block / data-nb-cell attributes as described at SourcePos.
   */
  html: string;
  /** Non-fatal notes from the reader, in Chinese (e.g. "已按 GBK 编码读取"). */
  notes: string[];
  /**
   * Where pictures stood, which readers drop: each entry is the index of the block that follows the
   * picture (blocks.length when it is last). Only for structure/table-as-image; absent when none.
   */
  images?: number[];
  /** PDF only: the size of each page in points (unrotated, scale 1), for drawing positions on it. */
  pages?: { width: number; height: number }[];
}

// ───────────────────────── ReportModel (extract output) ─────────────────────────

export type TemplateVersion = '2021' | '2019' | 'pre-2019' | 'unknown';

/** One table value: the parsed number, the raw text and where it came from. */
export interface CellValue {
  /** Parsed number; null when blank, a blank marker ("—", "/", "无"), non-numeric text, or not found. */
  value: number | null;
  /** The cell text as written (trimmed); '' when blank or not found. */
  raw: string;
  /** True when the cell was blank or held a blank marker (rules count it as 0, with an info finding). */
  blank: boolean;
  /** True when the cell could not be located at all. */
  missing: boolean;
  pos?: SourcePos;
}

export interface ActiveDisclosureTable {
  regulations: Record<DocumentColumnKey, CellValue>;
  normativeDocuments: Record<DocumentColumnKey, CellValue>;
  licensing: CellValue;
  punishment: CellValue;
  coercion: CellValue;
  administrativeFees: CellValue;
}
export type DocumentRows = Pick<ActiveDisclosureTable, DocumentRowKey>;

export type ApplicationsTable = Record<ApplicationRowKey, Record<ApplicantColumnKey, CellValue>>;
export type ReviewLitigationTable = Record<ReviewGroupKey, Record<ReviewColumnKey, CellValue>>;

export interface ReportTables {
  activeDisclosure: ActiveDisclosureTable | null;
  applications: ApplicationsTable | null;
  reviewLitigation: ReviewLitigationTable | null;
}

export interface TextParagraph {
  text: string;
  pos: SourcePos;
  /** Section the paragraph belongs to; undefined for the preamble (before section 一) and the title. */
  section?: SectionKey;
}

export interface SectionHeading {
  key: SectionKey;
  /** The heading as written (numeral included). */
  text: string;
  /** The numeral/label as written: "五、", "5、", "（五）", "" when absent; auto-numbering label when recovered. */
  numeral: string;
  pos: SourcePos;
}

export interface SectionModel {
  key: SectionKey;
  number: 1 | 2 | 3 | 4 | 5 | 6;
  found: boolean;
  /** Canonical title (glossary). */
  title: string;
  heading?: SectionHeading;
  /** Body paragraphs of the section (tables excluded), in order. */
  paragraphs: TextParagraph[];
}

export interface ReportModel {
  /** Stable within a run. */
  id: string;
  /** Path as given. */
  file: string;
  format: SourceFormat;
  /** Agency as written in the title, whitespace removed; null when not found. */
  agency: string | null;
  agencySource: 'title' | 'period' | 'fileName' | 'none';
  /** The year reported on. */
  year: number | null;
  yearSource: 'title' | 'period' | 'fileName' | 'none';
  template: TemplateVersion;
  /** Old-template tell-tale labels seen in the tables (for structure/outdated-template evidence). */
  templateEvidence: string[];
  /** The title as written (may span two lines, joined). */
  title: string | null;
  titlePos?: SourcePos;
  /** Always six entries, canonical order. */
  sections: SectionModel[];
  /** Section headings in document order, as found (duplicates kept), for order/numbering rules. */
  headingsInOrder: SectionHeading[];
  /** Every paragraph of the document (title and preamble included), in order. */
  paragraphs: TextParagraph[];
  tables: ReportTables;
  /** Where each table found starts (its table block), for highlighting a whole table. */
  tablePos: Partial<Record<TableKey, SourcePos>>;
  /**
   * Standard tables whose section holds a picture where the table should be and no readable table
   * (pasted as an image), at the section heading. Absent when there is none.
   */
  tablesAsImages?: Partial<Record<TableKey, SourcePos>>;
  /** Publication or signature dates found in the document (ISO yyyy-mm-dd) with where they were found. */
  dates: { date: string; kind: 'published' | 'signature'; pos: SourcePos; quote: string }[];
  /** The stated statistics period, when any. */
  statisticsPeriod?: { fromYear: number; toYear: number; quote: string; pos: SourcePos };
  /**
   * The file as read, set by the pipeline: its hash tells identical copies apart from versions,
   * its modification time picks the default current version. Absent in models built by tests.
   */
  fileInfo?: FileInfo;
}

export interface FileInfo {
  sha256: string;
  size: number;
  /** File modification time (ms since the epoch); null when unknown. */
  modifiedMs: number | null;
}

// ───────────────────────── Findings ─────────────────────────

export type { Severity };

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Chinese, self-contained, names the cell in the report's own words and gives the numbers. */
  message: string;
  section?: SectionKey;
  table?: TableKey;
  /** Row key (table-三 row, table-二 row, table-四 group). */
  row?: string;
  /** Column key. */
  column?: string;
  expected?: number;
  actual?: number;
  quote?: string;
  /** Id of the other report, for series/corpus findings. */
  relatedReport?: string;
  /** Source position of the offending cell or paragraph, for highlighting. */
  pos?: SourcePos;
}

// ───────────────────────── Audit run ─────────────────────────

export interface FileFailure {
  file: string;
  /** Chinese, clear enough for an office user. */
  message: string;
}

export interface AuditedReport {
  model: ReportModel;
  /** The reader's notes (e.g. "已按 GBK 编码读取"). */
  notes: string[];
  findings: Finding[];
}

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** Chinese: why, and what to do. */
  message: string;
}

export interface AuditRun {
  reports: AuditedReport[];
  failures: FileFailure[];
  /** Files not audited, with their reasons (clutter included). */
  skipped: SkippedFile[];
  /** Roster, submissions and coverage of the run (absent only in runs built by old tests). */
  workspace?: WorkspaceView;
}

// ───────────────────────── Units and submissions (src/core/workspace) ─────────────────────────

export interface RosterUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  aliases: string[];
}

export interface Roster {
  /** File the roster came from; null when inferred from the reports or typed in the app. */
  source: string | null;
  inferred: boolean;
  units: RosterUnit[];
}

/** Why the current version of a submission is the current one. */
export type CurrentReason = 'only' | 'chosen' | 'newest-time' | 'name-marker' | 'path-order';

/** All files of one unit for one year. */
export interface Submission {
  /** `<unit id or name key>#<year>`: the key of version choices and of the 报送情况 rows. */
  key: string;
  unit: string | null;
  unitName: string;
  year: number;
  current: string;
  currentReason: CurrentReason;
  /** Report ids of different content, current first. */
  versions: string[];
  duplicates: { of: string; files: string[] }[];
}

export interface CoverageYear {
  year: number;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: string[];
  notOnRoster: string[];
}

/** How one report sits in the workspace. */
export interface ReportPlacement {
  unit: string | null;
  /** Unit key: roster unit id, or `name:<normalised agency>` for an unmatched report. */
  unitKey: string;
  unitName: string;
  current: boolean;
  submission: string | null;
  /** For a duplicate file: the report id whose content it repeats. */
  duplicateOf?: string;
  /** Closest roster names for a report that matched no unit. */
  suggestions?: string[];
}

export interface WorkspaceView {
  roster: Roster;
  submissions: Submission[];
  placements: Record<string, ReportPlacement>;
  coverage: CoverageYear[];
}
