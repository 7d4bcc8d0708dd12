/**
 * corpus/copied-section — rules.md, Across agencies:
 * "a section 一 or 五 of one agency is ≥ 90 % similar to another agency's (names of the agencies
 * removed before comparing)".
 *
 * Similarity as in util/similarity.ts: 1 − edit distance / longer length on text without
 * whitespace, punctuation, both agencies' names (and their parts: 淄博市, 临淄区, 工业和信息化局) and
 * with every run of digits masked (a copied template with other numbers filled in is still copied).
 * Sections shorter than 40 characters after that are formulaic and not compared.
 *
 * It must scale to a whole city's reports (500 reports in seconds), so no all-pairs diff:
 *   1. each section gets a MinHash signature over its 3-character shingles and is put in 40 LSH
 *      buckets (bands of 3 rows); pairs sharing a bucket are candidates — a pair ≥ 90 % similar
 *      shares at least ~70 % of its shingles (q-gram lemma), and is then caught with probability
 *      above 0.999;
 *   2. on candidates only: same agency (aliases applied, or the same name once the leading city is
 *      dropped — workspace/pairing.ts) is skipped, then a length test, two exact filters from the
 *      positional q-gram lemma (texts d edits apart share at least longer − 2 − 3d shingles, each
 *      found at most d positions away) — first a bound of that count from 2,048-bit bitmaps of
 *      shingle and position window (util/shingles.ts, placedBitmap), then the count itself — and
 *      the edit distance decides exactly. The filters only drop pairs that provably cannot reach
 *      90 %, so the findings are the edit distance's alone; they matter because formulaic reports
 *      (sentences of one pool in varying order) make most pairs candidates: three in four in the
 *      2,000-report benchmark, where the bitmaps leave one candidate in 400 and the count one in
 *      15,000 for the edit distance.
 * Each report gets at most one finding per section, naming the most similar other report as
 * relatedReport and counting the others — one finding per pair would bury a report copied by
 * twenty agencies under twenty identical findings with the same fingerprint.
 * On 2,000 reports it runs for seconds, so it reports its progress (CorpusContext.progress): per
 * section, the sketches, then the pairs as each document's bucket-mates are visited. Agencies'
 * names in another agency's text are found once per document (markMentions), not per pair.
 */
import type { SectionKey } from '../../model/glossary';
import { at } from '../../model/checked';
import type { ReportModel } from '../../model/types';
import { agencyKey, agencyShortKey } from '../../workspace/pairing';
import type { CorpusRule, Draft } from '../types';
import {
  bandKeys,
  mayPlaceAtLeast,
  minHashSignature,
  placedAtLeast,
  placedShingles,
  sharedNeeded,
  placedBitmap,
  type PlacedShingles,
  type PlacedBitmap,
} from '../util/shingles';
import { maxEdits, normaliseForSimilarity, similarAtLeast } from '../util/similarity';
import { agencyNames, sectionText, type SectionText } from '../util/similarity-sections';

export const COPIED_SECTION_THRESHOLD = 0.9;
/** Shorter sections are formulaic ("无"), not copied. */
export const MIN_COPIED_LENGTH = 40;

const COMPARED: readonly { key: SectionKey; name: string }[] = [
  { key: 'overview', name: '第一部分“总体情况”' },
  { key: 'problems', name: '第五部分“存在的主要问题及改进情况”' },
];

const DIGIT_RUN = /[0-9０-９]+/g;

interface Doc {
  report: ReportModel;
  /** The agency's key (aliases applied) as a small number, compared for every pair. */
  agency: number;
  /** Without the leading province / city ("临淄区…" for "淄博市临淄区…"): the same agency under a drifting title. */
  shortAgency: number;
  names: string[];
  section: SectionText;
  /** Own names removed. */
  text: string;
  shingles: PlacedShingles;
  /** placedBitmap(shingles, 2^k) at index k, made when a pair first needs it (one or two k). */
  placedBits: (PlacedBitmap | undefined)[];
  /** The names of the corpus's agencies (any doc's `names`) that occur in `text`: mostly none. */
  mentioned: readonly string[];
}

/** The two characters at `i` as one number. */
const pairAt = (s: string, i: number): number => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);

/**
 * Fills each doc's `mentioned` in one pass over its text, not a search per pair (nor per name):
 * the names of two characters or more are indexed by their first two, and each position of the
 * text looks up the names starting with its own two.
 */
