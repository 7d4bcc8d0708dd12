/**
 * Export benchmark: 500 reports with ~10 findings each → the findings workbook on disk.
 * Run: npx tsx test/bench/export-bench.ts   (prints the times and the file size)
 * A city office exports a whole year's batch at once; this is the size of that case.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
} from '../../src/core/model/glossary';
import { numberCell } from '../../src/core/model/factory';
import type { Finding, Severity } from '../../src/core/model/types';
import type { ReviewDecision, WorkbookInput } from '../../src/core/export/types';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import { buildAuditWorkbook, writeAuditWorkbook } from '../../src/core/export/workbook';
import { buildReport } from '../support/builders';

const REPORTS = 500;
const FINDINGS_PER_REPORT = 10;

function workspace(): WorkbookInput {
  const severities: Severity[] = ['error', 'warning', 'info'];
  const reports: WorkbookInput['reports'] = [];
  const decisions = new Map<string, ReviewDecision>();
  for (let i = 0; i < REPORTS; i++) {
    const model = buildReport({
      agency: `第${i % 125}区第${i}局`,
      year: 2020 + (i % 4),
      id: `b${i}`,
    });
    // Distinct numbers in every cell, so 数据 is as full as a real batch.
    let n = i;
    for (const row of APPLICATION_ROW_KEYS)
      for (const col of APPLICANT_COLUMN_KEYS)
        model.tables.applications![row][col] = numberCell(n++ % 97);
    for (const g of REVIEW_GROUP_KEYS)
      for (const col of REVIEW_COLUMN_KEYS)
        model.tables.reviewLitigation![g][col] = numberCell(n++ % 7);
    model.tables.activeDisclosure!.administrativeFees = numberCell(i * 1.25);
    const findings: Finding[] = [];
    for (let k = 0; k < FINDINGS_PER_REPORT; k++) {
      const severity = severities[(i + k) % 3]!;
      const f: Finding =
        k % 2 === 0
          ? {
              ruleId: 'applications/row-sum',
              severity,
              message: `表三「（七）总计」行的总计为 ${k + 10}，但六类申请人之和为 ${k + 11}，相差 1。`,
              table: 'applications',
              row: APPLICATION_ROW_KEYS[k]!,
              column: 'total',
              expected: k + 11,
              actual: k + 10,
            }
          : {
              ruleId: 'text/template-leftover',
              severity,
              message: '正文中仍有模板占位内容“XX”，请核对后删除或补全。',
              section: 'overview',
              quote: `（${k}）政府信息管理。动态更新政府信息公开目录`,
            };
      findings.push(f);
      if (k % 3 === 0)
        decisions.set(findingFingerprint(model, f), { status: 'confirmed', note: '已通知单位' });
    }
    reports.push({ model, findings });
  }
  return { reports, decisions };
}

async function main(): Promise<void> {
  const input = workspace();
  const findings = input.reports.reduce((s, r) => s + r.findings.length, 0);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nb-export-bench-'));
  const target = path.join(dir, '审查结果.xlsx');
  try {
    // Warm-up (module and JIT), then measured runs.
    await buildAuditWorkbook({ reports: input.reports.slice(0, 5) });
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      await writeAuditWorkbook(target, input);
      times.push(performance.now() - t0);
    }
    const size = (await fs.stat(target)).size;
    const t0 = performance.now();
    await buildAuditWorkbook(input);
    const buildOnly = performance.now() - t0;
    times.sort((a, b) => a - b);
    console.log(
      `export-bench: ${REPORTS} reports, ${findings} findings → ${(size / 1024 / 1024).toFixed(2)} MB; ` +
        `write median ${Math.round(times[1]!)} ms (min ${Math.round(times[0]!)}, max ${Math.round(times[2]!)}); build only ${Math.round(buildOnly)} ms; ` +
        `heap ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MB`,
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
