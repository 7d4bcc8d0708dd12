/**
 * The AppContext's caches: the report list and the workspace view are reused while the store's
 * stamp (and, for the view, the roster, aliases and version choices) is unchanged, and rebuilt as
 * soon as it changes — screens never see a stale list, and 500 getReport calls do not rebuild it.
 */
import { describe, expect, it } from 'vitest';
import { AppContext } from '../../src/core/app/context';
import { importHandlers } from '../../src/core/app/handlers/import';
import { reviewHandlers } from '../../src/core/app/handlers/review';
import { coverageHandlers } from '../../src/core/app/handlers/coverage';
import { WorkspaceStore } from '../../src/core/store';
import { join } from 'node:path';
import { FakeDialogs, SEEDS, seedFiles, tempDir } from './harness';

describe('AppContext caches', () => {
  it('reuses the report list and the view until the store or the settings change', async () => {
    const ctx = new AppContext({
      userDataDir: tempDir(),
      samplesDir: null,
      dialogs: new FakeDialogs(),
      autosaveMs: 0,
    });
    ctx.install(await WorkspaceStore.create(ctx.storeOptions()));
    try {
      await importHandlers(ctx).importPaths({
        paths: seedFiles()
          .slice(0, 3)
          .map((f) => join(SEEDS, f)),
      });
      const reports = ctx.allReports();
      expect(reports.length).toBe(3);
      expect(ctx.allReports()).toBe(reports);
      const view = ctx.workspaceView();
      expect(ctx.workspaceView()).toBe(view);

      // A roster-side change (an alias) rebuilds the view, not the report list.
      await coverageHandlers(ctx).addAlias({ alias: '某个名称', unitName: '某单位' });
      expect(ctx.allReports()).toBe(reports);
      const view2 = ctx.workspaceView();
      expect(view2).not.toBe(view);
      expect(ctx.workspaceView()).toBe(view2);

      // Removing a report changes the stamp: both are rebuilt.
      const first = reports[0];
      if (!first) throw new Error('no report');
      await reviewHandlers(ctx).removeReport({ id: first.id });
      const after = ctx.allReports();
      expect(after).not.toBe(reports);
      expect(after.map((r) => r.id)).not.toContain(first.id);
      expect(ctx.workspaceView()).not.toBe(view2);
    } finally {
      await ctx.closeStore();
    }
  });
});
