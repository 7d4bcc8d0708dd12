/**
 * The sample reports shipped in resources/samples (scripts/make-samples.ts) must read, extract
 * cleanly and chain across years: they are what a new user audits first.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/core/audit';
import { extractReport } from '../../src/core/extract';
import { readPath } from '../../src/core/ingest';
import { numericValue } from '../../src/core/model/factory';
import { APPLICANT_COLUMN_KEYS } from '../../src/core/model/glossary';
import type { ReportModel } from '../../src/core/model/types';

const DIR = join(__dirname, '../../resources/samples');
const files = readdirSync(DIR)
  .filter((f) => /\.(docx|html)$/.test(f))
  .sort();

async function load(file: string): Promise<ReportModel> {
  return extractReport(await readPath(join(DIR, file)), { id: file, file });
}

describe('shipped samples', () => {
  it('there are Word reports for the five seeds, three 2022 reports and a web page', () => {
    expect(files.filter((f) => f.endsWith('.docx')).length).toBe(8);
    expect(files.filter((f) => f.endsWith('.html')).length).toBe(1);
    expect(files.filter((f) => f.includes('2022年')).length).toBe(3);
  });

  it('the copy-forward pair (樟树市工信局 2022 → 2023) shows the cross-year findings on 2023', async () => {
    const names = [
      '樟树市工信局2022年政府信息公开工作年度报告.docx',
      '樟树市工信局2023年政府信息公开工作年度报告.docx',
    ];
    const run = await auditFiles(names.map((n) => join(DIR, n)));
    expect(run.failures).toEqual([]);
    const y23 = run.reports.find((r) => r.model.year === 2023)!;
    const series = y23.findings.filter((f) => f.ruleId.startsWith('series/'));
    expect(new Set(series.map((f) => f.ruleId))).toEqual(
      new Set(['series/carry-over', 'series/effective-unchanged', 'series/repeated-problems']),
    );
    const carry = series.find((f) => f.ruleId === 'series/carry-over' && f.column === 'total')!;
    expect([carry.expected, carry.actual]).toEqual([2, 0]);
  });

  it.each(files)('%s: agency and year as named, six sections, three tables', async (file) => {
    const m = await load(file);
    const [, agency, year] = /^(.+?)(\d{4})年政府信息公开工作年度报告\./.exec(file) ?? [];
    expect(m.agency).toBe(agency);
    expect(m.year).toBe(Number(year));
    expect(m.template).toBe('2021');
    expect(m.sections.every((s) => s.found)).toBe(true);
    expect(
      m.tables.activeDisclosure && m.tables.applications && m.tables.reviewLitigation,
    ).toBeTruthy();
  });

  it.each(['淄博市临淄区人民政府', '临淄区工业和信息化局'])(
    '%s: 2022 chains into 2023',
    async (agency) => {
      const y22 = await load(`${agency}2022年政府信息公开工作年度报告.docx`);
      const y23 = await load(`${agency}2023年政府信息公开工作年度报告.docx`);
      for (const c of APPLICANT_COLUMN_KEYS) {
        expect(numericValue(y22.tables.applications?.carriedForward[c]), c).toBe(
          numericValue(y23.tables.applications?.carriedOver[c]),
        );
      }
      const a22 = y22.tables.activeDisclosure?.normativeDocuments;
      const a23 = y23.tables.activeDisclosure?.normativeDocuments;
      const v = (x: Parameters<typeof numericValue>[0]): number => numericValue(x) ?? NaN;
      expect(v(a22?.effective) + v(a23?.issued) - v(a23?.repealed)).toBe(v(a23?.effective));
      // Each year's table 三 balances: new + carried over = processed + carried forward.
      const t = y22.tables.applications;
      expect(v(t?.newReceived.total) + v(t?.carriedOver.total)).toBe(
        v(t?.totalProcessed.total) + v(t?.carriedForward.total),
      );
    },
  );
});
