/**
 * 年度对比: two years of one agency side by side. The three tables cell by cell (changed cells
 * marked, cross-year findings attached to their cells) and the six sections aligned with their
 * similarity and a character diff.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Card, Collapse, Empty, Select, Space, Tabs, Tag, Tooltip, Typography, Button } from 'antd';
import { SwapRightOutlined } from '@ant-design/icons';
import type { Comparison, FindingView, SeriesEntry } from '../../../shared/ipc';
import type { CellValue, ReportModel } from '../../../core/model/types';
import {
  SECTIONS,
  SECTION_NUMERALS,
  SEVERITY_LABELS,
  TABLE_KEYS,
  TABLE_LABELS,
  TEMPLATE_LABELS,
  type TableKey,
} from '../../../core/model/glossary';
import {
  GRID_COLUMNS,
  columnLabel,
  rowLabel,
  tableRowDefs,
  type RowDef,
} from '../../../core/model/cells';
import { api, unwrap } from '../api';
import { useStore } from '../store';
import { diffText, type DiffPart } from '../lib/diff';
import { SEVERITIES } from '../../../core/model/glossary';
import { SEVERITY_COLORS, SeverityTag, StatusTag } from '../labels';

interface CmpCell {
  /** Column key, as findings name it. */
  key: string;
  a: CellValue | undefined;
  b: CellValue | undefined;
}
interface CmpRow {
  key: string;
  label: string;
  cells: CmpCell[];
  /** colSpan for single-value rows spanning the value columns. */
  span?: number;
}
interface CmpTable {
  key: TableKey;
  columns: string[];
  rows: CmpRow[];
}

/**
 * The label column: the row's name; a single-value row of table 二 also says what its one value is
 * (本年处理决定数量), the fee row only its unit since the full column label is long.
 */
function compareRowLabel(r: RowDef): string {
  const name = rowLabel(r.table, r.row);
  const cell = r.cells[0];
  if (!r.single || !cell) return name;
  return `${name}（${cell.kind === 'amount' ? '万元' : columnLabel(r.table, cell.column)}）`;
}

function buildTables(a: ReportModel, b: ReportModel): CmpTable[] {
  return TABLE_KEYS.map((table) => {
    const columns = GRID_COLUMNS[table];
    return {
      key: table,
      columns: columns.map((c) => columnLabel(table, c)),
      rows: tableRowDefs(table).map((r) => ({
        key: r.row,
        label: compareRowLabel(r),
        // A single-value row spans the value columns.
        ...(r.single ? { span: columns.length } : {}),
        cells: r.cells.map((c) => ({ key: c.column, a: c.get(a.tables), b: c.get(b.tables) })),
      })),
    };
  });
}

function show(v: CellValue | undefined): string {
  if (!v || v.missing) return '—';
  if (v.value === null) return v.raw || '空';
  return String(v.value);
}

function changed(c: CmpCell): boolean {
  const va = c.a && !c.a.missing ? c.a.value : undefined;
  const vb = c.b && !c.b.missing ? c.b.value : undefined;
  return (va ?? null) !== (vb ?? null);
}

function findingsFor(
  findings: readonly FindingView[],
  table: TableKey,
  row: string,
  column: string,
): FindingView[] {
  return findings.filter(
    (f) => f.table === table && f.row === row && (f.column === undefined || f.column === column),
  );
}

