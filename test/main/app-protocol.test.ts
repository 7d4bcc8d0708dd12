/** app://renderer/… serves only the built renderer's files, with MIME types and the CSP. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, mimeOf, resolveAppPath, serveApp } from '../../src/main/app-protocol';
import { isAllowedRequest, isTrustedSender } from '../../src/main/security';
import { APP_CSP } from '../../src/shared/security';

function renderer(): string {
  const root = mkdtempSync(join(tmpdir(), 'nb-proto-'));
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>年报审查</title>');
  writeFileSync(join(dir, 'assets', 'index-1.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  return dir;
}

describe('app:// protocol', () => {
  it('maps app://renderer paths into the renderer folder only', () => {
    const dir = renderer();
    expect(resolveAppPath(APP_ENTRY, dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppPath('app://renderer/', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppPath('app://renderer/assets/index-1.js?v=1#x', dir)).toBe(
      join(dir, 'assets', 'index-1.js'),
    );
    // Dot segments are resolved by the URL parser itself: they cannot climb above the root.
    expect(resolveAppPath('app://renderer/../secret.txt', dir)).toBe(join(dir, 'secret.txt'));
    expect(resolveAppPath('app://renderer/assets/%2e%2e/%2e%2e/secret.txt', dir)).toBe(
      join(dir, 'secret.txt'),
    );
    for (const url of [
      'app://renderer/..%2F..%2Fsecret.txt',
      'app://renderer/assets/..%2f..%2f..%2fsecret.txt',
      'app://renderer/..%5Csecret.txt',
      'app://renderer/%00index.html',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://renderer/index.html',
      'app://renderer/%E0%A4%A',
    ]) {
      expect(resolveAppPath(url, dir), url).toBeNull();
    }
  });

  it('serves files with their type and the CSP; 404 for anything else', async () => {
    const dir = renderer();
    const page = await serveApp(APP_ENTRY, dir, APP_CSP);
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(page.body?.toString()).toContain('年报审查');
    const js = await serveApp('app://renderer/assets/index-1.js', dir, APP_CSP);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect((await serveApp('app://renderer/../secret.txt', dir, APP_CSP)).status).toBe(404);
    expect((await serveApp('app://renderer/..%2F..%2Fsecret.txt', dir, APP_CSP)).status).toBe(404);
    expect((await serveApp('app://renderer/missing.js', dir, APP_CSP)).status).toBe(404);
    expect(mimeOf('a.woff2')).toBe('font/woff2');
    expect(mimeOf('a.exe')).toBe('application/octet-stream');
  });

  it('the request filter and the IPC sender check accept the app origin only', () => {
    const origin = { rendererDir: renderer(), devServerUrl: null };
    expect(isAllowedRequest('app://renderer/assets/index-1.js', origin)).toBe(true);
    expect(isTrustedSender(APP_ENTRY, origin)).toBe(true);
    expect(isAllowedRequest('app://renderer/..%2F..%2Fsecret.txt', origin)).toBe(false);
    expect(isTrustedSender('app://evil/index.html', origin)).toBe(false);
  });
});
