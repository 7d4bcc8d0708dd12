/**
 * 500 reports in the real service, the built renderer in Chromium: the 总览 table is virtualised
 * (only the visible rows are in the DOM) and scrolls; every report opens, from 总览 and with
 * 下一份报告; the rule chart and the rule filter fill from the report list alone (no request per
 * report). Behaviour only: the same steps are timed by `npm run bench:ui` (test/bench/ui-bench.ts),
 * which prints the figures — a clock in a test fails on a busy machine (issue 12, item 7).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRendererBuilt,
  screenshot,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startAppFixture, type AppFixture, value } from '../support/app-fixture';
import { SCALE_CORPUS_SIZE, writeScaleCorpus } from '../support/scale-corpus';
import { fillRuleChart, filterByRule, openReports, scrollOverview } from '../support/scale-flows';
import type { ImportResult, ReportDetail, ReportSummary } from '../../src/shared/ipc';

let fx: AppFixture;
let app: BrowserApp;
let page: Page;
/** Names of the IPC methods the page called, in order: the rule chart must not fan out over getReport. */
const pageCalls: string[] = [];

beforeAll(async () => {
  await ensureRendererBuilt();
  fx = await startAppFixture({ samples: false });
  const dir = join(fx.dir, 'corpus');
  expect(writeScaleCorpus(dir)).toBe(SCALE_CORPUS_SIZE);
  const res = value<ImportResult>(await fx.invoke('importPaths', [{ paths: [dir] }]));
  expect(res.added.length).toBe(SCALE_CORPUS_SIZE);
  app = await startBrowserApp(fx, {
    invoke: (name, args) => {
      pageCalls.push(name);
      return fx.invoke(name, args);
    },
    viewport: { width: 1366, height: 768 },
  });
  page = app.page;
}, 600_000);

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

describe('500 reports', () => {
  it('keeps the 总览 table virtualised while scrolling through it', async () => {
    const s = await scrollOverview(page);
    await screenshot(page, '12-overview-500');
    expect(s.domRowsBefore).toBeGreaterThan(0);
    expect(s.domRowsBefore).toBeLessThan(80);
    expect(s.frames.length).toBeGreaterThan(0);
    expect(s.firstRowAfter).not.toBe(s.firstRowBefore);
    expect(s.domRowsAfter).toBeLessThan(80);
  }, 180_000);

  it('fills the rule chart and the rule filter from the report list alone', async () => {
    // The expected totals, counted independently of the summaries: from every report's findings.
    const list = value<ReportSummary[]>(await fx.invoke('listReports', []));
    const totals = new Map<string, number>();
    for (const r of list) {
      for (const f of value<ReportDetail>(await fx.invoke('getReport', [{ id: r.id }])).findings)
        totals.set(f.ruleId, (totals.get(f.ruleId) ?? 0) + 1);
    }
    expect(totals.size).toBeGreaterThan(0);
    const topCounts = [...totals.values()].sort((a, b) => b - a).slice(0, 15);

    const callsBefore = pageCalls.length;
    const { shown } = await fillRuleChart(page, topCounts.length);
    for (const [id, n] of shown) expect(n, id).toBe(totals.get(id));
    expect(shown.map(([, n]) => n)).toEqual(topCounts);
    await screenshot(page, '14-overview-500-rule-chart');

    const [topRule] = [...totals].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const reportsWithTop = list.filter((r) => r.ruleCounts[topRule]).length;
    await filterByRule(
      page,
      topRule,
      `显示 ${reportsWithTop} / ${list.length} 份`,
      `显示 ${list.length} / ${list.length} 份`,
    );

    // Neither the chart nor the filter asked for a single report.
    expect(pageCalls.slice(callsBefore).filter((c) => c === 'getReport')).toEqual([]);
  }, 180_000);

  it('opens reports from 总览 and steps through them in 审查', async () => {
    const list = value<ReportSummary[]>(await fx.invoke('listReports', []));
    const picks = [list[3], list[120], list[251], list[377], list[499]].filter(
      (r): r is ReportSummary => r !== undefined,
    );
    const { opened } = await openReports(page, picks);
    await screenshot(page, '13-review-500');
    expect(opened.slice(0, picks.length)).toEqual(picks.map((r) => r.id));
    // Each 下一份报告 opened a different report.
    const stepped = opened.slice(picks.length);
    expect(stepped).toHaveLength(5);
    stepped.forEach((id, i) => expect(id).not.toBe(opened[picks.length + i - 1]));
    expect(app.errors).toEqual([]);
  }, 180_000);
});
