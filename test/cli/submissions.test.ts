/**
 * Issue 8 end to end through the real command line: a folder as an office holds it, with a
 * roster. Asserts the contract's roster, submissions, coverage and skippedDetails sections and
 * each report's unit and current flag, and the workbook's 数据 totals and 报送情况.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
import {
  MISSING_UNIT,
  ROSTER_UNITS,
  writeMessyFolder,
  type MessyFolder,
} from '../fixtures/messy-folder';
import { runCli } from './run-cli';

let root: string;
let folder: MessyFolder;
let result: JsonResult;
let stdout: string;
let book: ExcelJS.Workbook;
let briefing: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nb-messy-'));
  folder = await writeMessyFolder(root);
  const json = join(root, 'out', 'r.json');
  const xlsx = join(root, 'out', 'r.xlsx');
  briefing = join(root, 'out', '通报.docx');
  const run = runCli([
    folder.dir,
    '--roster',
    folder.rosterFile,
    '--json',
    json,
    '--xlsx',
    xlsx,
    '--briefing',
    briefing,
  ]);
  expect(run.status, run.stderr).toBe(0);
  stdout = run.stdout;
  result = JSON.parse(readFileSync(json, 'utf8')) as JsonResult;
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const byFile = (path: string) => {
  const r = result.reports.find((x) => basename(x.file) === basename(path));
  if (!r) throw new Error(`no report for ${path}`);
  return r;
};

describe('a messy folder with a roster (cli-contract.md)', () => {
  it('reads the roster: eight units, not inferred', () => {
    expect(result.roster.inferred).toBe(false);
    expect(result.roster.source).toBe('应报送单位名单.csv');
    expect(result.roster.units.map((u) => u.name)).toEqual([...ROSTER_UNITS]);
    expect(result.roster.units[0]).toMatchObject({ kind: 'government', parent: null });
    expect(result.roster.units[1]).toMatchObject({
      kind: 'department',
      parent: '淮安市洪泽区人民政府',
    });
  });

  it('skips the notice and its own workbook with their reasons, and Thumbs.db as clutter', () => {
    const reason = (path: string) =>
      result.skippedDetails.find((s) => basename(s.file) === basename(path));
    expect(reason(folder.files.notice)).toMatchObject({
      reason: 'not-a-report',
      message: expect.stringContaining('通知'),
    });
    expect(reason(folder.files.workbook)).toMatchObject({
      reason: 'own-output',
      message: expect.stringContaining('本工具生成'),
    });
    expect(reason(folder.files.thumbs)).toMatchObject({ reason: 'clutter' });
    expect(result.skipped).toEqual(result.skippedDetails.map((s) => s.file));
    expect(result.reports.some((r) => /通知|审查结果/.test(r.agency ?? ''))).toBe(false);
    expect(result.failures).toEqual([]);
    expect(stdout).not.toContain('Thumbs.db');
  });

  it('one submission per unit and year, exactly one current version, the copy listed as a duplicate', () => {
    const keys = result.submissions.map((s) => `${s.unitName}#${s.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.submissions).toHaveLength(8); // six units in 2023, the government in 2023 and 2024
    for (const s of result.submissions) {
      const current = result.reports.filter((r) => s.versions.includes(r.id) && r.current);
      expect(current.map((r) => r.id)).toEqual([s.current]);
    }
    const finance = result.submissions.find((s) => s.unitName === '洪泽区财政局')!;
    const v2 = byFile(folder.files.v2);
    const original = byFile(folder.files.original);
    expect(finance.current).toBe(v2.id);
    expect(finance.versions).toEqual([v2.id, original.id]);
    expect(finance.duplicates).toEqual([
      { of: original.id, files: [expect.stringContaining('副本')] },
    ]);
    expect(byFile(folder.files.copy).current).toBe(false);
    expect(original.current).toBe(false);
    expect(v2.current).toBe(true);
    expect(v2.findings.filter((f) => f.ruleId === 'submission/multiple-versions')).toHaveLength(1);
    expect(original.findings.some((f) => f.ruleId === 'submission/multiple-versions')).toBe(false);
  });

  it('every report knows its roster unit; the renamed government is one unit, paired across years', () => {
    const unitOf = (name: string) => result.roster.units.find((u) => u.name === name)!.id;
    expect(byFile(folder.files.gov2023).unit).toBe(unitOf('淮安市洪泽区人民政府'));
    expect(byFile(folder.files.gov2024).unit).toBe(unitOf('淮安市洪泽区人民政府'));
    expect(byFile(folder.files.copy).unit).toBe(unitOf('洪泽区财政局'));
    expect(result.reports.every((r) => r.unit !== null)).toBe(true);
    const gov2024 = byFile(folder.files.gov2024);
    const unchanged = gov2024.findings.find((f) => f.ruleId === 'series/effective-unchanged');
    expect(unchanged?.relatedReport).toBe(byFile(folder.files.gov2023).id);
  });

  it('coverage: 缺报 is exactly the roster unit without a report', () => {
    const y2023 = result.coverage.find((c) => c.year === 2023)!;
    expect(y2023).toMatchObject({
      expected: 8,
      submitted: 7,
      missing: [MISSING_UNIT],
      notOnRoster: [],
    });
    expect(y2023.onTime + y2023.late).toBe(7);
    const y2024 = result.coverage.find((c) => c.year === 2024)!;
    expect(y2024).toMatchObject({ expected: 8, submitted: 1 });
    expect(y2024.missing).toHaveLength(7);
    expect(stdout).toContain(`未报：${MISSING_UNIT}`);
  });

  it('数据: one 合计 row per year over current versions only (the superseded version and the copy are not summed)', () => {
    const data = book.getWorksheet('数据')!;
    const header: string[] = [];
    data.getRow(1).eachCell((c) => header.push(String(c.value)));
    const licensing = header.indexOf('表二 行政许可 · 本年处理决定数量') + 1;
    expect(licensing).toBeGreaterThan(4);
    let total2023: ExcelJS.CellFormulaValue | null = null;
    let expected = 0;
    for (let r = 2; r <= data.rowCount; r++) {
      const row = data.getRow(r);
      const label = String(row.getCell(1).value ?? '');
      if (label.startsWith('合计（2023'))
        total2023 = row.getCell(licensing).value as ExcelJS.CellFormulaValue;
      else if (row.getCell(2).value === 2023 && row.getCell(4).value === '是')
        expected += Number(row.getCell(licensing).value ?? 0);
    }
    expect(total2023?.formula).toContain('"是"');
    expect(total2023?.result).toBe(expected);
    // 财政局: v2 (61) is counted; the original and its copy (59) are rows marked 否.
    const current = (path: string) => {
      for (let r = 2; r <= data.rowCount; r++)
        if (basename(String(data.getRow(r).getCell(3).value)) === basename(path))
          return data.getRow(r).getCell(4).value;
      return undefined;
    };
    expect([
      current(folder.files.v2),
      current(folder.files.original),
      current(folder.files.copy),
    ]).toEqual(['是', '否', '否']);
    const all2023 = [...Array(data.rowCount - 1).keys()]
      .map((i) => data.getRow(i + 2))
      .filter(
        (row) => row.getCell(2).value === 2023 && !String(row.getCell(1).value).startsWith('合计'),
      )
      .reduce((sum, row) => sum + Number(row.getCell(licensing).value ?? 0), 0);
    expect(all2023 - expected).toBe(59 * 2);
  });

  it('报送情况 lists every roster unit per year, the missing one as 未报', () => {
    const sheet = book.getWorksheet('报送情况')!;
    const rows = new Map<string, string>();
    for (let r = 2; r <= sheet.rowCount; r++)
      rows.set(
        String(sheet.getRow(r).getCell(1).value ?? ''),
        String(sheet.getRow(r).getCell(4).value ?? ''),
      );
    expect(rows.get(MISSING_UNIT)).toBe('未报');
    expect(rows.get('洪泽区财政局')).toBe('已报');
    for (const u of ROSTER_UNITS) expect(rows.has(u)).toBe(true);
  });

  it('the briefing states the roster’s figures and names the unit that sent nothing', async () => {
    const zip = await JSZip.loadAsync(readFileSync(briefing));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const y2024 = result.coverage.find((c) => c.year === 2024)!;
    // The briefing covers the latest year; its figures are the JSON's coverage.
    expect(text).toContain(
      `应报送年度报告的单位 ${y2024.expected} 家，已报送 ${y2024.submitted} 家`,
    );
    expect(text).not.toContain('推断');
    expect(text).toContain(MISSING_UNIT);
  });

  it('never reads its own outputs back: the JSON, the workbook and the briefing are skipped as own-output', () => {
    const again = runCli([join(root, 'out'), '--json', join(root, 'again.json')]);
    const json = JSON.parse(readFileSync(join(root, 'again.json'), 'utf8')) as JsonResult;
    expect(json.reports).toEqual([]);
    expect(json.skippedDetails.map((s) => [basename(s.file), s.reason]).sort()).toEqual(
      [
        ['r.json', 'own-output'],
        ['r.xlsx', 'own-output'],
        ['通报.docx', 'own-output'],
      ].sort(),
    );
    expect(again.status).toBe(2); // nothing to audit
  });
});