function CompareTable({
  t,
  findings,
  yearA,
  yearB,
}: {
  t: CmpTable;
  findings: readonly FindingView[];
  yearA: string;
  yearB: string;
}): React.JSX.Element {
  const changedCount = t.rows.reduce((n, r) => n + r.cells.filter(changed).length, 0);
  return (
    <div className="nb-cmp-block">
      <div className="nb-cmp-caption">
        <b>{TABLE_LABELS[t.key]}</b>
        <Typography.Text type="secondary">
          {/^\d+$/.test(yearA)
            ? changedCount
              ? `与上年相比有 ${changedCount} 个数值变化，黄色单元格显示为“${yearA} 年值 → ${yearB} 年值”`
              : `所有数值与 ${yearA} 年度相同`
            : changedCount
              ? `两个版本之间有 ${changedCount} 个数值不同，黄色单元格显示为“${yearA}的值 → ${yearB}的值”`
              : '两个版本的数值完全相同'}
          ；红框为跨年度检查发现问题的单元格
        </Typography.Text>
      </div>
      <table className={`nb-cmp-table nb-cmp-${t.key}`} data-testid={`cmp-table-${t.key}`}>
        <thead>
          <tr>
            <th className="nb-cmp-label">项目</th>
            {t.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r) => (
            <tr key={r.key}>
              <td className="nb-cmp-label" title={r.label}>
                {r.label}
              </td>
              {r.cells.map((c) => {
                const ch = changed(c);
                const fs = findingsFor(findings, t.key, r.key, c.key);
                const cls = `${ch ? 'nb-cmp-changed' : ''}${fs.length ? ' nb-cmp-flagged' : ''}`;
                const body = ch ? (
                  <>
                    <span className="nb-cmp-old">{show(c.a)}</span>
                    <span className="nb-cmp-arrow">→</span>
                    <span className="nb-cmp-new">{show(c.b)}</span>
                  </>
                ) : (
                  <span>{show(c.b)}</span>
                );
                return (
                  <td
                    key={c.key}
                    colSpan={r.span}
                    className={cls}
                    data-cell={`${r.key}:${c.key}`}
                    data-changed={ch ? '1' : '0'}
                  >
                    {fs.length ? (
                      <Tooltip title={fs.map((f) => f.message).join('\n')}>{body}</Tooltip>
                    ) : (
                      body
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const TABLE_SECTIONS: ReadonlySet<string> = new Set(TABLE_KEYS);

function sectionText(m: ReportModel, key: string): string {
  return (m.sections.find((s) => s.key === key)?.paragraphs ?? []).map((p) => p.text).join('\n');
}

function diffStats(parts: readonly DiffPart[], a: string, b: string): number {
  const strip = (s: string): number => Array.from(s.replace(/\s+/g, '')).length;
  const la = strip(a);
  const lb = strip(b);
  if (la + lb === 0) return 1;
  const common = parts.filter((p) => p.op === 'equal').reduce((n, p) => n + strip(p.text), 0);
  return (2 * common) / (la + lb);
}

function DiffSide({
  parts,
  side,
}: {
  parts: readonly DiffPart[];
  side: 'a' | 'b';
}): React.JSX.Element {
  return (
    <div className="nb-diff-text">
      {parts.map((p, i) => {
        if (p.op === 'equal') return <span key={i}>{p.text}</span>;
        if (p.op === 'removed' && side === 'a') return <del key={i}>{p.text}</del>;
        if (p.op === 'added' && side === 'b') return <ins key={i}>{p.text}</ins>;
        return null;
      })}
    </div>
  );
}

/**
 * A neutral figure: how much of the text the two years share. Whether that is a problem is a
 * rule's call (series/repeated-problems for section 五), shown in the box of cross-year findings
 * and as a severity tag beside the section — the figure itself never judges, so the page speaks
 * with one voice.
 */
function SimilarityTag({ value }: { value: number }): React.JSX.Element {
  const pct = Math.round(value * 100);
  return (
    <Tag variant="filled" data-testid="similarity">
      与上年相同文字 {pct}%
    </Tag>
  );
}

function Sections({ cmp }: { cmp: Comparison }): React.JSX.Element {
  const rows = useMemo(
    () =>
      SECTIONS.map((s) => {
        const a = sectionText(cmp.earlier.model, s.key);
        const b = sectionText(cmp.later.model, s.key);
        const parts = diffText(a, b);
        return { s, a, b, parts, sim: diffStats(parts, a, b) };
      }),
    [cmp],
  );
  const ya = cmp.earlier.summary.year ?? '';
  const yb = cmp.later.summary.year ?? '';
  // Open section 一 (the comparison visible at once) and every section a finding points at — not the
  // sections that happen to be similar, which would be a verdict of its own.
  const withFindings = rows
    .filter((r) => cmp.findings.some((f) => (f.section ?? f.table) === r.s.key) && (r.a || r.b))
    .map((r) => r.s.key);
  return (
    <>
      <Typography.Paragraph type="secondary" className="nb-gap-sm" data-testid="similarity-note">
        “与上年相同文字”只是两年正文的重合比例，供对照参考，不代表存在问题；是否照抄上年等问题以上方“跨年度检查发现的问题”为准。
      </Typography.Paragraph>
      <Collapse
        size="small"
        defaultActiveKey={[...new Set(['overview', ...withFindings])]}
        items={rows.map((r) => ({
          key: r.s.key,
          label: (
            <Space size={8}>
              <b>
                {SECTION_NUMERALS[r.s.number - 1]}、{r.s.title}
              </b>
              {r.a || r.b ? (
                <SimilarityTag value={r.sim} />
              ) : (
                <Typography.Text type="secondary">
                  {TABLE_SECTIONS.has(r.s.key)
                    ? '此部分只有统计表，见“统计表逐格对比”'
                    : '两年均无正文'}
                </Typography.Text>
              )}
              {SEVERITIES.map((sev) => {
                const n = cmp.findings.filter(
                  (f) => (f.section ?? f.table) === r.s.key && f.severity === sev,
                ).length;
                return n ? (
                  <Tag key={sev} color={SEVERITY_COLORS[sev]} variant="filled">
                    {SEVERITY_LABELS[sev]} {n}
                  </Tag>
                ) : null;
              })}
            </Space>
          ),
          children: (
            <div className="nb-diff-grid" data-testid={`diff-${r.s.key}`}>
              <div className="nb-diff-head">{ya} 年度（删去的文字标红）</div>
              <div className="nb-diff-head">{yb} 年度（新增的文字标绿）</div>
              {r.a ? (
                <DiffSide parts={r.parts} side="a" />
              ) : (
                <Typography.Text type="secondary">（未找到此部分）</Typography.Text>
              )}
              {r.b ? (
                <DiffSide parts={r.parts} side="b" />
              ) : (
                <Typography.Text type="secondary">（未找到此部分）</Typography.Text>
              )}
            </div>
          ),
        }))}
      />
    </>
  );
}

export function ComparePage(): React.JSX.Element {
  const { compare, run, version, go, openReport } = useStore();
  const [series, setSeries] = useState<SeriesEntry[] | null>(null);
  const [agencyKey, setAgencyKey] = useState<string | null>(null);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [cmp, setCmp] = useState<Comparison | null>(null);

  useEffect(() => {
    void run(() => unwrap(api().listSeries())).then((s) => setSeries(s ?? []));
  }, [run, version]);

  // Initial selection: what the caller asked for (once per request), else the first agency with several years.
  const applied = useRef<typeof compare>(null);
  useEffect(() => {
    if (!series) return;
    if (compare && applied.current === compare) {
      // A requested pair (a finding's, or two versions) stays on screen when the list is refetched.
      if (!('reportIds' in compare)) setAgencyKey((cur) => cur ?? series[0]?.agencyKey ?? null);
      return;
    }
    applied.current = compare;
    if (compare && 'agencyKey' in compare) setAgencyKey(compare.agencyKey);
    else if (compare && 'reportIds' in compare) {
      const entry = series.find((e) => e.years.some((y) => y.reportId === compare.reportIds[0]));
      setAgencyKey(entry?.agencyKey ?? null);
      setPair(compare.reportIds);
      return;
    } else setAgencyKey((cur) => cur ?? series[0]?.agencyKey ?? null);
  }, [series, compare]);

  const entry = series?.find((e) => e.agencyKey === agencyKey) ?? null;
  const years = useMemo(() => [...(entry?.years ?? [])].sort((a, b) => a.year - b.year), [entry]);

  useEffect(() => {
    if (years.length < 2) return;
    setPair((cur) => {
      if (
        cur &&
        years.some((y) => y.reportId === cur[0]) &&
        years.some((y) => y.reportId === cur[1])
      )
        return cur;
      const [prev, last] = years.slice(-2);
      return prev && last ? [prev.reportId, last.reportId] : cur;
    });
  }, [years]);

  useEffect(() => {
    if (!pair) return;
    let live = true;
    void run(() => unwrap(api().compareYears({ reportIds: pair }))).then((c) => {
      if (live && c) setCmp(c);
    });
    return () => {
      live = false;
    };
  }, [pair, run, version]);

  const tables = useMemo(() => (cmp ? buildTables(cmp.earlier.model, cmp.later.model) : []), [cmp]);

  if (series && series.length === 0) {
    return (
      <Empty
        className="nb-empty-page"
        description="没有可对比的单位：年度对比需要同一单位至少两个年度的报告。请导入同一单位上一年度的报告。"
      >
        <Button type="primary" onClick={() => go('import')}>
          去导入
        </Button>
      </Empty>
    );
  }

  // Two versions of one year: the sides are named by version, not by year.
  const sameYear = !!cmp && cmp.earlier.summary.year === cmp.later.summary.year;
  const sideLabel = (s: Comparison['earlier']['summary']): string =>
    s.current ? '当前版本' : s.duplicateOf ? '重复文件' : '其他版本';
  const ya = cmp
    ? sameYear
      ? sideLabel(cmp.earlier.summary)
      : String(cmp.earlier.summary.year ?? '')
    : '';
  const yb = cmp
    ? sameYear
      ? sideLabel(cmp.later.summary)
      : String(cmp.later.summary.year ?? '')
    : '';

  return (
    <div className="nb-compare">
      <div className="nb-review-bar">
        <Space size={8} wrap>
          <Typography.Text>单位</Typography.Text>
          <Select
            style={{ width: 320 }}
            value={agencyKey}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => {
              setAgencyKey(v);
              setPair(null);
              setCmp(null);
            }}
            options={(series ?? []).map((e) => ({
              value: e.agencyKey,
              label: `${e.agency}（${e.years
                .map((y) => y.year)
                .sort()
                .join('、')}）`,
            }))}
            data-testid="compare-agency"
          />
          {years.length > 2 && pair ? (
            <>
              <Select
                style={{ width: 110 }}
                value={pair[0]}
                onChange={(v: string) => setPair([v, pair[1]])}
                options={years.map((y) => ({ value: y.reportId, label: `${y.year} 年度` }))}
              />
              <SwapRightOutlined />
              <Select
                style={{ width: 110 }}
                value={pair[1]}
                onChange={(v: string) => setPair([pair[0], v])}
                options={years.map((y) => ({ value: y.reportId, label: `${y.year} 年度` }))}
              />
            </>
          ) : null}
        </Space>
      </div>
      {cmp ? (
        <>
          <div className="nb-cmp-heads">
            {[cmp.earlier, cmp.later].map((side) => (
              <Card size="small" key={side.summary.id} className="nb-cmp-head">
                <Space size={10} wrap>
                  <b>{side.summary.year} 年度</b>
                  <span>{side.summary.unitName || side.summary.agency}</span>
                  {sameYear ? (
                    <>
                      <Tag color={side.summary.current ? 'blue' : 'gold'}>
                        {sideLabel(side.summary)}
                      </Tag>
                      <Typography.Text
                        type="secondary"
                        ellipsis
                        style={{ maxWidth: 240 }}
                        title={side.summary.fileName}
                      >
                        {side.summary.fileName}
                      </Typography.Text>
                    </>
                  ) : null}
                  <Tag color={side.summary.template === '2021' ? 'default' : 'error'}>
                    {TEMPLATE_LABELS[side.summary.template]}
                  </Tag>
                  <Typography.Text type="secondary">
                    错误 {side.summary.counts.error} · 警告 {side.summary.counts.warning} · 提示{' '}
                    {side.summary.counts.info}
                  </Typography.Text>
                  <Button type="link" size="small" onClick={() => openReport(side.summary.id)}>
                    打开审查
                  </Button>
                </Space>
              </Card>
            ))}
          </div>
          <Card
            size="small"
            className="nb-gap-sm"
            title={`跨年度检查发现的问题（${cmp.findings.length}）`}
            data-testid="series-findings"
          >
            {cmp.findings.length === 0 ? (
              <Typography.Text type="secondary">两年之间未发现衔接问题。</Typography.Text>
            ) : (
              <div className="nb-series-list">
                {cmp.findings.map((f) => (
                  <div key={f.fingerprint} className="nb-series-finding">
                    <div className="nb-series-head">
                      <SeverityTag severity={f.severity} />
                      <b>{f.ruleTitle}</b>
                      <span className="nb-finding-loc">{f.location}</span>
                      <StatusTag status={f.decision.status} />
                    </div>
                    <div className="nb-series-msg">{f.message}</div>
                  </div>
                ))}
              </div>
            )}
          </Card>
          <Card size="small" className="nb-gap-sm">
            <Tabs
              size="small"
              items={[
                {
                  key: 'tables',
                  label: '统计表逐格对比',
                  children: tables.map((t) => (
                    <CompareTable key={t.key} t={t} findings={cmp.findings} yearA={ya} yearB={yb} />
                  )),
                },
                { key: 'text', label: '正文逐段对比', children: <Sections cmp={cmp} /> },
              ]}
            />
          </Card>
        </>
      ) : (
        <Card className="nb-gap-sm">
          <Typography.Text type="secondary">
            {agencyKey ? '正在载入…' : '请选择一个单位。'}
          </Typography.Text>
        </Card>
      )}
    </div>
  );
}
