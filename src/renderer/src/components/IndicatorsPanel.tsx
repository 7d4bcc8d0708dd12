/**
 * 总览 → 指标: each report's indicators (docs/indicators.md) as a table, and the outcome shares
 * as a 100 % stacked bar per report. Values come from the main process (listIndicators), computed
 * by src/core/indicators; labels and formatting from the same module, so the table, the workbook
 * and the briefing say the same. Blank means undefined (a zero denominator), never 0 %.
 */
import { useEffect, useMemo, useState } from 'react';
import { Empty, Table, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import {
  INDICATOR_DEFS,
  OUTCOME_KEYS,
  OUTCOME_LABELS,
  formatIndicator,
  indicatorsOf,
  sumInputs,
} from '../../../core/indicators';
import { AGENCY_KIND_LABELS } from '../../../core/workspace/agency-kind';
import type { IndicatorRow } from '../../../shared/ipc';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { Chart } from './Chart';

const OUTCOME_COLOURS = ['#3f8f4f', '#8fbf5a', '#d9534f', '#f0ad4e', '#9b7fc1', '#8a8f98'];

function unitLabel(r: IndicatorRow): string {
  return `${r.agency ?? r.fileName}${r.year ? ` ${r.year}` : ''}`;
}

function outcomeChart(rows: readonly IndicatorRow[]): EChartsCoreOption {
  const index = new Map(INDICATOR_DEFS.map((d, i) => [d.key, i]));
  // Only reports with applications handled: a report with （七）总计 = 0 has no shares to draw.
  const shown = rows
    .filter((r) => r.values[index.get('outcome.granted') ?? -1] !== null)
    .slice(0, 30)
    .reverse();
  return {
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, right: 8, itemWidth: 12, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : ''),
    },
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: { formatter: '{value}%' },
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    yAxis: {
      type: 'category',
      data: shown.map(unitLabel),
      axisLabel: { width: 190, overflow: 'truncate', color: '#333' },
    },
    series: OUTCOME_KEYS.map((k, i) => ({
      type: 'bar',
      name: OUTCOME_LABELS[k],
      stack: 'share',
      barMaxWidth: 16,
      itemStyle: { color: OUTCOME_COLOURS[i] },
      data: shown.map((r) => {
        const v = r.values[index.get(`outcome.${k}`) ?? -1];
        return v === null || v === undefined ? 0 : Math.round(v * 1000) / 10;
      }),
    })),
  };
}

export function IndicatorsPanel({ height }: { height: number }): React.JSX.Element {
  const { version, reports, run } = useStore();
  const [rows, setRows] = useState<IndicatorRow[] | null>(null);

  useEffect(() => {
    let live = true;
    void run(() => unwrap(api().listIndicators())).then((r) => {
      if (live && r) setRows(r);
    });
    return () => {
      live = false;
    };
    // Indicators change with the reports (import, removal), not with decisions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, reports.length]);

  const option = useMemo(() => outcomeChart(rows ?? []), [rows]);
  const charted = (rows ?? []).filter(
    (r) => r.values[INDICATOR_DEFS.findIndex((d) => d.key === 'outcome.granted')] !== null,
  ).length;
  if (!rows) return <Table loading size="small" />;
  if (rows.length === 0) return <Empty description="没有报告。" />;
  // 合计: the rates of the summed inputs (a unit with 169 applications weighs more than one with 1).
  // Year on year is per unit only: the total would mix units with and without last year's report.
  const total = indicatorsOf(sumInputs(rows.map((r) => r.inputs)));
  const sorted = [...rows].sort(
    (a, b) =>
      (a.agency ?? a.fileName).localeCompare(b.agency ?? b.fileName, 'zh-CN') ||
      (a.year ?? 0) - (b.year ?? 0),
  );

  return (
    <div data-testid="indicators-panel">
      <Typography.Paragraph type="secondary" className="nb-gap-sm">
        按各报告表三、表四的“总计”计算：办结率 =（七）总计 ÷（本年新收 +
        上年结转）；各办理结果占比的分母为（七）总计；纠错率 = 结果纠正 ÷
        总计。分母为零时留空。同比需同一单位上一年度的报告也已导入。
      </Typography.Paragraph>
      <Table<IndicatorRow>
        size="small"
        rowKey="reportId"
        data-testid="indicators-table"
        pagination={false}
        virtual
        scroll={{ x: 300 + INDICATOR_DEFS.length * 96, y: Math.max(200, height - 520) }}
        dataSource={sorted}
        summary={() => (
          <Table.Summary fixed="top">
            <Table.Summary.Row data-testid="indicators-total">
              <Table.Summary.Cell index={0}>
                <b>合计（{rows.length} 份）</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2} />
              {INDICATOR_DEFS.map((d, i) => (
                <Table.Summary.Cell key={d.key} index={3 + i} align="right">
                  {d.kind === 'rate' ? <b>{formatIndicator(d.get(total), d.kind)}</b> : null}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
        columns={[
          {
            title: '单位',
            key: 'unit',
            width: 220,
            fixed: 'left',
            ellipsis: true,
            render: (_, r) => r.agency ?? r.fileName,
          },
          { title: '年度', dataIndex: 'year', width: 64, align: 'center' },
          { title: '类别', key: 'kind', width: 80, render: (_, r) => AGENCY_KIND_LABELS[r.kind] },
          ...INDICATOR_DEFS.map((d, i) => ({
            title: d.label,
            key: d.key,
            width: 96,
            align: 'right' as const,
            render: (_: unknown, r: IndicatorRow) => formatIndicator(r.values[i] ?? null, d.kind),
          })),
        ]}
      />
      <Typography.Text strong className="nb-gap-sm" style={{ display: 'block' }}>
        依申请办理结果构成（占（七）总计的比例）
      </Typography.Text>
      {charted > 0 ? (
        <Chart
          option={option}
          height={Math.min(560, 90 + Math.min(charted, 30) * 30)}
          testId="chart-outcomes"
        />
      ) : (
        <Typography.Paragraph type="secondary">
          没有报告办理过政府信息公开申请，无办理结果构成可画。
        </Typography.Paragraph>
      )}
    </div>
  );
}
