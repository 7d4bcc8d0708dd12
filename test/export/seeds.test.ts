/**
 * The real pipeline on the five seed reports, exported and read back: every cell of the 数据 sheet
 * must equal the seeds' expected values (shared/corpus/seeds/expected), numbers as numbers, nulls
 * blank. The seeds live outside the repository; when they are missing the test fails, it never skips.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/core/audit';
import { dataColumns } from '../../src/core/export/data-columns';
import { auditWorkbookBuffer } from '../../src/core/export/workbook';
import type { AuditRun } from '../../src/core/model/types';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedsDir = path.resolve(repoRoot, '../shared/corpus/seeds');

type Expected = { agency: string; year: number; template: string; tables: Record<string, unknown> };

/** The expected value of one data column in a seed's expected JSON (null when blank or the table is absent). */
function expectedValue(
  exp: Expected,
  table: string,
  row: string,
  column: string | undefined,
): number | null {
  const t = exp.tables[table] as Record<string, unknown> | null;
  if (!t) return null;
  const r = t[row];
  const v = column === undefined ? r : (r as Record<string, unknown> | null | undefined)?.[column];
  return typeof v === 'number' ? v : null;
}

let run: AuditRun;
let book: ExcelJS.Workbook;
const expected = new Map<string, Expected>();

beforeAll(async () => {
  const entries = await fs.readdir(seedsDir).catch(() => {
    throw new Error(`种子报告目录不存在：${seedsDir}（本测试需要 shared/corpus/seeds，不会跳过）`);
  });
  const seeds = entries.filter((f) => f.endsWith('.txt')).sort();
  expect(seeds).toHaveLength(5);
  for (const s of seeds) {
    expected.set(
      s,
      JSON.parse(
        await fs.readFile(path.join(seedsDir, 'expected', s.replace(/\.txt$/, '.json')), 'utf8'),
      ) as Expected,
    );
  }
  run = await auditFiles(seeds.map((s) => path.join(seedsDir, s)));
  const buf = await auditWorkbookBuffer({
    reports: run.reports.map((r) => ({ model: r.model, findings: r.findings })),
  });
  book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
}, 120_000);

describe('seed reports through the pipeline into the workbook', () => {
  it('reads all five seeds and lists them in 汇总', () => {
    expect(run.failures).toEqual([]);
    expect(run.reports).toHaveLength(5);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(6);
    const agencies = [2, 3, 4, 5, 6].map((r) => summary.getRow(r).getCell(1).value);
    expect(new Set(agencies)).toEqual(new Set([...expected.values()].map((e) => e.agency)));
  });

  it('writes every extracted cell of tables 二, 三, 四 as the expected number, or blank', () => {
    const data = book.getWorksheet('数据')!;
    expect(data.rowCount).toBe(1 + 5 + 1); // the five seeds are all 2023: one 合计 row
    const cols = dataColumns();
    let numbers = 0;
    for (let r = 2; r <= 6; r++) {
      const row = data.getRow(r);
      const file = path.basename(String(row.getCell(3).value));
      const exp = expected.get(file);
      expect(exp, file).toBeDefined();
      expect(row.getCell(1).value).toBe(exp!.agency);
      expect(row.getCell(2).value).toBe(exp!.year);
      cols.forEach((c, i) => {
        const want = expectedValue(exp!, c.table, c.row, c.column);
        const got = row.getCell(5 + i).value;
        if (want === null) {
          expect(got, `${file} ${c.header}`).toBeNull();
        } else {
          expect(typeof got, `${file} ${c.header}`).toBe('number');
          expect(got as number, `${file} ${c.header}`).toBeCloseTo(want, 6);
          numbers++;
        }
      });
    }
    // The seeds are 2021-format reports with full tables: nearly every cell is a number.
    expect(numbers).toBeGreaterThan(5 * 150);
  });

  it('seed 002 (淄博市临淄区人民政府) carries its known figures', () => {
    const data = book.getWorksheet('数据')!;
    const col = (key: string) => 5 + dataColumns().findIndex((c) => c.key === key);
    let row: ExcelJS.Row | undefined;
    for (let r = 2; r <= 6; r++)
      if (String(data.getRow(r).getCell(3).value).includes('002_')) row = data.getRow(r);
    expect(row).toBeDefined();
    expect(row!.getCell(col('applications.newReceived.total')).value).toBe(169);
    expect(row!.getCell(col('activeDisclosure.licensing')).value).toBe(59807);
    expect(row!.getCell(col('activeDisclosure.administrativeFees')).value).toBe(290.066);
    expect(row!.getCell(col('reviewLitigation.litigationDirect.total')).value).toBe(9);
  });

  it('sums the five seeds in the 合计 row', () => {
    const data = book.getWorksheet('数据')!;
    const c = 5 + dataColumns().findIndex((d) => d.key === 'applications.newReceived.total');
    const total = data.getRow(7).getCell(c).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^SUMIFS\([A-Z]+\$2:[A-Z]+\$6,\$B\$2:\$B\$6,2023,/);
    const want = [...expected.values()].reduce(
      (s, e) => s + (expectedValue(e, 'applications', 'newReceived', 'total') ?? 0),
      0,
    );
    expect(total.result).toBe(want);
  });

  it('lists every finding of the run in 问题清单 with a severity label', () => {
    const list = book.getWorksheet('问题清单')!;
    const count = run.reports.reduce((s, r) => s + r.findings.length, 0);
    expect(list.rowCount).toBe(1 + count);
    for (let r = 2; r <= list.rowCount; r++)
      expect(['错误', '警告', '提示']).toContain(list.getRow(r).getCell(6).value);
  });
});

