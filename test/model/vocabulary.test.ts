/** The shared vocabulary of src/core/model: one order of severities, one list of review statuses, one date check each. */
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_PARTS,
  REVIEW_PARTS,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  SEVERITY_RANK,
  isReviewStatus,
  isSeverity,
  ruleGroupLabel,
} from '../../src/core/model/glossary';
import { isIsoDate, isMonthDay } from '../../src/core/model/dates';

describe('vocabulary', () => {
  it('severities: most serious first, ranked in that order, each with its Chinese word', () => {
    expect(SEVERITIES).toEqual(['error', 'warning', 'info']);
    expect(SEVERITIES.map((s) => SEVERITY_RANK[s])).toEqual([0, 1, 2]);
    expect(SEVERITIES.map((s) => SEVERITY_LABELS[s])).toEqual(['错误', '警告', '提示']);
    expect(isSeverity('warning')).toBe(true);
    expect(isSeverity('fatal')).toBe(false);
    expect(isSeverity(undefined)).toBe(false);
  });

  it('review statuses with their labels', () => {
    expect(REVIEW_STATUSES.map((s) => REVIEW_STATUS_LABELS[s])).toEqual([
      '待审查',
      '已确认',
      '已排除',
    ]);
    expect(isReviewStatus('dismissed')).toBe(true);
    expect(isReviewStatus('constructor')).toBe(false);
  });

  it('the parts of a sum leave the total out', () => {
    expect(APPLICANT_PARTS).toHaveLength(6);
    expect(APPLICANT_PARTS).not.toContain('total');
    expect(REVIEW_PARTS).toEqual(['upheld', 'corrected', 'other', 'pending']);
  });

  it('rule group labels: a known group, an unknown one, a prototype key', () => {
    expect(ruleGroupLabel('nosuchgroup/x')).toBe('其他');
    expect(ruleGroupLabel('constructor/x')).toBe('其他');
    expect(ruleGroupLabel('engine/rule-failed')).toBe('规则执行');
  });

  it('MM-DD: a real month and day (02-29 allowed), two digits each', () => {
    for (const ok of ['01-31', '02-29', '03-31', '12-01']) expect(isMonthDay(ok)).toBe(true);
    for (const bad of ['02-30', '04-31', '13-01', '00-10', '1-31', '01-31x', '0131', ''])
      expect(isMonthDay(bad)).toBe(false);
  });

  it('ISO dates: a real calendar day', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2025-4-30')).toBe(false);
  });
});
