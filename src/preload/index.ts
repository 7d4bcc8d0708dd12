/**
 * The narrow bridge: exposes window.nianbao, built generically from the shared contract — one
 * function per IPC method (ipcRenderer.invoke('nb:<method>', …args)), event subscriptions, and
 * the path of a dropped file. Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildApi } from '../shared/ipc/api';
import { IPC_GRANT_CHANNEL } from '../shared/ipc/contract';
import { API_KEY } from '../shared/security';

const api = buildApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  subscribe: (channel, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
  getPathForFile: (file) => {
    let path = '';
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return '';
    }
    // Only a file the user really dropped has a path: tell main it may be imported.
    if (path) ipcRenderer.send(IPC_GRANT_CHANNEL, path);
    return path;
  },
});

contextBridge.exposeInMainWorld(API_KEY, api);