describe('seed wording in 问题清单 (位置, 期望值/实际值) and 汇总 (files not audited)', () => {
  const rowsOf = (wb: ExcelJS.Workbook, ruleId: string): ExcelJS.Row[] => {
    const list = wb.getWorksheet('问题清单')!;
    const out: ExcelJS.Row[] = [];
    for (let r = 2; r <= list.rowCount; r++)
      if (list.getRow(r).getCell(4).value === ruleId) out.push(list.getRow(r));
    return out;
  };

  it('位置 names the sub-heading a flagged paragraph sits under, with Arabic paragraph numbers and no brackets', () => {
    // Seed 003 (樟树市工信局): 「（三)政府信息管理」 is a sub-heading standing alone; the stray 「”」 is in the
    // second paragraph under （四）.
    const places = rowsOf(book, 'text/unbalanced-brackets')
      .filter((r) => String(r.getCell(3).value).startsWith('003_'))
      .map((r) => [r.getCell(11).value, r.getCell(8).value]);
    expect(places).toEqual([
      ['（三)政府信息管理', '第一部分（三）小标题'],
      ['专栏和放管服”改革优化营商环境', '第一部分（四）小标题下第 2 段'],
    ]);
    // No location anywhere reads like a sub-heading number for a paragraph count.
    const list = book.getWorksheet('问题清单')!;
    for (let r = 2; r <= list.rowCount; r++)
      expect(String(list.getRow(r).getCell(8).value ?? '')).not.toMatch(
        /第（[一二三四五六七八九十]+）段/,
      );
  });

  it('期望值/实际值 of a text-against-table finding name the sides: 表格 0 件 / 正文 5 件', async () => {
    // Seed 000 with its 「未收到政府信息公开申请书」 turned into a claim of 5 applications; its table 三 is all zero.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nb-seed-claim-'));
    try {
      const text = await fs.readFile(path.join(seedsDir, '000_9d3f07d5fe28c571.txt'), 'utf8');
      const changed = text.replace(
        '区工信局未收到政府信息公开申请书。',
        '区工信局共收到政府信息公开申请5件，均已按时答复。',
      );
      expect(changed).not.toBe(text);
      await fs.writeFile(path.join(dir, '临淄工信.txt'), changed);
      const claimRun = await auditFiles([path.join(dir, '临淄工信.txt')]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        (await auditWorkbookBuffer({
          reports: claimRun.reports.map((r) => ({ model: r.model, findings: r.findings })),
          skipped: [
            {
              file: path.join(dir, '扫描件.pdf'),
              reason: 'unsupported',
              message: '不是可审查的文件类型。',
            },
          ],
          failures: [{ file: path.join(dir, '损坏.docx'), message: '文件已损坏。' }],
        })) as unknown as ArrayBuffer,
      );
      const [row] = rowsOf(wb, 'consistency/no-applications-claim');
      expect(row).toBeDefined();
      expect(row!.getCell(5).value).toBe('“未收到申请”与表格不符');
      expect([row!.getCell(9).value, row!.getCell(10).value]).toEqual(['表格 0 件', '正文 5 件']);
      expect(row!.getCell(8).value).toBe(
        '第一部分（二）小标题下第 1 段；表三「一、本年新收政府信息公开申请数量」行「总计」列',
      );
      // 汇总: the report, then the failed and the skipped file, by name relative to their folder.
      const summary = wb.getWorksheet('汇总')!;
      expect(
        [2, 3, 4].map((r) => [
          summary.getRow(r).getCell(3).value,
          summary.getRow(r).getCell(8).value,
        ]),
      ).toEqual([
        ['临淄工信.txt', '待审查'],
        ['损坏.docx', '无法读取'],
        ['扫描件.pdf', '已跳过'],
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
