/**
 * A finding's stable fingerprint: rule id, agency, year, location and the file name of the
 * version it was found in. Review decisions are keyed by it, so re-auditing or re-importing a
 * changed file keeps them, while a decision taken on one version of a unit's report never shows
 * on another version (or copy) of the same unit and year: those are different files. Deliberately
 * excludes the message wording, the numbers and the folder, which may change between audits.
 */
import type { Finding, ReportModel } from './types';

function fileNameOf(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * `<agency>#<year>`: the unit-and-year part of every fingerprint, and the key the workspace stores
 * with each decision to know which report it belongs to. ONE function for both, so they cannot
 * drift (a drift would silently detach decisions from their reports). The agency as written with
 * all whitespace removed (full-width spaces included); a report without an agency is known by its
 * file name.
 */
export function unitYearKey(report: Pick<ReportModel, 'agency' | 'year' | 'file'>): string {
  const who = report.agency ?? `file:${fileNameOf(report.file)}`;
  return `${who.replace(/\s+/g, '')}#${report.year ?? ''}`;
}

/** The fingerprint without its version part: the same finding in any version of one submission. */
export function findingKey(
  report: Pick<ReportModel, 'agency' | 'year' | 'file'>,
  f: Finding,
): string {
  const where = [
    f.section ?? '',
    f.table ?? '',
    f.row ?? '',
    f.column ?? '',
    quoteKey(f.quote),
  ].join('|');
  return [f.ruleId, unitYearKey(report), where].join('#');
}

export function findingFingerprint(
  report: Pick<ReportModel, 'agency' | 'year' | 'file'>,
  f: Finding,
): string {
  return `${findingKey(report, f)}#${versionTag(report.file)}`;
}

/** The version part of a fingerprint. */
export function versionTag(file: string): string {
  return `v:${fileNameOf(file)}`;
}

/** A fingerprint written before versions were told apart (no version tag). */
export function isUnversionedFingerprint(fp: string): boolean {
  return !/#v:[^#]*$/.test(fp);
}

/** Text findings are told apart by their quote; normalised and bounded so small edits elsewhere do not matter. */
function quoteKey(quote: string | undefined): string {
  if (!quote) return '';
  return quote.replace(/\s+/g, '').slice(0, 40);
}

/**
 * What a report says, independent of the file it came in: every table value and the text of the
 * six sections, whitespace and punctuation removed. Two files with the same key are copies of one
 * version (a .docx and its saved web page, a file sent twice); different keys are different
 * versions. A 64-bit FNV-1a hash, printed as hex: plain code, no Node import, so it runs anywhere.
 */
export function contentKey(report: Pick<ReportModel, 'tables' | 'sections'>): string {
  const parts: string[] = [];
  const visit = (v: unknown): void => {
    if (v === null || v === undefined) parts.push('∅');
    else if (typeof v !== 'object') return;
    else if ('value' in v && 'raw' in v) {
      // A table cell: its number, or whether it was left blank.
      const value = typeof v.value === 'number' ? v.value : null;
      const blank = 'blank' in v && v.blank === true;
      parts.push(value === null ? (blank ? 'b' : '∅') : String(value));
    } else {
      const entries: [string, unknown][] = Object.entries(v);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [, child] of entries) visit(child);
    }
  };
  visit(report.tables);
  for (const s of report.sections) {
    parts.push(`§${s.key}:${s.found ? 1 : 0}`);
    for (const p of s.paragraphs) parts.push(p.text.replace(/[\s\u3000\p{P}]/gu, ''));
  }
  return fnv1a64(parts.join('\u0001'));
}

function fnv1a64(s: string): string {
  // Two 32-bit FNV-1a lanes with different offsets: enough to tell versions apart, no BigInt needed.
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
