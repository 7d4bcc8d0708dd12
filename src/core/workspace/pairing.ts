/**
 * The reports of one run form a workspace. Reports of the same agency (normalised name, aliases
 * applied) in consecutive years are paired for the series rules.
 */
import type { ReportModel } from '../model/types';

/** Normalises an agency name for pairing: whitespace and punctuation removed, alias applied. */
export function agencyKey(agency: string | null, aliases: Record<string, string>): string | null {
  if (!agency) return null;
  const clean = (s: string) => s.replace(/[\s\u3000·•、，,（）()]/g, '');
  const name = clean(agency);
  for (const [alias, canonical] of Object.entries(aliases)) {
    if (clean(alias) === name) return clean(canonical);
  }
  return name;
}

export interface SeriesPair {
  report: ReportModel;
  previous: ReportModel;
}

/** Pairs each report with the same agency's report of the previous year, when loaded. */
export function pairConsecutiveYears(reports: readonly ReportModel[], aliases: Record<string, string>): SeriesPair[] {
  const byKey = new Map<string, ReportModel>();
  for (const r of reports) {
    const key = agencyKey(r.agency, aliases);
    if (key === null || r.year === null) continue;
    const k = `${key}\u0000${r.year}`;
    if (!byKey.has(k)) byKey.set(k, r); // first one wins when the same report is loaded twice
  }
  const pairs: SeriesPair[] = [];
  for (const r of reports) {
    const key = agencyKey(r.agency, aliases);
    if (key === null || r.year === null) continue;
    if (byKey.get(`${key}\u0000${r.year}`) !== r) continue;
    const previous = byKey.get(`${key}\u0000${r.year - 1}`);
    if (previous) pairs.push({ report: r, previous });
  }
  return pairs;
}
