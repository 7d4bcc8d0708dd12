/**
 * The boundary: validates an untrusted (channel, args) call against the shared contract, runs the
 * real handler, and returns a Result. Used by ipcMain.handle in the app and by page.exposeFunction
 * in the browser tests, so both exercise the same code.
 */
import { IngestError } from '../ingest/errors';
import { WorkspaceError } from '../store';
import {
  IPC_CHANNEL_PREFIX,
  isMethodName,
  unknownMethodMessage,
  validateArgs,
} from '../../shared/ipc';
import type { IpcHandlers, MethodName, Result } from '../../shared/ipc';
import { UserError } from './errors';

const FILE_ERRORS: Record<string, string> = {
  EACCES: '没有写入权限：文件或所在文件夹为只读，请用“另存为”保存到其他位置。',
  EPERM: '没有写入权限：文件可能被其他程序占用或为只读，请关闭相关程序或用“另存为”保存到其他位置。',
  EROFS: '所在磁盘为只读，请用“另存为”保存到其他位置。',
  ENOSPC: '磁盘空间不足，请清理磁盘后重试。',
  EBUSY: '文件正被其他程序占用，请关闭后重试。',
  ENOENT: '找不到文件或文件夹，可能已被移动或删除。',
};

export function errorMessage(err: unknown): string {
  if (err instanceof UserError || err instanceof WorkspaceError || err instanceof IngestError)
    return err.message;
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  const known = typeof code === 'string' ? FILE_ERRORS[code] : undefined;
  if (known) return known;
  const detail = err instanceof Error ? err.message : String(err);
  return `操作失败：${detail}`;
}

/** Validates the arguments of a known method and runs its handler (typed through K). */
async function run<K extends MethodName>(
  handlers: IpcHandlers,
  name: K,
  args: unknown[],
): Promise<Result<unknown>> {
  const check = validateArgs(name, args);
  if (!check.ok) return check;
  const handler: IpcHandlers[K] = handlers[name];
  return { ok: true, value: await handler.apply(handlers, check.args) };
}

/** Calls a method by name with untrusted arguments. Never throws. */
export async function invokeMethod(
  handlers: IpcHandlers,
  name: unknown,
  args: unknown,
): Promise<Result<unknown>> {
  if (!isMethodName(name)) return { ok: false, message: unknownMethodMessage(name) };
  if (!Array.isArray(args)) return { ok: false, message: '参数无效。' };
  try {
    return await run(handlers, name, args);
  } catch (err) {
    return { ok: false, message: errorMessage(err) };
  }
}

/** Same, addressed by channel ("nb:<method>"), as the preload sends it. */
export function createInvoker(
  handlers: IpcHandlers,
): (channel: unknown, args: unknown) => Promise<Result<unknown>> {
  return (channel, args) => {
    if (typeof channel !== 'string' || !channel.startsWith(IPC_CHANNEL_PREFIX)) {
      return Promise.resolve({ ok: false, message: unknownMethodMessage(channel) });
    }
    return invokeMethod(handlers, channel.slice(IPC_CHANNEL_PREFIX.length), args);
  };
}
