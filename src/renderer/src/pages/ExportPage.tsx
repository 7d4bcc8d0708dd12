/** 导出: the findings workbook (汇总, 问题清单, 数据, 规则说明) carrying the review decisions and notes. */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { api, unwrap } from '../api';
import { useStore } from '../store';

export function ExportPage(): React.JSX.Element {
  const { reports, run, go } = useStore();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const totals = useMemo(() => {
    const t = { error: 0, warning: 0, info: 0, confirmed: 0, dismissed: 0, pending: 0 };
    for (const r of reports) {
      t.error += r.counts.error;
      t.warning += r.counts.warning;
      t.info += r.counts.info;
      t.confirmed += r.review.confirmed;
      t.dismissed += r.review.dismissed;
      t.pending += r.review.pending;
    }
    return t;
  }, [reports]);

  if (reports.length === 0) {
    return (
      <Empty className="nb-empty-page" description="还没有可导出的内容，请先导入报告。">
        <Button type="primary" onClick={() => go('import')}>
          去导入
        </Button>
      </Empty>
    );
  }

  return (
    <div className="nb-page-narrow">
      <Typography.Title level={4} className="nb-title">
        导出 Excel 问题清单
      </Typography.Title>
      <Card size="small">
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'r', label: '报告', children: `${reports.length} 份` },
            { key: 'f', label: '问题', children: `错误 ${totals.error}，警告 ${totals.warning}，提示 ${totals.info}` },
            { key: 'd', label: '审查结论', children: `已确认 ${totals.confirmed}，已排除 ${totals.dismissed}，待审查 ${totals.pending}` },
            { key: 's', label: '工作表', children: '汇总 · 问题清单 · 数据 · 规则说明' },
          ]}
        />
        <Typography.Paragraph type="secondary" className="nb-gap-sm">
          “问题清单”逐条列出每个问题的单位、年度、位置、期望值与实际值，并带上审查状态和备注；“数据”汇集各单位三张统计表的全部数值，末行为合计，可直接用于汇总统计。
        </Typography.Paragraph>
        {totals.pending > 0 ? (
          <Alert className="nb-gap-sm" type="info" showIcon title={`还有 ${totals.pending} 个问题尚未审查，导出后在表中显示为“待审查”。`} />
        ) : null}
        <Button
          className="nb-gap"
          type="primary"
          size="large"
          icon={<FileExcelOutlined />}
          loading={busy}
          data-testid="export-button"
          onClick={async () => {
            setBusy(true);
            const r = await run(() => unwrap(api().exportWorkbook()));
            setBusy(false);
            if (r?.path) setSaved(r.path);
          }}
        >
          导出为 Excel…
        </Button>
        {saved ? (
          <Alert className="nb-gap" type="success" showIcon title="已导出" description={<span data-testid="export-path">{saved}</span>} />
        ) : null}
      </Card>
    </div>
  );
}
