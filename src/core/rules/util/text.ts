/**
 * Shared helpers of the text-facing rules (structure/*, text/*, consistency/*, problems/*,
 * other/*, timeliness/*): naming a place in the report's own words, finding patterns in
 * paragraphs with their character range (so the viewer can highlight the quote), reading
 * numbers written in the narrative, and telling page chrome from report text.
 */
import { SECTIONS, SECTION_NUMERALS, type SectionKey } from '../../model/glossary';
import type { ReportModel, SectionModel, SourcePos, TextParagraph } from '../../model/types';
import type { Draft } from '../types';

/** 「第五部分「存在的主要问题及改进情况」」: the section as the report itself titles it. */
export function sectionPlace(report: ReportModel, key: SectionKey): string {
  const section = report.sections.find((s) => s.key === key);
  const def = SECTIONS.find((s) => s.key === key);
  const numeral = SECTION_NUMERALS[(def?.number ?? 1) - 1] ?? '';
  const title = section?.heading
    ? headingTitle(section.heading.text, section.heading.numeral)
    : (def?.title ?? key);
  return `第${numeral}部分「${title || def?.title || key}」`;
}

/** Where a paragraph stands, for messages: its section, or the opening part before section 一. */
export function paragraphPlace(report: ReportModel, p: TextParagraph): string {
  if (p.section) return sectionPlace(report, p.section);
  return report.titlePos && p.pos.block === report.titlePos.block ? '报告标题' : '报告开头部分';
}

/** The heading text without its numeral and Markdown marks: "5、 政府信息…" → "政府信息…". */
export function headingTitle(text: string, numeral: string): string {
  let t = text.replace(/^#+\s*/, '').trim();
  if (numeral && t.startsWith(numeral)) t = t.slice(numeral.length);
  return t.replace(/^[\s、.．]+/, '').trim();
}

export function sectionOf(report: ReportModel, key: SectionKey): SectionModel | undefined {
  return report.sections.find((s) => s.key === key);
}

/** Body paragraphs of a found section ([] when the section was not found). */
export function sectionParagraphs(report: ReportModel, key: SectionKey): TextParagraph[] {
  const s = sectionOf(report, key);
  return s?.found ? s.paragraphs : [];
}

/**
 * Web pages wrap the report in chrome: breadcrumbs, 索引号/文号/发文日期 metadata, 字号/打印
 * buttons. Their "文号: 〔〕号" is the portal's empty field, not the report's text.
 */
export function isPageChrome(text: string): boolean {
  const t = text.trim();
  return (
    /索引号\s*[:：]/.test(t) ||
    /^(文\s*号|发文日期|发布机构|发布日期|成文日期|标\s*题|来源|浏览次数)\s*[:：]/.test(t) ||
    /^[•·]\s*\S{0,4}\s*[:：|]?$/.test(t) ||
    /^首页\s/.test(t)
  );
}

/** Paragraphs before section 一 (title and preamble), page chrome excluded. */
export function preambleParagraphs(report: ReportModel): TextParagraph[] {
  return report.paragraphs.filter((p) => p.section === undefined && !isPageChrome(p.text));
}

/** Full-width ASCII (digits, letters, punctuation) to half-width, one UTF-16 unit for one: offsets survive. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export interface Hit {
  /** The matched text as written. */
  text: string;
  start: number;
  end: number;
  /** Capture groups, half-width (undefined when a group did not take part). */
  groups: (string | undefined)[];
  /** Where each capture group sits in the text as written (undefined when it did not take part). */
  spans: ({ start: number; end: number } | undefined)[];
}

/**
 * Every match of `pattern` in `text`, searched on the half-width form so that "１２件" reads as
 * "12件" while the offsets still point into the text as written.
 */
export function findAll(text: string, pattern: RegExp): Hit[] {
  let flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
  if (!flags.includes('d')) flags += 'd';
  const re = new RegExp(pattern.source, flags);
  const hay = toHalfWidth(text);
  const out: Hit[] = [];
  for (const m of hay.matchAll(re)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (end === start) continue;
    const spans = (m.indices ?? [])
      .slice(1)
      .map((r) => (r ? { start: r[0], end: r[1] } : undefined));
    out.push({ text: text.slice(start, end), start, end, groups: m.slice(1), spans });
  }
  return out;
}

