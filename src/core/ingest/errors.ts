/**
 * Expected read failures are values with a Chinese message, never crashes. Readers throw
 * IngestError; the pipeline turns it (and any other error) into a FileFailure.
 */
export class IngestError extends Error {
  constructor(message: string) {
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
