/**
 * Findings of one report grouped by section; the selected one is expanded with the decision
 * controls (确认 / 排除 with a note). Keyboard: J next, K previous (outside text fields); the arrows scroll.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Empty, Input, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, UndoOutlined } from '@ant-design/icons';
import type { FindingView, ReviewStatus } from '../../../shared/ipc';
import {
  REVIEW_STATUS_LABELS,
  SECTIONS,
  SECTION_NUMERALS,
  SEVERITIES,
  SEVERITY_LABELS,
  SEVERITY_RANK,
  VERSION_DIFF_LABELS,
} from '../../../core/model/glossary';
import { SeverityTag, StatusTag } from '../labels';

export type FindingFilter = 'all' | 'error' | 'warning' | 'info' | 'pending';

export interface FindingGroup {
  key: string;
  title: string;
  items: FindingView[];
}

const GENERAL = 'general';

/** Groups in document order: 全文 first, then sections 一…六; within a group by severity. */
export function groupFindings(findings: readonly FindingView[]): FindingGroup[] {
  const groups = new Map<string, FindingView[]>();
  for (const f of findings) {
    const key = f.section ?? f.table ?? GENERAL;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const order = [GENERAL, ...SECTIONS.map((s) => s.key)];
  return order
    .filter((k) => groups.has(k))
    .map((k) => {
      const def = SECTIONS.find((s) => s.key === k);
      const title = def ? `${SECTION_NUMERALS[def.number - 1]}、${def.title}` : '标题、开头与全文';
      const items = [...(groups.get(k) ?? [])].sort(
        (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
      );
      return { key: k, title, items };
    });
}

export function matchesFilter(f: FindingView, filter: FindingFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'pending') return f.decision.status === 'pending';
  return f.severity === filter;
}

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target;
  if (!(t instanceof HTMLElement)) return false;
  const tag = t.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t.isContentEditable;
}

interface ItemProps {
  finding: FindingView;
  selected: boolean;
  onSelect: (fp: string) => void;
  onDecide: (fp: string, status: ReviewStatus, note: string) => Promise<void>;
  onOpenRelated?: (finding: FindingView) => void;
  /** Unsaved notes by fingerprint, kept when the reviewer leaves the finding or the report. */
  drafts?: Map<string, string>;
}

const DIFF_COLORS = { persists: 'orange', new: 'magenta', fixed: 'green' } as const;

/**
 * Cross-report rules (other units, other years, the submission itself) run on current versions
 * only, so the replaced version never had their findings: "新出现" would be an artefact there.
 */
function comparableAcrossVersions(ruleId: string): boolean {
  return !/^(corpus|series|submission)\//.test(ruleId);
}

