/** The pipeline in process: input collection, failures as values, ids, and the JSON shape. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditFiles,
  auditInputs,
  collectInputs,
  failureMessage,
  jsonFinding,
  reportId,
  toJsonResult,
} from '../../src/core/audit';
import { IngestError } from '../../src/core/ingest/errors';
import { emptyReport } from '../../src/core/model/factory';

const REPORT = [
  '某县科学技术局',
  '2023年政府信息公开工作年度报告',
  '一、总体情况',
  '正文。',
  '二、主动公开政府信息情况',
  '\t第二十条第（一）项',
  '\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数',
  '\t规章\n\t0\n\t0\n\t0',
  '',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
].join('\n');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nb-audit-'));
  mkdirSync(join(dir, 'in', 'deep', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'in', 'a.txt'), REPORT);
  writeFileSync(join(dir, 'in', 'deep', 'deeper', 'b.md'), REPORT.replace('2023', '2022'));
  writeFileSync(join(dir, 'in', 'deep', 'photos.rar'), 'Rar!');
  writeFileSync(join(dir, 'in', '~$a.docx'), 'lock');
  writeFileSync(join(dir, 'in', 'broken.docx'), 'not a zip at all');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('collectInputs', () => {
  it('walks folders recursively, skips other kinds and Office lock files, reports missing inputs', async () => {
    const c = await collectInputs([
      join(dir, 'in'),
      join(dir, 'missing.txt'),
      join(dir, 'in', 'a.txt'),
    ]);
    expect(c.files.map((f) => f.replace(dir, ''))).toEqual([
      '/in/a.txt',
      '/in/broken.docx',
      '/in/deep/deeper/b.md',
    ]);
    expect(c.skipped.map((f) => [f.file.replace(dir, ''), f.reason]).sort()).toEqual([
      ['/in/deep/photos.rar', 'unsupported'],
      ['/in/~$a.docx', 'clutter'],
    ]);
    expect(c.failures).toEqual([
      { file: join(dir, 'missing.txt'), message: '找不到该文件或文件夹，可能已被移动或删除。' },
    ]);
  });
});

describe('auditFiles', () => {
  it('reads, extracts and audits; a broken file becomes a failure and the batch goes on', async () => {
    const progress: number[] = [];
    const run = await auditFiles([join(dir, 'in', 'broken.docx'), join(dir, 'in', 'a.txt')], {
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2]);
    expect(run.reports).toHaveLength(1);
    expect(run.reports[0]?.model).toMatchObject({
      agency: '某县科学技术局',
      year: 2023,
      format: 'txt',
    });
    expect(run.reports[0]?.model.paragraphs.length).toBeGreaterThan(3);
    expect(Array.isArray(run.reports[0]?.findings)).toBe(true);
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]?.file).toBe(join(dir, 'in', 'broken.docx'));
    expect(run.failures[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives stable, distinct ids', async () => {
    const a = join(dir, 'in', 'a.txt');
    expect(reportId(a)).toBe(reportId(a));
    expect(reportId(a)).not.toBe(reportId(join(dir, 'in', 'deep', 'deeper', 'b.md')));
    const run = await auditFiles([a, a]);
    const ids = run.reports.map((r) => r.model.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toBe(reportId(a));
  });

  it('wraps unexpected errors in a Chinese message and keeps IngestError messages as they are', () => {
    expect(failureMessage(new IngestError('文件为空（0 字节），无法读取。', 'empty'))).toBe(
      '文件为空（0 字节），无法读取。',
    );
    expect(failureMessage(new TypeError('x is undefined'))).toBe('读取失败：x is undefined');
    expect(
      failureMessage(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
    ).toMatch(/没有读取权限/);
  });
});

describe('toJsonResult', () => {
  it('has the contract shape: six sections, absent tables null, only contract fields in findings', async () => {
    const run = await auditInputs([join(dir, 'in', 'a.txt'), join(dir, 'nope')]);
    const json = toJsonResult(run);
    expect(json.tool.name).toBe('nianbao-audit');
    expect(json.failures.map((f) => f.file)).toEqual([join(dir, 'nope')]);
    const r = json.reports[0];
    expect(r?.sections.map((s) => [s.key, s.number, s.found])).toEqual([
      ['overview', 1, true],
      ['activeDisclosure', 2, true],
      ['applications', 3, false],
      ['reviewLitigation', 4, false],
      ['problems', 5, false],
      ['otherMatters', 6, true],
    ]);
    expect(r?.sections[2]?.title).toBe('收到和处理政府信息公开申请情况');
    expect(r?.tables.applications).toBeNull();
    expect(r?.tables.reviewLitigation).toBeNull();
    expect(r?.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, effective: 0 },
      normativeDocuments: { issued: null, repealed: null, effective: null },
      licensing: null,
      punishment: null,
      coercion: null,
      administrativeFees: null,
    });
    // JSON-safe: no undefined, no positions.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('drops positions and undefined fields from findings', () => {
    const f = jsonFinding({
      ruleId: 'a/b',
      severity: 'info',
      message: '说明',
      pos: { block: 1 },
      row: undefined,
      expected: 0,
    });
    expect(f).toEqual({ ruleId: 'a/b', severity: 'info', message: '说明', expected: 0 });
    const empty = toJsonResult({
      reports: [{ model: emptyReport('i', 'f.txt'), notes: [], findings: [] }],
      failures: [],
      skipped: [],
    });
    expect(empty.reports[0]?.tables).toEqual({
      activeDisclosure: null,
      applications: null,
      reviewLitigation: null,
    });
    expect(empty.reports[0]?.sections.every((s) => !s.found)).toBe(true);
  });
});