/** First match of any paragraph, in order. */
export function firstHit(
  paragraphs: readonly TextParagraph[],
  pattern: RegExp,
): { paragraph: TextParagraph; hit: Hit } | undefined {
  for (const paragraph of paragraphs) {
    const hit = findAll(paragraph.text, pattern)[0];
    if (hit) return { paragraph, hit };
  }
  return undefined;
}

/** The paragraph position narrowed to a character range, for highlighting. */
export function posAt(p: TextParagraph, start: number, end: number): SourcePos {
  return { ...p.pos, start, end };
}

/**
 * A paragraph made of hard-wrapped lines (see joinWrapped): the joined text, and where each line
 * starts in it, so that findings still point at the line as it stands in the document.
 */
export interface JoinedParagraph extends TextParagraph {
  parts: { paragraph: TextParagraph; offset: number }[];
}

function isJoined(p: TextParagraph): p is JoinedParagraph {
  return 'parts' in p && Array.isArray(p.parts);
}

/**
 * A draft pointing at `text.slice(start, end)` of paragraph `p`. For a joined paragraph the quote
 * is the whole statement and the position is the line where it starts (clipped to that line).
 */
export function quoteDraft(
  p: TextParagraph,
  start: number,
  end: number,
  fields: Omit<Draft, 'quote' | 'pos'>,
): Draft {
  const section = p.section ? { section: p.section } : {};
  if (!isJoined(p))
    return { ...section, ...fields, quote: p.text.slice(start, end), pos: posAt(p, start, end) };
  const part = [...p.parts].reverse().find((x) => x.offset <= start) ?? p.parts[0];
  if (!part) return { ...section, ...fields, quote: p.text.slice(start, end) };
  const localStart = start - part.offset;
  const localEnd = Math.min(end - part.offset, part.paragraph.text.length);
  return {
    ...section,
    ...fields,
    quote: p.text.slice(start, end),
    pos: posAt(part.paragraph, localStart, localEnd),
  };
}

/** A line this long that stops without a sentence end is taken for a hard-wrapped line. */
export const WRAPPED_LINE_MIN = 20;

/**
 * Plain text from a PDF arrives one printed line per paragraph, breaking statements such as
 * "受理政府\n信息公开申请 95 件" apart. Consecutive paragraphs of one section are joined (without a
 * separator, as the break fell inside the text) when the first is at least WRAPPED_LINE_MIN
 * characters long and does not end a sentence or clause (。！？；：). Short lines — headings, table
 * cells — are never joined, so ordinary documents come through unchanged.
 */
export function joinWrapped(paragraphs: readonly TextParagraph[]): TextParagraph[] {
  const out: TextParagraph[] = [];
  let current: JoinedParagraph | null = null;
  let last: TextParagraph | null = null;
  for (const p of paragraphs) {
    const wrapped =
      last !== null &&
      current !== null &&
      last.section === p.section &&
      last.text.trim().length >= WRAPPED_LINE_MIN &&
      !/[。！？；：!?;:]\s*$/.test(last.text);
    if (wrapped && current) {
      current.parts.push({ paragraph: p, offset: current.text.length });
      current.text += p.text;
    } else {
      if (current)
        out.push(current.parts.length === 1 ? (current.parts[0]?.paragraph ?? current) : current);
      current = {
        text: p.text,
        pos: p.pos,
        ...(p.section ? { section: p.section } : {}),
        parts: [{ paragraph: p, offset: 0 }],
      };
    }
    last = p;
  }
  if (current)
    out.push(current.parts.length === 1 ? (current.parts[0]?.paragraph ?? current) : current);
  return out;
}

