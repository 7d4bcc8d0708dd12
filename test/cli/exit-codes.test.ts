import ExcelJS from 'exceljs';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
import type { AuditRun } from '../../src/core/model/types';
import { parseArgs, summarize, UsageError, validMonthDay } from '../../src/cli/index';
import { emptyReport } from '../../src/core/model/factory';
import { runCli } from './run-cli';

const GOOD = [
  '某县科学技术局',
  '2023年政府信息公开工作年度报告',
  '一、总体情况',
  '本局认真贯彻落实条例。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
].join('\n');

describe('argument parsing', () => {
  it('reads inputs and options in any order', () => {
    expect(
      parseArgs(['a', '--json', 'o.json', 'b', '--xlsx=o.xlsx', '--deadline-government', '04-30']),
    ).toEqual({
      inputs: ['a', 'b'],
      json: 'o.json',
      xlsx: 'o.xlsx',
      deadlines: { government: '04-30' },
      help: false,
      version: false,
      includePending: false,
      force: false,
    });
    expect(
      parseArgs([
        'x',
        '--letters',
        'L',
        '--briefing=B.docx',
        '--workspace',
        'W.nianbao',
        '--include-pending',
        '--force',
      ]),
    ).toMatchObject({
      inputs: ['x'],
      letters: 'L',
      briefing: 'B.docx',
      workspace: 'W.nianbao',
      includePending: true,
      force: true,
    });
    expect(parseArgs(['--', '--odd-name.txt']).inputs).toEqual(['--odd-name.txt']);
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['--version']).version).toBe(true);
    expect(parseArgs(['x', '--xlsx', '结果.XLSX']).xlsx).toBe('结果.XLSX');
  });

  it('names the repeated option and the expected extension', () => {
    expect(() => parseArgs(['x', '--xlsx', 'a.xlsx', '--xlsx', 'b.xlsx'])).toThrow(
      '选项 --xlsx 只能指定一次。',
    );
    expect(() => parseArgs(['x', '--xlsx', 'out.txt'])).toThrow(
      /--xlsx 的文件名应以 \.xlsx 结尾（收到「out\.txt」）/,
    );
  });

  it.each([
    [[]],
    [['--json']],
    [['x', '--bogus']],
    [['x', '--deadline-department', '13-01']],
    [['x', '--deadline-department', '1-31']],
    [['x', '--xlsx', 'a.xlsx', '--xlsx', 'b.xlsx']],
    [['x', '--json', 'a.json', '--json=b.json']],
    [['x', '--deadline-government', '03-31', '--deadline-government', '04-30']],
    [['x', '--xlsx', 'out.txt']],
    [['x', '--xlsx', 'out']],
  ])('rejects %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });

  it('validates MM-DD as a real day', () => {
    expect(validMonthDay('01-31')).toBe(true);
    expect(validMonthDay('02-29')).toBe(true);
    expect(validMonthDay('02-30')).toBe(false);
    expect(validMonthDay('04-31')).toBe(false);
    expect(validMonthDay('00-10')).toBe(false);
  });
});

function fakeReport(k: number, errors: number, warnings: number): AuditRun['reports'][number] {
  return {
    model: { ...emptyReport(`r${k}`, `r${k}.txt`), agency: `单位${k}`, year: 2023 },
    notes: [],
    findings: [
      ...Array.from({ length: errors }, () => ({
        ruleId: 'a/b',
        severity: 'error' as const,
        message: '错',
      })),
      ...Array.from({ length: warnings }, () => ({
        ruleId: 'a/c',
        severity: 'warning' as const,
        message: '警',
      })),
    ],
  };
}

describe('summary', () => {
  it('counts findings by severity and stays short for big batches', () => {
    const reports = Array.from({ length: 32 }, (_, k) => fakeReport(k, k === 0 ? 1 : 0, 0));
    reports[0]?.findings.push({ ruleId: 'a/c', severity: 'info' as const, message: '提' });
    const text = summarize({
      reports,
      failures: [{ file: 'x.docx', message: '文件已损坏。' }],
      skipped: [],
    });
    expect(text).toMatch(/共读取 32 份报告（1 个读取失败）/);
    expect(text).toMatch(/错误 1 条，警告 0 条，提示 1 条/);
    expect(text).toContain('单位0 2023 年（r0.txt）：错误 1，警告 0，提示 1');
    expect(text).toContain('另有 2 份报告未列出，详见');
    expect(text).not.toContain('单位31');
    expect(text).toContain('x.docx：文件已损坏。');
  });

  it('lists reports with errors first, then warnings, and says how many are not shown', () => {
    // 40 reports in input order; errors and warnings sit late in the list, where a path-ordered summary cut them off.
    const reports = Array.from({ length: 40 }, (_, k) =>
      fakeReport(
        k,
        k === 35 ? 1 : k === 38 ? 3 : 0,
        k === 33 || k === 36 || k === 38 ? 2 : k === 37 ? 1 : 0,
      ),
    );
    const text = summarize({ reports, failures: [], skipped: [] });
    const listed = [...text.matchAll(/· (单位\d+) /g)].map((m) => m[1]);
    expect(listed.slice(0, 6)).toEqual(['单位38', '单位35', '单位33', '单位36', '单位37', '单位0']);
    expect(listed).toHaveLength(30);
    expect(text).toContain('另有 10 份报告未列出，详见 --json / --xlsx 结果。');
    // Hidden reports that need work are counted by kind.
    const many = Array.from({ length: 35 }, (_, k) =>
      fakeReport(k, k < 32 ? 1 : 0, k >= 32 ? 1 : 0),
    );
    expect(summarize({ reports: many, failures: [], skipped: [] })).toContain(
      '另有 5 份报告未列出（其中 2 份有错误，3 份仅有警告）',
    );
  });

  it('says nothing about findings when nothing was read', () => {
    const text = summarize({
      reports: [],
      failures: [{ file: 'x.docx', message: '文件已损坏。' }],
      skipped: [],
    });
    expect(text).toContain('共读取 0 份报告（1 个读取失败）');
    expect(text).not.toContain('发现问题');
  });
});

