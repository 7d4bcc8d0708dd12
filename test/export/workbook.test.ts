import ExcelJS from 'exceljs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataColumns } from '../../src/core/export/data-columns';
import type { ReviewDecision } from '../../src/core/export/types';
import {
  CATALOGUE_HEADERS,
  DATA_LEAD_HEADERS,
  FINDING_HEADERS,
  SUMMARY_HEADERS,
  auditWorkbookBuffer,
  colLetter,
  reviewProgress,
  writeAuditWorkbook,
} from '../../src/core/export/workbook';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import { catalogue } from '../../src/core/rules/registry';
import { finding, workspace, type Workspace } from './fixtures';

async function read(buf: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  return wb;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c) => out.push(String(c.value)));
  return out;
}

function column(ws: ExcelJS.Worksheet, col: number): unknown[] {
  const out: unknown[] = [];
  for (let r = 2; r <= ws.rowCount; r++) out.push(ws.getRow(r).getCell(col).value);
  return out;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing`);
  return ws;
}

let ws: Workspace;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  ws = workspace();
  wb = await read(await auditWorkbookBuffer(ws.input));
});

describe('sheets and headers (cli-contract.md)', () => {
  it('has the four sheets in order with their Chinese names', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '问题清单',
      '数据',
      '规则说明',
      '指标',
    ]);
  });

  it('has the contract columns on each sheet', () => {
    // The contract's eight columns, then 说明 (why a file was not audited).
    expect(headers(sheet(wb, '汇总'))).toEqual([
      '单位',
      '年度',
      '文件',
      '模板',
      '错误',
      '警告',
      '提示',
      '审查状态',
      '说明',
    ]);
    expect(headers(sheet(wb, '问题清单'))).toEqual([
      '单位',
      '年度',
      '文件',
      '规则编号',
      '规则名称',
      '严重程度',
      '说明',
      '位置',
      '期望值',
      '实际值',
      '原文',
      '审查状态',
      '备注',
      '版本',
      '整改情况',
    ]);
    expect(headers(sheet(wb, '规则说明'))).toEqual(['规则编号', '规则名称', '严重程度', '说明']);
    // The exported constants are the same lists (the CLI and the app may show them).
    expect([...SUMMARY_HEADERS]).toEqual(headers(sheet(wb, '汇总')));
    expect([...FINDING_HEADERS]).toEqual(headers(sheet(wb, '问题清单')));
    expect([...CATALOGUE_HEADERS]).toEqual(headers(sheet(wb, '规则说明')));
  });

  it('names the data columns by table, row and column in Chinese', () => {
    const h = headers(sheet(wb, '数据'));
    expect(h.slice(0, 4)).toEqual([...DATA_LEAD_HEADERS]);
    expect(h).toHaveLength(4 + 10 + 25 * 7 + 15);
    expect(h).toContain('表三 一、本年新收 · 自然人');
    expect(h).toContain('表二 行政规范性文件 · 现行有效件数');
    expect(h).toContain('表二 行政事业性收费 · 本年收费金额（单位：万元）');
    expect(h).toContain('表四 行政复议 · 总计');
    expect(h).toContain('表三 （七）总计 · 总计');
    expect(new Set(h).size).toBe(h.length);
  });
});

describe('汇总', () => {
  it('has one row per report, sorted by agency (pinyin) and year, with counts by severity', () => {
    const s = sheet(wb, '汇总');
    expect(s.rowCount).toBe(5);
    expect(column(s, 1)).toEqual([
      '博山区教育局',
      '临淄区工业和信息化局',
      '临淄区工业和信息化局',
      null,
    ]);
    expect(column(s, 2)).toEqual([2023, 2022, 2023, 2023]);
    const lin2023 = s.getRow(4);
    expect([5, 6, 7].map((c) => lin2023.getCell(c).value)).toEqual([1, 2, 1]);
    expect(lin2023.getCell(4).value).toBe('2021 年版');
    expect(column(s, 8)).toEqual(['无问题', '待审查', '待审查', '待审查']);
  });
});

describe('汇总 with files that were not audited', () => {
  it('lists failed, then skipped files after the reports: state in 审查状态, reason in 说明, short rows', async () => {
    const w = workspace();
    const book = await read(
      await auditWorkbookBuffer({
        ...w.input,
        failures: [{ file: '损坏.docx', message: '文件已损坏，无法打开。' }],
        skipped: [
          {
            file: '扫描件.pdf',
            reason: 'unsupported',
            message: '不是可审查的文件类型；如是年度报告，请另存为 .docx 后再审查。',
          },
          {
            file: '会议通知.docx',
            reason: 'not-a-report',
            message: '不是政府信息公开工作年度报告。',
          },
          { file: 'Thumbs.db', reason: 'clutter', message: '系统文件。' },
          { file: '审查结果.xlsx', reason: 'own-output', message: '本工具生成的审查结果。' },
        ],
      }),
    );
    const s = sheet(book, '汇总');
    expect(s.rowCount).toBe(5 + 3);
    const rows = [6, 7, 8].map((r) => (s.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [
        undefined,
        undefined,
        '损坏.docx',
        undefined,
        undefined,
        undefined,
        undefined,
        '无法读取',
        '文件已损坏，无法打开。',
      ],
      [
        undefined,
        undefined,
        '扫描件.pdf',
        undefined,
        undefined,
        undefined,
        undefined,
        '已跳过',
        '不是可审查的文件类型；如是年度报告，请另存为 .docx 后再审查。',
      ],
      [
        undefined,
        undefined,
        '会议通知.docx',
        undefined,
        undefined,
        undefined,
        undefined,
        '已跳过',
        '不是政府信息公开工作年度报告。',
      ],
    ]);
    // 模板 no longer says 无法读取 and the message sits in the wide 说明: one or two lines, not a tower.
    expect(s.getColumn(9).width).toBeGreaterThanOrEqual(40);
    for (const r of [6, 7, 8]) expect(s.getRow(r).height ?? 15).toBeLessThanOrEqual(40);
    expect(s.autoFilter).toBe('A1:I8');
    expect(sheet(book, '数据').rowCount).toBe(7);
    expect(sheet(book, '问题清单').rowCount).toBe(8);
  });

  it('文件 is the path relative to the folder all inputs share, not the path as typed', async () => {
    const w = workspace();
    const reports = w.input.reports.map((r, i) => ({
      ...r,
      model: { ...r.model, file: `/home/科员/年报/2023/r${i}.docx` },
    }));
    reports[3]!.model.file = '/home/科员/年报/2022/旧.docx';
    const book = await read(
      await auditWorkbookBuffer({
        ...w.input,
        reports,
        failures: [{ file: '/home/科员/年报/2023/坏.docx', message: '已损坏。' }],
      }),
    );
    const files = column(sheet(book, '汇总'), 3);
    expect(files).toEqual(expect.arrayContaining(['2023/r0.docx', '2022/旧.docx', '2023/坏.docx']));
    expect(files.every((f) => typeof f === 'string' && !f.includes('科员'))).toBe(true);
    expect(
      column(sheet(book, '问题清单'), 3).every(
        (f) => typeof f === 'string' && !f.includes('/home'),
      ),
    ).toBe(true);
    // The folder is said once, in the printed header of 汇总.
    expect(sheet(book, '汇总').headerFooter.oddHeader).toBe('&L文件所在文件夹：/home/科员/年报');
  });
});

describe('问题清单', () => {
  const s = () => sheet(wb, '问题清单');

  it('has one row per finding sorted by agency, year and severity', () => {
    expect(s().rowCount).toBe(1 + 4 + 1 + 2);
    expect(column(s(), 1)).toEqual([
      '临淄区工业和信息化局',
      '临淄区工业和信息化局',
      '临淄区工业和信息化局',
      '临淄区工业和信息化局',
      '临淄区工业和信息化局',
      '临淄区工业和信息化局',
      null,
    ]);
    expect(column(s(), 2)).toEqual([2022, 2022, 2023, 2023, 2023, 2023, 2023]);
    expect(column(s(), 6)).toEqual(['警告', '提示', '错误', '警告', '警告', '提示', '错误']);
    // Within one severity, the rules' own order is kept.
    expect(column(s(), 4).slice(3, 5)).toEqual(['text/stale-year', 'engine/rule-failed']);
  });

  it('fills each severity cell with its colour', () => {
    const fill = (r: number) =>
      (s().getRow(r).getCell(6).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fill(4)).toBe('FFFFC7CE'); // 错误, red-ish
    expect(fill(2)).toBe('FFFFEB9C'); // 警告, amber
    expect(fill(3)).toBe('FFDDEBF7'); // 提示, blue
    expect(s().getRow(3).getCell(6).fill).toBeTruthy();
  });

  it('writes location, numbers, quote and the rule title from the catalogue', () => {
    const row = s().getRow(4);
    expect(row.getCell(4).value).toBe('applications/balance');
    expect(row.getCell(8).value).toBe('表三「（七）总计」行「自然人」列');
    expect(row.getCell(9).value).toBe(175);
    expect(row.getCell(10).value).toBe(174);
    expect(row.getCell(11).value).toBeNull();
    const stale = s().getRow(5);
    expect(stale.getCell(8).value).toBe('第一部分（三）小标题下第 1 段');
    expect(stale.getCell(9).value).toBeNull();
    expect(stale.getCell(11).value).toBe('严格落实保密审查');
    const engine = s().getRow(6);
    expect(engine.getCell(5).value).toBe('规则执行失败');
    expect(s().getRow(2).getCell(8).value).toBe('第五部分「存在的主要问题及改进情况」');
  });

  it('期望值/实际值 name their sides for text-against-table rules and show similarities in per cent', async () => {
    const w = workspace();
    const [first, ...rest] = w.input.reports;
    const findings = [
      finding('consistency/no-applications-claim', 'error', {
        section: 'overview',
        table: 'applications',
        expected: 5,
        actual: 0,
      }),
      finding('corpus/copied-section', 'warning', { section: 'problems', actual: 99 }),
      finding('applications/balance', 'error', {
        table: 'applications',
        expected: 175,
        actual: 174,
      }),
    ];
    const book = await read(
      await auditWorkbookBuffer({ ...w.input, reports: [{ ...first!, findings }, ...rest] }),
    );
    const list = sheet(book, '问题清单');
    const byRule = new Map<unknown, ExcelJS.Row>();
    for (let r = 2; r <= list.rowCount; r++)
      byRule.set(list.getRow(r).getCell(4).value, list.getRow(r));
    const values = (id: string): unknown[] => [9, 10].map((c) => byRule.get(id)?.getCell(c).value);
    expect(values('consistency/no-applications-claim')).toEqual(['表格 5 件', '正文 0 件']);
    expect(values('corpus/copied-section')).toEqual([null, '99%']);
    // A table check: two figures of the same table, kept as numbers (filterable, summable).
    expect(values('applications/balance')).toEqual([175, 174]);
    // The Chinese rule name stands beside every rule id.
    expect(byRule.get('corpus/copied-section')?.getCell(5).value).toBe(
      catalogue().find((r) => r.id === 'corpus/copied-section')?.title,
    );
  });

  it('gives rows with long wrapped text the height of their lines, so nothing prints clipped', async () => {
    const long =
      '表三「总计」列：第一项加第二项之和与第三项加第四项之和不相等，请核对各项数据并与申请登记台账逐件比对后更正。'.repeat(
        3,
      );
    const [first, ...rest] = ws.input.reports;
    const input = {
      ...ws.input,
      reports: [{ ...first!, findings: [{ ...first!.findings[0]!, message: long }] }, ...rest],
    };
    const book = await read(await auditWorkbookBuffer(input));
    const findings = sheet(book, '问题清单');
    const messageWidth = (findings.getColumn(7).width ?? 10) - 1;
    const r = column(findings, 7).indexOf(long) + 2;
    expect(r).toBeGreaterThan(1);
    // Only CJK text, about two column units a character: at least this many printed lines.
    const minLines = Math.ceil((long.length * 2) / messageWidth);
    expect(minLines).toBeGreaterThan(2);
    expect(findings.getRow(r).height).toBeGreaterThanOrEqual(minLines * 16);
    // A short row keeps the default height.
    const short = column(findings, 7).findIndex((m) => typeof m === 'string' && m.length < 20);
    if (short >= 0) expect(findings.getRow(short + 2).height ?? 15).toBeLessThan(32);
  });

  it('without decisions every finding is 待审查 with an empty note', () => {
    expect(new Set(column(s(), 12))).toEqual(new Set(['待审查']));
    expect(new Set(column(s(), 13))).toEqual(new Set([null]));
  });

  it('freezes the header, filters it, wraps the text and prints A4 landscape with the header on every page', () => {
    const sh = s();
    expect(sh.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sh.autoFilter).toBe('A1:O8');
    expect(sh.pageSetup.orientation).toBe('landscape');
    expect(sh.pageSetup.paperSize).toBe(9);
    expect(sh.pageSetup.printTitlesRow).toBe('1:1');
    expect(sh.pageSetup.fitToWidth).toBe(1);
    expect(sh.getRow(2).getCell(7).alignment?.wrapText).toBe(true);
    expect(sh.getColumn(7).width).toBeGreaterThanOrEqual(40);
    expect(sh.getColumn(2).width).toBeLessThan(10);
  });
});

describe('数据', () => {
  const s = () => sheet(wb, '数据');
  const col = (key: string) => 5 + dataColumns().findIndex((c) => c.key === key);

  it('has one row per report, in the summary order, then one 合计 row per year', () => {
    expect(s().rowCount).toBe(1 + 4 + 2);
    expect(column(s(), 1)).toEqual([
      '博山区教育局',
      '临淄区工业和信息化局',
      '临淄区工业和信息化局',
      null,
      '合计（2022 年度，当前版本）',
      '合计（2023 年度，当前版本）',
    ]);
    expect(column(s(), 4)).toEqual(['是', '是', '是', '是', '是', '是']);
  });

  it('stores numbers as numbers and leaves blanks, text and absent tables blank', () => {
    const lin2023 = s().getRow(4);
    expect(lin2023.getCell(col('applications.newReceived.total')).value).toBe(169);
    expect(lin2023.getCell(col('applications.newReceived.naturalPerson')).value).toBe(167);
    expect(typeof lin2023.getCell(col('activeDisclosure.licensing')).value).toBe('number');
    expect(lin2023.getCell(col('activeDisclosure.administrativeFees')).value).toBe(290.066);
    expect(lin2023.getCell(col('activeDisclosure.punishment')).value).toBeNull();
    expect(lin2023.getCell(col('activeDisclosure.coercion')).value).toBeNull();
    expect(lin2023.getCell(col('reviewLitigation.review.total')).value).toBe(4);
    // General format everywhere: nothing rounds a value (a fractional count is a finding to see as written).
    expect(s().getColumn(col('activeDisclosure.administrativeFees')).numFmt ?? 'General').toBe(
      'General',
    );
    // A zero extracted as zero is a number, not a blank.
    expect(lin2023.getCell(col('applications.carriedOver.total')).value).toBe(0);
    const unknown = s().getRow(5);
    const t3 = dataColumns().filter((c) => c.table === 'applications');
    expect(t3.every((c) => unknown.getCell(col(c.key)).value === null)).toBe(true);
    expect(unknown.getCell(col('activeDisclosure.licensing')).value).toBe(0);
  });

  it('closes with one SUMIFS row per year over that year\u2019s current versions', () => {
    const total = s().getRow(7);
    expect(total.getCell(1).value).toBe('合计（2023 年度，当前版本）');
    const c = col('applications.newReceived.total');
    const L = colLetter(c);
    expect(total.getCell(c).value).toMatchObject({
      formula: `SUMIFS(${L}$2:${L}$5,$B$2:$B$5,2023,$D$2:$D$5,"是")`,
    });
    const last = 4 + dataColumns().length;
    expect(total.getCell(last).value).toMatchObject({
      formula: expect.stringMatching(/^SUMIFS\(/),
    });
    expect(total.getCell(last + 1).value).toBeNull();
    // The file is not summed.
    expect(total.getCell(3).value).toBeNull();
  });

  it('writes the cached totals too, for viewers that do not recalculate', async () => {
    const raw = await new ExcelJS.Workbook().xlsx.load(
      (await auditWorkbookBuffer(ws.input)) as unknown as ArrayBuffer,
    );
    const d = sheet(raw, '数据');
    const result = (row: number, key: string) =>
      (d.getRow(row).getCell(col(key)).value as ExcelJS.CellFormulaValue).result;
    const sumOf = (year: number, key: string) =>
      [2, 3, 4, 5]
        .filter((r) => d.getRow(r).getCell(2).value === year)
        .reduce((acc, r) => acc + Number(d.getRow(r).getCell(col(key)).value ?? 0), 0);
    expect(result(6, 'applications.newReceived.total')).toBe(
      sumOf(2022, 'applications.newReceived.total'),
    );
    expect(result(7, 'applications.newReceived.total')).toBe(
      sumOf(2023, 'applications.newReceived.total'),
    );
    expect(result(7, 'applications.newReceived.total')).toBeGreaterThanOrEqual(169);
  });

  it('freezes header and the three lead columns; the filter leaves the 合计 row out', () => {
    expect(s().views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 3 });
    expect(s().autoFilter).toBe(`A1:${colLetter(4 + dataColumns().length)}5`);
    expect(s().pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      printTitlesRow: '1:1',
    });
  });

  it('prints in a few pages wide (about 16 figures a page beside the repeated 单位 and 年度), not 3 columns a page', () => {
    const p = s().pageSetup;
    expect(p.printTitlesColumn).toBe('A:B');
    expect(p.fitToPage).toBe(true);
    expect(p.fitToHeight).toBe(0);
    expect(p.fitToWidth).toBe(Math.ceil(dataColumns().length / 16));
    expect(p.fitToWidth).toBeLessThanOrEqual(15);
  });

  it('an empty workspace still gives a 合计 row and no self-referencing formula', async () => {
    const empty = await read(await auditWorkbookBuffer({ reports: [] }));
    const d = sheet(empty, '数据');
    expect(d.rowCount).toBe(2);
    expect(d.getRow(2).getCell(1).value).toBe('合计');
    expect(d.getRow(2).getCell(5).value).toBeNull();
    expect(sheet(empty, '问题清单').rowCount).toBe(1);
  });
});

describe('规则说明', () => {
  it('lists the registry catalogue, whatever rules exist, with Chinese severities', () => {
    const s = sheet(wb, '规则说明');
    const cat = catalogue();
    expect(s.rowCount).toBe(1 + cat.length);
    expect(column(s, 1)).toEqual(cat.map((r) => r.id));
    expect(column(s, 2)).toEqual(cat.map((r) => r.title));
    const labels: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
    expect(column(s, 3)).toEqual(cat.map((r) => labels[r.severity]));
    expect(s.getColumn(4).width).toBeGreaterThanOrEqual(60);
    expect(s.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      printTitlesRow: '1:1',
    });
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('review decisions', () => {
  it('fills 审查状态 and 备注 from decisions keyed by fingerprint, and summarises per report', async () => {
    const w = workspace();
    const lin = w.input.reports.find((r) => r.model === w.lin2023)!;
    const lin22 = w.input.reports.find((r) => r.model === w.lin2022)!;
    const decisions = new Map<string, ReviewDecision>([
      [
        findingFingerprint(w.lin2023, lin.findings[1]!),
        { status: 'confirmed', note: '已通知单位更正' },
      ],
      [findingFingerprint(w.lin2023, lin.findings[0]!), { status: 'dismissed', note: '' }],
      ...lin22.findings.map(
        (f) =>
          [findingFingerprint(w.lin2022, f), { status: 'dismissed', note: '格式差异' }] as const,
      ),
    ]);
    const book = await read(await auditWorkbookBuffer({ ...w.input, decisions }));
    const list = sheet(book, '问题清单');
    const balance = list.getRow(4);
    expect(balance.getCell(4).value).toBe('applications/balance');
    expect(balance.getCell(12).value).toBe('已确认');
    expect(balance.getCell(13).value).toBe('已通知单位更正');
    expect(list.getRow(7).getCell(12).value).toBe('已排除');
    expect(list.getRow(5).getCell(12).value).toBe('待审查');
    const summary = sheet(book, '汇总');
    expect(column(summary, 8)).toEqual(['无问题', '已完成', '审查中（2/4）', '待审查']);
  });

  it('a note longer than Excel allows in a cell is shortened, not written as a broken file', async () => {
    const w = workspace();
    const lin = w.input.reports.find((r) => r.model === w.lin2023)!;
    const decisions = new Map<string, ReviewDecision>([
      [
        findingFingerprint(w.lin2023, lin.findings[1]!),
        { status: 'confirmed', note: '长'.repeat(40_000) },
      ],
    ]);
    const book = await read(await auditWorkbookBuffer({ ...w.input, decisions }));
    const note = String(sheet(book, '问题清单').getRow(4).getCell(13).value);
    expect(note).toHaveLength(32_767);
    expect(note.endsWith('…')).toBe(true);
  });

  it('reviewProgress covers every case', () => {
    expect(reviewProgress([])).toBe('无问题');
    expect(reviewProgress(['pending', 'pending'])).toBe('待审查');
    expect(reviewProgress(['confirmed', 'pending', 'dismissed'])).toBe('审查中（2/3）');
    expect(reviewProgress(['confirmed', 'dismissed'])).toBe('已完成');
  });
});

describe('writing to disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nb-export-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes to a Chinese file name and leaves no temporary file behind', async () => {
    const target = path.join(dir, '审查结果（2023年度）.xlsx');
    await writeAuditWorkbook(target, ws.input);
    expect(await fs.readdir(dir)).toEqual(['审查结果（2023年度）.xlsx']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(target);
    expect(back.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '问题清单',
      '数据',
      '规则说明',
      '指标',
    ]);
    // Overwriting an existing workbook works too.
    await writeAuditWorkbook(target, { reports: [] });
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(target);
    expect(sheet(again, '汇总').rowCount).toBe(1);
  });
});
