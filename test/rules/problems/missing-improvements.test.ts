import { describe, expect, it } from 'vitest';
import { problemsMissingImprovements } from '../../../src/core/rules/problems/missing-improvements';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { dropSection } from '../../support/text-builders';

describe('problems/missing-improvements', () => {
  it('is quiet when section 五 states problems and improvements, in any wording', () => {
    expect(check(problemsMissingImprovements, buildReport())).toEqual([]);
    const r = buildReport();
    setSectionText(r, 'problems', [
      '政策解读质量有待提高。我们在今后的工作中将采取以下措施：加强培训。',
    ]);
    expect(check(problemsMissingImprovements, r)).toEqual([]);
  });

  it('reads improvements broken over hard-wrapped lines (PDF text)', () => {
    const r = buildReport();
    setSectionText(r, 'problems', [
      '2024 年，全区政府信息公开工作仍存在一些不足，政务新媒体',
      '运维管理还需加强等。',
      '针对存在问题，2025 年我们将切实抓好以下工作：一是扎实',
      '推进依申请公开工作。',
    ]);
    expect(check(problemsMissingImprovements, r)).toEqual([]);
  });

  it('does not take "还需加强" in a problem statement for an improvement', () => {
    const r = buildReport();
    setSectionText(r, 'problems', [
      '政策解读的形式还不够丰富，政务新媒体运维管理还需加强，拟公开信息审核不严，年度培训计划落实不到位。',
    ]);
    expect(check(problemsMissingImprovements, r)).toHaveLength(1);
  });

  it('reports a section 五 with problems only, at its heading', () => {
    const r = buildReport();
    setSectionText(r, 'problems', ['信息公开的及时性有待提高，政策解读形式较为单一。']);
    const found = check(problemsMissingImprovements, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'problems/missing-improvements',
      severity: 'warning',
      section: 'problems',
      pos: r.sections[4]!.heading!.pos,
    });
  });

  it('reports a section 五 with improvements only', () => {
    const r = buildReport();
    setSectionText(r, 'problems', ['下一步，我局将进一步加强政策解读，完善信息发布机制。']);
    expect(check(problemsMissingImprovements, r)).toHaveLength(1);
  });

  it('is quiet when section 五 is missing', () => {
    const r = buildReport();
    dropSection(r, 'problems');
    expect(check(problemsMissingImprovements, r)).toEqual([]);
  });
});
