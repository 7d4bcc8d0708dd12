/**
 * The 整改 loop: when a unit sends a corrected version, its findings are compared with those of the
 * version it replaces, finding by finding (same rule, same place; the version tag aside):
 * 已整改 — found in the earlier version, gone in the current one; 仍存在 — in both (the earlier
 * decision and note are carried over by the app, marked as carried); 新出现 — only in the current.
 * "The version it replaces" is the next version in the submission's order (versions[1]).
 */
import type { VersionDiff } from '../model/glossary';
import { findingKey } from '../model/fingerprint';
import type { Finding, ReportModel, Submission } from '../model/types';

/** Rules that compare reports with each other; they run on current versions only. */
const CROSS_REPORT = /^(series|corpus|submission)\//;

export interface VersionComparison {
  current: string;
  previous: string;
  /**
   * Per report id (current and previous), the status of each finding by its index in that report's
   * list; null for cross-report findings (series/, corpus/, submission/): those rules run on current
   * versions only, so "new" or "fixed" would say nothing about the correction.
   */
  status: Map<string, (VersionDiff | null)[]>;
}

export function compareVersions(
  submissions: readonly Submission[],
  models: ReadonlyMap<string, ReportModel>,
  findings: ReadonlyMap<string, readonly Finding[]>,
): Map<string, VersionComparison> {
  const out = new Map<string, VersionComparison>();
  for (const s of submissions) {
    const [currentId, previousId] = s.versions;
    if (currentId === undefined || previousId === undefined) continue;
    const cur = models.get(currentId);
    const prev = models.get(previousId);
    if (!cur || !prev) continue;
    const keyOf = (m: ReportModel, f: Finding): string | null =>
      CROSS_REPORT.test(f.ruleId) ? null : findingKey(m, f);
    const curKeys = (findings.get(currentId) ?? []).map((f) => keyOf(cur, f));
    const prevKeys = (findings.get(previousId) ?? []).map((f) => keyOf(prev, f));
    const inCur = new Set(curKeys);
    const inPrev = new Set(prevKeys);
    const comparison: VersionComparison = {
      current: currentId,
      previous: previousId,
      status: new Map([
        [
          currentId,
          curKeys.map((k): VersionDiff | null =>
            k === null ? null : inPrev.has(k) ? 'persists' : 'new',
          ),
        ],
        [
          previousId,
          prevKeys.map((k): VersionDiff | null =>
            k === null ? null : inCur.has(k) ? 'persists' : 'fixed',
          ),
        ],
      ]),
    };
    out.set(currentId, comparison);
    out.set(previousId, comparison);
  }
  return out;
}
