/**
 * The Electron entry (src/main/index.ts) loaded against a stand-in for the electron module (the
 * real one cannot run here and must never be imported by tests): checks the window's secure
 * webPreferences, the session guards (permissions, request filter, CSP, app:// handler), the
 * navigation / new-window / webview guards, the IPC handlers and the menu.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  const windows: { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] }[] = [];
  const ipcHandlers = new Map<string, Listener>();
  const session: Record<string, Listener | undefined> = {};
  const state = { menu: null as unknown, schemes: [] as unknown[], sandbox: false, userData: '' };
  return { appListeners, windows, ipcHandlers, session, state };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows(): BrowserWindow[] {
      return BrowserWindow.all;
    }
    record: { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] };
    webContents: { send: (...a: unknown[]) => void };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], sent: [] };
      fake.windows.push(this.record);
      this.webContents = { send: (...a: unknown[]) => void this.record.sent.push(a) };
      BrowserWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(path: string): Promise<void> {
      this.record.loaded.push(`file:${path}`);
      return Promise.resolve();
    }
    once(): void {}
    on(): void {}
    show(): void {}
    isDestroyed(): boolean {
      return false;
    }
  }
  const app = {
    isPackaged: false,
    enableSandbox: () => void (fake.state.sandbox = true),
    requestSingleInstanceLock: () => true,
    on: (event: string, cb: Listener) =>
      void fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), cb]),
    whenReady: () => Promise.resolve(),
    getPath: () => fake.state.userData,
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    quit: () => undefined,
    exit: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    Menu: {
      setApplicationMenu: (m: unknown) => void (fake.state.menu = m),
      buildFromTemplate: (t: unknown) => t,
    },
    dialog: {
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: () => undefined,
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: {
      handle: (c: string, l: Listener) => void fake.ipcHandlers.set(c, l),
      removeHandler: (c: string) => void fake.ipcHandlers.delete(c),
      on: (c: string, l: Listener) => void fake.ipcHandlers.set(`on:${c}`, l),
    },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => void fake.state.schemes.push(...s) },
    session: {
      defaultSession: {
        protocol: { handle: (_scheme: string, l: Listener) => void (fake.session['app'] = l) },
        setPermissionRequestHandler: (l: Listener) => void (fake.session['permission'] = l),
        setPermissionCheckHandler: (l: Listener) => void (fake.session['permissionCheck'] = l),
        webRequest: {
          onBeforeRequest: (l: Listener) => void (fake.session['beforeRequest'] = l),
          onHeadersReceived: (l: Listener) => void (fake.session['headers'] = l),
        },
      },
    },
  };
});

async function boot(): Promise<void> {
  fake.state.userData = mkdtempSync(join(tmpdir(), 'nb-main-'));
  await import('../../src/main/index');
  for (let i = 0; i < 200 && fake.windows.length === 0; i++)
    await new Promise((r) => setTimeout(r, 25));
}

describe('src/main/index.ts', () => {
  it('creates one sandboxed, isolated window and guards the session, navigation and IPC', async () => {
    await boot();
    expect(fake.state.sandbox).toBe(true);
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.js$/);
    expect(fake.windows[0]!.loaded).toEqual(['app://renderer/index.html']);
    expect(fake.state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);

    // Permissions: always refused.
    let granted: boolean | null = null;
    fake.session['permission']!({}, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(fake.session['permissionCheck']!()).toBe(false);

    // Requests: only the app's own files.
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined;
      fake.session['beforeRequest']!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel === true;
    };
    expect(decide('app://renderer/assets/index.js')).toBe(false);
    expect(decide('https://example.com/x.js')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);

    // CSP header on responses.
    let headers: Record<string, string[]> = {};
    fake.session['headers']!(
      { responseHeaders: {} },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'");

    // Guards on every web contents.
    const contentsListeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = {
      on: (e: string, l: Listener) => void contentsListeners.set(e, l),
      setWindowOpenHandler: (l: Listener) => void (openHandler = l),
    };
    for (const l of fake.appListeners.get('web-contents-created') ?? []) l({}, contents);
    const prevented = (event: string, url?: string): boolean => {
      let p = false;
      contentsListeners.get(event)!({ preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('will-navigate', 'https://www.gov.cn/')).toBe(true);
    expect(prevented('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(prevented('will-redirect', 'http://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect((openHandler as unknown as Listener)({ url: 'https://x' })).toEqual({ action: 'deny' });

    // IPC: one handler per method; the app page gets answers, other senders are refused.
    const getState = fake.ipcHandlers.get('nb:getState')!;
    expect(fake.ipcHandlers.size).toBeGreaterThan(15);
    expect(await getState({ senderFrame: { url: 'app://renderer/index.html' } })).toMatchObject({
      ok: true,
      value: { reportCount: 0 },
    });
    expect(await getState({ senderFrame: { url: 'https://evil.example/' } })).toMatchObject({
      ok: false,
    });

    // Drag-and-drop: only paths the preload reported as dropped may be imported.
    const page = { senderFrame: { url: 'app://renderer/index.html' } };
    const dropped = join(fake.state.userData, 'dropped');
    const importPaths = fake.ipcHandlers.get('nb:importPaths')!;
    expect(await importPaths(page, { paths: [join(dropped, 'a.txt')] })).toMatchObject({
      ok: false,
      message: expect.stringContaining('拖放'),
    });
    fake.ipcHandlers.get('on:nb-grant:path')!(
      { senderFrame: { url: 'https://evil.example/' } },
      dropped,
    );
    expect(await importPaths(page, { paths: [join(dropped, 'a.txt')] })).toMatchObject({
      ok: false,
    });
    fake.ipcHandlers.get('on:nb-grant:path')!(page, dropped);
    expect(await importPaths(page, { paths: [join(dropped, 'a.txt')] })).toMatchObject({
      ok: true,
      value: { failures: [expect.objectContaining({ file: join(dropped, 'a.txt') })] },
    });

    // Chinese menu installed.
    expect((fake.state.menu as { label: string }[]).map((m) => m.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '帮助(&H)',
    ]);
  });
});
