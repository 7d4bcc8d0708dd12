/**
 * App-wide state: the main process's AppState and the report list, refetched on the `changed`
 * event; plus navigation (page, open report, comparison). Kept in one small context.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { App as AntApp } from 'antd';
import type { AppState, CompareArgs, ReportSummary } from '../../shared/ipc';
import { api, errorText, unwrap } from './api';

export type PageKey =
  'import' | 'overview' | 'coverage' | 'review' | 'compare' | 'export' | 'settings';

export interface Store {
  state: AppState | null;
  reports: ReportSummary[];
  /** Bumps whenever reports or findings may have changed (import, settings, workspace). */
  version: number;
  page: PageKey;
  reportId: string | null;
  compare: CompareArgs | null;
  /**
   * The order 审查 steps through (上一份/下一份): 总览's filtered, sorted list when the report was
   * opened from there; null: all reports by unit and year.
   */
  reviewOrder: string[] | null;
  /**
   * Notes typed but not yet saved with 确认/排除, by finding fingerprint: kept while the reviewer
   * moves between findings and reports (a ref, so typing does not re-render the whole app).
   */
  noteDrafts: Map<string, string>;
  go(page: PageKey): void;
  /** Opens a report in 审查; `order` (ids) replaces the review order, e.g. 总览's filtered, sorted rows. */
  openReport(id: string, order?: string[]): void;
  openCompare(args: CompareArgs): void;
  refresh(findingsChanged?: boolean): Promise<void>;
  /** Runs an API call, reporting a failure as a message; returns undefined on failure. */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
}

const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const s = useContext(StoreContext);
  if (!s) throw new Error('StoreProvider missing');
  return s;
}

export function StoreProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { message, notification, modal } = AntApp.useApp();
  /** AppState.notices are shown once (crash recovery, autosave failures). */
  const showNotices = useCallback(
    (s: AppState) => {
      for (const text of s.notices ?? [])
        notification.warning({
          title: '提示',
          description: text,
          duration: 0,
          placement: 'bottomRight',
        });
    },
    [notification],
  );
  const [state, setState] = useState<AppState | null>(null);
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [version, setVersion] = useState(0);
  const [page, setPage] = useState<PageKey>('overview');
  const [reportId, setReportId] = useState<string | null>(null);
  const [compare, setCompare] = useState<CompareArgs | null>(null);
  const [reviewOrder, setReviewOrder] = useState<string[] | null>(null);
  const noteDrafts = useRef(new Map<string, string>()).current;
  const inflight = useRef<Promise<void> | null>(null);
  const queued = useRef<'bump' | 'plain' | null>(null);
  const refreshRef = useRef<(findingsChanged?: boolean) => Promise<void>>(async () => undefined);

  /** Refetches state and the report list; `findingsChanged` false (a decision) keeps `version`, so open screens do not reload. */
  const refresh = useCallback(
    async (findingsChanged = true): Promise<void> => {
      if (inflight.current) {
        // A fetch is under way but may predate this change: fetch once more after it.
        queued.current = queued.current === 'bump' || findingsChanged ? 'bump' : 'plain';
        return inflight.current;
      }
      const p = (async () => {
        try {
          const [s, list] = await Promise.all([
            unwrap(api().getState()),
            unwrap(api().listReports()),
          ]);
          setState(s);
          showNotices(s);
          setReports(list);
          if (findingsChanged) setVersion((v) => v + 1);
        } catch (e) {
          void message.error(errorText(e));
        } finally {
          inflight.current = null;
          const again = queued.current;
          queued.current = null;
          if (again) void refreshRef.current(again === 'bump');
        }
      })();
      inflight.current = p;
      return p;
    },
    [message, showNotices],
  );
  refreshRef.current = refresh;

  useEffect(() => {
    void refresh();
    const offChanged = api().on('changed', (ev) => {
      setState(ev.state);
      showNotices(ev.state);
      if (ev.reason !== 'saved') void refresh(ev.reason !== 'decision');
    });
    const offMenu = api().on('menu', (ev) => {
      const map: Partial<Record<typeof ev.command, PageKey>> = {
        'goto-import': 'import',
        'goto-overview': 'overview',
        'goto-coverage': 'coverage',
        'goto-review': 'review',
        'goto-compare': 'compare',
        'goto-export': 'export',
        'goto-settings': 'settings',
      };
      const target = map[ev.command];
      if (target) setPage(target);
      if (ev.command === 'about') {
        void unwrap(api().getState()).then((s) => {
          modal.info({
            title: '关于年报审查',
            content: `政府信息公开工作年度报告审查工具，版本 ${s.appVersion}。离线运行，报告内容不会上传到任何地方。`,
            okText: '知道了',
          });
        });
      }
    });
    return () => {
      offChanged();
      offMenu();
    };
  }, [refresh, showNotices, modal]);

  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn();
      } catch (e) {
        void message.error(errorText(e));
        return undefined;
      }
    },
    [message],
  );

  const value = useMemo<Store>(
    () => ({
      state,
      reports,
      version,
      page,
      reportId,
      compare,
      reviewOrder,
      noteDrafts,
      go: setPage,
      openReport: (id, order) => {
        if (order) setReviewOrder(order);
        setReportId(id);
        setPage('review');
      },
      openCompare: (args) => {
        setCompare(args);
        setPage('compare');
      },
      refresh,
      run,
    }),
    [state, reports, version, page, reportId, compare, reviewOrder, noteDrafts, refresh, run],
  );
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}
