/**
 * 报送情况 from the main process (getCoverage), fetched once per workspace change, and the one
 * count of 缺报单位 that 总览 and 报送情况 both show.
 */
import { useEffect, useState } from 'react';
import type { CoverageView } from '../../../shared/ipc';
import { api, unwrap } from '../api';
import { useStore } from '../store';

/** The coverage view, refetched whenever reports, roster or choices changed (store.version). */
export function useCoverage(): { coverage: CoverageView | null; reload: () => void } {
  const { version, run } = useStore();
  const [coverage, setCoverage] = useState<CoverageView | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    void run(() => unwrap(api().getCoverage())).then((c) => {
      if (live && c) setCoverage(c);
    });
    return () => {
      live = false;
    };
  }, [version, nonce, run]);
  return { coverage, reload: () => setNonce((n) => n + 1) };
}

/** Units missing a report in at least one year (names, sorted): the 缺报单位 of every screen. */
export function missingUnits(coverage: CoverageView): string[] {
  const names = new Set<string>();
  for (const y of coverage.coverage) for (const n of y.missing) names.add(n);
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
