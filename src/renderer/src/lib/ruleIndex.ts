/**
 * Per-report rule counts for the overview's rule filter and rule chart. ReportSummary carries
 * severity counts only, so the counts are gathered from getReport (two requests at a time) and
 * cached by report id and audit time — only once the user asks for them (rule filter, charts),
 * so a large workspace's overview never waits on it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Severity } from '../../../core/model/types';
import type { ReportSummary } from '../../../shared/ipc';
import { api } from '../api';

export interface RuleCount {
  ruleId: string;
  ruleTitle: string;
  severity: Severity;
  count: number;
}

export type RuleIndex = ReadonlyMap<string, readonly RuleCount[]>;

/** Findings change on re-audit (new file) and on settings changes (counts move). */
function sig(r: ReportSummary): string {
  return `${r.auditedAt}|${r.counts.error},${r.counts.warning},${r.counts.info}`;
}

const cache = new Map<string, { auditedAt: string; counts: RuleCount[] }>();

async function load(id: string): Promise<RuleCount[] | null> {
  const r = await api().getReport({ id });
  if (!r.ok) return null;
  const byRule = new Map<string, RuleCount>();
  for (const f of r.value.findings) {
    const c = byRule.get(f.ruleId);
    if (c) c.count++;
    else byRule.set(f.ruleId, { ruleId: f.ruleId, ruleTitle: f.ruleTitle, severity: f.severity, count: 1 });
  }
  return [...byRule.values()];
}

export function useRuleIndex(reports: readonly ReportSummary[], enabled: boolean): { index: RuleIndex; loaded: number } {
  const [index, setIndex] = useState<RuleIndex>(new Map());
  const [loaded, setLoaded] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const gen = ++generation.current;
    const todo = reports.filter((r) => cache.get(r.id)?.auditedAt !== sig(r));
    const publish = (): void => {
      if (gen !== generation.current) return;
      const m = new Map<string, RuleCount[]>();
      let n = 0;
      for (const r of reports) {
        const c = cache.get(r.id);
        if (c && c.auditedAt === sig(r)) {
          m.set(r.id, c.counts);
          n++;
        }
      }
      setIndex(m);
      setLoaded(n);
    };
    publish();
    if (!enabled || todo.length === 0) return undefined;
    let cursor = 0;
    let sincePublish = 0;
    const worker = async (): Promise<void> => {
      while (gen === generation.current && cursor < todo.length) {
        const r = todo[cursor++] as ReportSummary;
        const counts = await load(r.id);
        if (counts) cache.set(r.id, { auditedAt: sig(r), counts });
        if (++sincePublish >= 25) {
          sincePublish = 0;
          publish();
        }
      }
    };
    void Promise.all([worker(), worker()]).then(publish);
    return () => {
      generation.current++;
    };
  }, [reports, enabled]);

  return { index, loaded };
}

/** Forget cached counts (settings changed: severities or enabled rules differ). */
export function clearRuleIndex(): void {
  cache.clear();
}
