/**
 * 审查: the original document on the left, findings grouped by section on the right. Clicking a
 * finding highlights its cell or sentence; J/K move between findings; 确认 / 排除 with a note, then
 * on to the next pending finding. Reports follow 总览's filtered, sorted list. Above the document,
 * the versions of the unit's submission for the year (设为当前版本, 与当前版本对比), and below the
 * findings what the new version fixed (已整改).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Empty,
  Select,
  Space,
  Spin,
  Splitter,
  Tag,
  Typography,
  Collapse,
} from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { FindingView, ReportDetail, ReportSummary, ReviewStatus } from '../../../shared/ipc';
import type { SourcePos } from '../../../core/model/types';
import { TEMPLATE_LABELS, VERSION_DIFF_LABELS } from '../../../core/model/glossary';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { DocumentView } from '../components/DocumentView';
import { PdfView } from '../components/PdfView';
import { FindingList, groupFindings } from '../components/FindingList';
import { VersionBar, hasVersionChoice } from '../components/VersionBar';
import { SeverityTag, StatusTag, formatTime } from '../labels';
import { VersionBadge, unitLabel } from './OverviewPage';
import { MiddleEllipsis } from '../components/MiddleEllipsis';

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

function reportLabel(r: ReportSummary): string {
  const version = r.duplicateOf
    ? ' · 重复文件'
    : !r.current
      ? ' · 其他版本'
      : r.versionCount > 1
        ? ' · 当前版本'
        : '';
  return `${unitLabel(r)} · ${r.year ?? '年度不详'}${version}`;
}

export function ReviewPage(): React.JSX.Element {
  const {
    reports,
    reportId,
    reviewOrder,
    noteDrafts,
    openReport,
    openCompare,
    run,
    refresh,
    version,
    go,
  } = useStore();
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
      setDetail((cur) => {
        if (!cur) return cur;
        const findings = cur.findings.map((f) =>
          f.fingerprint === fingerprint ? { ...f, decision: d, carried: undefined } : f,
        );
        if (status !== 'pending') {
          // On to the next pending finding in list order (wrapping), as a reviewer works down the list.
          const flat = groupFindings(findings).flatMap((g) => g.items);
          const at = flat.findIndex((f) => f.fingerprint === fingerprint);
          const after = [...flat.slice(at + 1), ...flat.slice(0, Math.max(0, at))];
          const next = after.find((f) => f.decision.status === 'pending');
          if (next) {
            setSelected(next.fingerprint);
            setNonce((n) => n + 1);
          }
        }
        return { ...cur, findings };
      });
      void refresh(false);
    },
    [run, refresh],
  );

  const onChoose = useCallback(
    async (chosen: string) => {
      const info = detail?.versions;
      if (!info) return;
      const s = await run(() =>
        unwrap(api().chooseVersion({ submissionKey: info.submissionKey, reportId: chosen })),
      );
      if (s) await refresh();
    },
    [detail, run, refresh],
  );

  const onOpenRelated = useCallback(
    (f: FindingView) => {
      if (!f.relatedReport || !detail) return;
      if (f.ruleId.startsWith('series/'))
        openCompare({ reportIds: [f.relatedReport, detail.summary.id] });
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
      if (
        first &&
        next &&
        m.title &&
        m.title.length > first.text.trim().length &&
        m.title.includes(next.text.trim())
      )
        title.push(next.pos.block);
    }
    return { title, headings: m.headingsInOrder.map((h) => h.pos.block) };
  }, [detail]);

  // Every report, by unit and year (the picker); 上一份/下一份 follow 总览's filtered, sorted list when
  // the report on screen is in it, else this list.
  const byUnit = useMemo(
    () =>
      [...reports].sort(
        (a, b) =>
          unitLabel(a).localeCompare(unitLabel(b), 'zh-CN') || (a.year ?? 0) - (b.year ?? 0),
      ),
    [reports],
  );
  const fromOverview = useMemo(() => {
    const byId = new Map(reports.map((r) => [r.id, r]));
    return (reviewOrder ?? []).map((x) => byId.get(x)).filter((r): r is ReportSummary => !!r);
  }, [reports, reviewOrder]);
  const inOverviewOrder = fromOverview.some((r) => r.id === id);
  const sorted = inOverviewOrder ? fromOverview : byUnit;
  const idx = sorted.findIndex((r) => r.id === id);
  const unsaved = detail ? detail.findings.filter((f) => noteDrafts.has(f.fingerprint)).length : 0;

  if (!id) {
    return (
      <Empty
        className="nb-empty-page"
        description="还没有可审查的报告。请先在“导入”页导入报告，或在“总览”中选择一份。"
      >
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
          <Button
            size="small"
            icon={<LeftOutlined />}
            disabled={idx <= 0}
            onClick={() => {
              const r = sorted[idx - 1];
              if (r) openReport(r.id);
            }}
            title="上一份报告"
          />
          <Select
            size="middle"
            style={{ width: 360 }}
            value={id}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => openReport(v)}
            options={byUnit.map((r) => ({ value: r.id, label: reportLabel(r) }))}
            data-testid="report-select"
          />
          <Button
            size="small"
            icon={<RightOutlined />}
            disabled={idx < 0 || idx >= sorted.length - 1}
            onClick={() => {
              const r = sorted[idx + 1];
              if (r) openReport(r.id);
            }}
            title="下一份报告"
          />
          <Typography.Text type="secondary" data-testid="review-position">
            <span
              title={
                inOverviewOrder
                  ? '上一份/下一份按总览中筛选和排序后的列表'
                  : '上一份/下一份按单位和年度'
              }
            >
              {idx + 1} / {sorted.length}
              {inOverviewOrder ? ' · 按总览顺序' : ''}
            </span>
          </Typography.Text>
        </Space>
        {summary ? (
          <Space size={12} className="nb-review-meta" wrap>
            {summary.template === '2021' ? (
              <Tag>{TEMPLATE_LABELS[summary.template]}</Tag>
            ) : (
              <Tag color="error">{TEMPLATE_LABELS[summary.template]}</Tag>
            )}
            <span style={{ maxWidth: 260, display: 'inline-flex' }} title={summary.file}>
              <MiddleEllipsis text={summary.fileName} className="nb-muted" />
            </span>
            <VersionBadge r={summary} reports={reports} />
            {unsaved ? (
              <Typography.Text type="warning" data-testid="unsaved-notes">
                {unsaved} 条备注未保存
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary" data-testid="review-progress">
              已审查{' '}
              {detail ? detail.findings.filter((f) => f.decision.status !== 'pending').length : 0}/
              {detail?.findings.length ?? 0}
            </Typography.Text>
          </Space>
        ) : null}
      </div>
      {detail && detail.summary.id === id && hasVersionChoice(detail.versions) ? (
        <VersionBar
          info={detail.versions}
          viewing={detail.summary.id}
          onOpen={(v) => openReport(v)}
          onChoose={onChoose}
          onCompare={(v, cur) => openCompare({ reportIds: [v, cur] })}
        />
      ) : null}
      {detail && detail.notes.length > 0 ? (
        <Alert className="nb-gap-sm" type="info" showIcon title={detail.notes.join('；')} />
      ) : null}
      <Spin spinning={loading} delay={150} wrapperClassName="nb-review-spin">
        {detail ? (
          <Splitter className="nb-review-split">
            <Splitter.Panel defaultSize="58%" min="30%" className="nb-panel">
              <div className="nb-panel-title">
                原文
                {selectedFinding && !targetPos(detail, selectedFinding) ? (
                  <Typography.Text type="secondary" className="nb-panel-hint">
                    该问题没有对应的原文位置
                  </Typography.Text>
                ) : !selectedFinding && detail.findings.length > 0 ? (
                  <Typography.Text type="secondary" className="nb-panel-hint">
                    点击右侧的问题，原文中对应的单元格或文字会以黄色标出
                  </Typography.Text>
                ) : null}
              </div>
              {detail.summary.format === 'pdf' ? (
                <PdfView reportId={detail.summary.id} target={target} />
              ) : (
                <DocumentView
                  html={detail.html}
                  target={target}
                  titleBlocks={decor.title}
                  headingBlocks={decor.headings}
                />
              )}
            </Splitter.Panel>
            <Splitter.Panel min="28%" className="nb-panel">
              <div className="nb-panel-title">发现的问题</div>
              <FindingList
                key={detail.summary.id}
                findings={detail.findings}
                selected={selected}
                onSelect={onSelect}
                onDecide={onDecide}
                onOpenRelated={onOpenRelated}
                drafts={noteDrafts}
              />
              {detail.versions && detail.versions.fixed.length > 0 ? (
                <Collapse
                  size="small"
                  className="nb-resolved"
                  data-testid="fixed-list"
                  items={[
                    {
                      key: 'fixed',
                      label: `${VERSION_DIFF_LABELS.fixed} ${detail.versions.fixed.length} 项：上一版本的这些问题在本版本中已不再出现`,
                      children: [
                        <Typography.Text key="from" type="secondary" className="nb-fixed-from">
                          上一版本：{detail.versions.previousFile ?? ''}
                        </Typography.Text>,
                        ...detail.versions.fixed.map((f) => (
                          <div
                            key={f.fingerprint}
                            className="nb-fixed-item"
                            data-testid="fixed-item"
                          >
                            <Space size={6}>
                              <SeverityTag severity={f.severity} />
                              <b>{f.ruleTitle}</b>
                              <Typography.Text type="secondary">{f.location}</Typography.Text>
                              {f.decision.status !== 'pending' ? (
                                <StatusTag status={f.decision.status} />
                              ) : null}
                            </Space>
                            <div>{f.message}</div>
                          </div>
                        )),
                      ],
                    },
                  ]}
                />
              ) : null}
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
                          <Typography.Text type="secondary">
                            {formatTime(r.updatedAt)}
                          </Typography.Text>
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
