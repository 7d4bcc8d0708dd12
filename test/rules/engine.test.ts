import { describe, expect, it } from 'vitest';
import { at } from '../../src/core/model/checked';
import type { Finding, ReportModel } from '../../src/core/model/types';
import { mergeSettings, reportFindings, runRules, withinRule } from '../../src/core/rules/engine';
import type { ReportFindingsAhead } from '../../src/core/rules/engine';
import type { AuditSettings } from '../../src/core/rules/types';
import { buildReport, setApplication } from '../support/builders';

describe('withinRule: a rule progress, throttled', () => {
  it('passes on each new whole per cent only, rising, the last at 1', () => {
    const got: number[] = [];
    const progress = withinRule((f) => got.push(f));
    for (let done = 0; done <= 10_000; done++) progress(done, 10_000);
    expect(got).toHaveLength(100);
    expect(got[0]).toBe(0.01);
    expect(got.at(-1)).toBe(1);
    expect(got.every((f, i) => i === 0 || f > (got[i - 1] ?? 1))).toBe(true);
  });

  it('ignores nothing done, no total and going back', () => {
    const got: number[] = [];
    const progress = withinRule((f) => got.push(f));
    progress(0, 10);
    progress(1, 0);
    progress(5, 10);
    progress(3, 10);
    progress(12, 10);
    expect(got).toEqual([0.5, 1]);
  });
});

describe('runRules with the single-report findings computed ahead (reportFindings)', () => {
  const reports = (): ReportModel[] => {
    const clean = buildReport({ id: 'a', agency: '某县财政局', year: 2024 });
    const flawed = buildReport({ id: 'b', agency: '某县民政局', year: 2024, omit: ['problems'] });
    setApplication(flawed, 'newReceived', 'naturalPerson', 5);
    const prior = buildReport({ id: 'c', agency: '某县财政局', year: 2023 });
    return [clean, flawed, prior];
  };
  const ahead = (models: ReportModel[], settings: AuditSettings): ReportFindingsAhead => ({
    settings,
    byReport: new Map(models.map((m) => [m.id, reportFindings(m, settings)])),
  });
  const json = (m: Map<string, Finding[]>): string => JSON.stringify([...m]);

  it('gives the very findings of running every rule, in the same order', () => {
    const models = reports();
    const settings = mergeSettings({ severities: { 'structure/missing-section': 'info' } });
    const live = runRules(models, settings);
    expect([...live.values()].flat().length).toBeGreaterThan(2);
    expect(json(runRules(models, settings, undefined, { ahead: ahead(models, settings) }))).toBe(
      json(live),
    );
    // Only some reports computed ahead: the others are checked live.
    const some = ahead(models.slice(0, 1), settings);
    expect(json(runRules(models, settings, undefined, { ahead: some }))).toBe(json(live));
  });

  it('are taken as they are under the same settings, and never under other ones', () => {
    const models = reports();
    const settings = mergeSettings({});
    const planted: Finding = {
      ruleId: 'structure/missing-section',
      severity: 'info',
      message: '预先',
    };
    const forged: ReportFindingsAhead = {
      settings,
      byReport: new Map([['a', { 'structure/missing-section': [planted] }]]),
    };
    const messages = (m: Map<string, Finding[]>): string[] =>
      (m.get('a') ?? []).map((f) => f.message);
    // Same settings (an equal copy): taken as computed, not re-checked.
    expect(messages(runRules(models, mergeSettings({}), undefined, { ahead: forged }))).toContain(
      '预先',
    );
    // A rule disabled, a severity or a deadline changed: all computed afresh.
    for (const other of [
      { disabled: ['text/garbled'] },
      { severities: { 'structure/missing-section': 'error' as const } },
      { deadlines: { department: '02-28', government: '03-31' } },
    ]) {
      const got = runRules(models, other, undefined, { ahead: forged });
      expect(messages(got)).not.toContain('预先');
      expect(json(got)).toBe(json(runRules(models, other)));
    }
    // A disabled rule's findings computed ahead under other settings never come back.
    const stale = ahead(models, settings);
    const disabled = { disabled: ['structure/missing-section'] };
    const got = runRules(models, disabled, undefined, { ahead: stale });
    expect([...got.values()].flat().some((f) => f.ruleId === 'structure/missing-section')).toBe(
      false,
    );
    expect(json(got)).toBe(json(runRules(models, disabled)));
  });

  it('keeps the rule-failed behaviour: a rule that throws is one engine finding per report', () => {
    const models = reports();
    const settings = mergeSettings({});
    // A model the rules cannot read: several rules throw on it.
    const broken: ReportModel = { ...at(models, 0) };
    Reflect.set(broken, 'tables', null);
    const failed = Object.values(reportFindings(broken, settings))
      .flat()
      .filter((f) => f.ruleId === 'engine/rule-failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.message.includes('执行出错'))).toBe(true);
    const all = [broken, ...models.slice(1)];
    expect(json(runRules(all, settings, undefined, { ahead: ahead(all, settings) }))).toBe(
      json(runRules(all, settings)),
    );
  });
});
