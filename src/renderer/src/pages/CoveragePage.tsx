/**
 * 报送情况: who should have reported, who did, and which file is the one judged. Counts per year
 * at the top (应报 / 已报 / 按时 / 逾期 / 未报 / 名单外), a table of units × years (the current
 * version's file; 多版本 when there is a choice), filters, and the names in reports that matched no
 * roster unit with the closest names as one-click aliases. Everything comes from getCoverage, so
 * this screen, 总览's 缺报单位 tile and the rows agree.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Input,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '../components/Chart';
import { CheckOutlined } from '@ant-design/icons';
import type { CoverageCell, CoverageRow, CoverageView } from '../../../shared/ipc';
import {
  SUBMISSION_STATUSES,
  SUBMISSION_STATUS_LABELS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  type SubmissionStatus,
  type UnitKind,
} from '../../../core/model/glossary';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { missingUnits, useCoverage } from '../lib/coverage';
import { useViewportHeight } from '../lib/useViewport';

/** Rows needing attention first: a missing year, then a unit off the roster, a late one, a choice of versions. */
const STATUS_RANK: Record<SubmissionStatus, number> = {
  missing: 0,
  notOnRoster: 1,
  late: 2,
  onTime: 4,
};
function attention(r: CoverageRow, year: number | null): number {
  const cells = r.cells.filter((c) => year === null || c.year === year);
  let best = 5;
  for (const c of cells) {
    if (c.status) best = Math.min(best, STATUS_RANK[c.status]);
    if (c.versionCount > 1) best = Math.min(best, 3);
  }
  return best;
}

export const SUBMISSION_STATUS_COLORS: Record<SubmissionStatus, string> = {
  onTime: 'green',
  late: 'orange',
  missing: 'red',
  notOnRoster: 'purple',
};

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function StatusCell({
  cell,
  onOpen,
}: {
  cell: CoverageCell;
  onOpen: (id: string) => void;
}): React.JSX.Element {
  if (cell.status === null) {
    return (
      <Tooltip title="名单为推断：该单位在此年度之前没有报告，不计为未报">
        <span className="nb-muted">—</span>
      </Tooltip>
    );
  }
  const tag = (
    <Tag
      color={SUBMISSION_STATUS_COLORS[cell.status]}
      variant="filled"
      className="nb-tag-tight"
      data-testid="coverage-status"
    >
      {SUBMISSION_STATUS_LABELS[cell.status]}
    </Tag>
  );
  if (!cell.reportId) return <div className="nb-cov-cell">{tag}</div>;
  const id = cell.reportId;
  return (
    <div className="nb-cov-cell">
      {tag}
      {cell.versionCount > 1 ? (
        <Tooltip
          title={`该单位本年度有 ${cell.versionCount} 个不同版本的文件，表中为当前版本；可在“审查”中查看和更换`}
        >
          <Tag color="gold" className="nb-tag-tight" data-testid="coverage-multi">
            多版本 {cell.versionCount}
          </Tag>
        </Tooltip>
      ) : null}
      <a
        className="nb-cov-file"
        title={`${cell.fileName ?? ''}（点击打开审查）`}
        onClick={() => onOpen(id)}
        data-testid="coverage-file"
      >
        {cell.fileName ? baseName(cell.fileName) : '打开'}
      </a>
    </div>
  );
}

const STATUS_HEX: Record<SubmissionStatus, string> = {
  onTime: '#52c41a',
  late: '#fa8c16',
  missing: '#f5222d',
  notOnRoster: '#9254de',
};

