/**
 * 总览: every report with its counts and review progress (virtualised table, sortable, filterable
 * by severity, rule and status), charts of findings by rule and by agency, and the agencies whose
 * report for a year is missing.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Empty, Input, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType, TableRef } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReportSummary } from '../../../shared/ipc';
import { SEVERITY_LABELS, TEMPLATE_LABELS } from '../../../core/model/glossary';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { Chart } from '../components/Chart';
import { IndicatorsPanel } from '../components/IndicatorsPanel';
import { SEVERITY_HEX } from '../labels';
import { ruleTitle, ruleTotals, useRuleCatalogue, type RuleCatalogue } from '../lib/ruleIndex';
import { useViewportHeight } from '../lib/useViewport';

type SeverityFilter = 'all' | 'error' | 'warning' | 'info' | 'none';

type CountKey = keyof ReportSummary['counts'];
type ColumnOf<T> = TableColumnsType<T>[number];

/** A right-aligned count column of one severity, coloured when non-zero. */
function countColumn(
  sev: CountKey,
  sorter: (a: ReportSummary, b: ReportSummary) => number = (a, b) => a.counts[sev] - b.counts[sev],
  defaultSortOrder?: 'descend',
): ColumnOf<ReportSummary> {
  return {
    title: SEVERITY_LABELS[sev],
    key: sev,
    width: 72,
    align: 'right',
    sorter,
    ...(defaultSortOrder ? { defaultSortOrder } : {}),
    render: (_, r) => <span className={r.counts[sev] ? `nb-num-${sev}` : 'nb-num-zero'}>{r.counts[sev]}</span>,
  };
}
type StatusFilter = 'all' | 'todo' | 'partial' | 'done' | 'clean';

export function agencyOf(r: ReportSummary): string {
  return r.agencyKey ?? r.agency ?? `（未识别单位）${r.fileName}`;
}

function reviewState(r: ReportSummary): Exclude<StatusFilter, 'all'> {
  if (r.review.total === 0) return 'clean';
  if (r.review.pending === r.review.total) return 'todo';
  if (r.review.pending === 0) return 'done';
  return 'partial';
}

/** Years each agency is missing, within the span of years loaded (the whole workspace's). */
export function missingYears(reports: readonly ReportSummary[]): Map<string, number[]> {
  const years = reports.map((r) => r.year).filter((y): y is number => y !== null);
  const out = new Map<string, number[]>();
  if (years.length === 0) return out;
  const min = Math.min(...years);
  const max = Math.max(...years);
  const byAgency = new Map<string, Set<number>>();
  for (const r of reports) {
    if (r.year === null || (r.agencyKey === null && r.agency === null)) continue;
    const k = agencyOf(r);
    const set = byAgency.get(k) ?? new Set<number>();
    set.add(r.year);
    byAgency.set(k, set);
  }
  for (const [k, set] of byAgency) {
    const miss: number[] = [];
    for (let y = min; y <= max; y++) if (!set.has(y)) miss.push(y);
    if (miss.length) out.set(k, miss);
  }
  return out;
}

function ruleChart(
  reports: readonly ReportSummary[],
  catalogue: RuleCatalogue,
  onPick: (ruleId: string) => void,
): { option: EChartsCoreOption; pick: (name: string) => void; shown: string } {
  // Reversed: ECharts draws the first category at the bottom, and the largest bar belongs on top.
  const top = ruleTotals(reports, catalogue).slice(0, 15).reverse();
  const byTitle = new Map(top.map((t) => [t.ruleTitle, t.ruleId]));
  return {
    // What the bars show (rule=count, top bar first), for tests waiting on the chart's content.
    shown: top
      .map((t) => `${t.ruleId}=${t.count}`)
      .reverse()
      .join(','),
    option: {
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', data: top.map((t) => t.ruleTitle), axisLabel: { width: 190, overflow: 'truncate', color: '#333' } },
      series: [
        {
          type: 'bar',
          name: '问题数',
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: '#555' },
          data: top.map((t) => ({ value: t.count, itemStyle: { color: SEVERITY_HEX[t.severity] } })),
        },
      ],
    },
    pick: (name) => {
      const id = byTitle.get(name);
      if (id) onPick(id);
    },
  };
}

