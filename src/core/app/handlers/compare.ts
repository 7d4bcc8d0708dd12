/** Years: the units with more than one year loaded, and two reports of a unit compared. */
import type { CompareArgs, Comparison, SeriesEntry } from '../../../shared/ipc';
import type { AppContext } from '../context';
import { UserError } from '../errors';
import { findingViews, seriesOf, summaryOf } from '../views';
import { summaries } from './review';

export type CompareHandlers = {
  /** Agencies with more than one year loaded, for the 年度对比 screen. */
  listSeries(): Promise<SeriesEntry[]>;
  compareYears(args: CompareArgs): Promise<Comparison>;
};

export function compareHandlers(ctx: AppContext): CompareHandlers {
  return {
    async listSeries() {
      return seriesOf(summaries(ctx));
    },

    async compareYears(args) {
      let ids: [string, string];
      let key: string | null = null;
      if ('agencyKey' in args) {
        const entry = seriesOf(summaries(ctx)).find((s) => s.agencyKey === args.agencyKey);
        const [a, b] = entry?.years.slice(-2) ?? [];
        if (!entry || !a || !b) throw new UserError('该单位没有两个年度的报告，无法对比。');
        ids = [a.reportId, b.reportId];
        key = entry.agencyKey;
      } else {
        ids = args.reportIds;
      }
      const r1 = ctx.requireReport(ids[0]);
      const r2 = ctx.requireReport(ids[1]);
      const [earlier, later] = (r1.model.year ?? 0) <= (r2.model.year ?? 0) ? [r1, r2] : [r2, r1];
      const store = ctx.store;
      const decisions = store.decisions();
      const view = ctx.workspaceView();
      key ??= view.placements[later.id]?.unitKey ?? null;
      const laterFindings = store.findings(later.id);
      const related = laterFindings.filter((f) => f.finding.relatedReport === earlier.id);
      return {
        agencyKey: key,
        earlier: {
          summary: summaryOf(earlier, store.findings(earlier.id), decisions, view),
          model: earlier.model,
        },
        later: { summary: summaryOf(later, laterFindings, decisions, view), model: later.model },
        findings: findingViews(related, decisions, ctx.ruleTitles()),
      };
    },
  };
}
