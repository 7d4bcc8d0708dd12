/**
 * series/repeated-problems — rules.md, Across years:
 * "section 五 is ≥ 80 % similar to last year's section 五".
 *
 * Similarity as defined in util/similarity.ts (1 − edit distance / longer length, on text without
 * whitespace and punctuation), after removing the agency's name and digits: a copied section whose
 * years were bumped (2022 → 2023) is still the same text. Sections shorter than 40 characters after
 * normalisation are not compared — "无" or one formulaic sentence both years is not copy-paste
 * reporting (problems/missing-improvements deals with empty sections). One finding on this year's
 * section 五, with the similarity in per cent as actual.
 */
import type { SeriesRule } from '../types';
import { normaliseForSimilarity, similarAtLeast } from '../util/similarity';
import { agencyNames, sectionText } from '../util/similarity-sections';

export const REPEATED_PROBLEMS_THRESHOLD = 0.8;
/** Shorter sections are formulaic, not copied (same bound as text/duplicate-paragraph). */
export const MIN_COMPARED_LENGTH = 40;

const DIGITS = /[0-9０-９一二三四五六七八九〇零]+年/g;

export const seriesRepeatedProblems: SeriesRule = {
  meta: {
    id: 'series/repeated-problems',
    severity: 'warning',
    title: '存在问题与上年雷同',
    description:
      '第五部分“存在的主要问题及改进情况”与上一年度报告的第五部分相似度达到 80% 以上，可能是照抄上年内容，问题和改进措施没有更新。',
    values: 'percent',
  },
  scope: 'series',
  check: ({ report, previous }) => {
    const now = sectionText(report, 'problems');
    const before = sectionText(previous, 'problems');
    if (!now || !before) return [];
    const names = [...agencyNames(report.agency), ...agencyNames(previous.agency)];
    const a = normaliseForSimilarity(now.text, names).replace(DIGITS, '年');
    const b = normaliseForSimilarity(before.text, names).replace(DIGITS, '年');
    if (Math.min(a.length, b.length) < MIN_COMPARED_LENGTH) return [];
    const sim = similarAtLeast(a, b, REPEATED_PROBLEMS_THRESHOLD);
    if (sim === null) return [];
    const percent = Math.floor(sim * 100);
    return [
      {
        section: 'problems',
        actual: percent,
        quote: now.opening,
        ...(now.pos ? { pos: now.pos } : {}),
        message: `第五部分“存在的主要问题及改进情况”与${previous.year ?? '上一'}年度报告的第五部分相似度为 ${percent}%（达到 80% 即提示），问题和改进措施可能照抄上年、没有更新。`,
      },
    ];
  },
};
