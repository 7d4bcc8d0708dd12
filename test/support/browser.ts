/**
 * Browser harness for the renderer's end-to-end tests.
 *
 * - builds the renderer when out/renderer is missing or older than its sources (one build at a time,
 *   across vitest workers, by a lock directory);
 * - serves out/renderer on 127.0.0.1 (random port): module scripts do not load from file://;
 * - launches Debian's Chromium through playwright-core (fails, never skips, when it is absent);
 * - binds the real main-process handlers: one page.exposeFunction per IPC method (through
 *   invokeMethod, so arguments are validated as in main), and the bridge's browserBridgeScript,
 *   which builds window.nianbao with the preload's own createApi: the bridge under test is the
 *   preload's minus Electron's transport.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  IPC_CHANNEL_PREFIX,
  IPC_EVENT_PREFIX,
  IPC_METHODS,
  type EventName,
  type IpcEvents,
  type MethodName,
} from '../../src/shared/ipc';
import type { AppFixture } from './app-fixture';
import { browserBridgeScript } from './bridge';

export const ROOT = resolve(__dirname, '../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
export const SCREENS_DIR = join(ROOT, 'test-output/screens');
export const CHROMIUM = '/usr/bin/chromium';

const SOURCE_DIRS = [
  'src/renderer',
  'src/shared',
  'src/core/model',
  'src/core/export/location.ts',
  'src/core/indicators',
  'src/core/workspace/agency-kind.ts',
  'src/core/export/documents/settings.ts',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newestMtime(join(path, name)));
  return max;
}

function isStale(): boolean {
  const index = join(RENDERER_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCE_DIRS.some((d) => newestMtime(join(ROOT, d)) > built);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Builds the renderer (electron-vite, the project's config) if it is missing or stale. */
export async function ensureRendererBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = join(ROOT, 'test-output/.renderer-build.lock');
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 5 minutes is a crashed build.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000)
          rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      await sleep(1000);
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    execFileSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (!existsSync(join(RENDERER_OUT, 'index.html')))
      throw new Error(`renderer build produced no ${RENDERER_OUT}/index.html`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string = RENDERER_OUT): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium fonts-noto-cjk" (the browser tests never skip).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The test bridge (./bridge.ts: createApi, the same function the preload runs), over a
 * window.__nbInvoke that routes each channel to that method's exposed function.
 */
function bridgeScript(): string {
  const route = `window.__nbInvoke = (channel, args) => {
  const fn = typeof channel === 'string' && channel.startsWith(${JSON.stringify(IPC_CHANNEL_PREFIX)}) ? window['__nb_' + channel.slice(${IPC_CHANNEL_PREFIX.length})] : undefined;
  return typeof fn === 'function' ? fn(...args) : Promise.resolve({ ok: false, message: '未知操作：' + String(channel) });
};`;
  return `${route}\n${browserBridgeScript()}`;
}

/** Calls a method by name with the renderer's (untrusted) arguments, as ipcMain.handle would: invokeMethod from src/core/app. */
export type Invoke = (name: MethodName, args: unknown[]) => Promise<unknown>;

export interface BoundPage {
  page: Page;
  context: BrowserContext;
  /** Sends a main → renderer event, as webContents.send would. */
  emit<E extends EventName>(event: E, payload: IpcEvents[E]): Promise<void>;
  /** Console errors, page errors and failed loads seen so far. */
  errors: string[];
  /** Console warnings (React and antd deprecations land here). */
  warnings: string[];
}

export async function openApp(
  browser: Browser,
  url: string,
  invoke: Invoke,
  viewport = { width: 1440, height: 900 },
): Promise<BoundPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported below with their URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(`console: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
      errors.push(`http ${r.status()}: ${r.url()}`);
  });
  for (const name of IPC_METHODS) {
    await page.exposeFunction(`__nb_${name}`, (...args: unknown[]) => invoke(name, args));
  }
  await page.addInitScript({ content: bridgeScript() });
  await page.goto(url);
  const emit = async <E extends EventName>(event: E, payload: IpcEvents[E]): Promise<void> => {
    await page.evaluate(
      ([c, p]) => (window as unknown as { __nbEmit(c: string, p: unknown): void }).__nbEmit(c, p),
      [IPC_EVENT_PREFIX + event, payload] as const,
    );
  };
  return { page, context, emit, errors, warnings };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // Let antd's transitions (modal zoom, tab ink bar, button wave) settle first.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(450);
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export interface BrowserApp extends BoundPage {
  /** Where the renderer is served (the app's own origin in these tests). */
  url: string;
  /** Closes the browser and the static server; the fixture stays the caller's to close. */
  close(): Promise<void>;
}

/**
 * Serves the built renderer, launches Chromium and opens the app bound to the fixture's real
 * handlers (or `invoke`, to observe the calls), forwarding the service's events to the page as
 * webContents.send would.
 */
export async function startBrowserApp(
  fx: Pick<AppFixture, 'invoke' | 'setSink'>,
  opts: { invoke?: Invoke; viewport?: { width: number; height: number } } = {},
): Promise<BrowserApp> {
  const server = await startStaticServer();
  const browser = await launchChromium();
  const app = await openApp(
    browser,
    server.url,
    opts.invoke ?? ((name, args) => fx.invoke(name, args)),
    opts.viewport,
  );
  fx.setSink((event, payload) => {
    void app.emit(event, payload).catch(() => undefined);
  });
  return {
    ...app,
    url: server.url,
    close: async () => {
      fx.setSink(null);
      await browser.close();
      await server.close();
    },
  };
}
