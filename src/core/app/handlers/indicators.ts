/** Indicators of the current versions, for the 总览. */
import { INDICATOR_DEFS, indicatorInputs, reportIndicators } from '../../indicators';
import { agencyKind } from '../../workspace/agency-kind';
import { pairConsecutiveYears } from '../../workspace/pairing';
import { currentModels, unitKindsOf } from '../../workspace/submissions';
import type { IndicatorRow } from '../../../shared/ipc';
import type { AppContext } from '../context';
import { fileNameOf } from '../views';

export type IndicatorHandlers = {
  /** Indicators of every current report; year-on-year against the same unit's previous year. */
  listIndicators(): Promise<IndicatorRow[]>;
};

export function indicatorHandlers(ctx: AppContext): IndicatorHandlers {
  return {
    async listIndicators() {
      const all = ctx.store.listReports();
      const view = ctx.workspaceView(all);
      const reports = currentModels(all, view);
      const models = reports.map((r) => r.model);
      const previous = new Map(
        pairConsecutiveYears(models, view).map((p) => [p.report, p.previous]),
      );
      const kinds = unitKindsOf(models, view);
      return reports.map((r) => {
        const ind = reportIndicators(r.model, previous.get(r.model));
        return {
          reportId: r.id,
          agency: r.model.agency,
          year: r.model.year,
          fileName: fileNameOf(r.path),
          kind: kinds.get(r.model.agency ?? '') ?? agencyKind(r.model.agency),
          values: INDICATOR_DEFS.map((d) => d.get(ind)),
          inputs: indicatorInputs(r.model),
        };
      });
    },
  };
}
