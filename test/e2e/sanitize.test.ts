/**
 * The renderer sanitises document HTML itself (DOMPurify), whatever a reader lets through. The
 * real pipeline re-renders HTML from blocks, so here the answer of getReport is spiked with
 * hostile markup on its way to the page: the built renderer must display the report with no
 * script run, no handler or javascript: URL left, and nothing fetched from outside.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultSpec, specToTxt } from '../fixtures';
import {
  ensureRendererBuilt,
  launchChromium,
  openApp,
  startStaticServer,
  type StaticServer,
} from '../support/browser';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import type { ImportResult, ReportDetail, Result } from '../../src/shared/ipc';

const PAYLOAD = [
  '<script>window.__pwned = 1</script>',
  '<img src="http://203.0.113.9/x.png" onerror="window.__pwned = 2">',
  '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" alt="内嵌图片">',
  '<p data-nb-block="900" onclick="window.__pwned = 3" style="background:url(http://203.0.113.9/bg.png)">附件<a href="javascript:window.__pwned=4">下载</a></p>',
  '<iframe src="http://203.0.113.9/"></iframe><form action="http://203.0.113.9/"><input name="q"></form>',
  '<style>@import url(http://203.0.113.9/s.css); body { display: none }</style>',
  '<svg><script>window.__pwned = 5</script></svg><object data="http://203.0.113.9/o"></object>',
].join('');

let fx: AppFixture;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await ensureRendererBuilt();
  fx = await startAppFixture({ samples: false });
  server = await startStaticServer();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fx?.close();
});

it('neutralises hostile markup in document HTML', async () => {
  const file = join(fx.dir, '净化测试局2023年政府信息公开工作年度报告.txt');
  writeFileSync(file, specToTxt(defaultSpec({ agency: '净化测试局', year: 2023 })));
  const res = (await fx.invoke('importPaths', [{ paths: [file] }])) as Result<ImportResult>;
  if (!res.ok) throw new Error(res.message);
  await fx.invoke('dismissSamplesOffer', []);
  const spiked = async (
    name: Parameters<AppFixture['invoke']>[0],
    args: unknown[],
  ): Promise<unknown> => {
    const r = await fx.invoke(name, args);
    if (name !== 'getReport') return r;
    const d = r as Result<ReportDetail>;
    return d.ok ? { ok: true, value: { ...d.value, html: d.value.html + PAYLOAD } } : d;
  };
  const app = await openApp(browser, server.url, spiked);
  const { page } = app;
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url());
  });
  await page.getByTestId('nav-review').click();
  const doc = page.getByTestId('document-view');
  await doc.locator('[data-nb-block="900"]').waitFor();
  await doc.locator('[data-nb-block="900"]').click();
  await doc.locator('[data-nb-block="900"] a').click();
  await page.waitForTimeout(300);
  expect(await doc.locator('script, iframe, form, input, object, embed, style, svg').count()).toBe(
    0,
  );
  const attrs = await doc.evaluate((el) =>
    Array.from(el.querySelectorAll('*'))
      .flatMap((n) => Array.from(n.attributes).map((a) => `${a.name}=${a.value}`))
      .filter((a) => /^on|javascript:|url\(|^src=http|^href=/i.test(a)),
  );
  expect(attrs).toEqual([]);
  // The data: image survives (Word documents embed pictures that way); the paragraph's data-nb-block too.
  expect(await doc.locator('img[src^="data:image/png"]').count()).toBe(1);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.locator('body').isVisible()).toBe(true);
  expect(outside).toEqual([]);
  // Chromium reports an inline handler attribute against the CSP as soon as any parser sees it,
  // even DOMPurify's inert document (checked in isolation): a report, not an execution.
  expect(app.errors.filter((e) => !e.includes('Executing inline event handler violates'))).toEqual(
    [],
  );
  await app.context.close();
});
