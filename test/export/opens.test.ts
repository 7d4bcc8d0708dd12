/**
 * Does the workbook open outside exceljs? Where LibreOffice is installed, it converts the file
 * headless (a file LibreOffice cannot read fails the conversion); where it is not, the test says so
 * and checks the package structure instead — it never silently passes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditWorkbook } from '../../src/core/export/workbook';
import { workspace } from './fixtures';

function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nb-opens-'));
  file = path.join(dir, '审查结果.xlsx');
  await writeAuditWorkbook(file, workspace().input);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the workbook opens in other spreadsheet software', () => {
  it('is a valid xlsx package with the contract sheet parts (four, then 指标), print titles and no stray parts', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const names = Object.keys(zip.files);
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ]) {
      expect(names).toContain(part);
    }
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
    expect(sheets).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
      'xl/worksheets/sheet5.xml',
    ]);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const order = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['汇总', '问题清单', '数据', '规则说明', '指标']);
    // Repeated header rows are stored as the Print_Titles defined name, one per sheet.
    expect(workbookXml.match(/_xlnm\.Print_Titles/g)?.length).toBe(5);
    const data = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(data).toMatch(
      /<f>SUMIFS\(E\$2:E\$5,\$B\$2:\$B\$5,2023,\$D\$2:\$D\$5,&quot;是&quot;\)<\/f>/,
    );
    expect(data).not.toMatch(/NaN|undefined/);
  });

  it('converts with LibreOffice headless when it is installed', async () => {
    const soffice = findSoffice();
    if (!soffice) {
      console.log(
        '[export] LibreOffice (soffice) is not installed on this machine: the headless conversion check cannot run; the package structure check above stands in for it.',
      );
      // Stand-in so this case still asserts something that could fail: exceljs reads the file back whole.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((s) => s.name)).toEqual([
        '汇总',
        '问题清单',
        '数据',
        '规则说明',
        '指标',
      ]);
      return;
    }
    const out = path.join(dir, 'converted');
    await fs.mkdir(out);
    const profile = path.join(dir, 'lo-profile');
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        out,
        file,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    // Filter options 44,34,76: comma, double quote, UTF-8 (the default follows the locale, ASCII on a bare CI box).
    expect(run.status, run.stderr).toBe(0);
    const csv = await fs.readFile(path.join(out, '审查结果.csv'), 'utf8');
    // The first sheet (汇总): its header and the reports in export order.
    expect(csv.split(/\r?\n/)[0]).toBe('单位,年度,文件,模板,错误,警告,提示,审查状态,说明');
    expect(csv).toContain('博山区教育局,2023');
    expect(csv).toContain('临淄区工业和信息化局,2023');
  }, 180_000);
});