function markMentions(docs: readonly Doc[]): void {
  const byStart = new Map<number, string[]>();
  const short = new Set<string>();
  for (const d of docs) {
    for (const n of d.names) {
      if (n.length < 2) short.add(n);
      else {
        const list = byStart.get(pairAt(n, 0));
        if (!list) byStart.set(pairAt(n, 0), [n]);
        else if (!list.includes(n)) list.push(n);
      }
    }
  }
  for (const d of docs) {
    const { text } = d;
    const found = new Set<string>();
    for (const n of short) if (text.includes(n)) found.add(n);
    for (let i = 0; i + 1 < text.length; i++) {
      for (const n of byStart.get(pairAt(text, i)) ?? []) if (text.startsWith(n, i)) found.add(n);
    }
    d.mentioned = [...found];
  }
}

interface Match {
  other: Doc;
  similarity: number;
}

function prepare(text: string, names: readonly string[]): string {
  return normaliseForSimilarity(text, names).replace(DIGIT_RUN, '#');
}

/** `d`'s text with `other`'s names removed too, when it mentions them; null when its own text serves. */
function crossText(d: Doc, other: Doc): string | null {
  if (d.mentioned.length === 0 || !other.names.some((n) => d.mentioned.includes(n))) return null;
  return prepare(d.section.text, [...d.names, ...other.names]);
}

/** `d`'s placed bitmap for windows of the power of two at or above `shift`. */
function placedBitsOf(d: Doc, shift: number): PlacedBitmap {
  const level = 32 - Math.clz32(Math.max(1, shift) - 1);
  const made = d.placedBits[level];
  if (made) return made;
  const bits = placedBitmap(d.shingles, 2 ** level);
  d.placedBits[level] = bits;
  return bits;
}

/**
 * The pair's texts with both agencies' names removed, and their exact similarity when ≥ threshold.
 * Before the edit distance, three exact filters, cheapest first; each only rejects pairs that
 * provably cannot reach the threshold, so the findings are those of the edit distance alone.
 */
function verify(a: Doc, b: Doc): number | null {
  const aText = crossText(a, b);
  const bText = crossText(b, a);
  const x = aText ?? a.text;
  const y = bText ?? b.text;
  if (Math.min(x.length, y.length) < MIN_COPIED_LENGTH) return null;
  const need = sharedNeeded(x.length, y.length, COPIED_SECTION_THRESHOLD);
  if (need === null) return null;
  const shift = maxEdits(Math.max(x.length, y.length), COPIED_SECTION_THRESHOLD);
  const aLonger = x.length >= y.length;
  // 1. The bitmaps' bound on the positional count (own texts, whose bitmaps are kept): in a
  //    formulaic corpus nearly every candidate falls far short, settled in 64 word operations.
  if (aText === null && bText === null) {
    const aBits = placedBitsOf(a, shift);
    const bBits = placedBitsOf(b, shift);
    if (!mayPlaceAtLeast(aLonger ? aBits : bBits, aLonger ? bBits : aBits, need)) return null;
  }
  // 2. The positional q-gram count itself: shingles shared within the edits' reach.
  const xs = aText === null ? a.shingles : placedShingles(x);
  const ys = bText === null ? b.shingles : placedShingles(y);
  if (!placedAtLeast(aLonger ? xs : ys, aLonger ? ys : xs, shift, need)) return null;
  return similarAtLeast(x, y, COPIED_SECTION_THRESHOLD);
}

/**
 * Share of one section's work spent on the sketches (texts, shingles, MinHash), before the pairs;
 * the pair loop's share moves with the bucket-mates each document visits.
 */
const SKETCH_SHARE = 0.1;