function agencyChart(reports: readonly ReportSummary[]): EChartsCoreOption {
  const totals = new Map<string, { error: number; warning: number; info: number }>();
  for (const r of reports) {
    const k = agencyOf(r);
    const t = totals.get(k) ?? { error: 0, warning: 0, info: 0 };
    t.error += r.counts.error;
    t.warning += r.counts.warning;
    t.info += r.counts.info;
    totals.set(k, t);
  }
  const top = [...totals.entries()]
    .sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || b[1].info - a[1].info)
    .slice(0, 15)
    .reverse();
  const series = (['error', 'warning', 'info'] as const).map((sev) => ({
    type: 'bar',
    name: { error: '错误', warning: '警告', info: '提示' }[sev],
    stack: 'n',
    barMaxWidth: 16,
    itemStyle: { color: SEVERITY_HEX[sev] },
    data: top.map(([, t]) => t[sev]),
  }));
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, right: 8, itemWidth: 12, itemHeight: 10 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: top.map(([k]) => k), axisLabel: { width: 170, overflow: 'truncate', color: '#333' } },
    series,
  };
}

function EmptyOverview(): React.JSX.Element {
  const { state, run, refresh, go } = useStore();
  return (
    <Card className="nb-empty-card">
      <Empty
        description={
          <Space orientation="vertical" size={4}>
            <Typography.Text strong>还没有导入任何报告</Typography.Text>
            <Typography.Text type="secondary">首次使用：可以先打开示例报告熟悉功能，或到“导入”页选择本地区的报告文件。</Typography.Text>
          </Space>
        }
      >
        <Space>
          {state?.samplesAvailable ? (
            <Button
              type="primary"
              data-testid="empty-open-samples"
              onClick={async () => {
                await run(() => unwrap(api().openSamples()));
                await refresh();
              }}
            >
              打开示例报告
            </Button>
          ) : null}
          <Button onClick={() => go('import')}>导入报告</Button>
        </Space>
      </Empty>
    </Card>
  );
}

