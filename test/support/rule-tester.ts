/**
 * Runs one rule through the real engine (so id and severity are stamped as in production) over
 * one report, or over a workspace of reports for series/corpus rules.
 */
import { runRules } from '../../src/core/rules/engine';
import type { AuditSettings, Rule } from '../../src/core/rules/types';
import type { Finding, ReportModel } from '../../src/core/model/types';

/** Findings of `rule` on `report` (or, for a workspace, on the report with id `of`, default: all). */
export function check(
  rule: Rule,
  reports: ReportModel | ReportModel[],
  settings?: Partial<AuditSettings>,
  of?: string,
): Finding[] {
  const list = Array.isArray(reports) ? reports : [reports];
  const byId = runRules(list, settings, [rule]);
  if (of) return byId.get(of) ?? [];
  return list.flatMap((r) => byId.get(r.id) ?? []);
}
