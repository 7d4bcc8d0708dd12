/**
 * One identity per unit (issue 8): which unit of the roster a report belongs to, however its title
 * names the unit this year.
 *
 * Real titles drift: "淄博市临淄区工业和信息化局" one year, "临淄区工业和信息化局" the next; "洪泽区人民政府"
 * in the 2023 title, "淮安市洪泽区人民政府" in 2024. A name is matched, in this order, by
 *   1. the reviewer's aliases (settings.aliases: name as written → unit name), then the roster's
 *      own names and aliases, after normalisation (whitespace and punctuation removed);
 *   2. the short key — the name without its leading province / 设区的市 tokens — but only when
 *      exactly one unit has that short key, so that two cities' 鼓楼区 bodies are never mixed up.
 * Anything else is unmatched, with the closest roster names offered as suggestions; the reviewer's
 * choice is remembered as an alias.
 *
 * The cross-year pairing, 总览, 报送情况, 年度对比 and the exports all go through here.
 */
import { at } from '../model/checked';
import { dice } from '../rules/util/text';
import { placeChain } from './agency-level';

export { dice };

const PUNCTUATION = /[\s\u3000·•、，,。.（）()【】[\]《》“”"'‘’:：;；]/g;

/** A name with whitespace and punctuation removed: the form every comparison uses. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(PUNCTUATION, '');
}

/** Normalises an agency name and applies the reviewer's aliases (alias → canonical name). */
export function agencyKey(
  agency: string | null,
  aliases: Readonly<Record<string, string>>,
): string | null {
  if (!agency) return null;
  const name = normaliseName(agency);
  if (!name) return null;
  for (const [alias, canonical] of Object.entries(aliases)) {
    if (normaliseName(alias) === name) return normaliseName(canonical);
  }
  return name;
}

/** Leading place tokens that a title may add or drop from one year to the next. */
const DROPPABLE_SUFFIXES = new Set(['省', '自治区', '市', '自治州', '州', '盟', '地区']);

/**
 * The key without its leading province / 设区的市 tokens when a more local place follows:
 * "淄博市临淄区工业和信息化局" → "临淄区工业和信息化局", "淮安市洪泽区人民政府" → "洪泽区人民政府". A key
 * whose chain has a single place ("淄博市科学技术局") is returned unchanged.
 */
export function shortKeyOf(key: string): string {
  const chain = placeChain(key);
  let cut = 0;
  for (let i = 0; i < chain.length - 1; i++) {
    const t = chain[i];
    if (!t || !DROPPABLE_SUFFIXES.has(t.suffix)) break;
    cut += t.text.length;
  }
  return key.slice(cut);
}

/** agencyKey, then shortKeyOf. */
export function agencyShortKey(
  agency: string | null,
  aliases: Readonly<Record<string, string>>,
): string | null {
  const key = agencyKey(agency, aliases);
  return key === null ? null : shortKeyOf(key);
}

/** What identity needs of a unit: its id and every name it goes by. */
export interface NamedUnit {
  id: string;
  name: string;
  aliases: readonly string[];
}

export type UnitMatch =
  { unitId: string; how: 'name' | 'alias' | 'short' } | { unitId: null; suggestions: string[] };

/** Matches names to units; built once per roster and reused for every report. */
export class UnitMatcher {
  private readonly byKey = new Map<string, { unitId: string; how: 'name' | 'alias' }>();
  private readonly byShort = new Map<string, Set<string>>();
  private readonly names: { id: string; name: string; key: string }[] = [];

  constructor(
    units: readonly NamedUnit[],
    private readonly aliases: Readonly<Record<string, string>> = {},
  ) {
    for (const u of units) {
      const own = normaliseName(u.name);
      this.names.push({ id: u.id, name: u.name, key: own });
      if (own && !this.byKey.has(own)) this.byKey.set(own, { unitId: u.id, how: 'name' });
      for (const a of u.aliases) {
        const k = normaliseName(a);
        if (k && !this.byKey.has(k)) this.byKey.set(k, { unitId: u.id, how: 'alias' });
      }
      for (const n of [u.name, ...u.aliases]) {
        const k = normaliseName(n);
        if (!k) continue;
        const s = shortKeyOf(k);
        const set = this.byShort.get(s) ?? new Set<string>();
        set.add(u.id);
        this.byShort.set(s, set);
      }
    }
  }

  match(agency: string | null): UnitMatch {
    const key = agencyKey(agency, this.aliases);
    if (key === null) return { unitId: null, suggestions: [] };
    const exact = this.byKey.get(key);
    if (exact) return exact;
    const candidates = this.byShort.get(shortKeyOf(key));
    if (candidates && candidates.size === 1)
      return { unitId: at([...candidates], 0), how: 'short' };
    return { unitId: null, suggestions: this.suggest(key) };
  }

  /** The closest roster names (character-bigram Dice ≥ 0.5), best first, at most three. */
  private suggest(key: string): string[] {
    const short = shortKeyOf(key);
    return this.names
      .map((n) => ({
        name: n.name,
        score: Math.max(dice(key, n.key), dice(short, shortKeyOf(n.key))),
      }))
      .filter((x) => x.score >= 0.5)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, 3)
      .map((x) => x.name);
  }
}
