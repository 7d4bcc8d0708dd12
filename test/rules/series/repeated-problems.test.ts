import { describe, expect, it } from 'vitest';
import { seriesRepeatedProblems } from '../../../src/core/rules/series/repeated-problems';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

const Y22 = [
  '（一）存在的主要问题。2022年，临淄区工业和信息化局政府信息公开工作虽然取得了一定成效，但仍存在信息公开的及时性有待提高、政策解读形式较为单一等问题。',
  '（二）改进情况。下一步，我局将健全信息发布机制，丰富政策解读形式，加强业务培训，不断提升政务公开工作水平。',
];
/** Last year's text with the year bumped and one phrase reworded: well above 80 %. */
const Y23_COPIED = [
  '（一）存在的主要问题。2023年，临淄区工业和信息化局政府信息公开工作虽然取得了一定成效，但仍存在信息公开的及时性还需提高、政策解读形式较为单一等问题。',
  '（二）改进情况。下一步，我局将健全信息发布机制，丰富政策解读形式，加强业务培训，不断提升政务公开工作水平。',
];
const Y23_NEW = [
  '（一）存在的主要问题。部分栏目更新频率不高，依申请公开答复的规范性仍需加强，基层工作人员业务能力参差不齐。',
  '（二）改进情况。建立栏目内容保障机制，每月检查更新情况；编制依申请公开答复文书范本，组织两期专题培训。',
];

function pair(before: string[], now: string[]) {
  const y22 = buildReport({ year: 2022 });
  const y23 = buildReport({ year: 2023 });
  setSectionText(y22, 'problems', before);
  setSectionText(y23, 'problems', now);
  return [y22, y23] as const;
}

describe('series/repeated-problems', () => {
  describe('valid', () => {
    it('new problems this year', () => {
      expect(check(seriesRepeatedProblems, [...pair(Y22, Y23_NEW)])).toEqual([]);
    });
    it('short formulaic sections both years', () => {
      expect(check(seriesRepeatedProblems, [...pair(['无。'], ['无。'])])).toEqual([]);
    });
    it('section 五 absent last year', () => {
      const y22 = buildReport({ year: 2022, omit: ['problems'] });
      const y23 = buildReport({ year: 2023 });
      expect(check(seriesRepeatedProblems, [y22, y23])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('copied with the year bumped', () => {
      const [y22, y23] = pair(Y22, Y23_COPIED);
      const out = check(seriesRepeatedProblems, [y22, y23]);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'series/repeated-problems',
        severity: 'warning',
        section: 'problems',
        relatedReport: y22.id,
        pos: y23.sections.find((s) => s.key === 'problems')!.paragraphs[0]!.pos,
      });
      expect(out[0]!.actual).toBeGreaterThanOrEqual(80);
      expect(out[0]!.actual).toBeLessThan(100);
    });
    it('identical text', () => {
      const [y22, y23] = pair(Y22, Y22);
      expect(check(seriesRepeatedProblems, [y22, y23]).map((f) => [f.ruleId, f.actual])).toEqual([
        ['series/repeated-problems', 100],
      ]);
    });
  });
});
