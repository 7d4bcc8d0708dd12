/**
 * Section headings. Matched by title text first and numeral second (report-format.md): Word's
 * auto-numbering is lost by text extraction, authors write "5、" for "五、", add words
 * ("行政机关主动公开…"), or mark levels with Markdown. Table-三 row labels ("一、本年新收…",
 * "四、结转下年度继续办理") and the sub-items of 总体情况 ("（一）主动公开") are not headings.
 */
import { SECTIONS, type SectionKey } from '../model/glossary';
import { norm } from './text';

export interface HeadingMatch {
  key: SectionKey;
  /** The numeral/label as written ("五、", "5、", "（五）"), '' when absent. */
  numeral: string;
}

const CN_NUMERALS = '一二三四五六七八九十';
/** Leading numeral as written: "一、", "第一部分", "5、", "5.", "（五）", "(5)". */
const NUMERAL =
  /^\s*((?:第[一二三四五六七八九十]+(?:部分|章|节)?[、.．:：\s]*)|(?:[一二三四五六七八九十]+\s*[、.．,，:：\s])|(?:\d{1,2}\s*[、.．:：](?!\d))|(?:[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]\s*[、.．]?))\s*/;

/** Strong patterns: the title text alone identifies the section, whatever the numeral. */
const STRONG: Record<SectionKey, RegExp> = {
  overview: /^(?:政府信息公开(?:工作)?)?总体情况$|^总体情况/,
  activeDisclosure: /主动公开政府信息(?:的)?(?:情况|工作)/,
  applications: /收到和处理政府信息公开申请|收到和处理.*申请(?:的)?情况/,
  reviewLitigation:
    /(?:行政复议.{0,6}行政诉讼|复议.{0,4}诉讼)(?:的)?情况$|被申请行政复议.*提起行政诉讼/,
  problems: /存在的?(?:主要)?问题(?:及|和|与)(?:其)?改进/,
  otherMatters: /其他需要报告的?事项|其他需报告的?事项/,
};

/** Weak patterns: accepted only with a top-level numeral that agrees with the section number. */
const WEAK: Record<SectionKey, RegExp> = {
  overview: /总体|概况|概述/,
  activeDisclosure: /主动公开/,
  applications: /依申请|申请.*情况|申请公开/,
  reviewLitigation: /复议|诉讼/,
  problems: /问题|改进/,
  otherMatters: /其他.*事项|其他事项/,
};

/** Words of table-三 row labels: a paragraph holding them is a table row, not a heading. */
const TABLE_ROW_WORDS = /本年新收|上年结转|本年度办理结果|结转下年度|申请数量/;

function numeralValue(numeral: string): { value: number | null; bracketed: boolean } {
  const bracketed = /[（(]/.test(numeral);
  const digits = /\d{1,2}/.exec(numeral);
  if (digits) return { value: Number(digits[0]), bracketed };
  const cn = /[一二三四五六七八九十]+/.exec(numeral)?.[0] ?? '';
  if (!cn) return { value: null, bracketed };
  if (cn.length === 1) return { value: CN_NUMERALS.indexOf(cn) + 1, bracketed };
  return { value: null, bracketed };
}

/** Splits a leading numeral from a line. */
export function splitNumeral(text: string): { numeral: string; rest: string } {
  const m = NUMERAL.exec(text);
  if (!m || !m[1]) return { numeral: '', rest: text.trim() };
  return { numeral: m[1].trim(), rest: text.slice(m[0].length).trim() };
}

/** The sections' titles and variants normalised once (norm), and the longest of them as written. */
const NORMALISED = SECTIONS.map((s) => ({
  s,
  title: norm(s.title),
  variants: s.variants.map(norm),
}));
const LONGEST_TITLE = Math.max(
  ...SECTIONS.map((s) => Math.max(s.title.length, ...s.variants.map((v) => v.length))),
);

/**
 * Decides whether a paragraph is one of the six section headings. `numeral` is the
 * auto-numbering label recovered by the reader, when any.
 */
export function matchHeading(text: string, numberingLabel?: string): HeadingMatch | null {
  const full = numberingLabel ? `${numberingLabel}${text}` : text;
  const { numeral, rest } = splitNumeral(full.replace(/^#+\s*/, ''));
  const body = norm(rest).replace(/[。.:：]$/, '');
  if (!body || body.length > 40 || /[。；;]/.test(body)) return null;
  if (TABLE_ROW_WORDS.test(body)) return null;
  const { value, bracketed } = numeralValue(numeral);
  // Without a numeral, only a line that reads as a title qualifies: not a sentence ending in
  // "。" ("2023年度市工信局无其他需要报告的事项。"), not much longer than the canonical title.
  if (!numeral) {
    if (/[。;；]$/.test(rest.trim()) || /^\d/.test(body)) return null;
    if (body.length > LONGEST_TITLE + 4) return null;
  }
  for (const { s, title, variants } of NORMALISED) {
    if (STRONG[s.key].test(body) || variants.some((v) => v === body) || title === body) {
      // A bracketed numeral marks a sub-item; only a full title makes it a heading.
      if (bracketed && !body.includes(title) && !variants.some((v) => body.includes(v))) continue;
      return { key: s.key, numeral };
    }
  }
  if (numeral && !bracketed && value !== null && body.length <= 24) {
    const s = SECTIONS.find((d) => d.number === value);
    if (s && WEAK[s.key].test(body)) return { key: s.key, numeral };
  }
  return null;
}
