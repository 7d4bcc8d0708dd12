/**
 * rules.md, Text quality: `text/duplicate-paragraph` (warning) — "two paragraphs of the same
 * report are (nearly) identical (≥ 90 % similar, ≥ 40 characters)"; quiet on "short formulaic
 * sentences".
 *
 * Body paragraphs of the six sections are compared pairwise, first whole (≥ 40 characters,
 * similarity ≥ 0.9 as 1 − edit distance / length), then sentence by sentence: a paragraph that
 * repeats another's sentences inside new wording (seed 004: section 五's improvements pasted into
 * 六 after a new 「一是」) is as much a copy as an identical paragraph. Only sentences of ≥ 40
 * characters count, after dropping whitespace and leading enumerators (一是, 1., （二）), so short
 * formulaic sentences never match. One finding per pair of paragraphs, on the later one, quoting
 * the first repeated sentence (or the paragraph). Candidate pairs come from shared 8-character
 * shingles (util/text similarPairs), so long reports stay fast.
 */
import type { TextParagraph } from '../../model/types';
import { comparable, sectionPlace, sentenceRanges, similarPairs } from '../util/text';
import type { Draft, ReportRule } from '../types';

/** rules.md: ≥ 90 % similar, ≥ 40 characters. */
export const DUPLICATE_THRESHOLD = { similarity: 0.9, minLength: 40 } as const;

interface Piece {
  paragraph: number;
  text: string;
  start: number;
  end: number;
}

export const textDuplicateParagraph: ReportRule = {
  meta: {
    id: 'text/duplicate-paragraph',
    severity: 'warning',
    title: '段落重复',
    description:
      '同一报告中两段文字相同或几乎相同（相似度不低于90%、长度不少于40字）时报告，常见于把“改进情况”原样复制到其他部分；简短的套话不报告。',
  },
  scope: 'report',
  check({ report }) {
    const { similarity: floor, minLength } = DUPLICATE_THRESHOLD;
    const paragraphs = report.sections.flatMap((s) => (s.found ? s.paragraphs : []));
    const placeOf = (p: TextParagraph) =>
      p.section ? sectionPlace(report, p.section) : '报告开头';
    const whole = paragraphs.map((p) => comparable(p.text));
    const pieces: Piece[] = [];
    paragraphs.forEach((p, i) => {
      for (const r of sentenceRanges(p.text)) {
        const text = comparable(p.text.slice(r.start, r.end)).replace(/[。！？!?]$/, '');
        if (text.length >= minLength)
          pieces.push({ paragraph: i, text, start: r.start, end: r.end });
      }
    });

    const out: Draft[] = [];
    const done = new Set<string>();
    const report_ = (earlier: number, later: number, start: number, end: number, ratio: number) => {
      const key = `${earlier}:${later}`;
      if (done.has(key)) return;
      done.add(key);
      const a = paragraphs[earlier];
      const b = paragraphs[later];
      if (!a || !b) return;
      const quote = b.text.slice(start, end).trim();
      out.push({
        ...(b.section ? { section: b.section } : {}),
        quote,
        pos: { ...b.pos, start, end },
        message: `${placeOf(b)}中的文字「${quote.length > 40 ? quote.slice(0, 40) + '…' : quote}」与${placeOf(a)}中的段落重复（相似度 ${Math.round(ratio * 100)}%），请核对是否误将其他部分的内容复制到此处。`,
      });
    };

    for (const { i, j, ratio } of similarPairs(whole, floor, minLength))
      report_(i, j, 0, paragraphs[j]?.text.length ?? 0, ratio);
    const pairs = similarPairs(
      pieces.map((x) => x.text),
      floor,
      minLength,
    );
    for (const { i, j, ratio } of pairs) {
      const a = pieces[i];
      const b = pieces[j];
      if (!a || !b || a.paragraph === b.paragraph) continue;
      report_(a.paragraph, b.paragraph, b.start, b.end, ratio);
    }
    return out;
  },
};
