/**
 * The browser bridge of the end-to-end tests (test-only): an init script that builds window.nianbao
 * in a page with the preload's own createApi (src/shared/ipc/api.ts), over functions the test binds
 * with page.exposeFunction instead of Electron's ipcRenderer.
 */
import {
  IPC_CHANNEL_PREFIX,
  IPC_EVENTS,
  IPC_EVENT_PREFIX,
  IPC_METHODS,
  createApi,
} from '../../src/shared/ipc';

/**
 * Init script for browser tests (page.addInitScript({ content: browserBridgeScript() })). It builds
 * window.nianbao with createApi over functions the test binds with page.exposeFunction:
 *   window.__nbInvoke(channel, args) → the real handler's Result (browser.ts routes each channel to
 *   a function that calls invokeMethod from src/core/app, as ipcMain.handle does in the app)
 * and lets the test push events with page.evaluate(([c, p]) => window.__nbEmit(c, p), [channel, payload]).
 * Dropped files have no path in a browser: getPathForFile returns file.__nbPath when a test sets it.
 */
export function browserBridgeScript(globalName = 'nianbao'): string {
  // `__name`: the helper bundlers with keepNames (esbuild, tsx, vitest) insert into function source.
  return `(() => {
  const __name = (f) => f;
  const createApi = ${createApi.toString()};
  const listeners = new Map();
  const transport = {
    invoke: (channel, args) => window.__nbInvoke(channel, args),
    subscribe: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    },
    getPathForFile: (file) => (file && typeof file.__nbPath === 'string' ? file.__nbPath : ''),
  };
  window.__nbEmit = (channel, payload) => { for (const l of listeners.get(channel) || []) l(payload); };
  window[${JSON.stringify(globalName)}] = createApi(transport, ${JSON.stringify(IPC_METHODS)}, ${JSON.stringify(IPC_EVENTS)}, ${JSON.stringify(IPC_CHANNEL_PREFIX)}, ${JSON.stringify(IPC_EVENT_PREFIX)});
})();`;
}
