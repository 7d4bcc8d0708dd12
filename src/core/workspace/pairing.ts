/**
 * Pairs each report with the same unit's report of the previous year, for the series rules.
 *
 * "The same unit" is the workspace identity (identity.ts, submissions.ts): the roster unit a report
 * matched, or — without a roster — the inferred unit, which already joins titles that differ only
 * by a leading province / city ("淮安市洪泽区人民政府" and "洪泽区人民政府") when that is unambiguous.
 * Only current versions are passed in, so each unit has at most one report a year.
 */
import type { ReportModel, WorkspaceView } from '../model/types';
import { buildWorkspace } from './submissions';

export { agencyKey, agencyShortKey } from './identity';

export interface SeriesPair {
  report: ReportModel;
  previous: ReportModel;
}

/** Pairs each report with its unit's report of the previous year, when loaded. */
export function pairConsecutiveYears(
  reports: readonly ReportModel[],
  view: Pick<WorkspaceView, 'placements'>,
): SeriesPair[] {
  const byUnitYear = new Map<string, ReportModel>();
  for (const r of reports) {
    const unit = view.placements[r.id]?.unitKey;
    if (unit === undefined || r.year === null) continue;
    const k = `${unit}\u0000${r.year}`;
    if (!byUnitYear.has(k)) byUnitYear.set(k, r); // first one wins should two ever remain
  }
  const pairs: SeriesPair[] = [];
  for (const r of reports) {
    const unit = view.placements[r.id]?.unitKey;
    if (unit === undefined || r.year === null || byUnitYear.get(`${unit}\u0000${r.year}`) !== r)
      continue;
    const previous = byUnitYear.get(`${unit}\u0000${r.year - 1}`);
    if (previous) pairs.push({ report: r, previous });
  }
  return pairs;
}

/**
 * Pairs years for callers that have no workspace view at hand (the briefing, the 指标 sheet):
 * builds one from the same inputs the rules use — aliases and, where known, the roster and the
 * version choices — so that they pair exactly as the series rules do.
 */
export function pairYears(
  reports: readonly ReportModel[],
  input: {
    aliases?: Readonly<Record<string, string>>;
    view?: Pick<WorkspaceView, 'placements'>;
  } = {},
): SeriesPair[] {
  const view =
    input.view ??
    buildWorkspace(reports, { roster: null, aliases: input.aliases ?? {}, versionChoices: {} });
  return pairConsecutiveYears(
    reports.filter((r) => view.placements[r.id]?.current !== false),
    view,
  );
}
