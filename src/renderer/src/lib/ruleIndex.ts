/**
 * Findings by rule for the overview's rule filter and rule chart. The counts come with the report
 * list (ReportSummary.ruleCounts, counted in the main process from the findings it already loads for
 * the severity counts), so nothing is fetched per report; rule titles and severities come from one
 * `catalogue` call, refetched only when the findings may have changed (settings change severities).
 */
import { useEffect, useState } from 'react';
import type { Severity } from '../../../core/model/types';
import type { ReportSummary, RuleInfo } from '../../../shared/ipc';
import { api } from '../api';

export type RuleCatalogue = ReadonlyMap<string, RuleInfo>;

export interface RuleTotal {
  ruleId: string;
  ruleTitle: string;
  severity: Severity;
  /** Findings of the rule over the reports counted. */
  count: number;
}

/** The rule catalogue by id; empty until it arrives (titles then fall back to the rule id). */
export function useRuleCatalogue(version: number): RuleCatalogue {
  const [catalogue, setCatalogue] = useState<RuleCatalogue>(new Map());
  useEffect(() => {
    let live = true;
    // A failed catalogue only costs the titles (ids are shown instead): not worth an error message.
    void api()
      .catalogue()
      .then(
        (r) => {
          if (live && r.ok) setCatalogue(new Map(r.value.map((info) => [info.id, info])));
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [version]);
  return catalogue;
}

export function ruleTitle(catalogue: RuleCatalogue, ruleId: string): string {
  return catalogue.get(ruleId)?.title ?? ruleId;
}

/**
 * Totals by rule over `reports`, most findings first (ties by rule id, so the order is stable).
 * The bar colour is the rule's effective severity: the summary counts findings, not severities, and a
 * rule's findings carry that severity except for the few rules that grade single cases differently.
 */
export function ruleTotals(
  reports: readonly ReportSummary[],
  catalogue: RuleCatalogue,
): RuleTotal[] {
  const totals = new Map<string, number>();
  for (const r of reports) {
    for (const [ruleId, n] of Object.entries(r.ruleCounts))
      if (n > 0) totals.set(ruleId, (totals.get(ruleId) ?? 0) + n);
  }
  return [...totals.entries()]
    .map(([ruleId, count]) => ({
      ruleId,
      ruleTitle: ruleTitle(catalogue, ruleId),
      severity: catalogue.get(ruleId)?.effectiveSeverity ?? 'warning',
      count,
    }))
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
}
