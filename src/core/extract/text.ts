/**
 * Text normalisation and the one number parser of the program. Labels are compared after
 * normalisation (full-width → half-width, whitespace and line breaks removed), because real
 * documents mix "（一）" and "(一)", "1．" and "1.", and split labels over lines ("商业\n企业").
 */
import { blankCell, numberCell, textCell } from '../model/factory';
import type { CellValue, SourcePos } from '../model/types';

/**
 * Characters NFKC leaves as they are, alone and next to each other (ASCII, CJK unified
 * ideographs, the common Chinese punctuation; checked over all of Unicode): a text made only of
 * them needs no normalize() call, the costly part of norm.
 */
const NFKC_STABLE =
  /^[\t\n\r\x20-\x7e\u4e00-\u9fff\u3001\u3002\u201c\u201d\u2018\u2019\u300a-\u300d\u3010\u3011\u3014\u3015\u2013\u2014\u00d7\u3008\u3009]*$/;
/** Anything the replacements below change. */
const FOLDED = /[\s\u3000\u00a0“”"「」〔【[〕】\]]/;

/** NFKC folds full-width digits, letters and brackets; whitespace of any kind is dropped. */
export function norm(s: string): string {
  const t = NFKC_STABLE.test(s) ? s : s.normalize('NFKC');
  if (!FOLDED.test(t)) return t;
  return t
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[“”"「」]/g, '"')
    .replace(/[〔【[]/g, '[')
    .replace(/[〕】\]]/g, ']');
}

/** Whitespace removed but characters kept as written (agency names are shown as written). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}

/**
 * Markers offices write for "nothing" in a cell. Every dash-like character Word and WPS produce
 * counts as the dash it shows: hyphen U+2010, non-breaking hyphen U+2011 (w:noBreakHyphen),
 * figure dash U+2012, en/em dash, horizontal bar U+2015, minus sign U+2212, small hyphen-minus
 * U+FE63, soft hyphen U+00AD, box-drawing line U+2500.
 */
const BLANK_MARKERS = /^(?:[-\u2010-\u2015\u2212\ufe58\ufe63\u00ad－─~～/／\\]+|无|空|\/)$/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Units sometimes typed into the cell beside the number. */
const UNIT = /(?:件|个|条|项|次|人次|万元|元)$/;

export type ValueKind = 'number' | 'blank' | 'text';

/** Classifies a cell's text without building a CellValue. */
export function valueKind(raw: string): ValueKind {
  return normKind(norm(raw));
}

/** valueKind of a text given already normalised (norm(raw)). */
export function normKind(n: string): ValueKind {
  const t = n.replace(/，/g, ',');
  if (t === '' || BLANK_MARKERS.test(t)) return 'blank';
  if (NUMBER.test(t.replace(UNIT, ''))) return 'number';
  return 'text';
}

/**
 * Parses one cell: numbers (full-width digits, thousands separators, stray spaces and units
 * tolerated) keep the raw text beside the value; blank markers give blankCell; anything else textCell.
 */
export function parseCell(raw: string, pos?: SourcePos): CellValue {
  const trimmed = raw.trim();
  const t = norm(trimmed).replace(/，/g, ',');
  if (t === '' || BLANK_MARKERS.test(t)) return blankCell(trimmed, pos);
  const body = t.replace(UNIT, '');
  if (NUMBER.test(body)) {
    const value = Number(body.replace(/,/g, ''));
    if (Number.isFinite(value)) return numberCell(value, trimmed, pos);
  }
  return textCell(trimmed, pos);
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
  o: 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "二〇二三" → 2023 (digit by digit, as years are written). */
export function chineseYear(s: string): number | null {
  if (!/^[〇零Oo一二三四五六七八九]{4}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 10 + (CN_DIGITS[ch] ?? 0);
  return n;
}

/** "十二" → 12, "二十" → 20, "三十一" → 31, "五" → 5 (months and days, up to 99). */
export function chineseSmallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? (CN_DIGITS[a] ?? null) : null;
  return (a ? (CN_DIGITS[a] ?? 0) : 1) * 10 + (b ? (CN_DIGITS[b] ?? 0) : 0);
}
