import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
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
    expect(parseArgs(['a', '--json', 'o.json', 'b', '--xlsx=o.xlsx', '--deadline-government', '04-30'])).toEqual({
      inputs: ['a', 'b'],
      json: 'o.json',
      xlsx: 'o.xlsx',
      deadlines: { government: '04-30' },
      help: false,
      includePending: false,
      force: false,
    });
    expect(parseArgs(['x', '--letters', 'L', '--briefing=B.docx', '--workspace', 'W.nianbao', '--include-pending', '--force'])).toMatchObject({
      inputs: ['x'],
      letters: 'L',
      briefing: 'B.docx',
      workspace: 'W.nianbao',
      includePending: true,
      force: true,
    });
    expect(parseArgs(['--', '--odd-name.txt']).inputs).toEqual(['--odd-name.txt']);
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it.each([[[]], [['--json']], [['x', '--bogus']], [['x', '--deadline-department', '13-01']], [['x', '--deadline-department', '1-31']]])(
    'rejects %j',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
    },
  );

  it('validates MM-DD as a real day', () => {
    expect(validMonthDay('01-31')).toBe(true);
    expect(validMonthDay('02-29')).toBe(true);
    expect(validMonthDay('02-30')).toBe(false);
    expect(validMonthDay('04-31')).toBe(false);
    expect(validMonthDay('00-10')).toBe(false);
  });
});

describe('summary', () => {
  it('counts findings by severity and stays short for big batches', () => {
    const reports = Array.from({ length: 32 }, (_, k) => ({
      model: { ...emptyReport(`r${k}`, `r${k}.txt`), agency: `单位${k}`, year: 2023 },
      source: { format: 'txt' as const, fileName: `r${k}.txt`, blocks: [], html: '', notes: [] },
      findings: k === 0 ? [{ ruleId: 'a/b', severity: 'error' as const, message: '错' }, { ruleId: 'a/c', severity: 'info' as const, message: '提' }] : [],
    }));
    const text = summarize({ reports, failures: [{ file: 'x.docx', message: '文件已损坏。' }], skipped: [] });
    expect(text).toMatch(/共读取 32 份报告（1 个读取失败）/);
    expect(text).toMatch(/错误 1 条，警告 0 条，提示 1 条/);
    expect(text).toContain('单位0 2023 年（r0.txt）：错误 1，警告 0，提示 1');
    expect(text).toContain('另有 2 份报告');
    expect(text).not.toContain('单位31');
    expect(text).toContain('x.docx：文件已损坏。');
  });
});

describe('exit codes and failures (real command line)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nb-cli-'));
    mkdirSync(join(dir, 'mixed', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'mixed', 'good.txt'), GOOD);
    writeFileSync(join(dir, 'mixed', 'sub', 'empty.txt'), '');
    writeFileSync(join(dir, 'mixed', 'sub', 'binary.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'mixed', 'notes.pdf'), '%PDF-1.4');
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'empty.txt'), '');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with usage on a usage error, and writes nothing', () => {
    const r = runCli([join(dir, 'mixed'), '--deadline-department', '02-30', '--json', join(dir, 'never.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MM-DD/);
    expect(r.stderr).toMatch(/用法/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('exits 2 when no input could be read at all', () => {
    const out = join(dir, 'bad.json');
    const r = runCli([join(dir, 'bad'), join(dir, 'does-not-exist.docx'), '--json', out]);
    expect(r.status).toBe(2);
    const json = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
    expect(json.reports).toEqual([]);
    expect(json.failures.map((f) => f.message)).toEqual([expect.stringMatching(/不存在/), expect.stringMatching(/为空/)]);
  });

  it('exits 0 on a mixed folder, listing failures and skipped files, with an atomic JSON write', () => {
    const out = join(dir, 'mixed.json');
    const xlsx = join(dir, 'mixed.xlsx');
    const r = runCli([join(dir, 'mixed'), '--json', out, '--xlsx', xlsx]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
    expect(json.reports.map((x) => [x.agency, x.year])).toEqual([['某县科学技术局', 2023]]);
    expect(json.failures.map((f) => f.file.replace(dir, ''))).toEqual(['/mixed/sub/binary.md', '/mixed/sub/empty.txt']);
    expect(json.failures.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
    expect(json.skipped.map((s) => s.replace(dir, ''))).toEqual(['/mixed/notes.pdf']);
    expect(r.stdout).toMatch(/共读取 1 份报告（2 个读取失败，1 个已跳过）/);
    expect(r.stdout).toContain('binary.md');
    // The workbook is a real .xlsx (a zip) and the summary says where it went.
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(r.stdout).toContain(xlsx);
    // No temporary file left beside the result.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    // Progress goes to stderr only on a terminal; here stderr is a pipe.
    expect(r.stderr).toBe('');
  });
});