function copiedIn(
  reports: readonly ReportModel[],
  key: SectionKey,
  aliases: Record<string, string>,
  tick: (share: number) => void,
): Map<Doc, Match[]> {
  const docs: Doc[] = [];
  const keysOf: string[][] = [];
  const ids = new Map<string, number>();
  const idOf = (k: string): number => {
    const known = ids.get(k);
    if (known !== undefined) return known;
    ids.set(k, ids.size);
    return ids.size - 1;
  };
  for (const [index, report] of reports.entries()) {
    tick((SKETCH_SHARE * index) / reports.length);
    const agency = agencyKey(report.agency, aliases);
    const section = sectionText(report, key);
    if (agency === null || section === null) continue;
    const names = agencyNames(report.agency);
    const text = prepare(section.text, names);
    if (text.length < MIN_COPIED_LENGTH) continue;
    const shortAgency = agencyShortKey(report.agency, aliases) ?? agency;
    const shingles = placedShingles(text);
    keysOf.push(bandKeys(minHashSignature(shingles.hashes)));
    docs.push({
      report,
      agency: idOf(agency),
      shortAgency: idOf(shortAgency),
      names,
      section,
      text,
      shingles,
      placedBits: [],
      mentioned: [],
    });
  }
  markMentions(docs);

  tick(SKETCH_SHARE);

  // 1. Candidates: pairs sharing an LSH bucket.
  // Each doc's buckets with its own place in them (lists ascend, so the later mates follow it).
  const buckets = new Map<string, number[]>();
  const slotsOf = keysOf.map((keys, i) =>
    keys.map((k) => {
      const list = buckets.get(k);
      if (!list) {
        const fresh = [i];
        buckets.set(k, fresh);
        return { list: fresh, from: 1 };
      }
      list.push(i);
      return { list, from: list.length };
    }),
  );
  // The pair loop's work at doc i, for the progress: its bucket-mates after it.
  const later = new Float64Array(docs.length);
  let work = 0;
  for (const list of buckets.values()) {
    list.forEach((i, p) => (later[i] = (later[i] ?? 0) + list.length - p - 1));
    work += (list.length * (list.length - 1)) / 2;
  }
  let worked = 0;
  const matches = new Map<Doc, Match[]>();
  const add = (d: Doc, m: Match) => {
    const list = matches.get(d);
    if (list) list.push(m);
    else matches.set(d, [m]);
  };
  // Each pair once: doc i visits the later docs of its buckets, marking those it has seen. (A set
  // of pair ids grew with the square of a formulaic corpus — 7 s and hundreds of MB at 2,000.)
  const seenBy = new Int32Array(docs.length).fill(-1);
  for (let i = 0; i < docs.length; i++) {
    const a = at(docs, i);
    for (const { list, from } of at(slotsOf, i)) {
      for (let p = from; p < list.length; p++) {
        const j = list[p];
        if (j === undefined || seenBy[j] === i) continue;
        seenBy[j] = i;
        const b = docs[j];
        if (b === undefined || a.agency === b.agency || a.shortAgency === b.shortAgency) continue;
        // 2. Exact verification on candidates only.
        const sim = verify(a, b);
        if (sim === null) continue;
        add(a, { other: b, similarity: sim });
        add(b, { other: a, similarity: sim });
      }
    }
    worked += later[i] ?? 0;
    tick(SKETCH_SHARE + (1 - SKETCH_SHARE) * (work > 0 ? worked / work : 1));
  }
  tick(1);
  return matches;
}

export const corpusCopiedSection: CorpusRule = {
  meta: {
    id: 'corpus/copied-section',
    severity: 'warning',
    title: '内容与其他单位雷同',
    description:
      '第一部分“总体情况”或第五部分“存在的主要问题及改进情况”与另一单位报告的相应部分相似度达到 90% 以上（已去除双方单位名称和数字），可能是套用或抄袭其他单位的报告。',
    values: 'percent',
  },
  scope: 'corpus',
  check: ({ reports, settings, progress }) => {
    const out: { reportId: string; draft: Draft }[] = [];
    const order = new Map(reports.map((r, i) => [r, i]));
    for (const [part, { key, name }] of COMPARED.entries()) {
      const tick = (share: number) => progress?.(part + share, COMPARED.length);
      const matches = copiedIn(reports, key, settings.aliases, tick);
      for (const doc of [...matches.keys()].sort(
        (a, b) => (order.get(a.report) ?? 0) - (order.get(b.report) ?? 0),
      )) {
        const list = (matches.get(doc) ?? []).sort(
          (a, b) =>
            b.similarity - a.similarity ||
            (order.get(a.other.report) ?? 0) - (order.get(b.other.report) ?? 0),
        );
        const best = list[0];
        if (!best) continue;
        const percent = Math.floor(best.similarity * 100);
        const other = best.other.report;
        const who = `${other.agency ?? other.file}${other.year !== null ? `${other.year}年度` : ''}报告`;
        const more =
          list.length > 1
            ? `；另有 ${list.length - 1} 份其他单位的报告与之相似度也在 90% 以上`
            : '';
        out.push({
          reportId: doc.report.id,
          draft: {
            section: key,
            relatedReport: other.id,
            actual: percent,
            quote: doc.section.opening,
            ...(doc.section.pos ? { pos: doc.section.pos } : {}),
            message: `${name}与${who}的相应部分相似度为 ${percent}%（已去除双方单位名称，达到 90% 即提示）${more}，可能套用了其他单位的报告内容。`,
          },
        });
      }
    }
    return out;
  },
};