describe('exit codes and failures (real command line)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nb-cli-'));
    mkdirSync(join(dir, 'mixed', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'mixed', 'good.txt'), GOOD);
    writeFileSync(join(dir, 'mixed', 'sub', 'empty.txt'), '');
    writeFileSync(
      join(dir, 'mixed', 'sub', 'binary.md'),
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]),
    );
    writeFileSync(join(dir, 'mixed', 'notes.ofd'), 'OFD');
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'empty.txt'), '');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with usage on a usage error, and writes nothing', () => {
    const r = runCli([
      join(dir, 'mixed'),
      '--deadline-department',
      '02-30',
      '--json',
      join(dir, 'never.json'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MM-DD/);
    expect(r.stderr).toMatch(/用法/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('--version prints the name and version and exits 0', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^年报审查（nianbao-audit）\d+\.\d+\.\d+$/);
  });

  it('a repeated --xlsx or a workbook not named .xlsx is a usage error (exit 2), and nothing is written', () => {
    const a = join(dir, 'a.xlsx');
    const r = runCli([join(dir, 'mixed'), '--xlsx', a, '--xlsx', join(dir, 'b.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('选项 --xlsx 只能指定一次。');
    const t = runCli([join(dir, 'mixed'), '--xlsx', join(dir, 'out.txt')]);
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/--xlsx 的文件名应以 \.xlsx 结尾/);
    expect(
      existsSync(a) || existsSync(join(dir, 'b.xlsx')) || existsSync(join(dir, 'out.txt')),
    ).toBe(false);
  });

  it('a result that cannot be written: one sentence naming the target and the cause, exit 2', () => {
    // The target is a folder: the same on every machine and for every user (root ignores permissions).
    const target = join(dir, '结果.json');
    mkdirSync(target);
    const r = runCli([join(dir, 'mixed'), '--json', target]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`无法写入 ${target}：该位置已有同名文件夹，请换一个文件名。`);
    expect(r.stdout).toContain('共读取 1 份报告');
    const x = join(dir, '结果.xlsx');
    mkdirSync(x);
    const w = runCli([join(dir, 'mixed'), '--xlsx', x]);
    expect(w.status).toBe(2);
    expect(w.stderr.trim()).toBe(`无法写入 ${x}：该位置已有同名文件夹，请换一个文件名。`);
    for (const text of [r.stderr, w.stderr]) {
      expect(text.match(/无法写入/g)).toHaveLength(1);
      expect(text).not.toMatch(/\.tmp|EISDIR|EACCES/);
    }
  });

  it('when nothing could be read, no "发现问题" line', () => {
    const r = runCli([join(dir, 'bad')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('共读取 0 份报告');
    expect(r.stdout).not.toContain('发现问题');
  });

  it('exits 2 when no input could be read at all', () => {
    const out = join(dir, 'bad.json');
    const r = runCli([join(dir, 'bad'), join(dir, 'does-not-exist.docx'), '--json', out]);
    expect(r.status).toBe(2);
    const json = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
    expect(json.reports).toEqual([]);
    expect(json.failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/找不到/),
      expect.stringMatching(/为空/),
    ]);
  });

  it('exits 0 on a mixed folder, listing failures and skipped files, with an atomic JSON write', async () => {
    const out = join(dir, 'mixed.json');
    const xlsx = join(dir, 'mixed.xlsx');
    const r = runCli([join(dir, 'mixed'), '--json', out, '--xlsx', xlsx]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
    expect(json.reports.map((x) => [x.agency, x.year])).toEqual([['某县科学技术局', 2023]]);
    expect(json.failures.map((f) => f.file.replace(dir, ''))).toEqual([
      '/mixed/sub/binary.md',
      '/mixed/sub/empty.txt',
    ]);
    expect(json.failures.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
    expect(json.skipped.map((s) => s.replace(dir, ''))).toEqual(['/mixed/notes.ofd']);
    expect(r.stdout).toMatch(/共读取 1 份报告（2 个读取失败，1 个已跳过）/);
    expect(r.stdout).toContain('binary.md');
    // The workbook is a real .xlsx (a zip) and the summary says where it went.
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(r.stdout).toContain(xlsx);
    // 汇总 lists the failed and the skipped files by their path inside the folder given.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const summary = book.getWorksheet('汇总')!;
    const rows = Array.from({ length: summary.rowCount - 1 }, (_, i) => [
      summary.getRow(i + 2).getCell(3).value,
      summary.getRow(i + 2).getCell(8).value,
    ]);
    expect(rows).toEqual([
      ['good.txt', '待审查'],
      ['sub/binary.md', '无法读取'],
      ['sub/empty.txt', '无法读取'],
      ['notes.ofd', '已跳过'],
    ]);
    // No temporary file left beside the result.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    // Progress goes to stderr only on a terminal; here stderr is a pipe.
    expect(r.stderr).toBe('');
  });
});
