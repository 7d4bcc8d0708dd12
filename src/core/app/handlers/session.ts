/** Session: the app's state, and the workspace file — new, open, save, save as. */
import { basename } from 'node:path';
import { WorkspaceStore, WORKSPACE_EXTENSION } from '../../store';
import type { AppState } from '../../../shared/ipc';
import type { AppContext } from '../context';

export type SessionHandlers = {
  getState(): Promise<AppState>;
  newWorkspace(): Promise<AppState>;
  /** Open dialog; state unchanged when cancelled. */
  openWorkspace(): Promise<AppState>;
  saveWorkspace(): Promise<AppState>;
  saveWorkspaceAs(): Promise<AppState>;
};

export function sessionHandlers(ctx: AppContext): SessionHandlers {
  /** A saved workspace is flushed; an untitled one with changes asks first. */
  const mayDiscard = async (): Promise<boolean> => {
    if (ctx.store.path !== null) {
      await ctx.store.flush();
      return true;
    }
    if (!ctx.store.dirty) return true;
    return ctx.options.dialogs.confirmDiscard();
  };

  const saveWorkspaceAs = async (): Promise<AppState> => {
    const store = ctx.store;
    const suggested = store.path ? basename(store.path) : `年报审查工作区${WORKSPACE_EXTENSION}`;
    let target = await ctx.options.dialogs.saveWorkspace(suggested);
    if (!target) return ctx.state();
    if (!target.toLowerCase().endsWith(WORKSPACE_EXTENSION)) target += WORKSPACE_EXTENSION;
    await store.save(target);
    await ctx.rememberWorkspace(target);
    ctx.changed('workspace');
    return ctx.state();
  };

  return {
    async getState() {
      return ctx.state(true);
    },

    async newWorkspace() {
      if (!(await mayDiscard())) return ctx.state();
      await ctx.closeStore();
      ctx.install(await WorkspaceStore.create(ctx.storeOptions()));
      await ctx.rememberWorkspace(null);
      ctx.changed('workspace');
      return ctx.state();
    },

    async openWorkspace() {
      const path = await ctx.options.dialogs.openWorkspace();
      if (!path) return ctx.state();
      if (path === ctx.store.path) return ctx.state();
      if (!(await mayDiscard())) return ctx.state();
      await ctx.switchTo(path, false);
      ctx.changed('workspace');
      return ctx.state();
    },

    async saveWorkspace() {
      if (ctx.store.path === null) return saveWorkspaceAs();
      await ctx.store.save();
      return ctx.state();
    },

    saveWorkspaceAs,
  };
}
