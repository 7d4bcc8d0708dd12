/**
 * The browser steps of the 500-report scale check, shared by the test (test/e2e/scale.test.ts,
 * which asserts what happened) and the bench (test/bench/ui-bench.ts, which prints how long it
 * took). Each step returns both its observations and its timings: the test suite never asserts a
 * time, because a busy shared machine makes any clock-based assertion flaky (issue 12, item 7).
 */
import type { Page } from 'playwright-core';

const ROWS = '.nb-report-table .ant-table-row';

export interface ScrollObservation {
  /** From page reload to the first 总览 rows on screen. */
  loadMs: number;
  domRowsBefore: number;
  domRowsAfter: number;
  firstRowBefore: string | null;
  firstRowAfter: string | null;
  /** Intervals between animation frames while scrolling (ms). */
  frames: number[];
  scrollMs: number;
}

/** Reloads the page, then wheel-scrolls the 总览 table from top to bottom while recording frames. */
export async function scrollOverview(page: Page): Promise<ScrollObservation> {
  await page.locator(ROWS).first().waitFor();
  const tLoad = performance.now();
  await page.reload();
  await page.locator(ROWS).first().waitFor();
  const loadMs = performance.now() - tLoad;
  const domRowsBefore = await page.locator(ROWS).count();
  const box = await page
    .locator('.nb-report-table .ant-table-body, .nb-report-table .ant-table-tbody-virtual-holder')
    .first()
    .boundingBox();
  if (!box) throw new Error('总览 table body not found');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const firstRowBefore = await page.locator(ROWS).first().textContent();
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t: number): void => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = performance.now();
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(16);
  }
  const scrollMs = performance.now() - t0;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  return {
    loadMs,
    domRowsBefore,
    domRowsAfter: await page.locator(ROWS).count(),
    firstRowBefore,
    firstRowAfter: await page.locator(ROWS).first().textContent(),
    frames,
    scrollMs,
  };
}

export function frameStats(frames: readonly number[]): {
  median: number;
  p95: number;
  max: number;
  over50: number;
  over100: number;
} {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return {
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? 0,
    over50: frames.filter((f) => f > 50).length,
    over100: frames.filter((f) => f > 100).length,
  };
}

/** Opens 统计图表 on a fresh page and waits until the rule chart holds `bars` bars; returns rule id → count as drawn. */
export async function fillRuleChart(
  page: Page,
  bars: number,
): Promise<{ ms: number; shown: (readonly [string, number])[] }> {
  await page.reload();
  await page.locator(ROWS).first().waitFor();
  const t0 = performance.now();
  await page.getByRole('tab', { name: '统计图表' }).click();
  // Filled = the chart's option holds every bar (data-nb-shown is set right after setOption) and a frame has passed.
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="chart-rules"]');
      return (
        !!el?.querySelector('canvas') &&
        (el.getAttribute('data-nb-shown') ?? '').split(',').filter(Boolean).length === n
      );
    },
    bars,
    { polling: 'raf' },
  );
  const ms = performance.now() - t0;
  const shown = ((await page.getByTestId('chart-rules').getAttribute('data-nb-shown')) ?? '')
    .split(',')
    .map((pair) => {
      const [id, n] = pair.split('=');
      return [id ?? '', Number(n)] as const;
    });
  return { ms, shown };
}

/** Picks `ruleId` in the 总览 rule filter and waits for `shownText`, then clears it and waits for `allText`. */
export async function filterByRule(
  page: Page,
  ruleId: string,
  shownText: string,
  allText: string,
): Promise<{ ms: number }> {
  await page.getByRole('tab', { name: '报告列表' }).click();
  const t0 = performance.now();
  await page.getByTestId('filter-rule').click();
  await page.keyboard.type(ruleId);
  await page.locator('.ant-select-item-option', { hasText: ruleId }).first().click();
  await page.getByText(shownText).waitFor();
  const ms = performance.now() - t0;
  await page.getByTestId('filter-rule').locator('.ant-select-clear').click();
  await page.getByText(allText).waitFor();
  return { ms };
}

/**
 * Opens each report from 总览 (searched by file name), then steps through five more with 下一份报告
 * in 审查. Returns the opened ids in order and the time of each open.
 */
export async function openReports(
  page: Page,
  picks: readonly { id: string; fileName: string }[],
): Promise<{ opened: string[]; fromOverviewMs: number[]; nextMs: number[] }> {
  const opened: string[] = [];
  const fromOverviewMs: number[] = [];
  for (const r of picks) {
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('filter-search').locator('input').fill(r.fileName.slice(0, 12));
    const link = page.getByTestId(`open-${r.id}`);
    await link.waitFor();
    const t0 = performance.now();
    await link.click();
    await page.waitForFunction(
      (id) =>
        document.body.dataset.nbOpened === id &&
        document.querySelector('[data-testid="document-view"] [data-nb-block]') !== null,
      r.id,
      {
        polling: 'raf',
      },
    );
    fromOverviewMs.push(performance.now() - t0);
    opened.push(r.id);
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('filter-search').locator('input').fill('');
  }
  // Next report from inside the review screen (the everyday path). 审查 steps through 总览's
  // filtered, sorted list: open the first report of the unfiltered list, so there is a next one.
  await page.locator('[data-testid^="open-"]').first().click();
  await page.waitForFunction(
    () =>
      !!document.body.dataset.nbOpened &&
      document.querySelector('[data-testid="document-view"] [data-nb-block]') !== null,
    undefined,
    {
      polling: 'raf',
    },
  );
  const nextMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await page.evaluate(() => document.body.dataset.nbOpened ?? '');
    const forward = page.getByTitle('下一份报告');
    const button = (await forward.isDisabled()) ? page.getByTitle('上一份报告') : forward;
    const t0 = performance.now();
    await button.click();
    await page.waitForFunction(
      (prev) => !!document.body.dataset.nbOpened && document.body.dataset.nbOpened !== prev,
      before,
      { polling: 'raf' },
    );
    nextMs.push(performance.now() - t0);
    opened.push(await page.evaluate(() => document.body.dataset.nbOpened ?? ''));
  }
  return { opened, fromOverviewMs, nextMs };
}
