/**
 * Benchmark of the desktop UI at scale, in Debian's Chromium against the real service: 500
 * reports imported, then the same steps test/e2e/scale.test.ts checks for behaviour, timed here:
 * import, page load to the first 总览 rows, frame intervals while scrolling 总览, the rule chart and
 * the rule filter, opening a report from 总览 and with 下一份报告. Prints every figure; with
 * `--check` exits 1 when a target below is missed (run it on a quiet machine: the figures are
 * wall-clock times).
 *
 * `--dir <folder>` imports that folder instead of the 500-report corpus (e.g. the 2,000 reports
 * of `npm run bench -- --scale 2000`, kept in os.tmpdir()/nianbao-scale-v2-2000). The import also
 * reports the progress the bar shows: how many progress events, and the longest interval without
 * one (a stall), with the step it was in.
 *
 *   npm run bench:ui [-- --check] [-- --dir <folder>]
 */
import { join } from 'node:path';
import type { EventName, ImportResult, IpcEvents, ReportSummary } from '../../src/shared/ipc';
import { startAppFixture, value } from '../support/app-fixture';
import { ensureRendererBuilt, startBrowserApp } from '../support/browser';
import { writeScaleCorpus } from '../support/scale-corpus';
import {
  fillRuleChart,
  filterByRule,
  frameStats,
  openReports,
  scrollOverview,
} from '../support/scale-flows';

/** The targets (ms) the UI is held to on the 2-core reference machine. */
const TARGETS = {
  openReport: 1000,
  ruleChart: 2000,
  ruleFilter: 3000,
  /** Median frame interval while scrolling 总览: about 30 frames a second or better. */
  scrollMedianFrame: 34,
} as const;

const ms = (x: number): string => `${x.toFixed(0)} ms`;

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  await ensureRendererBuilt();
  const fx = await startAppFixture({ samples: false });
  const missed: string[] = [];
  try {
    const given = process.argv.indexOf('--dir');
    const dir = given >= 0 ? (process.argv[given + 1] ?? '') : join(fx.dir, 'corpus');
    const expected = given >= 0 ? null : writeScaleCorpus(dir);
    // The progress the bar shows: the longest interval without an event is a stall.
    let last = performance.now();
    let lastStep = '';
    let events = 0;
    let stall = { ms: 0, step: '' };
    const onEvent = (_event: EventName, p: IpcEvents[EventName]): void => {
      if (!('phase' in p)) return;
      const now = performance.now();
      if (now - last > stall.ms) stall = { ms: now - last, step: lastStep };
      last = now;
      lastStep = p.step ?? `${p.phase} ${p.done}/${p.total}`;
      events++;
    };
    fx.setSink(onEvent);
    const t0 = performance.now();
    const res = value<ImportResult>(await fx.invoke('importPaths', [{ paths: [dir] }]));
    const importMs = performance.now() - t0;
    fx.setSink(null);
    console.log(
      `导入 ${res.added.length}${expected === null ? '' : `/${expected}`} 份报告：${(importMs / 1000).toFixed(1)} s；进度事件 ${events} 个，最长无进度间隔 ${ms(stall.ms)}（在「${stall.step}」之后）`,
    );

    const app = await startBrowserApp(fx, { viewport: { width: 1366, height: 768 } });
    try {
      const { page } = app;
      // tsx compiles with esbuild's keepNames, which wraps functions in a __name() helper; functions
      // handed to page.evaluate run in the page, where that helper must exist too.
      const keepNames = 'globalThis.__name = (f) => f;';
      await app.context.addInitScript({ content: keepNames });
      await page.evaluate(keepNames);
      const s = await scrollOverview(page);
      const f = frameStats(s.frames);
      console.log(
        `页面加载到总览出现首行：${ms(s.loadMs)}；总览 DOM 行数 ${s.domRowsBefore}（滚动后 ${s.domRowsAfter}）`,
      );
      console.log(
        `滚动总览 80 次：${ms(s.scrollMs)}，${s.frames.length} 帧，帧间隔中位数 ${f.median.toFixed(1)} ms，p95 ${f.p95.toFixed(1)} ms，最长 ${f.max.toFixed(1)} ms，> 50 ms：${f.over50}，> 100 ms：${f.over100}`,
      );
      if (f.median > TARGETS.scrollMedianFrame)
        missed.push(`滚动帧间隔中位数 ${f.median.toFixed(1)} ms > ${TARGETS.scrollMedianFrame} ms`);

      const list = value<ReportSummary[]>(await fx.invoke('listReports', []));
      const totals = new Map<string, number>();
      for (const r of list)
        for (const [id, n] of Object.entries(r.ruleCounts))
          totals.set(id, (totals.get(id) ?? 0) + n);
      const bars = Math.min(15, totals.size);
      const chart = await fillRuleChart(page, bars);
      console.log(`统计图表（${bars} 条规则）：点击后 ${ms(chart.ms)} 画出`);
      if (chart.ms > TARGETS.ruleChart)
        missed.push(`统计图表 ${ms(chart.ms)} > ${TARGETS.ruleChart} ms`);

      const [topRule] = [...totals].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      const withTop = list.filter((r) => r.ruleCounts[topRule]).length;
      const filter = await filterByRule(
        page,
        topRule,
        `显示 ${withTop} / ${list.length} 份`,
        `显示 ${list.length} / ${list.length} 份`,
      );
      console.log(`按规则筛选（${topRule}，${withTop} 份）：${ms(filter.ms)}`);
      if (filter.ms > TARGETS.ruleFilter)
        missed.push(`按规则筛选 ${ms(filter.ms)} > ${TARGETS.ruleFilter} ms`);

      const picks = [list[3], list[120], list[251], list[377], list[499]].filter(
        (r): r is ReportSummary => r !== undefined,
      );
      const open = await openReports(page, picks);
      console.log(`从总览打开报告：${open.fromOverviewMs.map(ms).join('，')}`);
      console.log(`审查中“下一份报告”：${open.nextMs.map(ms).join('，')}`);
      const slowest = Math.max(...open.fromOverviewMs, ...open.nextMs);
      if (slowest > TARGETS.openReport)
        missed.push(`打开报告最长 ${ms(slowest)} > ${TARGETS.openReport} ms`);
      if (app.errors.length) console.log(`页面错误：${app.errors.join('；')}`);
    } finally {
      await app.close();
    }
  } finally {
    await fx.close();
  }
  if (missed.length) console.log(`未达目标：${missed.join('；')}`);
  else console.log('全部达标。');
  return check && missed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
