/**
 * A PDF report in the desktop UI, in Debian's Chromium against the real handlers: 审查 shows the
 * report as its pages (pdf.js, worker from the app's own origin, under the app's CSP); clicking a
 * table finding scrolls to its page and draws a box over the cell that holds the offending
 * value — checked against where pdf.js itself puts that value's text on the page; J/K and
 * decisions work as for Word; 年度对比 pairs the PDF year with a Word year.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSpec, specToDocx, specToPdf } from '../fixtures';
import {
  ROOT,
  ensureRendererBuilt,
  screenshot,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startAppFixture, type AppFixture, value } from '../support/app-fixture';
import type { ReportDetail, ReportSummary } from '../../src/shared/ipc';

const AGENCY = '示例县自然资源局';

let fx: AppFixture;
let app: BrowserApp;
let page: Page;
let pdfFile: string;

beforeAll(async () => {
  await ensureRendererBuilt();
  fx = await startAppFixture({ samples: false });
  const y2022 = defaultSpec({ agency: AGENCY, year: 2022 });
  const y2023 = defaultSpec({ agency: AGENCY, year: 2023 });
  // The offending value: 新收 总计 written as 7, the row adds up to 3.
  y2023.tables.applications.newReceived.total = 7;
  y2023.tables.activeDisclosure.licensing = 73;
  const docxFile = join(fx.dir, `${AGENCY}2022年政府信息公开工作年度报告.docx`);
  pdfFile = join(fx.dir, `${AGENCY}2023年政府信息公开工作年度报告.pdf`);
  writeFileSync(docxFile, await specToDocx(y2022));
  writeFileSync(
    pdfFile,
    await specToPdf(
      y2023,
      {},
      { pageNumbers: 'dash', breakTable: { table: 'applications', atRow: 14, repeatHeader: true } },
    ),
  );
  app = await startBrowserApp(fx);
  page = app.page;
  value(await fx.invoke('importPaths', [{ paths: [docxFile, pdfFile] }]));
}, 240_000);

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

/** Where pdf.js puts a text item with exactly this text on the page: top-left box in points. */
async function textItemBox(
  file: string,
  pageNo: number,
  text: string,
): Promise<{ x0: number; y0: number; x1: number; y1: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const p = await doc.getPage(pageNo);
  const height = p.getViewport({ scale: 1 }).height;
  const content = await p.getTextContent();
  const out: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const raw of content.items) {
    const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (it.str !== text || !it.transform) continue;
    const x = it.transform[4] as number;
    const base = height - (it.transform[5] as number);
    out.push({ x0: x, y0: base - (it.height ?? 0), x1: x + (it.width ?? 0), y1: base });
  }
  await doc.destroy();
  return out;
}

