/**
 * Registers one ipcMain handler per contract method ("nb:<method>"). Each call is refused unless it
 * comes from the app's own page, then validated against the shared contract and run by the real
 * handler; the answer is always a Result value. No electron runtime import: tests pass a fake.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { invokeMethod } from '../core/app/invoke';
import type { ServiceHandlers } from '../core/app/service';
import { IPC_CHANNEL_PREFIX, IPC_METHODS } from '../shared/ipc';
import type { Result } from '../shared/ipc';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (frameUrl: string | undefined) => boolean;

export function registerIpc(ipcMain: IpcMainLike, handlers: ServiceHandlers, trusted: SenderCheck): () => void {
  for (const name of IPC_METHODS) {
    const channel = IPC_CHANNEL_PREFIX + name;
    ipcMain.handle(channel, async (event, ...args): Promise<Result<unknown>> => {
      if (!trusted(event.senderFrame?.url)) return { ok: false, message: '拒绝来自未知页面的请求。' };
      return invokeMethod(handlers, name, args);
    });
  }
  return () => {
    for (const name of IPC_METHODS) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + name);
  };
}
