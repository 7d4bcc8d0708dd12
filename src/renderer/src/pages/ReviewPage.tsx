/**
 * 审查: the original document on the left, findings grouped by section on the right. Clicking a
 * finding highlights its cell or sentence; J/K move between findings; 确认 / 排除 with a note.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Empty, Select, Space, Spin, Splitter, Tag, Typography, Collapse } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { FindingView, ReportDetail, ReviewStatus } from '../../../shared/ipc';
import type { SourcePos } from '../../../core/model/types';
import { TEMPLATE_LABELS } from '../../../core/model/glossary';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { DocumentView } from '../components/DocumentView';
import { PdfView } from '../components/PdfView';
import { FindingList } from '../components/FindingList';
import { StatusTag, formatTime } from '../labels';
import { agencyOf } from './OverviewPage';

/** Where to point for a finding without its own pos: its table, else its section heading. */
function targetPos(detail: ReportDetail, f: FindingView): SourcePos | undefined {
  if (f.pos) return f.pos;
  if (f.table) {
    const p = detail.model.tablePos[f.table];
    // The whole position: a PDF's carries the page and box of the table.
    if (p) return p;
  }
  if (f.section) {
    const s = detail.model.sections.find((x) => x.key === f.section);
    if (s?.heading) return s.heading.pos;
  }
  return undefined;
}

function reportLabel(r: { agency: string | null; year: number | null; fileName: string }): string {
  return `${r.agency ?? '（未识别单位）'} · ${r.year ?? '年度不详'}`;
}

