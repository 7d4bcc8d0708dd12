import { describe, expect, it } from 'vitest';
import { structureMissingSection } from '../../../src/core/rules/structure/missing-section';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { setHeading } from '../../support/text-builders';

describe('structure/missing-section', () => {
  it('is quiet when all six sections are found, whatever their numerals', () => {
    const r = buildReport();
    setHeading(r, 'problems', '5、政府信息公开工作存在的主要问题及改进情况', '5、');
    setHeading(r, 'overview', '总体情况', '');
    expect(check(structureMissingSection, r)).toEqual([]);
  });

  it('reports each missing section once, naming it by its key', () => {
    const r = buildReport({ omit: ['problems', 'otherMatters'] });
    const found = check(structureMissingSection, r);
    expect(found.map((f) => [f.ruleId, f.severity, f.section])).toEqual([
      ['structure/missing-section', 'error', 'problems'],
      ['structure/missing-section', 'error', 'otherMatters'],
    ]);
  });
});
