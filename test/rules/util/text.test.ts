import { describe, expect, it } from 'vitest';
import {
  clauseWindow,
  comparable,
  findAll,
  isPageChrome,
  joinWrapped,
  parseCount,
  quoteDraft,
  sectionPlace,
  similarPairs,
  similarity,
  toHalfWidth,
} from '../../../src/core/rules/util/text';
import type { TextParagraph } from '../../../src/core/model/types';
import { buildReport } from '../../support/builders';
import { setHeading } from '../../support/text-builders';

const para = (
  text: string,
  block: number,
  section: TextParagraph['section'] = 'overview',
): TextParagraph => ({ text, pos: { block }, section });

describe('text rule helpers', () => {
  it('keeps offsets when reading full-width text', () => {
    expect(toHalfWidth('１６９件（二）')).toBe('169件(二)');
    const [hit] = findAll('共受理申请１６９件', /受理[^\d]*(\d+)件/);
    expect(hit).toMatchObject({ start: 1, end: 9, groups: ['169'], spans: [{ start: 5, end: 8 }] });
    expect(parseCount('１,２３４')).toBe(1234);
    expect(parseCount('十二')).toBeNull();
  });

  it("names a section in the report's own words", () => {
    const r = buildReport();
    setHeading(r, 'problems', '5、 政府信息公开工作存在的主要问题及改进情况', '5、');
    expect(sectionPlace(r, 'problems')).toBe(
      '第五部分「政府信息公开工作存在的主要问题及改进情况」',
    );
    expect(sectionPlace(r, 'overview')).toBe('第一部分「总体情况」');
  });

  it('tells page chrome from report text', () => {
    expect(isPageChrome('索引号: 11370305004219181C/2024-5428591 文号: 〔〕号')).toBe(true);
    expect(isPageChrome('发布日期:2024-02-18')).toBe(true);
    expect(isPageChrome('本报告按照条例要求编制。')).toBe(false);
  });

  it('joins hard-wrapped lines of one section only, and maps quotes back to the line', () => {
    const lines = [
      para('（二）依申请公开', 1),
      para('2024 年，区政府办代表区政府受理政府', 2),
      para('信息公开申请 17 件，均已答复。', 3),
      para('短行', 4),
      para('另一部分的长句子没有句号结尾没有句号结尾', 5),
      para('第六部分', 6, 'otherMatters'),
    ];
    const joined = joinWrapped(lines);
    expect(joined.map((p) => p.text)).toEqual([
      '（二）依申请公开',
      '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已答复。',
      '短行',
      '另一部分的长句子没有句号结尾没有句号结尾',
      '第六部分',
    ]);
    const j = joined[1]!;
    const start = j.text.indexOf('受理');
    const draft = quoteDraft(j, start, j.text.indexOf('件') + 1, { message: 'x' });
    expect(draft.quote).toBe('受理政府信息公开申请 17 件');
    expect(draft.pos).toEqual({
      block: 2,
      start: lines[1]!.text.indexOf('受理'),
      end: lines[1]!.text.length,
    });
    const later = quoteDraft(j, j.text.indexOf('均已'), j.text.indexOf('均已') + 2, {
      message: 'x',
    });
    expect(later.pos).toEqual({
      block: 3,
      start: lines[2]!.text.indexOf('均已'),
      end: lines[2]!.text.indexOf('均已') + 2,
    });
  });

  it('measures similarity as 1 − edit distance / length, ignoring enumerators', () => {
    expect(similarity('abcdefghij', 'abcdefghij')).toBe(1);
    expect(similarity('abcdefghij', 'abcdefghiX')).toBeCloseTo(0.9);
    expect(comparable('二是 加强培训。')).toBe('加强培训。');
    expect(comparable('（三）加强培训')).toBe('加强培训');
  });

  it('finds every pair at ≥ 90 % through shared shingles, even with edits spread over all of them', () => {
    const base = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北';
    expect(base.length).toBe(40);
    const edited = [...base].map((c, k) => (k % 8 === 3 && k < 32 ? '＊' : c)).join('');
    const other =
      '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜';
    expect(similarPairs([base, other, edited, base.slice(0, 30)], 0.9, 40)).toEqual([
      { i: 0, j: 2, ratio: 0.9 },
    ]);
  });

  it('cuts a quote window at clause marks', () => {
    const t = '本报告按照通知(国办公开办函〔202130号)和条例编制，全文包括六部分。';
    const w = clauseWindow(t, t.indexOf('〔'), t.indexOf('〔') + 1);
    expect(t.slice(w.start, w.end)).toBe('国办公开办函〔202130号)');
  });
});
