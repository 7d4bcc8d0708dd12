/** Units: 报送情况 (coverage), the roster (imported or edited), aliases, the choice of a version. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Roster, RosterUnit } from '../../model/types';
import { failureMessage } from '../../pipeline';
import { mergeSettings } from '../../rules/engine';
import { readRoster } from '../../workspace/roster';
import type {
  AliasArgs,
  AppState,
  ChooseVersionArgs,
  CoverageView,
  RosterArgs,
} from '../../../shared/ipc';
import type { AppContext } from '../context';
import { UserError } from '../errors';
import { coverageViewOf } from '../views';

export type CoverageHandlers = {
  /** 报送情况: roster, per-year coverage, per-unit rows, unmatched names. */
  getCoverage(): Promise<CoverageView>;
  /** Open dialog for a roster file (.xlsx/.csv/.txt); null when cancelled. Replaces the roster and re-audits. */
  importRoster(): Promise<CoverageView | null>;
  /** Replaces the roster with the edited list (empty: infer from the reports) and re-audits. */
  setRoster(args: RosterArgs): Promise<CoverageView>;
  /** The reviewer's choice of the current version of a submission; re-audits. */
  chooseVersion(args: ChooseVersionArgs): Promise<AppState>;
  /** Remembers that a name written in a report means a roster unit; re-audits. */
  addAlias(args: AliasArgs): Promise<CoverageView>;
};

/** An edited roster: names and aliases trimmed, blank and repeated names dropped, ids given. */
export function editedRoster(units: readonly RosterUnit[], source: string | null): Roster {
  const seen = new Set<string>();
  const kept = units
    .map((u) => ({
      ...u,
      name: u.name.trim(),
      aliases: u.aliases.map((a) => a.trim()).filter(Boolean),
    }))
    .filter((u) => u.name && !seen.has(u.name) && seen.add(u.name));
  return {
    source,
    inferred: false,
    units: kept.map((u, i) => ({ ...u, id: u.id || `u${i + 1}` })),
  };
}

export function coverageHandlers(ctx: AppContext): CoverageHandlers {
  const getCoverage = async (): Promise<CoverageView> => {
    const reports = ctx.allReports();
    return coverageViewOf(reports, ctx.workspaceView(reports), ctx.findingsByReport());
  };

  const replaceRoster = async (roster: Roster | null): Promise<CoverageView> => {
    ctx.store.setSettings(mergeSettings({ ...ctx.store.settings(), roster }));
    await ctx.reaudit();
    ctx.changed('settings');
    return getCoverage();
  };

  return {
    getCoverage,

    async importRoster() {
      const path = await ctx.options.dialogs.openRoster();
      if (!path) return null;
      let roster: Roster;
      try {
        roster = await readRoster(await readFile(path), path);
      } catch (err) {
        throw new UserError(`无法读取名单文件「${basename(path)}」：${failureMessage(err)}`);
      }
      return replaceRoster(roster);
    },

    async setRoster(args) {
      if (args.units.length === 0) return replaceRoster(null);
      return replaceRoster(editedRoster(args.units, ctx.store.settings().roster?.source ?? null));
    },

    async chooseVersion(args) {
      const r = ctx.requireReport(args.reportId);
      const view = ctx.workspaceView();
      if (view.placements[r.id]?.submission !== args.submissionKey)
        throw new UserError('该文件不属于这份报送记录，请刷新后重试。');
      const settings = ctx.store.settings();
      ctx.store.setSettings(
        mergeSettings({
          ...settings,
          versionChoices: { ...(settings.versionChoices ?? {}), [args.submissionKey]: r.path },
        }),
      );
      await ctx.reaudit();
      ctx.changed('settings');
      return ctx.state();
    },

    async addAlias(args) {
      const settings = ctx.store.settings();
      const roster = settings.roster;
      if (roster && !roster.units.some((u) => u.name === args.unitName))
        throw new UserError(`名单中没有「${args.unitName}」。`);
      ctx.store.setSettings(
        mergeSettings({
          ...settings,
          aliases: { ...settings.aliases, [args.alias]: args.unitName },
        }),
      );
      await ctx.reaudit();
      ctx.changed('settings');
      return getCoverage();
    },
  };
}