describe('a PDF report in 审查 and 年度对比', () => {
  it('shows the pages and boxes the offending cell when its finding is clicked', async () => {
    const list = value<ReportSummary[]>(await fx.invoke('listReports', []));
    const pdf = list.find((r) => r.format === 'pdf');
    expect(pdf, 'the PDF report was imported').toBeDefined();
    const id = (pdf as ReportSummary).id;
    const detail = value<ReportDetail>(await fx.invoke('getReport', [{ id }]));
    const f = detail.findings.find(
      (x) => x.ruleId === 'applications/row-sum' && x.row === 'newReceived',
    );
    expect(f, 'the 2023 PDF has a row-sum error on 新收').toBeDefined();
    const finding = f as NonNullable<typeof f>;
    expect(finding.actual).toBe(7);
    expect(finding.pos?.page).toBeGreaterThanOrEqual(1);
    expect(finding.pos?.box).toBeDefined();

    await page.getByTestId('nav-overview').click();
    await page.getByTestId(`open-${id}`).click();
    await page.waitForFunction((rid) => document.body.dataset.nbOpened === rid, id);
    await page
      .locator('[data-testid="pdf-page-1"][data-rendered="true"]')
      .waitFor({ timeout: 30_000 });

    await page
      .locator(`[data-testid="finding"][data-fingerprint="${finding.fingerprint}"]`)
      .click();
    const hl = page.getByTestId('pdf-highlight');
    await hl.waitFor();
    const pageNo = finding.pos?.page as number;
    const pageEl = page.getByTestId(`pdf-page-${pageNo}`);
    await page
      .locator(`[data-testid="pdf-page-${pageNo}"][data-rendered="true"]`)
      .waitFor({ timeout: 30_000 });
    const scale = Number(await pageEl.getAttribute('data-scale'));
    const pageBox = await pageEl.boundingBox();
    const hlBox = await hl.boundingBox();
    expect(pageBox && hlBox).toBeTruthy();
    const pb = pageBox as NonNullable<typeof pageBox>;
    const hb = hlBox as NonNullable<typeof hlBox>;
    expect(await hl.isVisible()).toBe(true);

    // Ground truth: pdf.js's own text item "7" on that page (the only lone 7 there).
    const items = await textItemBox(pdfFile, pageNo, '7');
    expect(items.length).toBeGreaterThanOrEqual(1);
    const inside = items.filter((it) => {
      const cx = pb.x + ((it.x0 + it.x1) / 2) * scale;
      const cy = pb.y + ((it.y0 + it.y1) / 2) * scale;
      return cx >= hb.x && cx <= hb.x + hb.width && cy >= hb.y && cy <= hb.y + hb.height;
    });
    expect(inside, 'the value 7 lies inside the highlight box').toHaveLength(1);
    // A cell, not a whole table or page.
    expect(hb.width).toBeLessThan(60 * scale);
    expect(hb.height).toBeLessThan(40 * scale);
    await screenshot(page, '20-review-pdf');

    // J/K and decisions as for Word.
    const selected = page.locator('.nb-finding-selected');
    await page.getByTestId('pdf-view').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    expect(await selected.getAttribute('data-fingerprint')).not.toBe(finding.fingerprint);
    await page.keyboard.press('k');
    expect(await selected.getAttribute('data-fingerprint')).toBe(finding.fingerprint);
    const item = page.locator(`[data-testid="finding"][data-fingerprint="${finding.fingerprint}"]`);
    await item.getByTestId('decision-note').fill('已核实：总计栏填写错误');
    await item.getByTestId('decide-confirm').click();
    await page
      .locator(
        `[data-testid="finding"][data-fingerprint="${finding.fingerprint}"][data-status="confirmed"]`,
      )
      .waitFor();
    expect(app.errors).toEqual([]);
  });

  it('a real published PDF: 洪泽区 2023 table 四 does not add up, and the box lies over its 总计 cell', async () => {
    const real = join(ROOT, '../shared/corpus/real/huaian-hongze-district-gov_2023.pdf');
    if (!existsSync(real))
      throw new Error(`真实报告不存在：${real}（本测试需要 shared/corpus/real，不会跳过）`);
    const copy = join(fx.dir, 'huaian-hongze-district-gov_2023.pdf');
    copyFileSync(real, copy);
    value(await fx.invoke('importPaths', [{ paths: [copy] }]));
    const list = value<ReportSummary[]>(await fx.invoke('listReports', []));
    const r = list.find(
      (x) => x.fileName === 'huaian-hongze-district-gov_2023.pdf',
    ) as ReportSummary;
    const detail = value<ReportDetail>(await fx.invoke('getReport', [{ id: r.id }]));
    const f = detail.findings.find((x) => x.ruleId === 'review/group-sum' && x.row === 'review');
    expect(f, 'table 四 行政复议 does not add up (10+1+0+0 ≠ 0)').toBeDefined();
    const finding = f as NonNullable<typeof f>;
    expect([finding.expected, finding.actual]).toEqual([11, 0]);
    const pageNo = finding.pos?.page as number;
    expect(pageNo).toBe(4);

    await page.getByTestId('nav-overview').click();
    await page.getByTestId(`open-${r.id}`).click();
    await page.waitForFunction((rid) => document.body.dataset.nbOpened === rid, r.id);
    await page
      .locator(`[data-testid="finding"][data-fingerprint="${finding.fingerprint}"]`)
      .click();
    const hl = page.getByTestId('pdf-highlight');
    await hl.waitFor();
    await page
      .locator(`[data-testid="pdf-page-${pageNo}"][data-rendered="true"]`)
      .waitFor({ timeout: 30_000 });
    const pageEl = page.getByTestId(`pdf-page-${pageNo}`);
    const scale = Number(await pageEl.getAttribute('data-scale'));
    const pb = (await pageEl.boundingBox()) as NonNullable<
      Awaited<ReturnType<typeof pageEl.boundingBox>>
    >;
    const hb = (await hl.boundingBox()) as NonNullable<Awaited<ReturnType<typeof hl.boundingBox>>>;
    const zeros = (await textItemBox(copy, pageNo, '0')).filter((it) => {
      const cx = pb.x + ((it.x0 + it.x1) / 2) * scale;
      const cy = pb.y + ((it.y0 + it.y1) / 2) * scale;
      return cx >= hb.x && cx <= hb.x + hb.width && cy >= hb.y && cy <= hb.y + hb.height;
    });
    expect(zeros, 'exactly the 总计 value 0 lies inside the box').toHaveLength(1);
    await screenshot(page, '22-review-real-pdf');
    expect(app.errors).toEqual([]);
  });

  it('compares the PDF year with the Word year', async () => {
    await page.getByTestId('nav-compare').click();
    const select = page.locator('.ant-select').first();
    if (!((await select.textContent()) ?? '').includes(AGENCY)) {
      await select.click();
      await page.locator('.ant-select-item-option', { hasText: AGENCY }).first().click();
    }
    await page.getByTestId('cmp-table-applications').waitFor();
    expect(await page.locator('td[data-cell="licensing:decisions"]').textContent()).toContain('73');
    expect(
      await page.locator('[data-testid="cmp-table-activeDisclosure"] td[data-changed="1"]').count(),
    ).toBeGreaterThanOrEqual(1);
    await screenshot(page, '21-compare-pdf-word');
    expect(app.errors).toEqual([]);
  });
});
