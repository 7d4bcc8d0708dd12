/**
 * The five real seed reports through the whole pipeline: all five have balanced tables
 * (rules.md, "Known anomalies"), so any active/*, applications/*, review/* finding is a false
 * alarm, and none of them may carry a series or corpus error or warning (000 and 002 are two
 * different 临淄 agencies of the same year: not a series pair, and not copies of each other).
 * The seeds live beside the repository; when missing, the test fails rather than skips.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/core/audit';
import type { AuditRun } from '../../src/core/model/types';

const ROOT = path.resolve(__dirname, '../..');
const SEEDS = path.resolve(ROOT, '../shared/corpus/seeds');

let run: AuditRun;

beforeAll(async () => {
  const entries = await readdir(SEEDS).catch(() => {
    throw new Error(`种子报告目录不存在：${SEEDS}（本测试需要 shared/corpus/seeds，不会跳过）`);
  });
  const files = entries.filter((f) => f.endsWith('.txt')).sort();
  expect(files).toHaveLength(5);
  run = await auditFiles(files.map((f) => path.join(SEEDS, f)));
}, 120_000);

describe('seed reports: table, series and corpus rules', () => {
  it('all five are read as 2021-format reports with their three tables', () => {
    expect(run.failures).toEqual([]);
    expect(run.reports).toHaveLength(5);
    for (const r of run.reports) {
      expect(r.model.template).toBe('2021');
      expect(r.model.tables.activeDisclosure).not.toBeNull();
      expect(r.model.tables.applications).not.toBeNull();
      expect(r.model.tables.reviewLitigation).not.toBeNull();
    }
  });

  it('no active/*, applications/*, review/* finding on any seed', () => {
    const alarms = run.reports.flatMap((r) =>
      r.findings
        .filter((f) => /^(active|applications|review)\//.test(f.ruleId))
        .map((f) => `${path.basename(r.model.file)} ${f.ruleId} ${f.row ?? ''} ${f.column ?? ''}`),
    );
    expect(alarms).toEqual([]);
  });

  it('no series or corpus error or warning on any seed', () => {
    const alarms = run.reports.flatMap((r) =>
      r.findings
        .filter((f) => /^(series|corpus)\//.test(f.ruleId) && f.severity !== 'info')
        .map((f) => `${path.basename(r.model.file)} ${f.ruleId}`),
    );
    expect(alarms).toEqual([]);
  });

  it('the identities really were checked: a seed with non-zero table 三 balances', () => {
    // 002 (淄博市临淄区人民政府): 一 169 + 二 6 = （七）总计 + 四 in the 总计 column.
    const seed = run.reports.find((r) => r.model.agency === '淄博市临淄区人民政府');
    const t = seed?.model.tables.applications;
    expect(t?.newReceived.total.value).toBe(169);
    expect((t?.newReceived.total.value ?? 0) + (t?.carriedOver.total.value ?? 0)).toBe(
      (t?.totalProcessed.total.value ?? -1) + (t?.carriedForward.total.value ?? 0),
    );
  });
});
