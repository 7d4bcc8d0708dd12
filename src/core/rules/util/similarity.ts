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
 * the exact distance 32 cells at a time — O(|a| · |b| / 32). For corpus-wide comparison, candidate pairs are
 * found elsewhere (MinHash / LSH over character shingles, see shingleSignature); this module also
 * provides the exact q-gram count filter used before the edit distance.
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

/**
 * True when the normalised texts are at least `threshold` similar; exact, but stops early.
 * Returns the similarity when reached, null otherwise.
 */
export function similarAtLeast(a: string, b: string, threshold: number): number | null {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const maxDistance = Math.floor((1 - threshold) * longer + 1e-9);
  const d = boundedEditDistance(a, b, maxDistance);
  if (d > maxDistance) return null;
  return 1 - d / longer;
}

// ───────────── corpus helpers: shingles, MinHash, q-gram filter ─────────────

/** Shingle (q-gram) length: three characters of Chinese are specific enough, short enough to survive edits. */
export const SHINGLE = 3;

/** 32-bit FNV-1a hash of each q-gram of the text, in text order (a multiset). */
export function shingleHashes(text: string, q: number = SHINGLE): Uint32Array {
  const count = Math.max(0, text.length - q + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < q; j++) {
      h ^= text.charCodeAt(i + j);
      h = Math.imul(h, 0x01000193);
    }
    out[i] = h >>> 0;
  }
  return out;
}

/** The q-gram hashes sorted, for multiset intersection. */
export function sortedShingles(text: string, q: number = SHINGLE): Uint32Array {
  return shingleHashes(text, q).sort();
}

/** Size of the multiset intersection of two sorted hash arrays. */
export function commonCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * True when the multiset intersection of two sorted hash arrays has at least `need` elements;
 * stops as soon as the elements left can no longer make up the difference (exactly
 * commonCount(a, b) >= need, in a fraction of the merge for the pairs that fall short).
 */
export function commonAtLeast(a: Uint32Array, b: Uint32Array, need: number): boolean {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (n + Math.min(a.length - i, b.length - j) < need) return false;
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n >= need;
}

/**
 * Shared q-grams two texts need for similarity ≥ `threshold` (the q-gram lemma, see mayReach);
 * null when their lengths alone rule it out.
 */
export function sharedNeeded(
  aLen: number,
  bLen: number,
  threshold: number,
  q: number = SHINGLE,
): number | null {
  const longer = Math.max(aLen, bLen);
  const shorter = Math.min(aLen, bLen);
  if (longer === 0) return 0;
  if (shorter < threshold * longer - 1e-9) return null;
  const maxDistance = Math.floor((1 - threshold) * longer + 1e-9);
  return longer - q + 1 - maxDistance * q;
}

/**
 * The q-gram lemma: two texts within edit distance d share at least max(|a|,|b|) − q + 1 − d·q
 * q-grams. With d ≤ (1 − t)·max this gives a necessary condition for similarity ≥ t, cheap to
 * test (linear) and exact: a pair failing it can never reach the threshold.
 */
export function mayReach(
  aLen: number,
  bLen: number,
  common: number,
  threshold: number,
  q: number = SHINGLE,
): boolean {
  const longer = Math.max(aLen, bLen);
  const shorter = Math.min(aLen, bLen);
  if (longer === 0) return true;
  if (shorter < threshold * longer - 1e-9) return false;
  const maxDistance = Math.floor((1 - threshold) * longer + 1e-9);
  return common >= longer - q + 1 - maxDistance * q;
}

/** Deterministic multipliers of the MinHash family (a fixed LCG, so rules stay pure and repeatable). */
function hashFamily(size: number): { mul: Uint32Array; add: Uint32Array } {
  const mul = new Uint32Array(size);
  const add = new Uint32Array(size);
  let s = 0x2545f491;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  for (let i = 0; i < size; i++) {
    mul[i] = next() | 1;
    add[i] = next();
  }
  return { mul, add };
}

/** LSH layout: 40 bands of 3 rows catch a pair of shingle Jaccard 0.5 with probability > 0.99. */
export const LSH_BANDS = 40;
export const LSH_ROWS = 3;
const FAMILY = hashFamily(LSH_BANDS * LSH_ROWS);

/** MinHash signature of a set of shingle hashes. */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const size = LSH_BANDS * LSH_ROWS;
  const sig = new Uint32Array(size).fill(0xffffffff);
  const { mul, add } = FAMILY;
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] ?? 0;
    for (let i = 0; i < size; i++) {
      // Mix then multiply: a cheap universal-style hash per function.
      let h = Math.imul(x ^ (add[i] ?? 0), mul[i] ?? 1) >>> 0;
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d) >>> 0;
      if (h < (sig[i] ?? 0)) sig[i] = h;
    }
  }
  return sig;
}

/** One key per band of a signature: band index and its rows joined. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let k = `${b}`;
    for (let r = 0; r < LSH_ROWS; r++) k += `:${sig[b * LSH_ROWS + r] ?? 0}`;
    keys.push(k);
  }
  return keys;
}
