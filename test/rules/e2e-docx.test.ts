/**
 * End to end on generated .docx files: spec → Word document → reader → extraction → rules. Each
 * identity of tables 三, 四 and 二 is broken by one changed cell and must yield the right findings
 * with the right expected and actual numbers; consecutive years that chain must yield no series
 * finding, and one pair per series rule breaks it; two agencies sharing a section 五 yield
 * corpus/copied-section.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/core/audit';
import type { Finding, ReportModel } from '../../src/core/model/types';
import { defaultSpec, specToDocx, type ReportSpec } from '../fixtures';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The models of the latest audit() call, by file name. */
const models: Record<string, ReportModel> = {};

/** Writes each spec as a .docx in a fresh folder, audits them together, returns findings by file name. */
async function audit(specs: Record<string, ReportSpec>): Promise<Record<string, Finding[]>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nb-e2e-'));
  dirs.push(dir);
  const files: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const file = path.join(dir, `${name}.docx`);
    await writeFile(file, await specToDocx(spec));
    files.push(file);
  }
  const run = await auditFiles(files);
  expect(run.failures).toEqual([]);
  const out: Record<string, Finding[]> = {};
  for (const r of run.reports) {
    out[path.basename(r.model.file, '.docx')] = r.findings;
    models[path.basename(r.model.file, '.docx')] = r.model;
  }
  return out;
}

const TABLE_GROUPS = /^(active|applications|review|table)\//;
const tableFindings = (list: Finding[] | undefined) =>
  (list ?? [])
    .filter((f) => TABLE_GROUPS.test(f.ruleId))
    .map((f) => [f.ruleId, f.row, f.column, f.expected, f.actual])
    .sort((a, b) => String(a).localeCompare(String(b)));
const seriesFindings = (list: Finding[] | undefined) =>
  (list ?? []).filter((f) => f.ruleId.startsWith('series/'));

/** Distinct openings of section 一, handed out in turn, so that only what a test shares is shared. */
const OPENINGS = [
  '围绕工业经济运行和企业服务，全年公开产业政策、技改项目申报通知和专精特新企业认定结果。',
  '坚持以科技创新为主线，公开科技计划项目立项、资金安排和验收结果，开展科技政策进企业活动。',
  '聚焦预决算公开，按时公开部门预算、决算和三公经费，细化到项级科目并附情况说明。',
  '围绕社会救助和养老服务，公开低保、特困供养标准和资金发放情况，养老机构名录按季度更新。',
  '推进法治政府建设信息公开，公开行政执法三项制度落实情况和法律援助服务指南。',
  '聚焦乡村振兴，公开惠农补贴发放、高标准农田建设项目和农产品质量安全抽检结果。',
  '围绕审计监督，公开年度审计工作报告、审计结果公告和问题整改情况。',
  '公开商贸流通领域政策，发布消费券发放规则、外贸企业扶持资金申报指南和展会信息。',
  '聚焦教育民生，公开义务教育招生政策、学区划分和学生资助政策，回应家长关切。',
  '围绕生态环境质量，公开空气质量月报、排污许可证核发和环境行政处罚信息。',
  '推进交通建设项目信息公开，公开道路工程招投标、施工许可和质量监督结果。',
  '聚焦医疗保障，公开医保待遇政策调整、定点医药机构名单和基金监管检查结果。',
  '围绕就业创业，公开稳岗返还、创业担保贷款政策和技能培训补贴发放名单。',
  '聚焦住房保障，公开公租房分配结果、棚户区改造进度和物业服务投诉处理情况。',
];
let nextOpening = 0;

function withOwnText(spec: ReportSpec, problems?: string[]): ReportSpec {
  const overview = spec.sections.find((s) => s.key === 'overview')!;
  overview.paragraphs = [
    OPENINGS[nextOpening++ % OPENINGS.length]!,
    ...overview.paragraphs.slice(1),
  ];
  if (problems) spec.sections.find((s) => s.key === 'problems')!.paragraphs = problems;
  return spec;
}

function spec(agency: string, year = 2023, problems?: string[]): ReportSpec {
  return withOwnText(defaultSpec({ agency, year }), problems);
}

