/**
 * The application service: the real implementation of every IPC method, framework-free. The
 * Electron main process wires it to ipcMain (with real dialogs and a worker-thread runner); tests
 * and the browser harness call it directly with fake dialogs and an in-process runner.
 *
 * The handlers live by job in ./handlers (session, import, review, compare, coverage, settings,
 * export, indicators) over one AppContext (./context); the views they return are built in ./views.
 * Expected failures throw UserError (Chinese message); invoke.ts turns every error into a value.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { WorkspaceStore } from '../store';
import { loadConfig } from './config';
import { AppContext, type ServiceOptions } from './context';
import { createHandlers, type Handlers } from './handlers';

export type { Dialogs, EventSink, ServiceOptions } from './context';

/** The contract's handler type: the merge of the handler modules' types. */
export type ServiceHandlers = Handlers;

/** The running service: every handler, the open store (for tests and the shell), shutdown. */
export interface AppService extends Handlers {
  /** The open workspace store. */
  readonly workspace: WorkspaceStore;
  /** Saves pending changes and closes (app quit). */
  shutdown(): Promise<void>;
}

/** Opens the last workspace, or the untitled one a crash left, or a new one. */
async function openInitialWorkspace(ctx: AppContext): Promise<void> {
  const last = ctx.config.lastWorkspace;
  if (last && !existsSync(last))
    ctx.notices.push(
      `上次的工作区「${basename(last)}」已不在原位置（${last}），请通过“打开工作区”重新选择。`,
    );
  if (last && existsSync(last)) {
    try {
      await ctx.switchTo(last, false);
      return;
    } catch (err) {
      ctx.notices.push(
        `无法打开上次的工作区「${basename(last)}」：${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  if (existsSync(ctx.recoveryPath)) {
    try {
      await ctx.switchTo(ctx.recoveryPath, true);
      return;
    } catch {
      ctx.notices.push('上次未命名工作区的恢复文件已损坏，已新建工作区。');
    }
  }
  ctx.install(await WorkspaceStore.create(ctx.storeOptions()));
}

export const AppService = {
  /** Starts the service: reopens the last workspace, or the untitled one a crash left, or a new one. */
  async start(options: ServiceOptions): Promise<AppService> {
    const ctx = new AppContext(options);
    await mkdir(options.userDataDir, { recursive: true });
    ctx.config = await loadConfig(ctx.configPath);
    await openInitialWorkspace(ctx);
    return {
      ...createHandlers(ctx),
      get workspace(): WorkspaceStore {
        return ctx.store;
      },
      shutdown: () => ctx.store.close(),
    };
  },
};
