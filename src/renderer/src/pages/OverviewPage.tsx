/**
 * 总览: every report with its counts and review progress (virtualised table, sortable, filterable
 * by severity, rule and status) and charts of findings by rule and by unit. Other versions and
 * duplicate copies are marked (duplicates hidden unless asked for); totals and charts count current
 * versions only. 缺报单位 comes from getCoverage, as on the 报送情况 screen. The filtered, sorted
 * list is the order 审查 steps through.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Card,
  Empty,
  Input,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType, TableProps, TableRef } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReportSummary } from '../../../shared/ipc';
import { SEVERITIES, SEVERITY_LABELS, TEMPLATE_LABELS } from '../../../core/model/glossary';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { Chart } from '../components/Chart';
import { IndicatorsPanel } from '../components/IndicatorsPanel';
import { SEVERITY_HEX } from '../labels';
import { ruleTitle, ruleTotals, useRuleCatalogue, type RuleCatalogue } from '../lib/ruleIndex';
import { MiddleEllipsis } from '../components/MiddleEllipsis';
import { isKeyOf } from '../../../core/model/checked';
import { useViewportHeight } from '../lib/useViewport';
import { missingUnits, useCoverage } from '../lib/coverage';

type SeverityFilter = 'all' | 'error' | 'warning' | 'info' | 'none';

type CountKey = keyof ReportSummary['counts'];
type ColumnOf<T> = TableColumnsType<T>[number];

/** A right-aligned count column of one severity, coloured when non-zero. */
function countColumn(sev: CountKey, sort: SortState): ColumnOf<ReportSummary> {
  return {
    title: SEVERITY_LABELS[sev],
    key: sev,
    width: 72,
    align: 'right',
    sorter: SORTERS[sev],
    sortOrder: sort?.key === sev ? sort.order : null,
    render: (_, r) => (
      <span className={r.counts[sev] ? `nb-num-${sev}` : 'nb-num-zero'}>{r.counts[sev]}</span>
    ),
  };
}
type StatusFilter = 'all' | 'todo' | 'partial' | 'done' | 'clean';

/** The unit identity: groups years and name variants of one unit. */
export function agencyOf(r: ReportSummary): string {
  return r.agencyKey ?? r.agency ?? `（未识别单位）${r.fileName}`;
}

/** The unit's name as shown (the roster's name; the report's own when it matched no unit). */
export function unitLabel(r: ReportSummary): string {
  return r.unitName || r.agency || `（未识别单位）${r.fileName}`;
}

/** A badge for a file that is not the one judged: another version, or a copy of one. */
export function VersionBadge({
  r,
  reports,
}: {
  r: ReportSummary;
  reports: readonly ReportSummary[];
}): React.JSX.Element | null {
  if (r.duplicateOf) {
    const of = reports.find((x) => x.id === r.duplicateOf);
    const text = `重复文件：与「${of?.fileName ?? '另一份文件'}」内容完全相同，只审查一次`;
    return (
      <Tooltip title={text}>
        <Tag
          color="default"
          className="nb-tag-tight nb-badge-version"
          data-testid="badge-duplicate"
          aria-label={text}
        >
          重复文件
        </Tag>
      </Tooltip>
    );
  }
  if (!r.current) {
    return (
      <Tooltip title="同一单位同一年度还有其他版本，本文件不是当前版本：不参加跨年度、跨单位检查和合计。可在“审查”中设为当前版本。">
        <Tag
          color="gold"
          className="nb-tag-tight nb-badge-version"
          data-testid="badge-other-version"
        >
          其他版本
        </Tag>
      </Tooltip>
    );
  }
  if (r.versionCount > 1) {
    return (
      <Tooltip title={`同一单位同一年度共有 ${r.versionCount} 个不同版本，本文件为当前版本`}>
        <Tag
          color="blue"
          className="nb-tag-tight nb-badge-version"
          data-testid="badge-current-version"
        >
          当前版本
        </Tag>
      </Tooltip>
    );
  }
  return null;
}

type SortKey = 'agency' | 'year' | 'error' | 'warning' | 'info' | 'review';
type SortState = { key: SortKey; order: 'ascend' | 'descend' } | null;

