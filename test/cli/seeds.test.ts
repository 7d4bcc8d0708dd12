/**
 * End to end on the seed reports: the real command line over the seed folder, every extracted
 * value compared with the expected values kept beside the seeds (tests may read them; product
 * code never does). CI runs in a fresh clone with shared/ beside the repository.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
import { repoRoot, runCli, type CliResult } from './run-cli';

const seedsDir = resolve(repoRoot, '../shared/corpus/seeds');
const expectedDir = join(seedsDir, 'expected');

interface Expected {
  agency: string;
  year: number;
  template: string;
  sectionsFound: string[];
  tables: Record<string, unknown>;
}

/** Flattens nested objects to dotted paths → leaf values. */
function leaves(prefix: string, v: unknown, out: Map<string, unknown>): Map<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) leaves(prefix ? `${prefix}.${k}` : k, x, out);
  } else out.set(prefix, v);
  return out;
}

describe('audit command on the seed reports', () => {
  let dir = '';
  let run: CliResult;
  let result: JsonResult;

  beforeAll(() => {
    // Fail, not skip: without the seeds this test would prove nothing.
    if (!existsSync(seedsDir)) throw new Error(`种子报告目录不存在：${seedsDir}`);
    dir = mkdtempSync(join(tmpdir(), 'nb-seeds-'));
    const out = join(dir, 'result.json');
    run = runCli([seedsDir, '--json', out]);
    result = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 and prints a Chinese summary', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/共读取 5 份报告/);
    expect(run.stdout).toMatch(/错误 \d+ 条，警告 \d+ 条，提示 \d+ 条/);
  });

  it('lists the expected-value files as skipped, not failed', () => {
    expect(result.failures).toEqual([]);
    expect(result.skipped.length).toBe(readdirSync(expectedDir).length);
    expect(result.skipped.every((s) => s.endsWith('.json'))).toBe(true);
  });

  it('has the contract shape', () => {
    expect(result.tool).toEqual({ name: 'nianbao-audit', version: expect.any(String) });
    for (const r of result.reports) {
      expect(Object.keys(r).sort()).toEqual(
        [
          'agency',
          'current',
          'file',
          'findings',
          'format',
          'id',
          'sections',
          'tables',
          'template',
          'unit',
          'year',
        ].sort(),
      );
      expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(r.format).toBe('txt');
      for (const f of r.findings) expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    expect(new Set(result.reports.map((r) => r.id)).size).toBe(result.reports.length);
  });

  const seeds = existsSync(expectedDir)
    ? readdirSync(expectedDir).filter((f) => f.endsWith('.json'))
    : ['(missing)'];
  it.each(seeds)('matches every expected value of %s', (name) => {
    const expected = JSON.parse(readFileSync(join(expectedDir, name), 'utf8')) as Expected;
    const seed = name.replace(/\.json$/, '');
    const report = result.reports.find((r) => basename(r.file).startsWith(seed));
    expect(report, `no report for ${seed}`).toBeDefined();
    if (!report) return;
    expect({ agency: report.agency, year: report.year, template: report.template }).toEqual({
      agency: expected.agency,
      year: expected.year,
      template: expected.template,
    });
    const found = report.sections.filter((s) => s.found).map((s) => s.key);
    expect(found).toEqual(expect.arrayContaining(expected.sectionsFound));
    const want = leaves('', expected.tables, new Map());
    const got = leaves('', report.tables, new Map());
    const mismatches = [...want]
      .filter(([k, v]) => got.get(k) !== v)
      .map(([k, v]) => `${k}: expected ${String(v)}, got ${String(got.get(k))}`);
    expect(mismatches).toEqual([]);
    expect(want.size).toBeGreaterThanOrEqual(200); // 10 + 175 + 15 cells
  });
});