describe('identities of the tables, on .docx files', () => {
  it('each changed cell yields its findings with the numbers', async () => {
    const clean = spec('临淄区工业和信息化局');
    const rowSum = spec('张店区科学技术局');
    rowSum.tables.applications.newReceived.total = 4;
    const resultsSum = spec('博山区财政局');
    resultsSum.tables.applications.totalProcessed.naturalPerson = 2;
    const balance = spec('周村区民政局');
    balance.tables.applications.carriedForward.naturalPerson = 2;
    balance.tables.applications.carriedForward.total = 2;
    const groupSum = spec('淄川区司法局');
    groupSum.tables.reviewLitigation.review.total = 3;
    const effective = spec('淄博市人民政府');
    effective.tables.activeDisclosure.normativeDocuments = { issued: 5, repealed: 1, effective: 3 };

    const out = await audit({ clean, rowSum, resultsSum, balance, groupSum, effective });
    expect(tableFindings(out.clean)).toEqual([]);
    expect(tableFindings(out.rowSum)).toEqual(
      [
        ['applications/row-sum', 'newReceived', 'total', 3, 4],
        ['applications/balance', 'newReceived', 'total', 4, 3],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(tableFindings(out.resultsSum)).toEqual(
      [
        ['applications/results-sum', 'totalProcessed', 'naturalPerson', 1, 2],
        ['applications/row-sum', 'totalProcessed', 'total', 3, 2],
        ['applications/balance', 'newReceived', 'naturalPerson', 2, 3],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(tableFindings(out.balance)).toEqual([
      ['applications/balance', 'newReceived', 'naturalPerson', 2, 3],
      ['applications/balance', 'newReceived', 'total', 3, 4],
    ]);
    expect(tableFindings(out.groupSum)).toEqual([['review/group-sum', 'review', 'total', 2, 3]]);
    expect(tableFindings(out.effective)).toEqual([
      ['active/effective-below-net-issued', 'normativeDocuments', 'effective', 4, 3],
    ]);
    // The finding points at the cell in the document, for the viewer to highlight.
    const f = out.groupSum!.find((x) => x.ruleId === 'review/group-sum')!;
    expect(f.pos).toMatchObject({
      block: expect.any(Number),
      row: expect.any(Number),
      col: expect.any(Number),
    });
  }, 120_000);
});

/** A 2023 report that chains to defaultSpec's 2022 (上年结转 1, 现行有效 16 + 2 − 1). */
function chainedPair(agency: string): { y22: ReportSpec; y23: ReportSpec } {
  const y22 = spec(agency, 2022, [
    '（一）存在的主要问题。信息公开的及时性有待提高，政策解读形式较为单一，工作人员业务能力参差不齐。',
    '（二）改进情况。下一步将健全信息发布机制，丰富政策解读形式，加强业务培训，提升政务公开工作水平。',
  ]);
  const y23 = spec(agency, 2023, [
    '（一）存在的主要问题。部分栏目更新频率不高，依申请公开答复文书的规范性仍需加强。',
    '（二）改进情况。建立栏目内容保障机制，每月检查更新；编制答复文书范本，组织两期专题培训。',
  ]);
  const a = y23.tables.applications;
  a.carriedOver = {
    naturalPerson: 1,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: 1,
  };
  a.granted = {
    naturalPerson: 2,
    commercial: 1,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: 3,
  };
  a.totalProcessed = { ...a.granted };
  y23.tables.activeDisclosure.normativeDocuments = { issued: 2, repealed: 1, effective: 17 };
  y23.tables.activeDisclosure.licensing = 64;
  return { y22, y23 };
}

describe('across years, on .docx files', () => {
  it('a chaining pair is quiet; one broken pair per series rule', async () => {
    const ok = chainedPair('临淄区工业和信息化局');

    const carry = chainedPair('张店区科学技术局');
    const c = carry.y23.tables.applications;
    c.carriedOver = {
      naturalPerson: 0,
      commercial: 0,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 0,
    };
    c.granted = {
      naturalPerson: 1,
      commercial: 1,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 2,
    };
    c.totalProcessed = { ...c.granted };

    const unchanged = chainedPair('博山区财政局');
    unchanged.y23.tables.activeDisclosure.normativeDocuments.effective = 16;

    const chain = chainedPair('周村区民政局');
    chain.y23.tables.activeDisclosure.normativeDocuments.effective = 20;

    const identical = chainedPair('淄川区司法局');
    identical.y23.tables = structuredClone(identical.y22.tables);

    const repeated = chainedPair('桓台县商务局');
    repeated.y23.sections.find((s) => s.key === 'problems')!.paragraphs = repeated.y22.sections
      .find((s) => s.key === 'problems')!
      .paragraphs.map((p) => p.replace('有待提高', '仍需提高'));

    const pairs = { ok, carry, unchanged, chain, identical, repeated };
    const specs: Record<string, ReportSpec> = {};
    for (const [name, p] of Object.entries(pairs)) {
      specs[`${name}-2022`] = p.y22;
      specs[`${name}-2023`] = p.y23;
    }
    const out = await audit(specs);
    const ids = (name: string) =>
      [...new Set(seriesFindings(out[`${name}-2023`]).map((f) => f.ruleId))].sort();

    for (const name of Object.keys(pairs)) expect(seriesFindings(out[`${name}-2022`])).toEqual([]);
    expect(seriesFindings(out['ok-2023'])).toEqual([]);

    expect(
      seriesFindings(out['carry-2023']).map((f) => [
        f.ruleId,
        f.row,
        f.column,
        f.expected,
        f.actual,
      ]),
    ).toEqual([
      ['series/carry-over', 'carriedOver', 'naturalPerson', 1, 0],
      ['series/carry-over', 'carriedOver', 'total', 1, 0],
    ]);
    expect(
      seriesFindings(out['unchanged-2023']).map((f) => [f.ruleId, f.row, f.expected, f.actual]),
    ).toEqual([['series/effective-unchanged', 'normativeDocuments', 17, 16]]);
    expect(
      seriesFindings(out['chain-2023']).map((f) => [f.ruleId, f.row, f.expected, f.actual]),
    ).toEqual([['series/effective-chain', 'normativeDocuments', 17, 20]]);
    // Copied tables also carry last year's 结转 and 现行有效 unchanged: those rules fire too.
    expect(ids('identical')).toEqual([
      'series/carry-over',
      'series/effective-unchanged',
      'series/identical-tables',
    ]);
    expect(ids('repeated')).toEqual(['series/repeated-problems']);
    const relatedOf = (name: string) => seriesFindings(out[`${name}-2023`])[0]?.relatedReport;
    expect(relatedOf('repeated')).toBeTruthy();
    expect(relatedOf('repeated')).not.toBe(relatedOf('chain'));
  }, 180_000);
});

describe('outdated template, on .docx files', () => {
  it('a 2019-format year is neither checked as 2021 tables nor chained', async () => {
    const { y22, y23 } = chainedPair('高青县农业农村局');
    y22.template = '2019';
    y23.tables.activeDisclosure.normativeDocuments.effective = 40;
    const out = await audit({ y22, y23 });
    expect(models.y22?.template).toBe('2019');
    expect(models.y23?.template).toBe('2021');
    expect(tableFindings(out.y22)).toEqual([]);
    expect(
      seriesFindings(out.y23).filter(
        (f) => f.ruleId.startsWith('series/effective') || f.ruleId === 'series/identical-tables',
      ),
    ).toEqual([]);
  }, 120_000);
});

describe('across agencies, on .docx files', () => {
  it('two agencies sharing a section 五 yield corpus/copied-section on both', async () => {
    const shared = (agency: string) => [
      `（一）存在的主要问题。${agency}政府信息公开工作虽然取得了一定成效，但仍存在信息公开的及时性有待提高、政策解读形式较为单一、工作人员业务能力参差不齐等问题。`,
      `（二）改进情况。下一步，${agency}将健全信息发布机制，丰富政策解读形式，加强业务培训，不断提升政务公开工作水平。`,
    ];
    const a = spec('临淄区工业和信息化局', 2023, shared('临淄区工业和信息化局'));
    const b = spec('高青县农业农村局', 2023, shared('高青县农业农村局'));
    const c = spec('沂源县审计局', 2023, [
      '（一）存在的主要问题。审计结果公开的范围还不够广，整改情况公开不够及时。',
      '（二）改进情况。扩大审计结果公告范围，建立整改情况跟踪公开机制。',
    ]);
    const out = await audit({ a, b, c });
    const copied = (name: string) =>
      (out[name] ?? [])
        .filter((f) => f.ruleId === 'corpus/copied-section')
        .map((f) => [f.section, f.severity]);
    expect(copied('a')).toEqual([['problems', 'warning']]);
    expect(copied('b')).toEqual([['problems', 'warning']]);
    expect(copied('c')).toEqual([]);
  }, 120_000);
});
