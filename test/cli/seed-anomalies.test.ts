/**
 * Issue 3's end-to-end check: the real command line on the seed reports reports every anomaly
 * listed at the end of rules.md, and no other error- or warning-severity rule fires on them.
 * (The per-group tests in test/rules/ check the quotes and locations in detail.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
import { repoRoot, runCli } from './run-cli';

const seedsDir = resolve(repoRoot, '../shared/corpus/seeds');

/** rules.md, "Known anomalies of the seed reports": rule id → severity, per seed. */
const KNOWN: Record<string, Record<string, 'error' | 'warning' | 'info'>> = {
  '000': {},
  '001': {
    'structure/statistics-period': 'info',
    'structure/missing-contact': 'info',
    'other/optional-item-missing': 'info',
  },
  '002': {
    'text/unbalanced-brackets': 'warning',
    'structure/government-accountability-missing': 'warning',
  },
  '003': {
    'structure/outdated-basis': 'warning',
    'structure/section-numbering': 'warning',
    'text/unbalanced-brackets': 'warning',
  },
  '004': {
    'structure/subnumbering-inconsistent': 'warning',
    'text/duplicate-paragraph': 'warning',
  },
};

describe('audit command: the seeds’ known anomalies and nothing else', () => {
  let dir = '';
  let result: JsonResult;

  beforeAll(() => {
    if (!existsSync(seedsDir)) throw new Error(`种子报告目录不存在：${seedsDir}`);
    dir = mkdtempSync(join(tmpdir(), 'nb-anomalies-'));
    const out = join(dir, 'seeds.json');
    const run = runCli([seedsDir, '--json', out]);
    expect(run.status).toBe(0);
    result = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(KNOWN))('seed %s', (seed) => {
    const report = result.reports.find((r) => basename(r.file).startsWith(`${seed}_`));
    expect(report, `seed ${seed} missing from the result`).toBeDefined();
    const findings = report!.findings;
    for (const [id, severity] of Object.entries(KNOWN[seed]!)) {
      expect(
        findings.some((f) => f.ruleId === id && f.severity === severity),
        `${seed}: ${id} (${severity})`,
      ).toBe(true);
    }
    const unexpected = findings.filter((f) => f.severity !== 'info' && !(f.ruleId in KNOWN[seed]!));
    expect(unexpected.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
