/**
 * The three real published PDFs (../shared/corpus/real) read from the page: every value of the
 * three tables as in their expected JSON (checked by eye on the printed pages), the sections
 * found, and what the text layers lose kept: the vertical row header and the continued table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { numericValue } from '../../src/core/model/factory';
import type { CellValue, ReportModel, TableBlock } from '../../src/core/model/types';

const REAL = join(__dirname, '../../../shared/corpus/real');
if (!existsSync(REAL))
  throw new Error(`真实报告目录不存在：${REAL}（本测试需要 shared/corpus/real，不会跳过）`);
const names = readdirSync(join(REAL, 'expected'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** Expected numbers against the model's cells: the paths that differ. */
function compare(prefix: string, exp: unknown, got: unknown, out: string[]): void {
  if (typeof exp === 'number') {
    const v = numericValue(got as CellValue | undefined);
    if (v !== exp) out.push(`${prefix}: ${exp} ≠ ${v}`);
    return;
  }
  if (exp && typeof exp === 'object') {
    for (const [k, v] of Object.entries(exp))
      compare(`${prefix}.${k}`, v, (got as Record<string, unknown> | null)?.[k], out);
  }
}

describe.each(names)('real PDF %s', (name) => {
  it('extracts every expected value, the agency, year, template and sections', async () => {
    const expected = JSON.parse(readFileSync(join(REAL, 'expected', `${name}.json`), 'utf8')) as {
      agency: string;
      year: number;
      template: string;
      sectionsFound: string[];
      tables: Record<string, unknown>;
    };
    const doc = await readBytes(readFileSync(join(REAL, `${name}.pdf`)), `${name}.pdf`);
    const model: ReportModel = extractReport(doc, { id: name, file: `${name}.pdf` });
    expect(model.format).toBe('pdf');
    expect([model.agency, model.year, model.template]).toEqual([
      expected.agency,
      expected.year,
      expected.template,
    ]);
    expect(model.sections.filter((s) => s.found).map((s) => s.key)).toEqual(
      expect.arrayContaining(expected.sectionsFound),
    );
    const diffs: string[] = [];
    compare('tables', expected.tables, model.tables, diffs);
    expect(diffs).toEqual([]);
    // Table 三 runs over two pages: one table, whose vertical row header reads as one label.
    const t3 = doc.blocks.find(
      (b): b is TableBlock =>
        b.kind === 'table' && b.rows.some((r) => r.some((c) => c.text.includes('申请人情况'))),
    );
    expect(new Set(t3?.rows.flat().map((c) => c.page)).size).toBe(2);
    expect(t3?.rows.flat().some((c) => c.text === '三、本年度办理结果')).toBe(true);
    // No page number survives as text.
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && /^-\s*\d+\s*-$/.test(b.text))).toBe(
      false,
    );
  });
});