export function OverviewPage(): React.JSX.Element {
  const { reports, version, openReport, openCompare } = useStore();
  const [search, setSearch] = useState('');
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [rule, setRule] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [tab, setTab] = useState('list');
  const catalogue = useRuleCatalogue(version);
  const missing = useMemo(() => missingYears(reports), [reports]);
  const vh = useViewportHeight();
  const multiYear = useMemo(() => {
    const seen = new Map<string, number>();
    for (const r of reports) if (r.agencyKey) seen.set(r.agencyKey, (seen.get(r.agencyKey) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
  }, [reports]);
  const tableRef = useRef<TableRef>(null);

  // Every rule that fired in some report (of the whole workspace, not only the filtered rows).
  const ruleOptions = useMemo(() => {
    const ids = new Set<string>();
    for (const r of reports) for (const [id, n] of Object.entries(r.ruleCounts)) if (n > 0) ids.add(id);
    return [...ids].sort((a, b) => a.localeCompare(b)).map((id) => ({ value: id, label: `${ruleTitle(catalogue, id)}（${id}）` }));
  }, [reports, catalogue]);
  const years = useMemo(() => [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a), [reports]);

  const filtered = useMemo(() => {
    const q = search.trim();
    return reports.filter((r) => {
      if (q && !`${r.agency ?? ''}${r.fileName}`.includes(q)) return false;
      if (year !== null && r.year !== year) return false;
      if (severity === 'none' && r.counts.error + r.counts.warning + r.counts.info > 0) return false;
      if (severity !== 'all' && severity !== 'none' && r.counts[severity] === 0) return false;
      if (status !== 'all' && reviewState(r) !== status) return false;
      if (rule && !r.ruleCounts[rule]) return false; // absent or 0: the rule did not fire here
      return true;
    });
  }, [reports, search, year, severity, status, rule]);

  const totals = useMemo(() => {
    const t = { error: 0, warning: 0, info: 0, total: 0, pending: 0 };
    for (const r of reports) {
      t.error += r.counts.error;
      t.warning += r.counts.warning;
      t.info += r.counts.info;
      t.total += r.review.total;
      t.pending += r.review.pending;
    }
    return t;
  }, [reports]);

  const ruleChartSpec = useMemo(
    () =>
      ruleChart(filtered, catalogue, (id) => {
        setRule(id);
        setTab('list');
      }),
    [filtered, catalogue],
  );
  const agencyOption = useMemo(() => agencyChart(filtered), [filtered]);

  const columns: TableColumnsType<ReportSummary> = useMemo(() => [
    {
      title: '单位',
      key: 'agency',
      ellipsis: true,
      sorter: (a, b) => agencyOf(a).localeCompare(agencyOf(b), 'zh-CN'),
      render: (_, r) => {
        const miss = missing.get(agencyOf(r));
        return (
          <>
            <a onClick={() => openReport(r.id)} title={r.agency ?? r.fileName}>
              {r.agency ?? <span className="nb-muted">（未识别单位）</span>}
            </a>
            {miss ? (
              <span className="nb-miss" title={`该单位缺少 ${miss.join('、')} 年度的报告`} data-testid="missing-year">
                缺 {miss.join('、')}
              </span>
            ) : null}
          </>
        );
      },
    },
    { title: '年度', dataIndex: 'year', width: 76, align: 'center', sorter: (a, b) => (a.year ?? 0) - (b.year ?? 0), render: (y: number | null) => y ?? '—' },
    {
      title: '模板',
      dataIndex: 'template',
      width: 110,
      render: (t: ReportSummary['template']) => (t === '2021' ? TEMPLATE_LABELS[t] : <Tag color="error">{TEMPLATE_LABELS[t]}</Tag>),
    },
    // Errors sort first by default, ties broken by warnings then infos: the reports needing work on top.
    countColumn('error', (a, b) => a.counts.error - b.counts.error || a.counts.warning - b.counts.warning || a.counts.info - b.counts.info, 'descend'),
    countColumn('warning'),
    countColumn('info'),
    {
      title: '审查进度',
      key: 'review',
      width: 170,
      sorter: (a, b) => (a.review.total ? a.review.pending / a.review.total : 0) - (b.review.total ? b.review.pending / b.review.total : 0),
      render: (_, r) =>
        r.review.total === 0 ? (
          <span className="nb-muted">无问题</span>
        ) : (
          <div className="nb-progress-cell" title={`已确认 ${r.review.confirmed}，已排除 ${r.review.dismissed}，待审查 ${r.review.pending}`}>
            <div className="nb-bar">
              <div className="nb-bar-fill" style={{ width: `${Math.round(((r.review.total - r.review.pending) / r.review.total) * 100)}%` }} />
            </div>
            <span>
              {r.review.total - r.review.pending}/{r.review.total}
            </span>
          </div>
        ),
    },
    { title: '文件', dataIndex: 'fileName', ellipsis: true, width: 200, render: (f: string) => <span className="nb-muted" title={f}>{f}</span> },
    {
      title: '操作',
      key: 'op',
      width: 120,
      render: (_, r) => (
        <span className="nb-ops">
          <a onClick={() => openReport(r.id)} data-testid={`open-${r.id}`}>
            审查
          </a>
          {r.agencyKey && multiYear.has(r.agencyKey) ? <a onClick={() => openCompare({ agencyKey: r.agencyKey as string })}>对比</a> : null}
        </span>
      ),
    },
  ], [missing, multiYear, openReport, openCompare]);

  // Filtering keeps the virtual list's scroll offset; start the new result at its first row.
  useEffect(() => {
    tableRef.current?.scrollTo({ top: 0 });
  }, [search, year, severity, status, rule]);

  if (reports.length === 0) return <EmptyOverview />;

  const coverageYears = [...years].sort((a, b) => a - b);
  const agencies = [...new Set(reports.map(agencyOf))].sort((a, b) => Number(missing.has(b)) - Number(missing.has(a)) || a.localeCompare(b, 'zh-CN'));
  const coverage = agencies.map((k) => ({ key: k, byYear: new Map(reports.filter((r) => agencyOf(r) === k && r.year !== null).map((r) => [r.year as number, r])) }));

  return (
    <div className="nb-overview">
      <div className="nb-stats">
        <Card size="small">
          <Statistic title="报告" value={reports.length} suffix="份" />
        </Card>
        <Card size="small">
          <Statistic title="错误" value={totals.error} styles={{ content: { color: SEVERITY_HEX.error } }} />
        </Card>
        <Card size="small">
          <Statistic title="警告" value={totals.warning} styles={{ content: { color: SEVERITY_HEX.warning } }} />
        </Card>
        <Card size="small">
          <Statistic title="提示" value={totals.info} styles={{ content: { color: SEVERITY_HEX.info } }} />
        </Card>
        <Card size="small">
          <Statistic title="已审查" value={totals.total - totals.pending} suffix={`/ ${totals.total}`} />
        </Card>
        <Card size="small">
          <Statistic title="缺报单位" value={missing.size} suffix="个" styles={missing.size ? { content: { color: SEVERITY_HEX.error } } : undefined} />
        </Card>
      </div>

      <Card size="small" className="nb-gap-sm nb-overview-main">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          size="small"
          items={[
            {
              key: 'list',
              label: '报告列表',
              children: (
                <>
                  <Space wrap size={8} className="nb-filters">
                    <Input.Search allowClear placeholder="按单位或文件名查找" style={{ width: 220 }} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="filter-search" />
                    <Select<number | null> style={{ width: 110 }} value={year} onChange={setYear} options={[{ value: null, label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y} 年度` }))]} />
                    <Select<SeverityFilter>
                      style={{ width: 130 }}
                      value={severity}
                      onChange={setSeverity}
                      data-testid="filter-severity"
                      options={[
                        { value: 'all', label: '全部严重程度' },
                        { value: 'error', label: '有错误' },
                        { value: 'warning', label: '有警告' },
                        { value: 'info', label: '有提示' },
                        { value: 'none', label: '未发现问题' },
                      ]}
                    />
                    <Select<string | null>
                      style={{ width: 300 }}
                      value={rule}
                      onChange={setRule}
                      showSearch={{ optionFilterProp: 'label' }}
                      allowClear
                      placeholder="按规则筛选"
                      options={ruleOptions}
                      data-testid="filter-rule"
                    />
                    <Select<StatusFilter>
                      style={{ width: 130 }}
                      value={status}
                      onChange={setStatus}
                      data-testid="filter-status"
                      options={[
                        { value: 'all', label: '全部审查状态' },
                        { value: 'todo', label: '未开始审查' },
                        { value: 'partial', label: '审查中' },
                        { value: 'done', label: '已审查完' },
                        { value: 'clean', label: '无问题' },
                      ]}
                    />
                    <Typography.Text type="secondary">
                      显示 {filtered.length} / {reports.length} 份
                    </Typography.Text>
                  </Space>
                  <Table<ReportSummary>
                    ref={tableRef}
                    className="nb-report-table"
                    data-testid="report-table"
                    size="small"
                    rowKey="id"
                    virtual
                    scroll={{ x: 1080, y: Math.max(240, vh - 318) }}
                    pagination={false}
                    columns={columns}
                    dataSource={filtered}
                    showSorterTooltip={false}
                    onRow={(r) => ({ onDoubleClick: () => openReport(r.id) })}
                  />
                </>
              ),
            },
            {
              key: 'charts',
              label: '统计图表',
              children: (
                <div className="nb-charts">
                  <Card size="small" title="各规则发现的问题数（前 15 项，点击条形按规则筛选）" variant="borderless">
                    <Chart option={ruleChartSpec.option} height={380} onBarClick={ruleChartSpec.pick} testId="chart-rules" shown={ruleChartSpec.shown} />
                  </Card>
                  <Card size="small" title="各单位的问题数（前 15 个单位）" variant="borderless">
                    <Chart option={agencyOption} height={380} testId="chart-agencies" />
                  </Card>
                </div>
              ),
            },
            {
              key: 'indicators',
              label: '指标',
              children: tab === 'indicators' ? <IndicatorsPanel height={vh} /> : null,
            },
            {
              key: 'coverage',
              label: (
                <span>
                  报送情况{missing.size ? <Tag color="error" className="nb-tab-tag">{missing.size}</Tag> : null}
                </span>
              ),
              children: (
                <Table
                  size="small"
                  virtual
                  data-testid="coverage-table"
                  rowKey="key"
                  pagination={false}
                  scroll={{ y: Math.max(240, vh - 270), x: 560 + coverageYears.length * 110 }}
                  dataSource={coverage}
                  columns={[
                    { title: '单位', dataIndex: 'key', ellipsis: true, width: 320 },
                    ...coverageYears.map((y) => ({
                      title: `${y} 年度`,
                      key: String(y),
                      width: 110,
                      align: 'center' as const,
                      render: (_: unknown, row: (typeof coverage)[number]) => {
                        const r = row.byYear.get(y);
                        return r ? (
                          <a onClick={() => openReport(r.id)}>已导入</a>
                        ) : (
                          <Tag color="error" variant="filled" className="nb-tag-tight">
                            缺失
                          </Tag>
                        );
                      },
                    })),
                    {
                      title: '说明',
                      key: 'note',
                      render: (_: unknown, row: (typeof coverage)[number]) => {
                        const miss = missing.get(row.key);
                        return miss ? <span className="nb-text-error">缺少 {miss.join('、')} 年度报告</span> : <Typography.Text type="secondary">齐全</Typography.Text>;
                      },
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