/** Sentence boundaries: 。！？ and line ends. Returns [start, end) ranges, end including the mark. */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '。' || c === '！' || c === '？' || c === '\n' || c === '!' || c === '?') {
      if (i + 1 > start) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** A window of at most `before`/`after` characters around [start, end), not crossing a clause mark. */
export function clauseWindow(
  text: string,
  start: number,
  end: number,
  before = 6,
  after = 8,
): { start: number; end: number } {
  const stop = /[，。；！？,;\n]/;
  let s = start;
  while (s > 0 && start - s < before && !stop.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && e - end < after && !stop.test(text[e] ?? '')) e++;
  return { start: s, end: e };
}

/** A count written in digits ("169", "1,234", "１６９"); null when not a plain count. */
export function parseCount(raw: string): number | null {
  const t = toHalfWidth(raw).replace(/[,\s]/g, '');
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

/**
 * Paragraphs as one string for "is it mentioned at all" checks: joined without separator and
 * without whitespace, so that words broken over hard-wrapped lines (PDF text) or spaced out
 * ("邮 编") still match.
 */
export function flatText(paragraphs: readonly TextParagraph[]): string {
  return toHalfWidth(paragraphs.map((p) => p.text).join('')).replace(/\s+/g, '');
}

/** Report text of the whole document (chrome excluded), for presence checks. */
export function reportParagraphs(report: ReportModel): TextParagraph[] {
  return report.paragraphs.filter((p) => !isPageChrome(p.text));
}

/**
 * A 人民政府 (county-level or higher, or a town) as opposed to a department, a 人民政府办公室
 * or a street office: the name ends with 人民政府.
 */
export function isPeoplesGovernment(name: string | null): boolean {
  return !!name && /人民政府$/.test(name.replace(/\s/g, ''));
}

/** A town or township government (镇/乡人民政府), which rules.md treats like a department. */
export function isTownGovernment(name: string | null): boolean {
  return !!name && /[镇乡]人民政府$/.test(name.replace(/\s/g, ''));
}

/** The agency name, falling back to the title when extraction found none. */
export function agencyName(report: ReportModel): string | null {
  if (report.agency) return report.agency;
  const t = report.title?.replace(/\s/g, '') ?? '';
  const m = /^(.*?)(?:\d{4}年|[（(]?\d{4}[）)]?年度)/.exec(t);
  return m?.[1] ? m[1] : null;
}

// ───────────── similarity (text/duplicate-paragraph) ─────────────

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/**
 * Similarity in [0, 1]: 1 − edit distance / longer length. Cheap bounds first (length ratio,
 * bigram overlap) so that comparing every pair of sentences of a report stays fast.
 */
export function similarity(a: string, b: string, floor = 0): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const lengthBound = Math.min(a.length, b.length) / longer;
  if (lengthBound < floor) return lengthBound;
  if (floor > 0 && dice(a, b) < floor - 0.15) return 0;
  return 1 - editDistance(a, b) / longer;
}

/** Length of the shingles used to find candidate pairs (see similarPairs). */
const SHINGLE = 8;

/**
 * Every pair (i < j) of texts at least `minLength` long whose similarity is ≥ `floor`, without
 * comparing every pair: two texts within 10 % edits of each other share at least one of the first
 * text's disjoint 8-character shingles (a text of L ≥ 40 characters has ⌊L/8⌋ > 0.1·L of them and
 * each edit spoils at most one), so only texts sharing a shingle are compared. Exact for
 * floor ≥ 0.9 — the threshold of text/duplicate-paragraph.
 */
export function similarPairs(
  texts: readonly string[],
  floor: number,
  minLength: number,
): { i: number; j: number; ratio: number }[] {
  const index = new Map<string, Set<number>>();
  texts.forEach((t, i) => {
    if (t.length < minLength) return;
    for (let k = 0; k + SHINGLE <= t.length; k++) {
      const g = t.slice(k, k + SHINGLE);
      let ids = index.get(g);
      if (!ids) index.set(g, (ids = new Set()));
      ids.add(i);
    }
  });
  const out: { i: number; j: number; ratio: number }[] = [];
  texts.forEach((t, i) => {
    if (t.length < minLength) return;
    const candidates = new Set<number>();
    for (let k = 0; k + SHINGLE <= t.length; k += SHINGLE) {
      for (const j of index.get(t.slice(k, k + SHINGLE)) ?? []) if (j > i) candidates.add(j);
    }
    for (const j of [...candidates].sort((a, b) => a - b)) {
      const ratio = similarity(t, texts[j] ?? '', floor);
      if (ratio >= floor) out.push({ i, j, ratio });
    }
  });
  return out;
}

/** Text reduced for comparison: no whitespace, half-width, no leading enumerator (一是, 1., （二）). */
export function comparable(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^(?:\[bookmark:[^\]]*\])+/, '')
    .replace(
      /^(?:[一二三四五六七八九十]+是|\d+[.、]|\(?[一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、)/,
      '',
    );
}
