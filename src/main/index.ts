/**
 * Electron main process: one window with secure defaults, the Chinese menu, and the IPC handlers
 * of the application service. Thin glue: the behaviour lives in src/core/app (tested in Node).
 *
 * Security (Electron's checklist): sandboxed renderer with contextIsolation and no Node; a strict
 * CSP (header + meta); every request other than the app's own files refused; navigation, new
 * windows, webviews and permission requests denied; IPC accepted only from the app's own page and
 * validated against the shared contract.
 */
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session } from 'electron';
import type { WebContents } from 'electron';
import { AppService } from '../core/app/service';
import { inProcessRunner } from '../core/app/pipeline';
import { errorMessage } from '../core/app/invoke';
import { IPC_EVENT_PREFIX, IPC_GRANT_CHANNEL, isAbsolutePath } from '../shared/ipc';
import type { EventName, IpcEvents } from '../shared/ipc';
import { APP_CSP } from '../shared/security';
import { APP_ENTRY, APP_SCHEME, serveApp } from './app-protocol';
import { electronDialogs } from './electron-dialogs';
import { PathGrants } from './grants';
import { dropGuard, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { isAllowedNavigation, isAllowedRequest, isTrustedSender, withCsp } from './security';
import type { AppOrigin } from './security';
import { workerRunner } from './worker-runner';

const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
const origin: AppOrigin = { rendererDir: join(__dirname, '../renderer'), devServerUrl };

let mainWindow: BrowserWindow | null = null;
let service: AppService | null = null;
let quitting = false;

app.enableSandbox();
// The renderer's own origin (app://renderer): standard and secure, so ES modules, fetch of its own
// assets and a same-origin CSP work; nothing else is served from it.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

/** Guards every web contents the app creates (the window, devtools, anything else). */
app.on('web-contents-created', (_event, contents: WebContents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const res = await serveApp(request.url, origin.rendererDir, APP_CSP);
    return new Response(res.body ? new Uint8Array(res.body) : null, {
      status: res.status,
      headers: res.headers,
    });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, origin) }),
  );
  // The dev server (npm run dev) needs an inline React-refresh preamble: no CSP header there.
  // Production pages (app://) carry the CSP in their own responses and in the meta tag.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (devServerUrl && details.url.startsWith(devServerUrl))
      callback({ responseHeaders: details.responseHeaders ?? {} });
    else callback({ responseHeaders: withCsp(details.responseHeaders, APP_CSP) });
  });
}

function emit<E extends EventName>(event: E, payload: IpcEvents[E]): void {
  if (mainWindow && !mainWindow.isDestroyed())
    mainWindow.webContents.send(IPC_EVENT_PREFIX + event, payload);
}

function samplesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples');
}

async function showError(message: string): Promise<void> {
  const options: Electron.MessageBoxOptions = {
    type: 'error',
    title: '年报审查',
    message,
    buttons: ['确定'],
    noLink: true,
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** Runs a menu action; failures are shown in a message box rather than lost. */
function run(action: (s: AppService) => Promise<unknown>): void {
  if (!service) return;
  action(service).catch((err: unknown) => void showError(errorMessage(err)));
}

function installMenu(): void {
  const template = buildMenuTemplate(
    {
      newWorkspace: () => run((s) => s.newWorkspace()),
      openWorkspace: () => run((s) => s.openWorkspace()),
      saveWorkspace: () => run((s) => s.saveWorkspace()),
      saveWorkspaceAs: () => run((s) => s.saveWorkspaceAs()),
      importFiles: () => run((s) => s.importFiles({ kind: 'files' })),
      importFolder: () => run((s) => s.importFiles({ kind: 'folder' })),
      exportWorkbook: () =>
        run(async (s) => {
          const res = await s.exportWorkbook();
          if (res.path) {
            const options: Electron.MessageBoxOptions = {
              type: 'info',
              title: '年报审查',
              message: '审查结果已导出。',
              detail: res.path,
              buttons: ['确定'],
              noLink: true,
            };
            if (mainWindow) await dialog.showMessageBox(mainWindow, options);
          }
        }),
      quit: () => app.quit(),
      send: (command) => emit('menu', { command }),
      about: () => {
        const options: Electron.MessageBoxOptions = {
          type: 'info',
          title: '关于年报审查',
          message: `年报审查 ${app.getVersion()}`,
          detail: '政府信息公开工作年度报告审查工具（离线版）。\n所有文件只在本机处理，不会上传。',
          buttons: ['确定'],
          noLink: true,
        };
        if (mainWindow) void dialog.showMessageBox(mainWindow, options);
      },
    },
    { isMac: process.platform === 'darwin', devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '年报审查',
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click (auxclick) could otherwise open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (devServerUrl) void mainWindow.loadURL(devServerUrl);
  else void mainWindow.loadURL(APP_ENTRY);
}

app.whenReady().then(
  async () => {
    hardenSession();
    try {
      service = await AppService.start({
        userDataDir: app.getPath('userData'),
        samplesDir: samplesDir(),
        dialogs: electronDialogs(() => mainWindow),
        // The fallback (worker thread failed to start) still reads on every core when it can.
        runner: workerRunner(
          join(__dirname, 'worker.js'),
          {},
          inProcessRunner({
            threads: availableParallelism(),
            script: join(__dirname, 'pool-worker.js'),
          }),
        ),
        events: { emit },
        appVersion: app.getVersion(),
      });
    } catch (err) {
      dialog.showErrorBox('年报审查', `无法启动：${errorMessage(err)}`);
      app.exit(1);
      return;
    }
    const grants = new PathGrants();
    ipcMain.on(IPC_GRANT_CHANNEL, (event, path: unknown) => {
      if (isTrustedSender(event.senderFrame?.url, origin) && isAbsolutePath(path))
        grants.grant(path);
    });
    registerIpc(ipcMain, service, (url) => isTrustedSender(url, origin), dropGuard(grants));
    installMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  },
  (err: unknown) => {
    dialog.showErrorBox('年报审查', `无法启动：${errorMessage(err)}`);
  },
);

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

/** Saves pending changes before quitting (decisions are safe in the journal anyway). */
app.on('before-quit', (event) => {
  if (quitting || !service) return;
  event.preventDefault();
  quitting = true;
  service
    .shutdown()
    .catch(() => undefined)
    .finally(() => app.quit());
});