export function ReviewPage(): React.JSX.Element {
  const { reports, reportId, openReport, openCompare, run, refresh, version, go } = useStore();
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);

  const id = reportId ?? reports[0]?.id ?? null;

  useEffect(() => {
    if (!id) return;
    let live = true;
    setLoading(true);
    performance.mark(`nb-open-start:${id}`);
    void run(() => unwrap(api().getReport({ id }))).then((d) => {
      if (!live) return;
      setLoading(false);
      if (d) {
        setDetail(d);
        setSelected((cur) => (d.findings.some((f) => f.fingerprint === cur) ? cur : null));
      }
    });
    return () => {
      live = false;
    };
    // version: refetch when the workspace changed (re-import, settings) behind our back.
  }, [id, run, version]);

  useEffect(() => {
    setSelected(null);
  }, [id]);

  // Mark the moment the document is on screen (for the open-report timing in the browser tests).
  useEffect(() => {
    if (detail && detail.summary.id === id) {
      requestAnimationFrame(() => {
        document.body.dataset.nbOpened = detail.summary.id;
        performance.mark(`nb-open-end:${detail.summary.id}`);
      });
    }
  }, [detail, id]);

  const onSelect = useCallback((fp: string) => {
    setSelected(fp);
    setNonce((n) => n + 1);
  }, []);

  const onDecide = useCallback(
    async (fingerprint: string, status: ReviewStatus, note: string) => {
      const d = await run(() => unwrap(api().decide({ fingerprint, status, note })));
      if (!d) return;
      setDetail((cur) => (cur ? { ...cur, findings: cur.findings.map((f) => (f.fingerprint === fingerprint ? { ...f, decision: d } : f)) } : cur));
      void refresh(false);
    },
    [run, refresh],
  );

  const onOpenRelated = useCallback(
    (f: FindingView) => {
      if (!f.relatedReport || !detail) return;
      if (f.ruleId.startsWith('series/')) openCompare({ reportIds: [f.relatedReport, detail.summary.id] });
      else openReport(f.relatedReport);
    },
    [detail, openCompare, openReport],
  );

  const target = useMemo(() => {
    if (!detail || !selected) return null;
    const f = detail.findings.find((x) => x.fingerprint === selected);
    if (!f) return null;
    const pos = targetPos(detail, f);
    if (!pos) return null;
    return f.pos ? { pos, quote: f.quote, nonce } : { pos, nonce };
  }, [detail, selected, nonce]);

  const decor = useMemo(() => {
    if (!detail) return { title: [], headings: [] };
    const m = detail.model;
    const title: number[] = [];
    if (m.titlePos) {
      title.push(m.titlePos.block);
      // A title over two lines ("某某局" / "2023年…年度报告") spans the next block too.
      const first = m.paragraphs.find((p) => p.pos.block === m.titlePos?.block);
      const next = m.paragraphs.find((p) => p.pos.block === (m.titlePos?.block ?? -1) + 1);
      if (first && next && m.title && m.title.length > first.text.trim().length && m.title.includes(next.text.trim())) title.push(next.pos.block);
    }
    return { title, headings: m.headingsInOrder.map((h) => h.pos.block) };
  }, [detail]);

  const sorted = useMemo(
    () => [...reports].sort((a, b) => agencyOf(a).localeCompare(agencyOf(b), 'zh-CN') || (a.year ?? 0) - (b.year ?? 0)),
    [reports],
  );
  const idx = sorted.findIndex((r) => r.id === id);

  if (!id) {
    return (
      <Empty className="nb-empty-page" description="还没有可审查的报告。请先在“导入”页导入报告，或在“总览”中选择一份。">
        <Button type="primary" onClick={() => go('import')}>
          去导入
        </Button>
      </Empty>
    );
  }

  const selectedFinding = detail?.findings.find((f) => f.fingerprint === selected);
  const summary = detail?.summary;

  return (
    <div className="nb-review">
      <div className="nb-review-bar">
        <Space size={8}>
          <Button size="small" icon={<LeftOutlined />} disabled={idx <= 0} onClick={() => openReport((sorted[idx - 1] as (typeof sorted)[number]).id)} title="上一份报告" />
          <Select
            size="middle"
            style={{ width: 360 }}
            value={id}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => openReport(v)}
            options={sorted.map((r) => ({ value: r.id, label: reportLabel(r) }))}
            data-testid="report-select"
          />
          <Button size="small" icon={<RightOutlined />} disabled={idx < 0 || idx >= sorted.length - 1} onClick={() => openReport((sorted[idx + 1] as (typeof sorted)[number]).id)} title="下一份报告" />
        </Space>
        {summary ? (
          <Space size={12} className="nb-review-meta" wrap>
            {summary.template === '2021' ? <Tag>{TEMPLATE_LABELS[summary.template]}</Tag> : <Tag color="error">{TEMPLATE_LABELS[summary.template]}</Tag>}
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }} title={summary.file}>
              {summary.fileName}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="review-progress">
              已审查 {detail ? detail.findings.filter((f) => f.decision.status !== 'pending').length : 0}/{detail?.findings.length ?? 0}
            </Typography.Text>
          </Space>
        ) : null}
      </div>
      {detail && detail.notes.length > 0 ? <Alert className="nb-gap-sm" type="info" showIcon title={detail.notes.join('；')} /> : null}
      <Spin spinning={loading} delay={150} wrapperClassName="nb-review-spin">
        {detail ? (
          <Splitter className="nb-review-split">
            <Splitter.Panel defaultSize="58%" min="30%" className="nb-panel">
              <div className="nb-panel-title">
                原文
                {selectedFinding && !targetPos(detail, selectedFinding) ? (
                  <Typography.Text type="secondary" className="nb-panel-hint">该问题没有对应的原文位置</Typography.Text>
                ) : !selectedFinding && detail.findings.length > 0 ? (
                  <Typography.Text type="secondary" className="nb-panel-hint">点击右侧的问题，原文中对应的单元格或文字会以黄色标出</Typography.Text>
                ) : null}
              </div>
              {detail.summary.format === 'pdf' ? (
                <PdfView reportId={detail.summary.id} target={target} />
              ) : (
                <DocumentView html={detail.html} target={target} titleBlocks={decor.title} headingBlocks={decor.headings} />
              )}
            </Splitter.Panel>
            <Splitter.Panel min="28%" className="nb-panel">
              <div className="nb-panel-title">发现的问题</div>
              <FindingList findings={detail.findings} selected={selected} onSelect={onSelect} onDecide={onDecide} onOpenRelated={onOpenRelated} />
              {detail.resolvedDecisions.length > 0 ? (
                <Collapse
                  size="small"
                  className="nb-resolved"
                  items={[
                    {
                      key: 'r',
                      label: `已不再出现的问题的审查结论（${detail.resolvedDecisions.length}）`,
                      children: detail.resolvedDecisions.map((r) => (
                        <div key={r.fingerprint} className="nb-resolved-item">
                          <Space size={6}>
                            <StatusTag status={r.status} />
                            <b>{r.ruleTitle}</b>
                            <Typography.Text type="secondary">{r.lastLocation}</Typography.Text>
                          </Space>
                          <div>{r.lastMessage}</div>
                          {r.note ? <div className="nb-finding-note">备注：{r.note}</div> : null}
                          <Typography.Text type="secondary">{formatTime(r.updatedAt)}</Typography.Text>
                        </div>
                      )),
                    },
                  ]}
                />
              ) : null}
            </Splitter.Panel>
          </Splitter>
        ) : (
          <div style={{ height: 300 }} />
        )}
      </Spin>
    </div>
  );
}
