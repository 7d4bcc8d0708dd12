/**
 * Character shingles for corpus/copied-section: q-gram hashes, MinHash / LSH sketches that find the
 * candidate pairs, and the exact q-gram filters that settle most candidates before the edit
 * distance of util/similarity.ts — the q-gram lemma (mayReach, sharedNeeded), its positional form
 * (placedAtLeast) and a bound of that from bitmaps (mayPlaceAtLeast). Each filter only rejects
 * pairs that provably cannot reach the threshold.
 */
import { maxEdits } from './similarity';

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

/** A text's q-gram hashes sorted (as sortedShingles), with the position in the text of each. */
export interface PlacedShingles {
  hashes: Uint32Array;
  /** positions[i]: where hashes[i]'s q-gram starts; equal hashes in text order. */
  positions: Uint32Array;
}

/** sortedShingles with positions: a stable radix sort by hash, a byte at a time, of text order. */
export function placedShingles(text: string, q: number = SHINGLE): PlacedShingles {
  let hashes: Uint32Array = shingleHashes(text, q);
  const count = hashes.length;
  let positions: Uint32Array = new Uint32Array(count);
  for (let i = 0; i < count; i++) positions[i] = i;
  let nextHashes: Uint32Array = new Uint32Array(count);
  let nextPositions: Uint32Array = new Uint32Array(count);
  const starts = new Uint32Array(257);
  for (let shift = 0; shift < 32; shift += 8) {
    starts.fill(0);
    for (let i = 0; i < count; i++) {
      const d = (((hashes[i] ?? 0) >>> shift) & 255) + 1;
      starts[d] = (starts[d] ?? 0) + 1;
    }
    for (let d = 1; d < 257; d++) starts[d] = (starts[d] ?? 0) + (starts[d - 1] ?? 0);
    for (let i = 0; i < count; i++) {
      const h = hashes[i] ?? 0;
      const d = (h >>> shift) & 255;
      const to = starts[d] ?? 0;
      starts[d] = to + 1;
      nextHashes[to] = h;
      nextPositions[to] = positions[i] ?? 0;
    }
    [hashes, nextHashes] = [nextHashes, hashes];
    [positions, nextPositions] = [nextPositions, positions];
  }
  return { hashes, positions };
}

/**
 * The positional q-gram filter (Gravano et al., 2001): when `longer` is the longer text and the
 * edit distance is d ≤ `shift`, at least need = |longer| − q + 1 − d·q of its q-grams survive the
 * edits untouched, each found in the other text at most d positions away. So counting longer's
 * q-grams that have an equal hash in `other` within `shift` positions (an upper bound of the
 * survivors) and finding fewer than `need` proves the distance above `shift`. Stronger than the
 * plain count when the shared sentences stand in another order, as in formulaic reports.
 */
export function placedAtLeast(
  longer: PlacedShingles,
  other: PlacedShingles,
  shift: number,
  need: number,
): boolean {
  const { hashes: aH, positions: aP } = longer;
  const { hashes: bH, positions: bP } = other;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < aH.length && j < bH.length) {
    if (n + aH.length - i < need) return false;
    const x = aH[i] ?? 0;
    const y = bH[j] ?? 0;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      let end = j + 1;
      while (end < bH.length && bH[end] === x) end++;
      for (; i < aH.length && aH[i] === x; i++) {
        const p = aP[i] ?? 0;
        for (let t = j; t < end; t++) {
          if (Math.abs((bP[t] ?? 0) - p) <= shift) {
            n++;
            break;
          }
        }
      }
      j = end;
    }
  }
  return n >= need;
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

/** Bits of a placed bitmap (64 words): a 300-shingle section sets about one in seven of `own`. */
export const PLACED_BITMAP_BITS = 2048;
const BITMAP_SHIFT = 32 - Math.log2(PLACED_BITMAP_BITS);

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The positional bound in bitmap form: `own` has a bit per shingle and the window of `width`
 * characters it starts in; `near` a bit per shingle and each window next to or at its own. When
 * width ≥ the edits allowed, a shingle of the longer text with an equal one in the other within
 * that many positions finds its bit set in the other's `near`.
 */
export interface PlacedBitmap {
  own: Uint32Array;
  near: Uint32Array;
  /** Shingles of the text (with repeats). */
  count: number;
}

const placedBit = (hash: number, window: number): number =>
  Math.imul(hash ^ Math.imul(window + 1, 0x85ebca6b), 0x9e3779b1) >>> BITMAP_SHIFT;

const setBit = (bits: Uint32Array, bit: number) => {
  bits[bit >>> 5] = (bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
};

/** The placed bitmap of shingles for windows of `width` characters. */
export function placedBitmap(shingles: PlacedShingles, width: number): PlacedBitmap {
  const own = new Uint32Array(PLACED_BITMAP_BITS / 32);
  const near = new Uint32Array(PLACED_BITMAP_BITS / 32);
  const { hashes, positions } = shingles;
  for (let s = 0; s < hashes.length; s++) {
    const h = hashes[s] ?? 0;
    const window = Math.floor((positions[s] ?? 0) / width);
    setBit(own, placedBit(h, window));
    setBit(near, placedBit(h, window - 1));
    setBit(near, placedBit(h, window));
    setBit(near, placedBit(h, window + 1));
  }
  return { own, near, count: hashes.length };
}

/**
 * False only when placedAtLeast(longer, other, shift, need) is certainly false, for bitmaps of
 * windows at least `shift` wide: a shingle at position i of the longer text with an equal one at
 * j, |i − j| ≤ shift, has its windows at most one apart. A bit of longer's `own` that is not in
 * other's `near` so stands for at least one shingle placedAtLeast does not count, which bounds its
 * count by count − popcount(own & ~near). At most 64 word operations.
 */
export function mayPlaceAtLeast(longer: PlacedBitmap, other: PlacedBitmap, need: number): boolean {
  // Counted as the bits that miss, stopping once more miss than the bound allows.
  const allowed = longer.count - need;
  const x = longer.own;
  const y = other.near;
  let missed = 0;
  for (let w = 0; w < x.length; w++) {
    missed += popcount((x[w] ?? 0) & ~(y[w] ?? 0));
    if (missed > allowed) return false;
  }
  return true;
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
  const maxDistance = maxEdits(longer, threshold);
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
  const maxDistance = maxEdits(longer, threshold);
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
