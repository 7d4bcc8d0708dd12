/**
 * rules.md, Text quality: `text/stale-year` (warning) — "the narrative speaks of the previous
 * year as the current one ("2022年，我局…" in a 2023 report)"; quiet on "comparisons such as
 * "较2022年增加", "2022年度结转"".
 *
 * The previous year counts as spoken of "as the current one" only where a sentence or an item
 * opens with it as the time frame: at the start of a paragraph, after 。！？； or after an item
 * label (（一）, 1., 一是), the year followed by a comma, by 我/本/全年/共/以来…, or 「截至/截止
 * 2022年12月31日 / 年底」 anywhere. Mid-sentence mentions ("公开2022年度决算报告", "，2022年度结转6件",
 * "较2022年", "与2022年度情况一致") are comparisons or names of documents and stay quiet, as do
 * "2022年度…报告/决算/结转" openings, which name things rather than set the time frame, and
 * "2022年以来" (a period reaching into the report year). An opening in a sentence that also names
 * the report year ("2022年，收到5件；2023年，收到8件。") compares the two years and stays quiet.
 */
import {
  findAll,
  isPageChrome,
  paragraphPlace,
  quoteDraft,
  reportParagraphs,
  sentenceRanges,
} from '../util/text';
import type { Draft, ReportRule } from '../types';

function patternsFor(previous: number): RegExp[] {
  const y = String(previous);
  const opening = String.raw`(?:^|[。！？；;!?]\s*)(?:\s*(?:\[bookmark:[^\]]*\])*\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,2}[、是])\s*)?`;
  return [
    new RegExp(
      `${opening}(?:在)?(${y}\\s*年(?:度)?(?:\\s*[，,]|\\s*(?:我|本(?:局|委|办|部门|单位|机关|区|县|市|镇|街道)|全年|共|累计|主动公开|全局|全区|全县|全市)))`,
    ),
    new RegExp(`((?:截至|截止|截止到|截至到)\\s*${y}\\s*年\\s*(?:12\\s*月\\s*31\\s*日|底|末))`),
  ];
}

export const textStaleYear: ReportRule = {
  meta: {
    id: 'text/stale-year',
    severity: 'warning',
    title: '年份疑似沿用上年',
    description:
      '正文以上一年度作为本年度叙述（如 2023 年报告中写“2022年，我局……”“截至2022年12月31日”），疑似沿用上年报告未更新时报告；“较2022年增加”“2022年度结转”等比较说法不报告。',
    values: { expected: '报告年度', actual: '正文', unit: '年' },
  },
  scope: 'report',
  check({ report }) {
    if (report.year === null) return [];
    const previous = report.year - 1;
    const patterns = patternsFor(previous);
    const out: Draft[] = [];
    for (const p of reportParagraphs(report)) {
      if (p.section === undefined || isPageChrome(p.text)) continue;
      const sentences = sentenceRanges(p.text);
      const current = new RegExp(`(?<!\\d)${report.year}\\s*年`);
      const hit = patterns
        .flatMap((re, i) => findAll(p.text, re).map((h) => ({ h, opening: i === 0 })))
        .filter(({ h, opening }) => {
          if (!opening) return true;
          // "2022年，收到申请5件；2023年，收到8件。" compares two years: quiet.
          const s = sentences.find((r) => h.start >= r.start && h.start < r.end) ?? {
            start: 0,
            end: p.text.length,
          };
          return !current.test(p.text.slice(s.start, s.end));
        })
        .map(({ h }) => h)
        .sort((a, b) => a.start - b.start)[0];
      if (!hit) continue;
      const span = hit.spans[0] ?? { start: hit.start, end: hit.end };
      const { start, end } = span;
      out.push(
        quoteDraft(p, start, end, {
          expected: report.year,
          actual: previous,
          message: `${paragraphPlace(report, p)}写作「${p.text.slice(start, end)}」，在${report.year}年度报告中以${previous}年作为本年度叙述，疑似沿用上年报告内容未更新。`,
        }),
      );
    }
    return out;
  },
};