/** Per year, one stacked bar: on time, late, missing, not on the roster. Click a bar to filter by that year. */
function coverageChart(coverage: CoverageView): { option: EChartsCoreOption; shown: string } {
  const years = [...coverage.coverage].sort((a, b) => a.year - b.year);
  const values: Record<SubmissionStatus, number[]> = {
    onTime: years.map((y) => y.onTime),
    late: years.map((y) => y.late),
    missing: years.map((y) => y.missing.length),
    notOnRoster: years.map((y) => y.notOnRoster.length),
  };
  return {
    shown: years
      .map((y) => `${y.year}:${y.onTime}/${y.late}/${y.missing.length}/${y.notOnRoster.length}`)
      .join(','),
    option: {
      grid: { left: 8, right: 16, top: 26, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: {
        type: 'category',
        data: years.map((y) => `${y.year} 年度`),
        axisLabel: { color: '#333' },
      },
      series: SUBMISSION_STATUSES.map((st) => ({
        type: 'bar',
        stack: 'n',
        name: st === 'onTime' ? '按时' : SUBMISSION_STATUS_LABELS[st],
        barMaxWidth: 18,
        itemStyle: { color: STATUS_HEX[st] },
        data: values[st],
      })),
    },
  };
}

function YearStats({
  coverage,
  onYear,
}: {
  coverage: CoverageView;
  onYear: (year: number) => void;
}): React.JSX.Element {
  const chart = useMemo(() => coverageChart(coverage), [coverage]);
  return (
    <div className="nb-cov-years">
      {[...coverage.coverage]
        .sort((a, b) => b.year - a.year)
        .map((y) => (
          <Card
            size="small"
            key={y.year}
            title={`${y.year} 年度`}
            data-testid={`coverage-year-${y.year}`}
            className="nb-cov-year"
          >
            <div className="nb-cov-stats">
              <Statistic title="应报" value={y.expected} />
              <Statistic title="已报" value={y.submitted} />
              <Statistic title="按时" value={y.onTime} styles={{ content: { color: '#389e0d' } }} />
              <Statistic
                title={SUBMISSION_STATUS_LABELS.late}
                value={y.late}
                styles={y.late ? { content: { color: '#d46b08' } } : undefined}
              />
              <Statistic
                title={SUBMISSION_STATUS_LABELS.missing}
                value={y.missing.length}
                styles={y.missing.length ? { content: { color: '#cf1322' } } : undefined}
                data-testid={`coverage-missing-${y.year}`}
              />
              <Statistic
                title={SUBMISSION_STATUS_LABELS.notOnRoster}
                value={y.notOnRoster.length}
                styles={y.notOnRoster.length ? { content: { color: '#722ed1' } } : undefined}
              />
            </div>
          </Card>
        ))}
      <Card
        size="small"
        title="各年度报送情况（点击条形只看该年度）"
        className="nb-cov-year nb-cov-chart"
      >
        <Chart
          option={chart.option}
          shown={chart.shown}
          height={Math.max(86, 40 + coverage.coverage.length * 26)}
          testId="coverage-chart"
          onBarClick={(name) => onYear(Number.parseInt(name, 10))}
        />
      </Card>
    </div>
  );
}

function Unmatched({
  coverage,
  onAlias,
  onOpen,
}: {
  coverage: CoverageView;
  onAlias: (alias: string, unitName: string) => Promise<void>;
  onOpen: (id: string) => void;
}): React.JSX.Element | null {
  const [busy, setBusy] = useState<string | null>(null);
  if (coverage.unmatched.length === 0) return null;
  return (
    <Card
      size="small"
      className="nb-gap-sm"
      title={`报告中的单位名称与名单不一致（${coverage.unmatched.length}）`}
      data-testid="coverage-unmatched"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        下列名称在单位名单中找不到。如果它就是名单中的某个单位（改名、简称或少写了上级地名），点“是同一单位”，以后会记住这一对应关系（可在“设置
        → 单位别名”中删除）。
      </Typography.Paragraph>
      {coverage.unmatched.map((u) => (
        <div key={u.name} className="nb-unmatched-row" data-testid="unmatched-row">
          <span className="nb-unmatched-name">
            <a onClick={() => u.reportIds[0] && onOpen(u.reportIds[0])} title="打开该报告">
              {u.name}
            </a>
            <Typography.Text type="secondary">（{u.reportIds.length} 份报告）</Typography.Text>
          </span>
          {u.suggestions.length === 0 ? (
            <Typography.Text type="secondary">
              名单中没有相近的单位；如确属应报单位，请在“设置 → 单位名单”中添加。
            </Typography.Text>
          ) : (
            <Space size={[8, 4]} wrap>
              {u.suggestions.map((s) => (
                <span key={s} className="nb-suggestion">
                  ≈ <b>{s}</b>？
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    loading={busy === `${u.name}|${s}`}
                    data-testid="alias-accept"
                    onClick={async () => {
                      setBusy(`${u.name}|${s}`);
                      await onAlias(u.name, s);
                      setBusy(null);
                    }}
                  >
                    是同一单位
                  </Button>
                </span>
              ))}
            </Space>
          )}
        </div>
      ))}
    </Card>
  );
}

export function CoveragePage(): React.JSX.Element {
  const { openReport, go, run, refresh } = useStore();
  const { coverage, reload } = useCoverage();
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<SubmissionStatus | null>(null);
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [search, setSearch] = useState('');
  const vh = useViewportHeight();

  const years = useMemo(() => [...(coverage?.years ?? [])].sort((a, b) => b - a), [coverage]);
  const shownYears = year === null ? years : [year];

  const rows = useMemo(() => {
    if (!coverage) return [];
    const q = search.trim();
    const rows = coverage.rows.filter((r) => {
      if (q && !`${r.name}${r.aliases.join('')}`.includes(q)) return false;
      if (kind && r.kind !== kind) return false;
      if (status) {
        const cells = r.cells.filter((c) => year === null || c.year === year);
        if (!cells.some((c) => c.status === status)) return false;
      }
      return true;
    });
    return rows.sort((a, b) => attention(a, year) - attention(b, year));
  }, [coverage, search, kind, status, year]);

  if (!coverage) return <Card loading />;
  const missing = missingUnits(coverage);
  const onOpen = (id: string): void => openReport(id);

  const columns: TableColumnsType<CoverageRow> = [
    {
      title: '单位',
      key: 'name',
      width: 300,
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, r) => (
        <div className="nb-cov-unit">
          <span className="nb-cov-name" title={r.name}>
            {r.name}
          </span>
          <span className="nb-cov-sub">
            {r.kind ? (
              <Tag className="nb-tag-tight">{UNIT_KIND_LABELS[r.kind]}</Tag>
            ) : (
              <Tag color="purple" className="nb-tag-tight">
                {SUBMISSION_STATUS_LABELS.notOnRoster}
              </Tag>
            )}
            {r.aliases.length ? (
              <span className="nb-muted" title={r.aliases.join('、')}>
                又名 {r.aliases.join('、')}
              </span>
            ) : null}
          </span>
        </div>
      ),
    },
    ...shownYears.map((y) => ({
      title: `${y} 年度`,
      key: String(y),
      width: 230,
      render: (_: unknown, r: CoverageRow) => {
        const cell = r.cells.find((c) => c.year === y);
        return cell ? (
          <StatusCell cell={cell} onOpen={onOpen} />
        ) : (
          <span className="nb-muted">—</span>
        );
      },
    })),
  ];

  const roster = coverage.roster;
  return (
    <div className="nb-coverage" data-testid="coverage-page">
      <div className="nb-settings-bar">
        <Space size={12} align="baseline">
          <Typography.Title level={4} className="nb-title" style={{ margin: 0 }}>
            报送情况
          </Typography.Title>
          {roster.inferred ? (
            <Tag color="warning" data-testid="roster-inferred">
              推断
            </Tag>
          ) : (
            <Typography.Text type="secondary" data-testid="roster-source">
              单位名单：{roster.units.length} 个单位
              {roster.source ? `（来自 ${baseName(roster.source)}）` : '（在“设置”中录入）'}
            </Typography.Text>
          )}
          <Tooltip
            title={missing.length ? `${missing.join('、')}（点击只看未报的单位）` : undefined}
          >
            <Typography.Link
              type={missing.length ? 'danger' : 'secondary'}
              data-testid="coverage-missing-units"
              onClick={() => missing.length && setStatus('missing')}
            >
              缺报单位 {missing.length} 个
            </Typography.Link>
          </Tooltip>
        </Space>
        <Button onClick={() => go('settings')}>
          {roster.inferred ? '导入单位名单' : '编辑单位名单'}
        </Button>
      </div>
      {roster.inferred ? (
        <Alert
          type="warning"
          showIcon
          className="nb-gap-sm"
          title="尚未导入单位名单，下表中的单位是从已导入的报告推断的（推断）。"
          description="推断的名单只包含至少交过一份报告的单位：一份报告也没交的单位不会出现，也就不会显示为未报；单位在它第一份报告之前的年度也不计为未报。要核对应报单位是否都已报送，请在“设置 → 单位名单”导入本地区的应报单位名单。"
        />
      ) : null}
      {coverage.years.length === 0 ? (
        <Empty className="nb-empty-page" description="还没有能识别出年度的报告。" />
      ) : (
        <>
          <YearStats coverage={coverage} onYear={(y) => Number.isFinite(y) && setYear(y)} />
          <Unmatched
            coverage={coverage}
            onOpen={onOpen}
            onAlias={async (alias, unitName) => {
              const c = await run(() => unwrap(api().addAlias({ alias, unitName })));
              if (c) {
                reload();
                await refresh();
              }
            }}
          />
          <Card size="small" className="nb-gap-sm">
            <Space wrap size={8} className="nb-filters">
              <Input.Search
                allowClear
                placeholder="按单位名称查找"
                style={{ width: 200 }}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <Select<number | null>
                style={{ width: 120 }}
                value={year}
                onChange={setYear}
                data-testid="coverage-filter-year"
                options={[
                  { value: null, label: '全部年度' },
                  ...years.map((y) => ({ value: y, label: `${y} 年度` })),
                ]}
              />
              <Select<SubmissionStatus | null>
                style={{ width: 130 }}
                value={status}
                onChange={setStatus}
                data-testid="coverage-filter-status"
                options={[
                  { value: null, label: '全部报送状态' },
                  ...SUBMISSION_STATUSES.map((s) => ({
                    value: s,
                    label: SUBMISSION_STATUS_LABELS[s],
                  })),
                ]}
              />
              <Select<UnitKind | null>
                style={{ width: 130 }}
                value={kind}
                onChange={setKind}
                options={[
                  { value: null, label: '全部单位类别' },
                  ...UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] })),
                ]}
              />
              <Typography.Text type="secondary">
                显示 {rows.length} / {coverage.rows.length} 个单位
              </Typography.Text>
            </Space>
            <Table<CoverageRow>
              size="small"
              rowKey="unitKey"
              data-testid="coverage-table"
              className="nb-coverage-table"
              pagination={false}
              columns={columns}
              dataSource={rows}
              showSorterTooltip={false}
              scroll={{ x: 300 + shownYears.length * 230, y: Math.max(220, vh - 420) }}
            />
          </Card>
        </>
      )}
    </div>
  );
}
