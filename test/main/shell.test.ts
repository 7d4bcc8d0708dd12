/**
 * The main-process glue that can run without Electron: IPC registration (sender check, validation,
 * errors as values), the URL policy behind the request filter and navigation guard, the CSP header,
 * and the Chinese menu.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { dropGuard, registerIpc } from '../../src/main/ipc';
import { PathGrants } from '../../src/main/grants';
import type { IpcMainLike } from '../../src/main/ipc';
import { buildMenuTemplate } from '../../src/main/menu';
import type { MenuActions } from '../../src/main/menu';
import {
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  withCsp,
} from '../../src/main/security';
import { APP_CSP } from '../../src/shared/security';
import { IPC_METHODS } from '../../src/shared/ipc';
import type { ServiceHandlers } from '../../src/core/app/service';
import { UserError } from '../../src/core/app/errors';

const RENDERER = join('/opt', '年报审查', 'resources', 'app', 'out', 'renderer');
const origin = { rendererDir: RENDERER, devServerUrl: null };
const appUrl = pathToFileURL(join(RENDERER, 'index.html')).href;

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  call(channel: string, frameUrl: string | undefined, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(
      {
        senderFrame: frameUrl === undefined ? null : { url: frameUrl },
      } as unknown as IpcMainInvokeEvent,
      ...args,
    );
  }
}

function fakeHandlers(): { handlers: ServiceHandlers; seen: unknown[][] } {
  const seen: unknown[][] = [];
  const handlers = new Proxy({} as ServiceHandlers, {
    get:
      (_t, name: string) =>
      async (...args: unknown[]) => {
        seen.push([name, ...args]);
        if (name === 'getReport') throw new UserError('找不到该报告，可能已被移除。');
        if (name === 'listReports') throw new Error('boom');
        return `${name}-ok`;
      },
  });
  return { handlers, seen };
}

describe('registerIpc', () => {
  it('registers nb:<method> for every contract method and unregisters them', () => {
    const ipc = new FakeIpcMain();
    const off = registerIpc(ipc, fakeHandlers().handlers, (url) => isTrustedSender(url, origin));
    expect([...ipc.handlers.keys()].sort()).toEqual(IPC_METHODS.map((m) => `nb:${m}`).sort());
    off();
    expect(ipc.handlers.size).toBe(0);
  });

  it('runs valid calls from the app page and returns values', async () => {
    const ipc = new FakeIpcMain();
    const { handlers, seen } = fakeHandlers();
    registerIpc(ipc, handlers, (url) => isTrustedSender(url, origin));
    expect(await ipc.call('nb:importFiles', appUrl, { kind: 'files' })).toEqual({
      ok: true,
      value: 'importFiles-ok',
    });
    expect(seen).toEqual([['importFiles', { kind: 'files' }]]);
  });

  it('refuses callers other than the app page, invalid arguments, and turns errors into values', async () => {
    const ipc = new FakeIpcMain();
    const { handlers, seen } = fakeHandlers();
    registerIpc(ipc, handlers, (url) => isTrustedSender(url, origin));
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      undefined,
      'data:text/html,x',
    ]) {
      expect(await ipc.call('nb:getState', url)).toEqual({
        ok: false,
        message: '拒绝来自未知页面的请求。',
      });
    }
    expect(await ipc.call('nb:importFiles', appUrl, { kind: 'disk' })).toMatchObject({ ok: false });
    expect(await ipc.call('nb:exportWorkbook', appUrl, 'C:\\Windows\\x.xlsx')).toMatchObject({
      ok: false,
    });
    expect(seen).toEqual([]);
    expect(await ipc.call('nb:getReport', appUrl, { id: 'r9' })).toEqual({
      ok: false,
      message: '找不到该报告，可能已被移除。',
    });
    expect(await ipc.call('nb:listReports', appUrl)).toEqual({
      ok: false,
      message: '操作失败：boom',
    });
  });
});

describe('drag-and-drop grants', () => {
  it('importPaths accepts only dropped files and files inside dropped folders', async () => {
    const grants = new PathGrants(true);
    grants.grant('/home/u/报告');
    grants.grant('/home/u/单独.docx');
    expect(grants.isGranted('/home/u/报告/2023/a.docx')).toBe(true);
    expect(grants.isGranted('/HOME/U/单独.DOCX')).toBe(true); // Windows paths are case-insensitive
    expect(grants.isGranted('/home/u/报告/../secret.txt')).toBe(false);
    expect(grants.isGranted('/home/u/报告2/a.docx')).toBe(false);
    expect(grants.isGranted('/etc/passwd')).toBe(false);
    expect(new PathGrants(false).isGranted('/home/u/报告')).toBe(false);

    const ipc = new FakeIpcMain();
    const { handlers, seen } = fakeHandlers();
    registerIpc(ipc, handlers, (url) => isTrustedSender(url, origin), dropGuard(grants));
    expect(
      await ipc.call('nb:importPaths', appUrl, { paths: ['/home/u/报告/a.docx', '/etc/passwd'] }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('拖放') });
    expect(seen).toEqual([]);
    expect(await ipc.call('nb:importPaths', appUrl, { paths: ['/home/u/报告/a.docx'] })).toEqual({
      ok: true,
      value: 'importPaths-ok',
    });
    expect(await ipc.call('nb:importPaths', appUrl, 'junk')).toMatchObject({ ok: false });
  });
});

describe('URL policy', () => {
  it('allows only the app files, inline images/fonts and (in development) the dev server', () => {
    expect(isAllowedRequest(appUrl, origin)).toBe(true);
    expect(
      isAllowedRequest(pathToFileURL(join(RENDERER, 'assets', 'index-abc.js')).href, origin),
    ).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', origin)).toBe(true);
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', origin)).toBe(true);
    for (const url of [
      'https://example.com/track.js',
      'http://127.0.0.1:8080/',
      pathToFileURL(join(RENDERER, '..', 'main', 'index.js')).href,
      pathToFileURL(join(RENDERER + '-evil', 'x.js')).href,
      'file:///C:/Windows/win.ini',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      'ftp://x/y',
      'not a url',
    ]) {
      expect(isAllowedRequest(url, origin), url).toBe(false);
    }
    const dev = { rendererDir: RENDERER, devServerUrl: 'http://localhost:5173' };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
  });

  it('allows navigation only within the app', () => {
    expect(isAllowedNavigation(appUrl, origin)).toBe(true);
    expect(isAllowedNavigation('https://www.gov.cn/', origin)).toBe(false);
    expect(isAllowedNavigation('data:image/png;base64,AAAA', origin)).toBe(false);
    expect(isAllowedNavigation('file:///tmp/report.html', origin)).toBe(false);
  });

  it('sets the CSP header, replacing any other', () => {
    const h = withCsp(
      { 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' },
      APP_CSP,
    );
    expect(h).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [APP_CSP] });
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(APP_CSP).toContain("object-src 'none'");
  });
});

describe('Chinese menu', () => {
  function actions(): { actions: MenuActions; log: string[] } {
    const log: string[] = [];
    const rec = (name: string) => () => void log.push(name);
    return {
      log,
      actions: {
        newWorkspace: rec('new'),
        openWorkspace: rec('open'),
        saveWorkspace: rec('save'),
        saveWorkspaceAs: rec('saveAs'),
        importFiles: rec('importFiles'),
        importFolder: rec('importFolder'),
        exportWorkbook: rec('export'),
        quit: rec('quit'),
        send: (c) => void log.push(`send:${c}`),
        about: rec('about'),
      },
    };
  }

  it('has 文件/编辑/视图/帮助 with the file operations wired to their actions', () => {
    const { actions: a, log } = actions();
    const template = buildMenuTemplate(a, { isMac: false, devTools: false });
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const file = template[0]!.submenu as { label?: string; click?: () => void }[];
    const labels = file.map((i) => i.label).filter(Boolean);
    expect(labels).toEqual([
      '新建工作区',
      '打开工作区…',
      '保存',
      '另存为…',
      '导入文件…',
      '导入文件夹…',
      '导出 Excel…',
      '退出',
    ]);
    for (const item of file) item.click?.();
    expect(log).toEqual([
      'new',
      'open',
      'save',
      'saveAs',
      'importFiles',
      'importFolder',
      'export',
      'quit',
    ]);
    const view = template[2]!.submenu as { label?: string; role?: string; click?: () => void }[];
    view.find((i) => i.label === '设置')?.click?.();
    expect(log.at(-1)).toBe('send:goto-settings');
    view.find((i) => i.label === '报送情况')?.click?.();
    expect(log.at(-1)).toBe('send:goto-coverage');
    expect(view.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(
      (
        buildMenuTemplate(a, { isMac: false, devTools: true })[2]!.submenu as { role?: string }[]
      ).some((i) => i.role === 'toggleDevTools'),
    ).toBe(true);
    const help = template[3]!.submenu as { label?: string; click?: () => void }[];
    help[0]!.click?.();
    expect(log.at(-1)).toBe('about');
  });
});
