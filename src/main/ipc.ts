/**
 * Registers one ipcMain handler per contract method ("nb:<method>"). Each call is refused unless it
 * comes from the app's own page, then validated against the shared contract and run by the real
 * handler; the answer is always a Result value. No electron runtime import: tests pass a fake.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { invokeMethod } from '../core/app/invoke';
import type { IpcHandlers } from '../shared/ipc';
import { IPC_CHANNEL_PREFIX, IPC_METHODS } from '../shared/ipc';
import type { MethodName, Result } from '../shared/ipc';
import type { PathGrants } from './grants';

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (frameUrl: string | undefined) => boolean;

/** Extra main-side policy on top of argument validation: a refusal message, or null to proceed. */
export type CallGuard = (name: MethodName, args: unknown[]) => string | null;

/** Refuses importPaths for paths the user did not drop (see grants.ts). */
export function dropGuard(grants: PathGrants): CallGuard {
  return (name, args) => {
    if (name !== 'importPaths') return null;
    const [first] = args;
    const paths: unknown =
      typeof first === 'object' && first !== null && 'paths' in first ? first.paths : undefined;
    if (!Array.isArray(paths)) return null; // malformed: the validator answers
    const ok = paths.every((p) => typeof p === 'string' && grants.isGranted(p));
    return ok ? null : '只能导入拖放到窗口中的文件，或通过“导入文件”对话框选择的文件。';
  };
}

export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  trusted: SenderCheck,
  guard: CallGuard = () => null,
): () => void {
  for (const name of IPC_METHODS) {
    const channel = IPC_CHANNEL_PREFIX + name;
    ipcMain.handle(channel, async (event, ...args): Promise<Result<unknown>> => {
      if (!trusted(event.senderFrame?.url))
        return { ok: false, message: '拒绝来自未知页面的请求。' };
      const refusal = guard(name, args);
      if (refusal !== null) return { ok: false, message: refusal };
      return invokeMethod(handlers, name, args);
    });
  }
  return () => {
    for (const name of IPC_METHODS) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + name);
  };
}
