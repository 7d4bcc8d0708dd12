import { describe, expect, it } from 'vitest';
import { buildReport, setApplicationRow } from '../support/builders';
import { runRules } from '../../src/core/rules/engine';

describe('model builder and engine', () => {
  it('builds a six-section 2021 report with located zero tables', () => {
    const r = buildReport({ year: 2023 });
    expect(r.sections.every((s) => s.found)).toBe(true);
    expect(r.tables.applications!.newReceived.total.value).toBe(0);
    expect(r.tables.applications!.carriedForward.total.pos).toMatchObject({ row: 27, col: 8 });
    setApplicationRow(r, 'newReceived', [3, 1]);
    expect(r.tables.applications!.newReceived.total.value).toBe(4);
  });

  it('turns a throwing rule into engine/rule-failed and goes on', () => {
    const r = buildReport();
    const boom = {
      meta: { id: 'x/boom', severity: 'error' as const, title: '测试', description: '' },
      scope: 'report' as const,
      check: () => {
        throw new Error('坏了');
      },
    };
    const ok = {
      meta: { id: 'x/ok', severity: 'info' as const, title: '测试', description: '' },
      scope: 'report' as const,
      check: () => [{ message: '提示' }],
    };
    const out = runRules([r], { severities: { 'x/ok': 'warning' } }, [boom, ok]).get(r.id)!;
    expect(out.map((f) => f.ruleId)).toEqual(['engine/rule-failed', 'x/ok']);
    expect(out.find((f) => f.ruleId === 'x/ok')!.severity).toBe('warning');
    expect(
      runRules([r], { disabled: ['x/boom'] }, [boom, ok])
        .get(r.id)!
        .map((f) => f.ruleId),
    ).toEqual(['x/ok']);
  });
});
