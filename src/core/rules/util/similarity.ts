/**
 * Text similarity for series/repeated-problems (≥ 80 %) and corpus/copied-section (≥ 90 %).
 *
 * "x % similar" is measured as 1 − d / max(|a|, |b|), d being the Levenshtein (character edit)
 * distance between the two normalised texts: the share of characters a reviewer would have to
 * change to turn one text into the other. Normalisation drops whitespace and punctuation (layout,
 * not wording) and the names given by the caller (rules.md: agencies' names are removed before
 * comparing).
 *
 * Cost: the common prefix and suffix are set aside, then Myers' bit-parallel algorithm computes
 * the exact distance 32 cells at a time — O(|a| · |b| / 32). For corpus-wide comparison, candidate
 * pairs and the exact filters before the edit distance are in util/shingles.ts.
 */

/** Punctuation, symbols and whitespace, ASCII and full-width. */
const NOISE = /[\s\u3000\p{P}\p{S}]/gu;

/** Text reduced to the characters that carry wording; `names` are cut out first (longest first). */
export function normaliseForSimilarity(text: string, names: readonly string[] = []): string {
  let t = text.replace(NOISE, '');
  const cut = names.map((n) => n.replace(NOISE, '')).filter((n) => n.length >= 2);
  cut.sort((a, b) => b.length - a.length);
  for (const n of cut) t = t.split(n).join('');
  return t;
}

/** Bit masks of character occurrences, reused across calls (one slot per UTF-16 code unit). */
const PEQ = new Int32Array(0x10000);

/** Myers' bit-parallel edit distance for a pattern of at most 32 characters (`a` the longer or equal). */
function myers32(a: string, b: string): number {
  const n = a.length;
  const last = 1 << (n - 1);
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let i = 0; i < n; i++) {
    const c = a.charCodeAt(i);
    PEQ[c] = (PEQ[c] ?? 0) | (1 << i);
  }
  for (let i = 0; i < b.length; i++) {
    let eq = PEQ[b.charCodeAt(i)] ?? 0;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < n; i++) PEQ[a.charCodeAt(i)] = 0;
  return score;
}

/**
 * Myers / Hyyrö block version for longer texts: the longer text `b` is cut into 32-character
 * blocks (vertical), the shorter `a` is scanned once per block; horizontal carries between blocks
 * are kept as bit vectors. O(|a| · ⌈|b| / 32⌉) word operations. (JavaScript shifts count modulo 32,
 * which the indexing below relies on.)
 */
function myersBlocks(b: string, a: string): number {
  const n = a.length;
  const m = b.length;
  const hsize = Math.ceil(n / 32);
  const vsize = Math.ceil(m / 32);
  const phc = new Int32Array(hsize).fill(-1);
  const mhc = new Int32Array(hsize);
  let score = m;
  for (let j = 0; j < vsize; j++) {
    const start = j * 32;
    const end = Math.min(32, m - start) + start;
    const lastBlock = j === vsize - 1;
    for (let k = start; k < end; k++) {
      const c = b.charCodeAt(k);
      PEQ[c] = (PEQ[c] ?? 0) | (1 << k);
    }
    let mv = 0;
    let pv = -1;
    for (let i = 0; i < n; i++) {
      const eq = PEQ[a.charCodeAt(i)] ?? 0;
      const w = (i / 32) | 0;
      const pb = ((phc[w] ?? 0) >>> i) & 1;
      const mb = ((mhc[w] ?? 0) >>> i) & 1;
      const xv = eq | mv;
      const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (lastBlock) {
        score += (ph >>> (m - 1)) & 1;
        score -= (mh >>> (m - 1)) & 1;
      }
      if ((ph >>> 31) ^ pb) phc[w] = (phc[w] ?? 0) ^ (1 << i);
      if ((mh >>> 31) ^ mb) mhc[w] = (mhc[w] ?? 0) ^ (1 << i);
      ph = (ph << 1) | pb;
      mh = (mh << 1) | mb;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let k = start; k < end; k++) PEQ[b.charCodeAt(k)] = 0;
  }
  return score;
}

/** Levenshtein (character edit) distance, exact. */
export function editDistance(a0: string, b0: string): number {
  // A common prefix and suffix never change the distance; copies differ in a few places, so
  // setting them aside leaves little to compute (identical texts: nothing).
  let lo = 0;
  const min = Math.min(a0.length, b0.length);
  while (lo < min && a0.charCodeAt(lo) === b0.charCodeAt(lo)) lo++;
  let hi = 0;
  while (hi < min - lo && a0.charCodeAt(a0.length - 1 - hi) === b0.charCodeAt(b0.length - 1 - hi))
    hi++;
  let a = a0.slice(lo, a0.length - hi);
  let b = b0.slice(lo, b0.length - hi);
  if (a.length < b.length) [a, b] = [b, a];
  if (b.length === 0) return a.length;
  return a.length <= 32 ? myers32(a, b) : myersBlocks(a, b);
}

/**
 * Levenshtein distance if it is ≤ maxDistance, otherwise maxDistance + 1. The length difference
 * is a lower bound that settles most non-matches before any real work.
 */
export function boundedEditDistance(a: string, b: string, maxDistance: number): number {
  const k = Math.max(0, Math.floor(maxDistance));
  if (Math.abs(a.length - b.length) > k) return k + 1;
  const d = editDistance(a, b);
  return d > k ? k + 1 : d;
}

/** Similarity in [0, 1] of two already-normalised texts: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - boundedEditDistance(a, b, longer) / longer;
}

/** The most edits a pair whose longer text has `longer` characters may need and be `threshold` similar. */
export function maxEdits(longer: number, threshold: number): number {
  return Math.floor((1 - threshold) * longer + 1e-9);
}

/**
 * True when the normalised texts are at least `threshold` similar; exact, but stops early.
 * Returns the similarity when reached, null otherwise.
 */
export function similarAtLeast(a: string, b: string, threshold: number): number | null {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const maxDistance = maxEdits(longer, threshold);
  const d = boundedEditDistance(a, b, maxDistance);
  if (d > maxDistance) return null;
  return 1 - d / longer;
}
