/**
 * Issue 14's app items in Chromium at 1366×768, against the real handlers: the untitled
 * workspace's save state, import progress that names its steps, 总览 file names cut in the middle,
 * the Word numbering note kept out of the reviewer's way, arrows scrolling the document while J/K
 * move between findings, and 年度对比 speaking with one voice about similarity. Screenshots go to
 * test-output/screens/ux-*.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSpec, specToDocx, specToTxt } from '../fixtures';
import {
  SCREENS_DIR,
  ensureRendererBuilt,
  screenshot,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startAppFixture, type AppFixture, value } from '../support/app-fixture';
import type { ProgressEvent, ReportSummary } from '../../src/shared/ipc';

const AGENCY = '示例区市场监督管理局';
const LONG_2023 = `${AGENCY}2023年政府信息公开工作年度报告（修改稿）.docx`;

/** A screenshot that keeps the mouse where it is (screenshot() moves it away, closing tooltips). */
async function shotWithTooltip(name: string): Promise<void> {
  await page.waitForTimeout(450);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
}

let fx: AppFixture;
let app: BrowserApp;
let page: Page;
let dir: string;
const progress: ProgressEvent[] = [];

beforeAll(async () => {
  await ensureRendererBuilt();
  fx = await startAppFixture({ samples: false });
  dir = join(fx.dir, '年报');
  mkdirSync(dir);
  const y2022 = defaultSpec({ agency: AGENCY, year: 2022 });
  const y2023 = defaultSpec({ agency: AGENCY, year: 2023 });
  // Section 一 nearly unchanged from last year: a high similarity, which no rule reports for section 一.
  y2023.tables.activeDisclosure.licensing = 73;
  // A long section 六 so the document scrolls.
  const other = y2023.sections.find((s) => s.key === 'otherMatters');
  for (let i = 0; i < 30; i++)
    other?.paragraphs.push(
      `本年度第 ${i + 1} 项其他事项：按要求办理并及时公开相关信息，接受社会监督。`,
    );
  writeFileSync(join(dir, `${AGENCY}2022年政府信息公开工作年度报告.txt`), specToTxt(y2022));
  // Word's automatic numbering for the headings, numbered right: its note is not the reviewer's concern.
  writeFileSync(join(dir, LONG_2023), await specToDocx(y2023, { headingNumerals: 'auto' }));
  app = await startBrowserApp(fx, { viewport: { width: 1366, height: 768 } });
  page = app.page;
  // Record the progress the page is sent, as well as forwarding it.
  fx.setSink((event, payload) => {
    if (event === 'progress') progress.push(payload as ProgressEvent);
    void app.emit(event, payload).catch(() => undefined);
  });
}, 240_000);

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

