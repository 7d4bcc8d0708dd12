/** The rule tester's own checks fail where they should (test/support/rule-tester.ts). */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/model/types';
import { applicationsRowSum } from '../../src/core/rules/applications/row-sum';
import { structureMissingSection } from '../../src/core/rules/structure/missing-section';
import type { ReportRule } from '../../src/core/rules/types';
import { buildReport } from '../support/builders';
import { checkFinding, findingsOf } from '../support/rule-tester';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'structure/missing-section',
  severity: 'error',
  message: '报告中找不到第五部分。',
  ...over,
});

describe('rule tester checks', () => {
  it('accept a located Chinese finding', () => {
    expect(() =>
      checkFinding(structureMissingSection, finding({ section: 'problems' })),
    ).not.toThrow();
    expect(() => checkFinding(structureMissingSection, finding({ quote: '五、' }))).not.toThrow();
    expect(() =>
      checkFinding(structureMissingSection, finding({ pos: { block: 3 } })),
    ).not.toThrow();
  });

  it('refuse a finding without a location, or with a message that is not Chinese', () => {
    expect(() => checkFinding(structureMissingSection, finding({}))).toThrow(/location/);
    expect(() =>
      checkFinding(structureMissingSection, finding({ section: 'problems', message: 'missing' })),
    ).toThrow(/Chinese/);
  });

  it('refuse a table finding without expected and actual numbers', () => {
    const tableFinding = finding({
      ruleId: 'applications/row-sum',
      table: 'applications',
      row: 'newReceived',
      column: 'total',
    });
    expect(() => checkFinding(applicationsRowSum, tableFinding)).toThrow(/expected number/);
    expect(() =>
      checkFinding(applicationsRowSum, { ...tableFinding, expected: 2, actual: 1 }),
    ).not.toThrow();
  });

  it('refuse the engine’s finding for a rule that threw', () => {
    const throwing: ReportRule = {
      ...structureMissingSection,
      scope: 'report',
      check: () => {
        throw new Error('boom');
      },
    };
    const [failed] = findingsOf(throwing, { name: 'throws', report: buildReport() });
    expect(failed?.ruleId).toBe('engine/rule-failed');
    expect(() => checkFinding(throwing, failed ?? finding({}))).toThrow(/threw/);
  });
});
