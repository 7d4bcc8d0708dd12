/**
 * Small text-comparison helpers for the year comparison: a similarity ratio and a diff into
 * equal / removed / added runs. Character-level where the texts are small enough for an LCS
 * table; sentence-level otherwise, so a long section never stalls the UI.
 */
import { at } from '../../../core/model/checked';

export type DiffOp = 'equal' | 'removed' | 'added';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

const MAX_CELLS = 2_500_000;

function splitSentences(s: string): string[] {
  return s.match(/[^。；！？\n]+[。；！？\n]?|[。；！？\n]/g) ?? [];
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // dp[i][j] = LCS length of a[i..] and b[j..], rows of Uint32 to keep memory flat.
  const dp: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) dp.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = at(dp, i);
    const next = at(dp, i + 1);
    const ai = a[i];
    // Indices stay within the rows (length m + 1): `?? 0` only satisfies the index type.
    for (let j = m - 1; j >= 0; j--) {
      row[j] = ai === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const x = at(a, i);
    const y = at(b, j);
    if (x === y) {
      push('equal', x);
      i++;
      j++;
    } else if ((at(dp, i + 1)[j] ?? 0) >= (at(dp, i)[j + 1] ?? 0)) {
      push('removed', x);
      i++;
    } else {
      push('added', y);
      j++;
    }
  }
  while (i < n) push('removed', at(a, i++));
  while (j < m) push('added', at(b, j++));
  return parts;
}

/** Diff of two texts: removed parts belong to `a` (the earlier year), added parts to `b`. */
export function diffText(a: string, b: string): DiffPart[] {
  const ca = Array.from(a);
  const cb = Array.from(b);
  if ((ca.length + 1) * (cb.length + 1) <= MAX_CELLS) return lcsDiff(ca, cb);
  return lcsDiff(splitSentences(a), splitSentences(b));
}

/** Similarity in [0, 1]: 2·|common| / (|a| + |b|), on characters (whitespace ignored). */
export function similarity(a: string, b: string): number {
  const na = a.replace(/\s+/g, '');
  const nb = b.replace(/\s+/g, '');
  if (!na && !nb) return 1;
  if (!na || !nb) return 0;
  const parts = diffText(na, nb);
  let common = 0;
  for (const p of parts) if (p.op === 'equal') common += Array.from(p.text).length;
  return (2 * common) / (Array.from(na).length + Array.from(nb).length);
}
