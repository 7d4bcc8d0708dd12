/**
 * The boundary: validates an untrusted (channel, args) call against the shared contract, runs the
 * real handler, and returns a Result. Used by ipcMain.handle in the app and by page.exposeFunction
 * in the browser tests, so both exercise the same code.
 */
import { IngestError } from '../ingest/errors';
import { WorkspaceError } from '../store';
import { IPC_CHANNEL_PREFIX, validateCall } from '../../shared/ipc';
import type { MethodName, Result } from '../../shared/ipc';
import { UserError } from './errors';
import type { ServiceHandlers } from './service';

export function errorMessage(err: unknown): string {
  if (err instanceof UserError || err instanceof WorkspaceError || err instanceof IngestError) return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `操作失败：${detail}`;
}

/** Calls a method by name with untrusted arguments. Never throws. */
export async function invokeMethod(handlers: ServiceHandlers, name: unknown, args: unknown): Promise<Result<unknown>> {
  const check = validateCall(name, args);
  if (!check.ok) return check;
  try {
    const fn = handlers[check.name] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(handlers, check.args);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, message: errorMessage(err) };
  }
}

/** Same, addressed by channel ("nb:<method>"), as the preload sends it. */
export function createInvoker(handlers: ServiceHandlers): (channel: unknown, args: unknown) => Promise<Result<unknown>> {
  return (channel, args) => {
    if (typeof channel !== 'string' || !channel.startsWith(IPC_CHANNEL_PREFIX)) {
      return Promise.resolve({ ok: false, message: `未知操作：${String(channel).slice(0, 60)}` });
    }
    return invokeMethod(handlers, channel.slice(IPC_CHANNEL_PREFIX.length) as MethodName, args);
  };
}
