/**
 * The AppContext's caches: the report list and the workspace view are reused while the store's
 * stamp (and, for the view, the roster, aliases and version choices) is unchanged, and rebuilt as
 * soon as it changes — screens never see a stale list, and 500 getReport calls do not rebuild it.
 */
import { describe, expect, it } from 'vitest';
import { AppContext } from '../../src/core/app/context';
import { inProcessRunner } from '../../src/core/app/pipeline';
import type { ExtractRunner } from '../../src/core/app/pipeline';
import { mergeSettings } from '../../src/core/rules/engine';
import type { ReportFindingsAhead } from '../../src/core/rules/engine';
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

describe('AppContext: the single-report rules run as the import reads', () => {
  it('stores what running every rule afterwards stores, and nothing stale once settings change', async () => {
    const aheads: (ReportFindingsAhead | undefined)[] = [];
    const inner = inProcessRunner({ threads: 2 });
    const runner: ExtractRunner = {
      run: (paths, known, onProgress, settings) => inner.run(paths, known, onProgress, settings),
      audit: (models, settings, onRule, ahead) => {
        aheads.push(ahead);
        return inner.audit(models, settings, onRule, ahead);
      },
    };
    const ctx = new AppContext({
      userDataDir: tempDir(),
      samplesDir: null,
      dialogs: new FakeDialogs(),
      autosaveMs: 0,
      runner,
    });
    ctx.install(await WorkspaceStore.create(ctx.storeOptions()));
    const stored = (): string => JSON.stringify([...ctx.findingsByReport()]);
    try {
      const paths = seedFiles().map((f) => join(SEEDS, f));
      const result = await importHandlers(ctx).importPaths({ paths });
      // The import handed the findings the readers computed, by the store's report ids.
      const ahead = aheads.at(-1);
      expect(ahead?.byReport.size).toBe(result.added.length);
      expect([...(ahead?.byReport.keys() ?? [])].sort()).toEqual([...result.added].sort());
      const imported = stored();
      expect(imported.length).toBeGreaterThan(100);
      // Every rule run again on the stored models, on this thread: the very same findings.
      await ctx.reaudit();
      expect(stored()).toBe(imported);

      // A rule switched off after the reading: its findings computed ahead are not used.
      const rule = ctx.storedFindingsByReport().values().next().value?.[0]?.finding.ruleId;
      expect(rule).toBeDefined();
      ctx.store.setSettings(mergeSettings({ disabled: [rule ?? ''] }));
      await ctx.reaudit(undefined, ahead);
      const withStale = stored();
      expect(withStale).not.toContain(`"ruleId":"${rule}"`);
      await ctx.reaudit();
      expect(stored()).toBe(withStale);
    } finally {
      await ctx.closeStore();
    }
  }, 120_000);
});
