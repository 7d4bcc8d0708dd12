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

export interface VersionComparison {
  current: string;
  previous: string;
  /** Per report id (current and previous), the status of each finding by its index in that report's list. */
  status: Map<string, VersionDiff[]>;
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
    const curKeys = (findings.get(currentId) ?? []).map((f) => findingKey(cur, f));
    const prevKeys = (findings.get(previousId) ?? []).map((f) => findingKey(prev, f));
    const inCur = new Set(curKeys);
    const inPrev = new Set(prevKeys);
    const comparison: VersionComparison = {
      current: currentId,
      previous: previousId,
      status: new Map([
        [currentId, curKeys.map((k): VersionDiff => (inPrev.has(k) ? 'persists' : 'new'))],
        [previousId, prevKeys.map((k): VersionDiff => (inCur.has(k) ? 'persists' : 'fixed'))],
      ]),
    };
    out.set(currentId, comparison);
    out.set(previousId, comparison);
  }
  return out;
}