const SORTERS: Record<SortKey, (a: ReportSummary, b: ReportSummary) => number> = {
  agency: (a, b) =>
    unitLabel(a).localeCompare(unitLabel(b), 'zh-CN') || (a.year ?? 0) - (b.year ?? 0),
  year: (a, b) => (a.year ?? 0) - (b.year ?? 0),
  // Errors sort first by default, ties broken by warnings then infos: the reports needing work on top.
  error: (a, b) =>
    a.counts.error - b.counts.error ||
    a.counts.warning - b.counts.warning ||
    a.counts.info - b.counts.info,
  warning: (a, b) => a.counts.warning - b.counts.warning,
  info: (a, b) => a.counts.info - b.counts.info,
  review: (a, b) =>
    (a.review.total ? a.review.pending / a.review.total : 0) -
    (b.review.total ? b.review.pending / b.review.total : 0),
};

/** The rows in the table's order (what 审查 then steps through). */
function sortRows(rows: readonly ReportSummary[], sort: SortState): ReportSummary[] {
  if (!sort) return [...rows];
  const cmp = SORTERS[sort.key];
  return [...rows].sort((a, b) => (sort.order === 'ascend' ? cmp(a, b) : cmp(b, a)));
}

function reviewState(r: ReportSummary): Exclude<StatusFilter, 'all'> {
  if (r.review.total === 0) return 'clean';
  if (r.review.pending === r.review.total) return 'todo';
  if (r.review.pending === 0) return 'done';
  return 'partial';
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
      yAxis: {
        type: 'category',
        data: top.map((t) => t.ruleTitle),
        axisLabel: { width: 190, overflow: 'truncate', color: '#333' },
      },
      series: [
        {
          type: 'bar',
          name: '问题数',
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: '#555' },
          data: top.map((t) => ({
            value: t.count,
            itemStyle: { color: SEVERITY_HEX[t.severity] },
          })),
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
  const totals = new Map<string, { name: string; error: number; warning: number; info: number }>();
  for (const r of reports) {
    const k = agencyOf(r);
    const t = totals.get(k) ?? { name: unitLabel(r), error: 0, warning: 0, info: 0 };
    t.error += r.counts.error;
    t.warning += r.counts.warning;
    t.info += r.counts.info;
    totals.set(k, t);
  }
  const top = [...totals.entries()]
    .sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || b[1].info - a[1].info)
    .slice(0, 15)
    .reverse();
  const series = SEVERITIES.map((sev) => ({
    type: 'bar',
    name: SEVERITY_LABELS[sev],
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
    yAxis: {
      type: 'category',
      data: top.map(([, t]) => t.name),
      axisLabel: { width: 170, overflow: 'truncate', color: '#333' },
    },
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
            <Typography.Text type="secondary">
              首次使用：可以先打开示例报告熟悉功能，或到“导入”页选择本地区的报告文件。
            </Typography.Text>
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
  const { reports, version, openReport, openCompare, go } = useStore();
  const [search, setSearch] = useState('');
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [rule, setRule] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [showDuplicates, setShowDuplicates] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: 'error', order: 'descend' });
  const [tab, setTab] = useState('list');
  const catalogue = useRuleCatalogue(version);
  const { coverage } = useCoverage();
  const missing = useMemo(() => (coverage ? missingUnits(coverage) : []), [coverage]);
  const vh = useViewportHeight();
  /** Current versions only: what the totals, charts and cross-year comparison count. */
  const current = useMemo(() => reports.filter((r) => r.current), [reports]);
  const duplicates = useMemo(() => reports.filter((r) => r.duplicateOf !== null).length, [reports]);
  const multiYear = useMemo(() => {
    const years = new Map<string, Set<number>>();
    for (const r of current) {
      if (!r.agencyKey || r.year === null) continue;
      const set = years.get(r.agencyKey) ?? new Set<number>();
      set.add(r.year);
      years.set(r.agencyKey, set);
    }
    return new Set([...years].filter(([, set]) => set.size > 1).map(([k]) => k));
  }, [current]);
  const tableRef = useRef<TableRef>(null);

  // Every rule that fired in some report (of the whole workspace, not only the filtered rows).
  const ruleOptions = useMemo(() => {
    const ids = new Set<string>();
    for (const r of reports)
      for (const [id, n] of Object.entries(r.ruleCounts)) if (n > 0) ids.add(id);
    return [...ids]
      .sort((a, b) => a.localeCompare(b))
      .map((id) => ({ value: id, label: `${ruleTitle(catalogue, id)}（${id}）` }));
  }, [reports, catalogue]);
  const years = useMemo(
    () =>
      [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort(
        (a, b) => b - a,
      ),
    [reports],
  );

  const listed = useMemo(
    () => (showDuplicates ? reports : reports.filter((r) => r.duplicateOf === null)),
    [reports, showDuplicates],
  );
  const filtered = useMemo(() => {
    const q = search.trim();
    const rows = listed.filter((r) => {
      if (q && !`${r.agency ?? ''}${r.unitName}${r.fileName}`.includes(q)) return false;
      if (year !== null && r.year !== year) return false;
      if (severity === 'none' && r.counts.error + r.counts.warning + r.counts.info > 0)
        return false;
      if (severity !== 'all' && severity !== 'none' && r.counts[severity] === 0) return false;
      if (status !== 'all' && reviewState(r) !== status) return false;
      if (rule && !r.ruleCounts[rule]) return false; // absent or 0: the rule did not fire here
      return true;
    });
    return sortRows(rows, sort);
  }, [listed, search, year, severity, status, rule, sort]);
  const filteredCurrent = useMemo(() => filtered.filter((r) => r.current), [filtered]);

  const totals = useMemo(() => {
    const t = { error: 0, warning: 0, info: 0, total: 0, pending: 0 };
    for (const r of current) {
      t.error += r.counts.error;
      t.warning += r.counts.warning;
      t.info += r.counts.info;
      t.total += r.review.total;
      t.pending += r.review.pending;
    }
    return t;
  }, [current]);

  const ruleChartSpec = useMemo(
    () =>
      ruleChart(filteredCurrent, catalogue, (id) => {
        setRule(id);
        setTab('list');
      }),
    [filteredCurrent, catalogue],
  );
  const agencyOption = useMemo(() => agencyChart(filteredCurrent), [filteredCurrent]);

  /** Opens a report with the table's rows (filtered, sorted) as the review order. */
  const open = useMemo(() => {
    const order = filtered.map((r) => r.id);
    return (id: string) => openReport(id, order);
  }, [filtered, openReport]);

  const columns: TableColumnsType<ReportSummary> = useMemo(
    () => [
      {
        title: '单位',
        key: 'agency',
        sorter: SORTERS.agency,
        sortOrder: sort?.key === 'agency' ? sort.order : null,
        render: (_, r) => {
          const written = r.agency && r.agency !== r.unitName ? r.agency : null;
          return (
            <div className="nb-unit-cell">
              <a
                onClick={() => open(r.id)}
                title={written ? `${r.unitName}（报告中写作“${written}”）` : unitLabel(r)}
                data-testid="overview-unit"
              >
                {r.agency || r.unitId ? (
                  unitLabel(r)
                ) : (
                  <span className="nb-muted">（未识别单位）</span>
                )}
              </a>
              {written ? (
                <span className="nb-muted nb-written-as" title={`报告中写作“${written}”`}>
                  （报告写作 {written}）
                </span>
              ) : null}
              <VersionBadge r={r} reports={reports} />
            </div>
          );
        },
      },
      {
        title: '年度',
        key: 'year',
        width: 76,
        align: 'center',
        sorter: SORTERS.year,
        sortOrder: sort?.key === 'year' ? sort.order : null,
        render: (_, r) => r.year ?? '—',
      },
      {
        title: '模板',
        dataIndex: 'template',
        width: 110,
        render: (t: ReportSummary['template']) =>
          t === '2021' ? TEMPLATE_LABELS[t] : <Tag color="error">{TEMPLATE_LABELS[t]}</Tag>,
      },
      countColumn('error', sort),
      countColumn('warning', sort),
      countColumn('info', sort),
      {
        title: '审查进度',
        key: 'review',
        width: 170,
        sorter: SORTERS.review,
        sortOrder: sort?.key === 'review' ? sort.order : null,
        render: (_, r) =>
          r.review.total === 0 ? (
            <span className="nb-muted">无问题</span>
          ) : (
            <div
              className="nb-progress-cell"
              title={`已确认 ${r.review.confirmed}，已排除 ${r.review.dismissed}，待审查 ${r.review.pending}`}
            >
              <div className="nb-bar">
                <div
                  className="nb-bar-fill"
                  style={{
                    width: `${Math.round(((r.review.total - r.review.pending) / r.review.total) * 100)}%`,
                  }}
                />
              </div>
              <span>
                {r.review.total - r.review.pending}/{r.review.total}
              </span>
            </div>
          ),
      },
      // Cut in the middle, not at the end: the end tells .docx from .html and 修改稿 from the first version.
      {
        title: '文件',
        dataIndex: 'fileName',
        width: 200,
        render: (f: string) => <MiddleEllipsis text={f} className="nb-muted" />,
      },
      {
        title: '操作',
        key: 'op',
        width: 120,
        render: (_, r) => {
          const { agencyKey } = r;
          return (
            <span className="nb-ops">
              <a onClick={() => open(r.id)} data-testid={`open-${r.id}`}>
                审查
              </a>
              {r.current && agencyKey && multiYear.has(agencyKey) ? (
                <a onClick={() => openCompare({ agencyKey })}>对比</a>
              ) : null}
            </span>
          );
        },
      },
    ],
    [multiYear, open, openCompare, reports, sort],
  );

  const onChange: TableProps<ReportSummary>['onChange'] = (_p, _f, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey;
    setSort(isKeyOf(SORTERS, key) && one?.order ? { key, order: one.order } : null);
  };

  // Filtering keeps the virtual list's scroll offset; start the new result at its first row.
  useEffect(() => {
    tableRef.current?.scrollTo({ top: 0 });
  }, [search, year, severity, status, rule, showDuplicates]);

  if (reports.length === 0) return <EmptyOverview />;

  const others = reports.length - current.length;
  return (
    <div className="nb-overview">
      <div className="nb-stats">
        <Card size="small" data-testid="stat-reports">
          <Statistic
            title={
              <Tooltip
                title={others ? `另有 ${others} 份是其他版本或重复文件，不计入合计` : undefined}
              >
                <span>
                  报告
                  {others ? <span className="nb-stat-note">另 {others} 份非当前版本</span> : null}
                </span>
              </Tooltip>
            }
            value={current.length}
            suffix="份"
          />
        </Card>
        <Card size="small">
          <Statistic
            title={SEVERITY_LABELS.error}
            value={totals.error}
            styles={{ content: { color: SEVERITY_HEX.error } }}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={SEVERITY_LABELS.warning}
            value={totals.warning}
            styles={{ content: { color: SEVERITY_HEX.warning } }}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={SEVERITY_LABELS.info}
            value={totals.info}
            styles={{ content: { color: SEVERITY_HEX.info } }}
          />
        </Card>
        <Card size="small">
          <Statistic
            title="已审查"
            value={totals.total - totals.pending}
            suffix={`/ ${totals.total}`}
          />
        </Card>
        <Card
          size="small"
          hoverable
          className="nb-stat-link"
          onClick={() => go('coverage')}
          data-testid="stat-missing"
        >
          <Statistic
            title={
              <Tooltip
                title={
                  missing.length ? `${missing.join('、')}（点击查看报送情况）` : '点击查看报送情况'
                }
              >
                <span>
                  缺报单位
                  {coverage?.roster.inferred ? (
                    <Tag color="warning" className="nb-tab-tag">
                      推断
                    </Tag>
                  ) : null}
                </span>
              </Tooltip>
            }
            value={missing.length}
            suffix="个"
            styles={missing.length ? { content: { color: SEVERITY_HEX.error } } : undefined}
          />
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
                    <Input.Search
                      allowClear
                      placeholder="按单位或文件名查找"
                      style={{ width: 180 }}
                      value={search}
                      onChange={(e) => setSearch(e.target.value)}
                      data-testid="filter-search"
                    />
                    <Select<number | null>
                      style={{ width: 110 }}
                      value={year}
                      onChange={setYear}
                      options={[
                        { value: null, label: '全部年度' },
                        ...years.map((y) => ({ value: y, label: `${y} 年度` })),
                      ]}
                    />
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
                      style={{ width: 220 }}
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
                    {duplicates ? (
                      <span className="nb-switch-label">
                        <Switch
                          size="small"
                          checked={showDuplicates}
                          onChange={setShowDuplicates}
                          data-testid="show-duplicates"
                        />{' '}
                        显示重复文件（{duplicates}）
                      </span>
                    ) : null}
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
                    onChange={onChange}
                    rowClassName={(r) => (r.current ? '' : 'nb-row-noncurrent')}
                    onRow={(r) => ({ onDoubleClick: () => open(r.id) })}
                  />
                </>
              ),
            },
            {
              key: 'charts',
              label: '统计图表',
              children: (
                <div className="nb-charts">
                  <Card
                    size="small"
                    title="各规则发现的问题数（当前版本，前 15 项，点击条形按规则筛选）"
                    variant="borderless"
                  >
                    <Chart
                      option={ruleChartSpec.option}
                      height={380}
                      onBarClick={ruleChartSpec.pick}
                      testId="chart-rules"
                      shown={ruleChartSpec.shown}
                    />
                  </Card>
                  <Card
                    size="small"
                    title="各单位的问题数（当前版本，前 15 个单位）"
                    variant="borderless"
                  >
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
          ]}
        />
      </Card>
    </div>
  );
}