describe('issue 14 in the app (1366×768)', () => {
  it('import progress says what it is doing after the files are read', async () => {
    await page.getByTestId('nav-import').click();
    fx.dialogs.openFolder.push(dir);
    await page.getByTestId('import-folder').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('count-added').textContent()).toBe('2');
    const steps = new Set(progress.filter((p) => p.phase === 'audit').map((p) => p.step));
    // Right after the last file, before the rules: storing and grouping the reports are named too.
    expect(progress.find((p) => p.phase === 'audit')?.step).toBe('正在整理报告…');
    expect(steps.has('正在比对跨年度数据…')).toBe(true);
    expect(steps.has('正在比对跨单位报告（雷同检查）…')).toBe(true);
    // What the card shows between reading and the rules.
    const card = page.getByTestId('import-progress');
    await app.emit('progress', {
      phase: 'audit',
      done: 0,
      total: 1,
      file: '',
      step: '正在整理报告…',
    });
    await card.getByText('正在整理报告…', { exact: true }).waitFor();
    // What the card shows in the middle of the cross-agency step, as a large batch would stay there a while.
    const rules = progress.find((p) => p.phase === 'audit' && p.total > 1)?.total ?? 40;
    await app.emit('progress', {
      phase: 'audit',
      done: rules - 2,
      total: rules,
      file: '',
      step: '正在比对跨单位报告（雷同检查）…',
    });
    await card
      .getByText(`正在比对跨单位报告（雷同检查）…（已完成 ${rules - 2} / ${rules} 项检查）`)
      .waitFor();
    await screenshot(page, 'ux-01-import-progress');
    // The comparison's own share of its work moves the text and the bar.
    await app.emit('progress', {
      phase: 'audit',
      done: rules - 2,
      total: rules,
      file: '',
      step: '正在比对跨单位报告（雷同检查）…',
      fraction: 0.45,
    });
    await card
      .getByText(`正在比对跨单位报告（雷同检查）… 45%（已完成 ${rules - 2} / ${rules} 项检查）`)
      .waitFor();
    const bar = Math.round(((rules - 2 + 0.45) / rules) * 100);
    await card.getByText(`${bar}%`, { exact: true }).waitFor();
    await app.emit('progress', { phase: 'done', done: 2, total: 2, file: '' });
    await card.getByText('已完成：共处理 2 个文件').waitFor();
  });

  it('an untitled workspace says it is autosaved on this machine, and what 保存 adds', async () => {
    const state = page.getByTestId('save-state');
    await state.getByText(/已自动保存到本机/).waitFor();
    expect(await page.locator('.nb-header .ant-badge-status-warning').count()).toBe(0);
    expect(await page.locator('.nb-header').textContent()).not.toContain('尚未保存');
    await state.hover();
    await page
      .locator('.ant-tooltip')
      .getByText(/程序数据文件夹/)
      .first()
      .waitFor();
    await shotWithTooltip('ux-02-save-state');
    await page.mouse.move(1, 1);
    await page.getByTestId('save-workspace').hover();
    await page
      .locator('.ant-tooltip')
      .getByText(/选择保存位置/)
      .waitFor();
    await page.mouse.move(1, 1);
  });

  it('总览 cuts long file names in the middle, keeping the end, with the full name on hover', async () => {
    await page.getByTestId('nav-overview').click();
    const cell = page.locator('.nb-report-table .nb-mid', { hasText: '修改稿' }).first();
    await cell.waitFor();
    expect(await cell.getAttribute('data-full')).toBe(LONG_2023);
    const tail = cell.locator('.nb-mid-tail');
    expect(await tail.textContent()).toMatch(/修改稿）\.docx$/);
    // The head is cut (its text overflows its box) and the tail is fully inside the cell.
    expect(
      await cell.locator('.nb-mid-head').evaluate((el) => el.scrollWidth > el.clientWidth),
    ).toBe(true);
    const [tb, cb] = await Promise.all([tail.boundingBox(), cell.boundingBox()]);
    expect(tb && cb && tb.x + tb.width <= cb.x + cb.width + 1).toBe(true);
    await cell.hover();
    await page.locator('.ant-tooltip').getByText(LONG_2023).waitFor();
    await shotWithTooltip('ux-03-overview-file-names');
    await page.mouse.move(1, 1);
  });

  it('审查: no Word numbering note when numbering is fine; arrows scroll the document, J/K move between findings', async () => {
    const list = value<ReportSummary[]>(await fx.invoke('listReports', []));
    const r2023 = list.find((r) => r.year === 2023) as ReportSummary;
    await page.getByTestId(`open-${r2023.id}`).click();
    await page.waitForFunction((rid) => document.body.dataset.nbOpened === rid, r2023.id);
    const doc = page.getByTestId('document-view');
    await doc.locator('[data-nb-block]').first().waitFor();
    const alerts = await page.locator('.nb-page-review .ant-alert').allTextContents();
    expect(alerts.join('')).not.toMatch(/自动编号/);
    expect(await page.getByTestId('finding-list').textContent()).toContain('J 下一条');

    // A cross-year figure names its sides, as the workbook does: not a bare 应为 17 / 实为 16.
    const unchanged = page.locator(
      '[data-testid="finding"][data-rule="series/effective-unchanged"] [data-testid="finding-values"]',
    );
    expect((await unchanged.first().textContent())?.replace(/\s+/g, '')).toBe(
      '按上年推算17件本年填报16件',
    );

    const first = page.locator('[data-testid="finding"]').first();
    await first.click();
    const selected = page.locator('.nb-finding-selected');
    const chosen = await selected.getAttribute('data-fingerprint');
    // Focus the document at its top, then read down with the arrow keys.
    await doc.evaluate((el) => el.scrollTo({ top: 0 }));
    await doc.click({ position: { x: 8, y: 8 } });
    const before = await doc.evaluate((el) => el.scrollTop);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      (b) => (document.querySelector('[data-testid="document-view"]')?.scrollTop ?? 0) > b,
      before,
    );
    expect(await selected.getAttribute('data-fingerprint')).toBe(chosen);
    await screenshot(page, 'ux-04-review-arrows');
    // J moves to the next finding (when there is one), K back.
    const count = await page.locator('[data-testid="finding"]').count();
    if (count > 1) {
      await page.keyboard.press('j');
      expect(await selected.getAttribute('data-fingerprint')).not.toBe(chosen);
      await page.keyboard.press('k');
      expect(await selected.getAttribute('data-fingerprint')).toBe(chosen);
    }
  });

  it('年度对比: the similarity is a neutral figure, never a verdict the findings box contradicts', async () => {
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('series-findings').waitFor();
    await page.getByRole('tab', { name: '正文逐段对比' }).click();
    const tags = page.getByTestId('similarity');
    await tags.first().waitFor();
    const texts = await tags.allTextContents();
    expect(texts.some((t) => /与上年相同文字 (9\d|100)%/.test(t))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(/疑似|照抄/);
    expect(
      await page
        .locator('[data-testid="similarity"].ant-tag-error, [data-testid="similarity"].ant-tag-red')
        .count(),
    ).toBe(0);
    await page.getByTestId('similarity-note').waitFor();
    await screenshot(page, 'ux-05-compare-text');
    expect(app.errors).toEqual([]);
  });
});
