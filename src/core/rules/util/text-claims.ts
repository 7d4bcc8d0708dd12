/**
 * What the narrative says about the tables: the numbers of applications, of 复议/诉讼 cases, of
 * effective and repealed documents, and the "none received" statements. Shared by the
 * consistency/* rules so that they read the text the same way.
 *
 * Only digits are read ("169件", "１６９件"); numbers written in Chinese characters are too rare in
 * these sentences to risk misreading. Phrases comparing with another year (较/比/同比/增加/减少)
 * are never read as counts.
 */
import type { TextParagraph } from '../../model/types';
import type { ReportModel } from '../../model/types';
import { findAll, joinWrapped, parseCount, sectionParagraphs, toHalfWidth, type Hit } from './text';

export interface Claim {
  paragraph: TextParagraph;
  hit: Hit;
  /** The number stated. */
  value: number;
  /** Start/end of the number itself inside the paragraph. */
  start: number;
  end: number;
}

/** Words of a comparison with another period: such a number is a difference, not a count. */
export const COMPARISON = /较|比上年|同比|环比|增加|减少|增长|下降|上升/;

/** Paragraphs where the narrative talks about applications: section 一 and section 三's text. */
export function applicationNarrative(report: ReportModel): TextParagraph[] {
  return joinWrapped([
    ...sectionParagraphs(report, 'overview'),
    ...sectionParagraphs(report, 'applications'),
  ]);
}

/**
 * Reads claims: `pattern` must have the number as its last capture group. The matched text before
 * the number is tested against `reject` (comparison words by default; rules add other subjects
 * such as 建议/提案), and a match there drops the claim.
 */
export function readClaims(
  paragraphs: readonly TextParagraph[],
  pattern: RegExp,
  reject: RegExp = COMPARISON,
): Claim[] {
  const out: Claim[] = [];
  for (const paragraph of paragraphs) {
    for (const hit of findAll(paragraph.text, pattern)) {
      const raw = hit.groups[hit.groups.length - 1];
      const span = hit.spans[hit.spans.length - 1];
      if (raw === undefined || span === undefined) continue;
      const value = parseCount(raw);
      if (value === null) continue;
      const middle = toHalfWidth(paragraph.text.slice(hit.start, span.start));
      if (reject.test(middle)) continue;
      const { start, end } = span;
      out.push({ paragraph, hit, value, start, end });
    }
  }
  return out;
}

/**
 * Subjects narrower than a 人民政府 report's tables. A government's table 三 usually covers its
 * whole system (departments included), while the text may give the count its own office handled:
 * "区政府办代表区政府受理政府信息公开申请 17 件" beside a table total of 95 is a different scope,
 * not a contradiction.
 */
const NARROWER_SUBJECT = /政府办|办公室|代表[^。；，,;]{0,8}政府|本级|以[^。；，,;]{0,8}名义/;

/** True when a claim in a 人民政府 report names a narrower subject in its own clause. */
export function narrowerScope(report: ReportModel, claim: Claim): boolean {
  if (!report.agency || !/人民政府$/.test(report.agency)) return false;
  const before = claim.paragraph.text.slice(0, claim.hit.start);
  const clauseStart =
    Math.max(...['。', '；', ';', '，', ','].map((p) => before.lastIndexOf(p))) + 1;
  return NARROWER_SUBJECT.test(claim.paragraph.text.slice(clauseStart, claim.start));
}

/** Subjects that are not information-disclosure applications. */
const NOT_APPLICATIONS =
  /建议|提案|复议|诉讼|信访|咨询|留言|来信|来电|投诉|举报|问题|诉求|办件|答复|回复/;

/**
 * "收到/受理/新收/接收 … N 件" about applications: the text between the verb and the number must not
 * name another subject, and the paragraph must be about applications (mention 申请).
 */
export function receivedClaims(report: ReportModel): Claim[] {
  const paragraphs = applicationNarrative(report).filter((p) => p.text.includes('申请'));
  // 不予受理 N 件 is a result, not a count of received applications.
  const re = /(?<!不予|不|未)(?:新收|受理|收到|接收|接到)([^。；，,;\d]{0,16}?)(\d+)\s*件/;
  return readClaims(paragraphs, re, new RegExp(`${COMPARISON.source}|${NOT_APPLICATIONS.source}`));
}

/** "上年结转 N 件" / "2022年度结转 N 件". */
export function carriedOverClaims(report: ReportModel): Claim[] {
  const paragraphs = applicationNarrative(report).filter((p) => p.text.includes('申请'));
  const prev = report.year !== null ? `|${report.year - 1}\\s*年(?:度)?` : '';
  const re = new RegExp(
    `(?:上一?年(?:度)?${prev})\\s*(?:结转|遗留)[^。；，,;\\d]{0,10}?(\\d+)\\s*件`,
  );
  return readClaims(paragraphs, re, new RegExp(`${COMPARISON.source}|${NOT_APPLICATIONS.source}`));
}

/** "办结 N 件". */
export function processedClaims(report: ReportModel): Claim[] {
  const paragraphs = applicationNarrative(report).filter((p) => p.text.includes('申请'));
  return readClaims(
    paragraphs,
    /办结(?!率)[^。；，,;\d]{0,10}?(\d+)\s*件/,
    new RegExp(`${COMPARISON.source}|${NOT_APPLICATIONS.source}`),
  );
}

/** "结转下年度 / 结转2024年度 … N 件". */
export function carriedForwardClaims(report: ReportModel): Claim[] {
  const paragraphs = applicationNarrative(report).filter((p) => p.text.includes('申请'));
  const next = report.year !== null ? `|${report.year + 1}\\s*年(?:度)?` : '';
  const re = new RegExp(
    `结转(?:至|到)?\\s*(?:下一?年(?:度)?${next})[^。；，,;\\d]{0,10}?(\\d+)\\s*件`,
  );
  return readClaims(paragraphs, re, new RegExp(`${COMPARISON.source}|${NOT_APPLICATIONS.source}`));
}

/** "未收到政府信息公开申请", "无依申请公开的信息", "没有收到受理依申请公开", "依申请公开数量为0". */
export const NO_APPLICATIONS =
  /(?:未|没有|无)(?:收到|受理|接到|接收|发生|产生|有)(?:[^。；，,;]{0,10}?)申请(?!人)|无依申请|依申请公开(?:申请)?(?:数量|件数)?(?:均)?为(?:0|零)(?!\d)/;

export function noApplicationStatements(
  report: ReportModel,
): { paragraph: TextParagraph; hit: Hit }[] {
  const out: { paragraph: TextParagraph; hit: Hit }[] = [];
  for (const paragraph of applicationNarrative(report)) {
    for (const hit of findAll(paragraph.text, NO_APPLICATIONS)) {
      if (NOT_APPLICATIONS.test(hit.text)) continue;
      out.push({ paragraph, hit });
    }
  }
  return out;
}
