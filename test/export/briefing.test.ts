/**
 * The briefing: every figure it states equals the one computed independently from the JSON
 * result of the same run (the real command line over the seed reports), and with a roster's
 * coverage it states 应报 / 已报 / 按时 / 逾期 / 未报 with the units named.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
import { briefingDocx } from '../../src/core/export/documents/briefing';
import { briefingFacts, type BriefingInput } from '../../src/core/export/documents/briefing-facts';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/core/export/documents/settings';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import { ruleGroupLabel } from '../../src/core/model/glossary';
import type { Finding } from '../../src/core/model/types';
import type { ReviewDecision } from '../../src/core/export/types';
import { buildReport, setApplicationRow } from '../support/builders';
import { docxText, type DocxText } from '../support/docx-text';
import { repoRoot, runCli } from '../cli/run-cli';

const seeds = resolve(repoRoot, '../shared/corpus/seeds');

describe('briefing from the command line, figures checked against the JSON result', () => {
  let json: JsonResult;
  let doc: DocxText;

  beforeAll(() => {
    if (!existsSync(seeds)) throw new Error(`种子报告目录不存在：${seeds}`);
    const dir = mkdtempSync(join(tmpdir(), 'nb-brief-'));
    const run = runCli([
      seeds,
      '--json',
      join(dir, 'r.json'),
      '--briefing',
      join(dir, '通报.docx'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`情况通报已写入：${join(dir, '通报.docx')}`);
    json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonResult;
    return docxText(readFileSync(join(dir, '通报.docx'))).then((d) => {
      doc = d;
    });
  }, 180_000);

  it('states the scope and, without a roster, an inferred coverage', () => {
    const n = json.reports.length;
    expect(doc.paragraphs[0]).toBe('关于2023年度政府信息公开工作年度报告审查情况的通报');
    expect(doc.text).toContain(
      `对2023年度 ${n} 家单位报送的 ${n} 份政府信息公开工作年度报告进行了审查`,
    );
    expect(doc.text).toContain(`以下情况根据收到的报告推断：2023年度共收到 ${n} 家单位的年度报告`);
  });

  it('states the reports with problems and the problems by kind (CLI alone: errors and warnings, pending)', () => {
    const problems = json.reports.flatMap((r) =>
      r.findings.filter((f) => f.severity !== 'info').map((f) => ({ r, f })),
    );
    const withProblems = json.reports.filter((r) => r.findings.some((f) => f.severity !== 'info'));
    expect(doc.text).toContain(
      `${withProblems.length} 家单位的 ${withProblems.length} 份年度报告存在问题，共 ${problems.length} 个`,
    );
    const groups = new Map<string, { n: number; units: Set<string> }>();
    for (const { r, f } of problems) {
      const g = groups.get(ruleGroupLabel(f.ruleId)) ?? { n: 0, units: new Set<string>() };
      g.n++;
      g.units.add(r.agency ?? r.file);
      groups.set(ruleGroupLabel(f.ruleId), g);
    }
    const p = doc.paragraphs;
    for (const [label, g] of groups) {
      const at = p.indexOf(label);
      expect(at, label).toBeGreaterThan(0);
      expect(p.slice(at + 1, at + 3)).toEqual([String(g.n), String(g.units.size)]);
    }
    // Units ranked: each unit with problems appears with its total.
    for (const r of withProblems) {
      const at = p.indexOf(r.agency!);
      expect(at, r.agency!).toBeGreaterThan(0);
      const count = (s: string) => String(r.findings.filter((f) => f.severity === s).length);
      expect(p.slice(at + 2, at + 6)).toEqual([
        count('error'),
        count('warning'),
        '0',
        String(r.findings.filter((f) => f.severity !== 'info').length),
      ]);
    }
    // Typical problems quote a finding with its unit.
    const typical = p.filter((x) => /^\d\..+2023年度报告（待核实），/.test(x));
    expect(typical.length).toBeGreaterThanOrEqual(3);
    expect(typical.length).toBeLessThanOrEqual(5);
    for (const t of typical)
      expect(
        problems.some(
          ({ r, f }) => t.startsWith(`${t.split('.')[0]}.${r.agency}`) && t.includes(f.message),
        ),
      ).toBe(true);
  });

  it('states the batch indicators computed from the JSON tables', () => {
    const total = (row: string) =>
      json.reports.reduce((s, r) => s + (r.tables.applications?.[row]?.total ?? 0), 0);
    const rate = total('totalProcessed') / (total('newReceived') + total('carriedOver'));
    expect(doc.text).toContain(`本年新收政府信息公开申请 ${total('newReceived')} 件`);
    expect(doc.text).toContain(`依申请公开办结率 ${(Math.round(rate * 1000) / 10).toFixed(1)}%`);
    // Per unit kind: the departments of the seeds received nothing, their rates stay blank.
    const p = doc.paragraphs;
    const header = p.indexOf('全部单位');
    expect(p.slice(header, header + 3)).toEqual(['全部单位', '人民政府', '部门']);
    const completion = p.indexOf('依申请公开办结率');
    expect(p.slice(completion + 1, completion + 4)).toEqual(['96.0%', '96.0%', '']);
  });

  it('draws the two charts of 总览 as Word charts', () => {
    expect(doc.xml.match(/<c:chart [^>]*r:id=/g)).toHaveLength(2);
    expect(doc.text).toContain('图1  问题数量前');
    expect(doc.text).toContain('图2  问题数量前');
  });
});

describe('briefing with the roster coverage and decisions', () => {
  const a = buildReport({ agency: '淮安市洪泽区人民政府', year: 2023, id: 'a' });
  const b = buildReport({ agency: '洪泽区财政局', year: 2023, id: 'b' });
  setApplicationRow(a, 'newReceived', [10, 0, 0, 0, 0, 0]);
  setApplicationRow(a, 'granted', [10, 0, 0, 0, 0, 0]);
  setApplicationRow(a, 'totalProcessed', [10, 0, 0, 0, 0, 0]);
  const wrong: Finding = {
    ruleId: 'applications/balance',
    severity: 'error',
    message: '表三不平衡：相差 1。',
    table: 'applications',
    row: 'totalProcessed',
    column: 'total',
  };
  const dismissed: Finding = {
    ruleId: 'text/stale-year',
    severity: 'warning',
    message: '把上年写成本年。',
    section: 'overview',
    quote: '2022年，我局',
  };
  const decisions = new Map<string, ReviewDecision>([
    [findingFingerprint(a, wrong), { status: 'confirmed', note: '已电话核实' }],
    [findingFingerprint(b, dismissed), { status: 'dismissed', note: '' }],
  ]);
  const input: BriefingInput = {
    reports: [
      { model: a, findings: [wrong] },
      { model: b, findings: [dismissed] },
    ],
    decisions,
    coverage: [
      {
        year: 2023,
        expected: 4,
        submitted: 3,
        onTime: 2,
        late: 1,
        missing: ['洪泽区教育局'],
        notOnRoster: ['某某公司'],
      },
    ],
    settings: {
      ...DEFAULT_DOCUMENT_SETTINGS,
      office: '淮安市洪泽区人民政府办公室',
      issueDate: '2024-04-30',
      deadline: '2024-05-20',
    },
    today: '2024-04-01',
  };

  it('states 应报 / 已报 / 按时 / 逾期 / 未报 as given, naming the units', async () => {
    const { bytes, facts } = await briefingDocx(input);
    const doc = await docxText(bytes);
    expect(facts.coverage[0]?.inferred).toBe(false);
    expect(doc.text).toContain(
      '2023年度应报送年度报告的单位 4 家，已报送 3 家，报送率 75.0%；其中按时公开 2 家，逾期公开 1 家；未报送 1 家（洪泽区教育局）。',
    );
    expect(doc.text).toContain('另收到名单外单位的报告 1 份（某某公司）');
    expect(doc.text).not.toContain('推断');
  });

  it("names the late unit when the reports' own late findings account for the roster's count", async () => {
    const lateFinding: Finding = {
      ruleId: 'timeliness/late',
      severity: 'error',
      message: '发布日期晚于期限。',
      quote: '2024年4月5日',
    };
    const withLate: BriefingInput = {
      ...input,
      reports: [input.reports[0]!, { model: b, findings: [dismissed, lateFinding] }],
    };
    const doc = await docxText((await briefingDocx(withLate)).bytes);
    expect(doc.text).toContain(
      '其中按时公开 2 家，逾期公开 1 家（洪泽区财政局）；未报送 1 家（洪泽区教育局）。',
    );
  });

  it('counts confirmed problems only (dismissed never), with the note quoted', async () => {
    const facts = briefingFacts(input);
    expect(facts.problems).toBe(1);
    expect(facts.reportsWithProblems).toBe(1);
    expect(facts.ranking).toEqual([
      {
        unit: '淮安市洪泽区人民政府',
        kind: 'government',
        error: 1,
        warning: 0,
        info: 0,
        total: 1,
        pending: 0,
      },
    ]);
    const doc = await docxText((await briefingDocx(input)).bytes);
    expect(doc.text).toContain(
      '1.淮安市洪泽区人民政府2023年度报告，表三「（七）总计」行「总计」列：表三不平衡：相差 1。（审查备注：已电话核实）',
    );
    expect(doc.text).not.toContain(dismissed.message);
    expect(doc.text).toContain('于2024年5月20日前');
    expect(doc.paragraphs.slice(-2)).toEqual(['淮安市洪泽区人民政府办公室', '2024年4月30日']);
  });

  it("covers the latest year; last year's reports only feed the year-on-year sentence", async () => {
    const a2022 = buildReport({ agency: '淮安市洪泽区人民政府', year: 2022, id: 'a2022' });
    setApplicationRow(a2022, 'newReceived', [8, 0, 0, 0, 0, 0]);
    const withLastYear: BriefingInput = {
      ...input,
      reports: [...input.reports, { model: a2022, findings: [wrong] }],
    };
    const facts = briefingFacts(withLastYear);
    expect(facts.years).toEqual([2023]);
    expect(facts.leftOut).toBe(1);
    expect(facts.problems).toBe(1);
    expect(facts.yearOnYear).toMatchObject({
      units: 1,
      newReceived: { now: 10, previous: 8, change: 0.25 },
    });
    const doc = await docxText((await briefingDocx(withLastYear)).bytes);
    expect(doc.paragraphs[0]).toBe('关于2023年度政府信息公开工作年度报告审查情况的通报');
    expect(doc.text).toContain(
      '另有其他年度或未能识别年度的报告 1 份，未纳入本通报，上一年度报告仅用于同比',
    );
    expect(doc.text).toContain(
      '在两个年度均有报告的 1 家单位中，本年新收申请 10 件（上年 8 件，增长 25.0%）',
    );
  });

  it('a clean batch says so and draws no chart; undecided problems are said to be left out, never dropped silently', async () => {
    const doc = await docxText(
      (await briefingDocx({ ...input, reports: [{ model: b, findings: [dismissed] }] })).bytes,
    );
    expect(doc.text).toContain('未发现需要整改的问题');
    expect(doc.text).not.toContain('尚未经审查确认');
    const undecided: Finding = { ...wrong, row: 'newReceived', message: '未审查的问题。' };
    const facts = briefingFacts({
      ...input,
      reports: [{ model: b, findings: [dismissed, undecided] }],
    });
    expect(facts.unreviewed).toBe(1);
    const doc2 = await docxText(
      (await briefingDocx({ ...input, reports: [{ model: b, findings: [dismissed, undecided] }] }))
        .bytes,
    );
    expect(doc2.text).toContain(
      '未发现经确认需要整改的问题。另有 1 个软件检查发现的错误或警告尚未经审查确认，未计入本通报。',
    );
    expect(doc.xml).not.toContain('<c:chart ');
  });
});
