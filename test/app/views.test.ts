/**
 * The pure views of src/core/app/views.ts, on hand-made rows: summaries count by severity, decision
 * and rule; finding views carry title, decision and named sides; series group current versions of
 * a unit across years; the catalogue applies the user's overrides; the edited roster is cleaned.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, ReportModel } from '../../src/core/model/types';
import { DEFAULT_SETTINGS } from '../../src/core/rules/types';
import { workspaceOf } from '../../src/core/rules/engine';
import type { StoredDecision, StoredFinding, StoredReport } from '../../src/core/store';
import { NUMBERING_RECOVERED_NOTE } from '../../src/core/ingest/docx';
import {
  coverageViewOf,
  decisionView,
  fileNameOf,
  findingViews,
  modelsOf,
  resolvedViews,
  reviewerNotes,
  ruleInfos,
  seriesOf,
  summaryOf,
  versionInfoOf,
} from '../../src/core/app/views';
import { editedRoster } from '../../src/core/app/handlers/coverage';
import type { ReportSummary } from '../../src/shared/ipc';
import { buildReport } from '../support/builders';

function stored(model: ReportModel, path = `C:\\年报\\${model.id}.docx`): StoredReport {
  return {
    id: model.id,
    path,
    sha256: `sha-${model.id}`,
    size: 1,
    auditedAt: '2025-01-01T00:00:00Z',
    model,
  };
}

function finding(reportId: string, fingerprint: string, f: Partial<Finding> = {}): StoredFinding {
  return {
    reportId,
    fingerprint,
    location: '表三 第 1 行',
    finding: { ruleId: 'table/sum', severity: 'error', message: 'm', ...f },
  };
}

function decision(
  fingerprint: string,
  status: StoredDecision['status'],
  note = '',
): StoredDecision {
  return {
    fingerprint,
    status,
    note,
    updatedAt: '2025-02-01T00:00:00Z',
    ruleId: 'table/sum',
    reportKey: 'k',
    reportId: 'a',
    lastMessage: 'old message',
    lastLocation: 'old location',
  };
}

describe('app views', () => {
  const a = buildReport({ id: 'a', agency: '某区教育局', year: 2023 });
  const reports = [stored(a)];
  const view = workspaceOf(modelsOf(reports), DEFAULT_SETTINGS);

  it('summaryOf counts findings by severity, by decision and by rule, and places the report', () => {
    const findings = [
      finding('a', 'f1'),
      finding('a', 'f2', { severity: 'warning' }),
      finding('a', 'f3', { severity: 'info', ruleId: 'text/x' }),
    ];
    const decisions = new Map([
      ['f1', decision('f1', 'confirmed')],
      ['f2', decision('f2', 'dismissed')],
    ]);
    const s = summaryOf(reports[0]!, findings, decisions, view);
    expect(s.counts).toEqual({ error: 1, warning: 1, info: 1 });
    expect(s.review).toEqual({ total: 3, pending: 1, confirmed: 1, dismissed: 1 });
    expect(s.ruleCounts).toEqual({ 'table/sum': 2, 'text/x': 1 });
    expect(s.fileName).toBe('a.docx');
    expect(s.current).toBe(true);
    expect(s.unitName).toBe('某区教育局');
    expect(s.suggestions).toEqual([]);
  });

  it('a rule id like "constructor" is counted, not confused with Object.prototype', () => {
    const s = summaryOf(
      reports[0]!,
      [finding('a', 'f', { ruleId: 'constructor' })],
      new Map(),
      view,
    );
    expect(s.ruleCounts).toEqual({ constructor: 1 });
  });

  it('decisionView: undecided is pending with no note and no time', () => {
    expect(decisionView(undefined)).toEqual({ status: 'pending', note: '', updatedAt: null });
    expect(decisionView(decision('f', 'confirmed', '核实'))).toEqual({
      status: 'confirmed',
      note: '核实',
      updatedAt: '2025-02-01T00:00:00Z',
    });
  });

  it('findingViews: the rule title (or the id when unknown), the location and the decision', () => {
    const [v, w] = findingViews(
      [finding('a', 'f1'), finding('a', 'f2', { ruleId: 'no/such-rule' })],
      new Map([['f1', decision('f1', 'dismissed', '误报')]]),
      new Map([['table/sum', '合计不符']]),
    );
    expect(v).toMatchObject({
      fingerprint: 'f1',
      ruleTitle: '合计不符',
      location: '表三 第 1 行',
      decision: { status: 'dismissed', note: '误报' },
    });
    expect(v?.values).toBeUndefined();
    expect(w?.ruleTitle).toBe('no/such-rule');
    expect(w?.decision.status).toBe('pending');
  });

  it('findingViews: a rule that names its sides shows them as text', () => {
    const [v] = findingViews(
      [finding('a', 'f', { ruleId: 'series/carry-over', expected: 5, actual: 0 })],
      new Map(),
      new Map(),
    );
    expect(v?.values).toEqual({
      expected: '上年报告 5 件',
      actual: '本年填报 0 件',
      percent: false,
    });
  });

  it('resolvedViews keep what the decision was about, with the rule title', () => {
    expect(
      resolvedViews([decision('f', 'confirmed', 'n')], new Map([['table/sum', '合计不符']])),
    ).toEqual([
      {
        fingerprint: 'f',
        ruleId: 'table/sum',
        ruleTitle: '合计不符',
        status: 'confirmed',
        note: 'n',
        updatedAt: '2025-02-01T00:00:00Z',
        lastMessage: 'old message',
        lastLocation: 'old location',
      },
    ]);
  });

  it("reviewerNotes: the Word-numbering note only beside a numbering finding, in the reviewer's words", () => {
    const notes = ['已按 GBK 编码读取', NUMBERING_RECOVERED_NOTE];
    expect(reviewerNotes(notes, [finding('a', 'f')])).toEqual(['已按 GBK 编码读取']);
    const shown = reviewerNotes(notes, [
      finding('a', 'f', { ruleId: 'structure/section-numbering' }),
    ]);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toContain('Word 自动编号');
  });

  it('seriesOf: current versions of units with two or more years, years in order, units by name', () => {
    const base = summaryOf(reports[0]!, [], new Map(), view);
    const s = (over: Partial<ReportSummary>): ReportSummary => ({ ...base, ...over });
    const series = seriesOf([
      s({ id: 'b2', agencyKey: 'u:b', unitName: '乙局', year: 2023 }),
      s({ id: 'b1', agencyKey: 'u:b', unitName: '乙局', year: 2022 }),
      s({ id: 'b0', agencyKey: 'u:b', unitName: '乙局', year: 2022, current: false }),
      s({ id: 'a1', agencyKey: 'u:a', unitName: '甲局', year: 2022 }),
      s({ id: 'a2', agencyKey: 'u:a', unitName: '甲局', year: 2024 }),
      s({ id: 'c1', agencyKey: 'u:c', unitName: '丙局', year: 2022 }),
      s({ id: 'f1', agencyKey: 'file:x', unitName: '文件', year: 2022 }),
      s({ id: 'f2', agencyKey: 'file:x', unitName: '文件', year: 2023 }),
      s({ id: 'n1', agencyKey: 'u:n', unitName: '无年度', year: null }),
    ]);
    expect(series.map((e) => e.agencyKey)).toEqual(['u:a', 'u:b']);
    expect(series[1]?.years).toEqual([
      { year: 2022, reportId: 'b1' },
      { year: 2023, reportId: 'b2' },
    ]);
  });

  it('ruleInfos: effective severity and enabled from the settings; an unknown severity reads as info', () => {
    const infos = ruleInfos(
      [
        { id: 'r1', severity: 'error', title: 't1', description: 'd1' },
        { id: 'r2', severity: 'odd', title: 't2', description: 'd2' },
      ],
      { severities: { r1: 'warning' }, disabled: ['r2'] },
    );
    expect(infos).toEqual([
      {
        id: 'r1',
        severity: 'error',
        effectiveSeverity: 'warning',
        enabled: true,
        title: 't1',
        description: 'd1',
      },
      {
        id: 'r2',
        severity: 'info',
        effectiveSeverity: 'info',
        enabled: false,
        title: 't2',
        description: 'd2',
      },
    ]);
  });

  it('coverageViewOf: one row per unit, a cell per year with the current report, nothing unmatched without a roster', () => {
    const cv = coverageViewOf(reports, view, new Map());
    expect(cv.years).toEqual([2023]);
    expect(cv.rows).toHaveLength(1);
    expect(cv.rows[0]?.cells).toEqual([
      {
        year: 2023,
        status: expect.any(String),
        reportId: 'a',
        fileName: 'a.docx',
        versionCount: 1,
      },
    ]);
    expect(cv.unmatched).toEqual([]);
  });

  it('editedRoster trims names and aliases, drops blank and repeated names, numbers missing ids', () => {
    const r = editedRoster(
      [
        { id: '', name: ' 甲局 ', kind: 'department', parent: null, aliases: [' 甲 ', ''] },
        { id: 'x', name: '甲局', kind: 'department', parent: null, aliases: [] },
        { id: 'y', name: '  ', kind: 'other', parent: null, aliases: [] },
        { id: 'z', name: '乙局', kind: 'department', parent: null, aliases: [] },
      ],
      'roster.csv',
    );
    expect(r).toEqual({
      source: 'roster.csv',
      inferred: false,
      units: [
        { id: 'u1', name: '甲局', kind: 'department', parent: null, aliases: ['甲'] },
        { id: 'z', name: '乙局', kind: 'department', parent: null, aliases: [] },
      ],
    });
  });

  it('fileNameOf reads Windows and POSIX paths alike', () => {
    expect(fileNameOf('C:\\a\\b\\报告.docx')).toBe('报告.docx');
    expect(fileNameOf('/a/b/报告.pdf')).toBe('报告.pdf');
  });
});

describe('versionInfoOf', () => {
  // Two versions of one submission (same unit, same year); the later file is current.
  const older = buildReport({ id: 'old', agency: '某区民政局', year: 2023 });
  const newer = buildReport({ id: 'new', agency: '某区民政局', year: 2023 });
  newer.sections.push({ ...newer.sections[0]!, title: '补充说明' });
  const reports = [stored(older, 'C:\\报告\\初稿.docx'), stored(newer, 'C:\\报告\\修改稿.docx')];
  const view = workspaceOf(modelsOf(reports), DEFAULT_SETTINGS);
  const submission = view.submissions[0]!;
  const byId = new Map(reports.map((r) => [r.id, r]));
  const current = byId.get(submission.current)!;
  const previous = reports.find((r) => r.id !== current.id)!;

  const persists = { ruleId: 'table/sum', table: 'applications' as const, row: 'granted' };
  const gone = { ruleId: 'table/sum', table: 'applications' as const, row: 'denied' };
  const findings = new Map([
    [
      current.id,
      [finding(current.id, 'c1', persists), finding(current.id, 'c2', { ruleId: 'text/new' })],
    ],
    [previous.id, [finding(previous.id, 'p1', persists), finding(previous.id, 'p2', gone)]],
  ]);
  const read = {
    report: (id: string) => byId.get(id),
    findings: (id: string) => findings.get(id) ?? [],
  };
  const decisions = new Map([['p1', decision('p1', 'confirmed', '已核实')]]);

  it('lists the versions with the current one and its reason; only the current one compares', () => {
    expect(submission.versions).toHaveLength(2);
    const views = findingViews(findings.get(current.id)!, decisions, new Map());
    const info = versionInfoOf(read, current, views, view, decisions, new Map());
    expect(info?.versions.map((v) => v.current)).toEqual(
      submission.versions.map((id) => id === current.id),
    );
    expect(info?.currentReason).toBeTruthy();
    expect(info?.previousFile).toBe(fileNameOf(previous.path));
    const other = versionInfoOf(
      read,
      previous,
      findingViews(findings.get(previous.id)!, decisions, new Map()),
      view,
      decisions,
      new Map(),
    );
    expect(other?.previousFile).toBeNull();
    expect(other?.fixed).toEqual([]);
  });

  it('persists / new on the current findings, the gone one as fixed, the earlier decision carried', () => {
    const views = findingViews(findings.get(current.id)!, decisions, new Map());
    const info = versionInfoOf(read, current, views, view, decisions, new Map());
    expect(views.map((v) => v.versionDiff)).toEqual(['persists', 'new']);
    expect(views[0]?.carried).toEqual({
      status: 'confirmed',
      note: '已核实',
      updatedAt: '2025-02-01T00:00:00Z',
      fromFile: fileNameOf(previous.path),
    });
    expect(views[1]?.carried).toBeUndefined();
    expect(info?.fixed.map((f) => [f.fingerprint, f.versionDiff])).toEqual([['p2', 'fixed']]);
  });

  it('a decision taken on the current version is not overridden by the carried one', () => {
    const own = new Map([...decisions, ['c1', decision('c1', 'dismissed')]]);
    const views = findingViews(findings.get(current.id)!, own, new Map());
    versionInfoOf(read, current, views, view, own, new Map());
    expect(views[0]?.decision.status).toBe('dismissed');
    expect(views[0]?.carried).toBeUndefined();
  });

  it('a report outside any submission (no year) has no versions', () => {
    const lone = buildReport({ id: 'lone', agency: '某局' });
    lone.year = null;
    const v = workspaceOf([lone], DEFAULT_SETTINGS);
    expect(versionInfoOf(read, stored(lone), [], v, new Map(), new Map())).toBeNull();
  });
});
