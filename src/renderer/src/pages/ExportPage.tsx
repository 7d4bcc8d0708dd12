/**
 * 导出: the findings workbook (汇总, 问题清单, 数据, 规则说明, 指标) carrying the review decisions and
 * notes, and beside it the office's documents: the feedback letters (one per unit with confirmed
 * problems, or all in one file) and the briefing (年报审查情况通报).
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Radio, Space, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { api, unwrap } from '../api';
import { useStore } from '../store';

export function ExportPage(): React.JSX.Element {
  const { reports, run, go } = useStore();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [oneFile, setOneFile] = useState(false);
  const [includePending, setIncludePending] = useState(false);
  const [docBusy, setDocBusy] = useState<'letters' | 'briefing' | null>(null);
  const [lettersDone, setLettersDone] = useState<string | null>(null);
  const [briefingDone, setBriefingDone] = useState<string | null>(null);

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
        导出
      </Typography.Title>
      <Card size="small">
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'r', label: '报告', children: `${reports.length} 份` },
            {
              key: 'f',
              label: '问题',
              children: `错误 ${totals.error}，警告 ${totals.warning}，提示 ${totals.info}`,
            },
            {
              key: 'd',
              label: '审查结论',
              children: `已确认 ${totals.confirmed}，已排除 ${totals.dismissed}，待审查 ${totals.pending}`,
            },
            { key: 's', label: '工作表', children: '汇总 · 问题清单 · 数据 · 规则说明 · 指标' },
          ]}
        />
        <Typography.Paragraph type="secondary" className="nb-gap-sm">
          “问题清单”逐条列出每个问题的单位、年度、位置、期望值与实际值，并带上审查状态和备注；“数据”汇集各单位三张统计表的全部数值，末行为合计，可直接用于汇总统计。
        </Typography.Paragraph>
        {totals.pending > 0 ? (
          <Alert
            className="nb-gap-sm"
            type="info"
            showIcon
            title={`还有 ${totals.pending} 个问题尚未审查，导出后在表中显示为“待审查”。`}
          />
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
          <Alert
            className="nb-gap"
            type="success"
            showIcon
            title="已导出"
            description={<span data-testid="export-path">{saved}</span>}
          />
        ) : null}
      </Card>
      <Card
        size="small"
        className="nb-gap"
        title="审查意见与情况通报（Word）"
        data-testid="documents-card"
      >
        <Typography.Paragraph type="secondary">
          审查意见：每个有问题的单位一份，按报告的六个部分列出问题的位置、说明和审查备注，并提出整改期限。情况通报：报送情况、问题分类、各单位问题排名、典型问题、主要指标和统计图。默认只列入“已确认”的问题，“已排除”的问题从不列入。发文机关、标题、期限等在“设置”中修改。
        </Typography.Paragraph>
        <Space orientation="vertical" size={8}>
          <Checkbox
            checked={includePending}
            onChange={(e) => setIncludePending(e.target.checked)}
            data-testid="include-pending"
          >
            同时列入尚未审查的错误和警告（标注“待核实”）
          </Checkbox>
          <Radio.Group
            value={oneFile}
            onChange={(e) => setOneFile(e.target.value === true)}
            data-testid="letters-mode"
          >
            <Radio value={false}>每个单位一个文件（选择文件夹）</Radio>
            <Radio value={true}>全部合并为一个文件（分页）</Radio>
          </Radio.Group>
          <Space>
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              loading={docBusy === 'letters'}
              disabled={docBusy !== null}
              data-testid="export-letters"
              onClick={async () => {
                setDocBusy('letters');
                const r = await run(() => unwrap(api().exportLetters({ oneFile, includePending })));
                setDocBusy(null);
                if (r?.path) {
                  setLettersDone(
                    oneFile
                      ? `${r.letters} 个单位的审查意见已写入 ${r.path}`
                      : `已写入 ${r.written} 份审查意见到 ${r.path}${r.kept ? `；保留已有文件 ${r.kept} 份` : ''}`,
                  );
                }
              }}
            >
              导出审查意见…
            </Button>
            <Button
              icon={<FileWordOutlined />}
              loading={docBusy === 'briefing'}
              disabled={docBusy !== null}
              data-testid="export-briefing"
              onClick={async () => {
                setDocBusy('briefing');
                const r = await run(() => unwrap(api().exportBriefing({ includePending })));
                setDocBusy(null);
                if (r?.path) setBriefingDone(r.path);
              }}
            >
              导出情况通报…
            </Button>
          </Space>
        </Space>
        {totals.confirmed === 0 && !includePending ? (
          <Alert
            className="nb-gap-sm"
            type="info"
            showIcon
            title="还没有已确认的问题：请先在“审查”中确认问题，或勾选“同时列入尚未审查的错误和警告”。"
          />
        ) : null}
        {lettersDone ? (
          <Alert
            className="nb-gap-sm"
            type="success"
            showIcon
            title="审查意见已导出"
            description={<span data-testid="letters-path">{lettersDone}</span>}
          />
        ) : null}
        {briefingDone ? (
          <Alert
            className="nb-gap-sm"
            type="success"
            showIcon
            title="情况通报已导出"
            description={<span data-testid="briefing-path">{briefingDone}</span>}
          />
        ) : null}
      </Card>
    </div>
  );
}
