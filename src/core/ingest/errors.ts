/**
 * Expected read failures are values with a Chinese message, never crashes. Readers throw
 * IngestError; the pipeline turns it (and any other error) into a FileFailure. Each carries a
 * reason code from a closed list, so that tests and callers act on the code and never on the
 * wording of the message (which is for people, and may be reworded).
 */
export const INGEST_ERROR_CODES = [
  /** The path is a folder, a device or anything else that is not a regular file. */
  'not-a-file',
  /** The file has no bytes. */
  'empty',
  /** Over a bound of LIMITS: bytes, pages, paragraphs, zip entries, drawing operators. */
  'too-large',
  /** A kind of file (by name or by content) that is not read, or a feature of it that is not. */
  'unsupported',
  /** The content is another format than the name says (a PDF named .html, RTF named .doc …). */
  'wrong-format',
  /** An old format that cannot be read (Word 6/95, Excel 5/95): save it anew. */
  'legacy-unreadable',
  /** Protected by a password. */
  'encrypted',
  /** Damaged, truncated or malformed structure. */
  'corrupt',
  /** A zip whose declared sizes or ratios make it a decompression bomb. */
  'zip-bomb',
  /** Reading took longer than LIMITS allow. */
  'timeout',
  /** A PDF of page images (a scan): no text to read. */
  'scanned',
  /** No readable text at all. */
  'no-text',
  /** A PDF whose fonts map glyphs to no real characters (text would be garbage). */
  'unmapped-fonts',
] as const;

export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export class IngestError extends Error {
  constructor(
    message: string,
    readonly code: IngestErrorCode,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

/** Bounds on the work done for one file, checked before decompressing or parsing. */
export const LIMITS = {
  /** Any input file on disk. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Text-like inputs (.txt, .md, .html): a real report is well under 1 MB. */
  maxTextBytes: 4 * 1024 * 1024,
  /** Sum of uncompressed sizes declared in a .docx/.xlsx zip directory. */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** Largest single zip entry once uncompressed. */
  maxEntryBytes: 100 * 1024 * 1024,
  /** Declared compression ratio above which a zip is treated as a bomb. */
  maxCompressionRatio: 200,
  /** Paragraph + table blocks kept per document. */
  maxBlocks: 20_000,
  /** Cells per table grid (rows × columns). */
  maxTableCells: 100_000,
  /** Pages of a PDF: an annual report runs to a few dozen; more is a compilation or a book. */
  maxPdfPages: 300,
  /** Wall-clock time for reading one PDF (pdf.js parsing and layout analysis), milliseconds. */
  maxPdfMillis: 60_000,
  /** Drawing operators looked at on one PDF page (a map or a vector drawing has millions). */
  maxPdfPageOps: 400_000,
} as const;
