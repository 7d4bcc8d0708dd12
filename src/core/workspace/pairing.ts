/**
 * The reports of one run form a workspace. Reports of the same agency (normalised name, aliases
 * applied) in consecutive years are paired for the series rules.
 *
 * Real titles drift between years: "淄博市临淄区工业和信息化局" one year, "临淄区工业和信息化局" the
 * next. Exact names pair first; a report left without a previous year is then paired through its
 * short key (the name without the leading province / city part, agencyShortKey) — but only when
 * exactly one report of the previous year has that short key, so that two cities' 鼓楼区 bodies
 * are never mixed up. Anything else is for the user's aliases.
 */
import type { ReportModel } from '../model/types';
import { placeChain } from './agency-level';

const clean = (s: string) => s.replace(/[\s\u3000·•、，,（）()]/g, '');

/** Normalises an agency name for pairing: whitespace and punctuation removed, alias applied. */
export function agencyKey(agency: string | null, aliases: Record<string, string>): string | null {
  if (!agency) return null;
  const name = clean(agency);
  for (const [alias, canonical] of Object.entries(aliases)) {
    if (clean(alias) === name) return clean(canonical);
  }
  return name;
}

/**
 * The agency key without its leading province / 设区的市 tokens when a more local place follows:
 * "淄博市临淄区工业和信息化局" → "临淄区工业和信息化局", "宜春市樟树市工信局" → "樟树市工信局". A key
 * whose chain has a single place ("淄博市科学技术局") is returned unchanged.
 */
export function agencyShortKey(agency: string | null, aliases: Record<string, string>): string | null {
  const key = agencyKey(agency, aliases);
  if (key === null) return null;
  const chain = placeChain(key);
  let cut = 0;
  for (let i = 0; i < chain.length - 1; i++) {
    const t = chain[i];
    if (!t || !['省', '自治区', '市', '自治州', '州', '盟', '地区'].includes(t.suffix)) break;
    cut += t.text.length;
  }
  return key.slice(cut);
}

export interface SeriesPair {
  report: ReportModel;
  previous: ReportModel;
}

/** Pairs each report with the same agency's report of the previous year, when loaded. */
export function pairConsecutiveYears(reports: readonly ReportModel[], aliases: Record<string, string>): SeriesPair[] {
  const byKey = new Map<string, ReportModel>();
  const byShortKey = new Map<string, ReportModel[]>();
  for (const r of reports) {
    const key = agencyKey(r.agency, aliases);
    if (key === null || r.year === null) continue;
    const k = `${key}\u0000${r.year}`;
    if (byKey.has(k)) continue; // first one wins when the same report is loaded twice
    byKey.set(k, r);
    const s = `${agencyShortKey(r.agency, aliases) ?? key}\u0000${r.year}`;
    byShortKey.set(s, [...(byShortKey.get(s) ?? []), r]);
  }
  const pairs: SeriesPair[] = [];
  for (const r of reports) {
    const key = agencyKey(r.agency, aliases);
    if (key === null || r.year === null) continue;
    if (byKey.get(`${key}\u0000${r.year}`) !== r) continue;
    let previous = byKey.get(`${key}\u0000${r.year - 1}`);
    if (!previous) {
      const candidates = byShortKey.get(`${agencyShortKey(r.agency, aliases) ?? key}\u0000${r.year - 1}`) ?? [];
      if (candidates.length === 1) previous = candidates[0];
    }
    if (previous) pairs.push({ report: r, previous });
  }
  return pairs;
}