const FindingItem = memo(function FindingItem({
  finding: f,
  selected,
  onSelect,
  onDecide,
  onOpenRelated,
  drafts,
}: ItemProps) {
  const [note, setNoteState] = useState(drafts?.get(f.fingerprint) ?? f.decision.note);
  const [saving, setSaving] = useState<ReviewStatus | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const setNote = (v: string): void => {
    setNoteState(v);
    if (!drafts) return;
    if (v === f.decision.note) drafts.delete(f.fingerprint);
    else drafts.set(f.fingerprint, v);
  };
  useEffect(() => {
    if (!drafts?.has(f.fingerprint)) setNoteState(f.decision.note);
  }, [f.decision.note, f.fingerprint, drafts]);
  const unsaved = note !== f.decision.note;
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const decide = async (status: ReviewStatus): Promise<void> => {
    setSaving(status);
    try {
      drafts?.delete(f.fingerprint);
      await onDecide(f.fingerprint, status, note);
    } finally {
      setSaving(null);
    }
  };

  return (
    <div
      ref={ref}
      className={`nb-finding nb-finding-${f.severity}${selected ? ' nb-finding-selected' : ''} nb-finding-${f.decision.status}`}
      data-testid="finding"
      data-rule={f.ruleId}
      data-fingerprint={f.fingerprint}
      data-status={f.decision.status}
      onClick={() => onSelect(f.fingerprint)}
    >
      <div className="nb-finding-head">
        <SeverityTag severity={f.severity} />
        <span className="nb-finding-title">{f.ruleTitle}</span>
        {f.versionDiff && comparableAcrossVersions(f.ruleId) ? (
          <Tooltip
            title={f.versionDiff === 'new' ? '上一版本没有这个问题' : '上一版本也有这个问题'}
          >
            <Tag
              color={DIFF_COLORS[f.versionDiff]}
              className="nb-tag-tight"
              data-testid="version-diff"
            >
              {VERSION_DIFF_LABELS[f.versionDiff]}
            </Tag>
          </Tooltip>
        ) : null}
        <span className="nb-finding-status">
          <StatusTag status={f.decision.status} />
        </span>
      </div>
      {f.location ? <div className="nb-finding-loc">{f.location}</div> : null}
      <div className="nb-finding-msg">{f.message}</div>
      {f.values ? (
        // A text rule's numbers come from two sides (正文 / 表格, 上年 / 本年): name them, as the workbook does.
        <div className="nb-finding-nums" data-testid="finding-values">
          {f.values.expected !== null ? (
            <span>
              <b>{f.values.expected}</b>
            </span>
          ) : null}
          {f.values.actual !== null ? (
            <span>
              {f.values.percent ? '相似度 ' : ''}
              <b>{f.values.actual}</b>
            </span>
          ) : null}
        </div>
      ) : f.table && (f.expected !== undefined || f.actual !== undefined) ? (
        <div className="nb-finding-nums">
          {f.expected !== undefined ? (
            <span>
              应为 <b>{f.expected}</b>
            </span>
          ) : null}
          {f.actual !== undefined ? (
            <span>
              实为 <b>{f.actual}</b>
            </span>
          ) : null}
        </div>
      ) : null}
      {!selected && unsaved ? (
        <div className="nb-finding-note nb-finding-draft" data-testid="note-draft">
          备注未保存：{note || '（已清空）'}
        </div>
      ) : !selected && f.decision.note ? (
        <div className="nb-finding-note">备注：{f.decision.note}</div>
      ) : null}
      {f.carried ? (
        <div className="nb-finding-carried" data-testid="carried">
          沿用上一版本的结论：{REVIEW_STATUS_LABELS[f.carried.status]}
          {f.carried.note ? ` · 备注：${f.carried.note}` : ''}
          {f.carried.fromFile ? `（来自 ${f.carried.fromFile}）` : ''}
          {selected ? (
            <a
              className="nb-carried-adopt"
              onClick={(e) => {
                e.stopPropagation();
                const c = f.carried;
                if (c) void onDecide(f.fingerprint, c.status, c.note);
              }}
            >
              采用为本版本的结论
            </a>
          ) : null}
        </div>
      ) : null}
      {f.relatedReport && onOpenRelated ? (
        <a
          className="nb-finding-related"
          onClick={(e) => {
            e.stopPropagation();
            onOpenRelated(f);
          }}
        >
          {f.ruleId.startsWith('series/') ? '打开年度对比' : '打开相关报告'}
        </a>
      ) : null}
      {selected ? (
        <div className="nb-finding-decide" onClick={(e) => e.stopPropagation()}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="备注（可选）：例如排除的理由、已与单位核实的情况"
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={4000}
            data-testid="decision-note"
          />
          <Space size={8} className="nb-finding-buttons">
            <Button
              size="small"
              type={f.decision.status === 'confirmed' ? 'primary' : 'default'}
              danger
              icon={<CheckOutlined />}
              loading={saving === 'confirmed'}
              onClick={() => void decide('confirmed')}
              data-testid="decide-confirm"
            >
              确认问题
            </Button>
            <Button
              size="small"
              type={f.decision.status === 'dismissed' ? 'primary' : 'default'}
              icon={<CloseOutlined />}
              loading={saving === 'dismissed'}
              onClick={() => void decide('dismissed')}
              data-testid="decide-dismiss"
            >
              排除（误报）
            </Button>
            {f.decision.status !== 'pending' ? (
              <Tooltip title="撤销结论，恢复为待审查">
                <Button
                  size="small"
                  type="text"
                  icon={<UndoOutlined />}
                  loading={saving === 'pending'}
                  onClick={() => void decide('pending')}
                  data-testid="decide-reset"
                >
                  恢复待审
                </Button>
              </Tooltip>
            ) : null}
          </Space>
        </div>
      ) : null}
    </div>
  );
});

