/**
 * The renderer's index.html carries the app's Content-Security-Policy verbatim (src/shared/security.ts),
 * however the formatter lays out the tag's attributes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { APP_CSP } from '../../src/shared/security';
import { ROOT, ensureRendererBuilt } from '../support/browser';

it('index.html declares APP_CSP', () => {
  const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  expect(m?.[1]).toBe(APP_CSP);
});

it('the built index.html (what the app loads) keeps APP_CSP unrelaxed', async () => {
  await ensureRendererBuilt();
  const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  expect(m?.[1]).toBe(APP_CSP);
  expect(m?.[1]).toContain("script-src 'self';");
}, 240_000);
