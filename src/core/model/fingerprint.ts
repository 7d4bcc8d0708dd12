/**
 * A finding's stable fingerprint: rule id, agency, year and location. Review decisions are keyed
 * by it, so re-auditing or re-importing a changed file keeps them. Deliberately excludes the
 * message wording, the numbers and the file path, which may change between audits.
 */
import type { Finding, ReportModel } from './types';

export function findingFingerprint(report: Pick<ReportModel, 'agency' | 'year' | 'file'>, f: Finding): string {
  const who = report.agency ?? `file:${report.file.split(/[\\/]/).pop() ?? report.file}`;
  const where = [f.section ?? '', f.table ?? '', f.row ?? '', f.column ?? '', quoteKey(f.quote)].join('|');
  return [f.ruleId, who.replace(/\s+/g, ''), report.year ?? '', where].join('#');
}

/** Text findings are told apart by their quote; normalised and bounded so small edits elsewhere do not matter. */
function quoteKey(quote: string | undefined): string {
  if (!quote) return '';
  return quote.replace(/\s+/g, '').slice(0, 40);
}