export interface FindingListProps {
  findings: readonly FindingView[];
  selected: string | null;
  onSelect: (fingerprint: string) => void;
  onDecide: (fingerprint: string, status: ReviewStatus, note: string) => Promise<void>;
  /** Series findings open the year comparison, corpus findings the other agency's report. */
  onOpenRelated?: (finding: FindingView) => void;
  drafts?: Map<string, string>;
}

export function FindingList({
  findings,
  selected,
  onSelect,
  onDecide,
  onOpenRelated,
  drafts,
}: FindingListProps): React.JSX.Element {
  const [filter, setFilter] = useState<FindingFilter>('all');
  const visible = useMemo(
    () => findings.filter((f) => matchesFilter(f, filter)),
    [findings, filter],
  );
  const groups = useMemo(() => groupFindings(visible), [visible]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);

  const flatRef = useRef(flat);
  flatRef.current = flat;
  const selRef = useRef(selected);
  selRef.current = selected;

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key;
      // J/K only: the arrow keys keep their usual job of scrolling whatever has the focus (the
      // document, the list), so a reviewer can read a long report with the keyboard.
      const next = k === 'j' || k === 'J';
      const prev = k === 'k' || k === 'K';
      if (!next && !prev) return;
      const list = flatRef.current;
      if (list.length === 0) return;
      e.preventDefault();
      const i = list.findIndex((f) => f.fingerprint === selRef.current);
      const j = i < 0 ? 0 : next ? Math.min(list.length - 1, i + 1) : Math.max(0, i - 1);
      const target = list[j];
      if (target) onSelect(target.fingerprint);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSelect]);

  const count = (fl: FindingFilter): number => findings.filter((f) => matchesFilter(f, fl)).length;

  return (
    <div className="nb-findings" data-testid="finding-list">
      <div className="nb-findings-bar">
        <Segmented<FindingFilter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部 ${findings.length}` },
            ...SEVERITIES.map((s) => ({ value: s, label: `${SEVERITY_LABELS[s]} ${count(s)}` })),
            {
              value: 'pending',
              label: `${REVIEW_STATUS_LABELS.pending} ${count('pending')}`,
            },
          ]}
        />
        <Typography.Text type="secondary" className="nb-keys">
          {'J 下一条\u3000K 上一条\u3000↑↓ 滚动'}
        </Typography.Text>
      </div>
      <div className="nb-findings-scroll" tabIndex={0} aria-label="问题列表">
        {groups.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={findings.length === 0 ? '这份报告没有发现问题' : '没有符合筛选条件的问题'}
          />
        ) : (
          groups.map((g) => (
            <section key={g.key} className="nb-group">
              <div className="nb-group-title">
                {g.title}
                <span className="nb-group-count">{g.items.length}</span>
              </div>
              {g.items.map((f, i) => (
                <FindingItem
                  key={`${f.fingerprint}#${i}`}
                  finding={f}
                  selected={f.fingerprint === selected}
                  onSelect={onSelect}
                  onDecide={onDecide}
                  onOpenRelated={onOpenRelated}
                  drafts={drafts}
                />
              ))}
            </section>
          ))
        )}
      </div>
    </div>
  );
}
