/**
 * Shared table cells (src/core/model/compact.ts): the command line keeps thousands of models with
 * one object per distinct cell content. The pool must share what is equal, keep the positions the
 * command line still reads, and change nothing of what the rules, the JSON and the workbook's
 * location texts make of a model.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFiles, jsonResultText } from '../../src/core/audit';
import { describeLocation } from '../../src/core/export/location';
import { must } from '../../src/core/model/checked';
import { CellPool } from '../../src/core/model/compact';
import { blankCell, missingCell, numberCell, textCell } from '../../src/core/model/factory';
import type { AuditRun, Finding, ReportModel } from '../../src/core/model/types';
import { auditModels, processFile } from '../../src/core/pipeline';
import { defaultSpec, specToDocx, specToHtml, specToTxt, specToXlsx } from '../fixtures';
import { buildReport } from '../support/builders';

describe('CellPool', () => {
  it('gives one object for cells of equal content, whatever report they come from', () => {
    const pool = new CellPool();
    const a = pool.cell(numberCell(3, '3', { block: 4, row: 2, col: 1 }));
    const b = pool.cell(numberCell(3, '3', { block: 9, row: 5, col: 6 }));
    expect(b).toBe(a);
    expect(a).toEqual({ value: 3, raw: '3', blank: false, missing: false });
    expect(pool.cell(numberCell(3, '３', { block: 4, row: 2, col: 1 }))).not.toBe(a);
    expect(pool.cell(blankCell('—', { block: 1, row: 1, col: 1 }))).toBe(pool.cell(blankCell('—')));
    expect(pool.cell(missingCell())).not.toBe(pool.cell(blankCell('')));
    expect(pool.cell(textCell('十二'))).toEqual(textCell('十二'));
    expect(pool.size).toBe(6);
  });

  it('keeps a position without a grid row, on the cell itself', () => {
    const pool = new CellPool();
    const cell = numberCell(7, '7', { block: 12, start: 3, end: 4 });
    expect(pool.cell(cell)).toBe(cell);
    expect(pool.size).toBe(0);
  });

  it('keeps every number as it was: -0, fractions, large values', () => {
    const pool = new CellPool();
    for (const v of [0, -0, 1.5, -3, 2 ** 40, 0.1 + 0.2]) {
      const out = pool.cell(numberCell(v, String(v), { block: 1, row: 1, col: 1 }));
      expect(Object.is(out.value, v)).toBe(true);
    }
    const long = '1'.repeat(40);
    const a = pool.cell(textCell(long, { block: 1, row: 1, col: 1 }));
    expect(a).toEqual(textCell(long));
    expect(pool.cell(textCell(long))).not.toBe(a);
  });

  it('replaces every cell of the three tables, and shares equal rows and tables', () => {
    const pool = new CellPool();
    const one = pool.compact(buildReport());
    const two = pool.compact(buildReport());
    const cells = (m: ReportModel) => {
      const p = must(m.tables.applications, 'table 三');
      return Object.values(p).flatMap((row) => Object.values(row));
    };
    expect(cells(one).every((c) => c.pos === undefined)).toBe(true);
    expect(cells(two)).toEqual(cells(one));
    for (const [i, c] of cells(two).entries()) expect(c).toBe(cells(one)[i]);
    expect(two.tables.applications).toBe(one.tables.applications);
    expect(two.tables.reviewLitigation).toBe(one.tables.reviewLitigation);
    expect(two.tables.activeDisclosure).toBe(one.tables.activeDisclosure);

    // One cell apart: the other rows are still shared, the table is not.
    const other = buildReport();
    must(other.tables.applications, 'table 三').granted.total = numberCell(123456, '123456', {
      block: 5,
      row: 3,
      col: 7,
    });
    const three = pool.compact(other);
    const p1 = must(one.tables.applications, 'table 三');
    const p3 = must(three.tables.applications, 'table 三');
    expect(p3).not.toBe(p1);
    expect(p3.granted).not.toBe(p1.granted);
    expect(p3.granted.total).toEqual({
      value: 123456,
      raw: '123456',
      blank: false,
      missing: false,
    });
    expect(p3.newReceived).toBe(p1.newReceived);
  });

  it('shares positions that hold only a block, and nothing else of the text', () => {
    const pool = new CellPool();
    const one = pool.compact(buildReport());
    const two = pool.compact(buildReport());
    expect(two.paragraphs).toEqual(buildReport().paragraphs);
    expect(two.paragraphs.length).toBeGreaterThan(0);
    for (const [i, p] of two.paragraphs.entries()) {
      expect(p.pos).toBe(must(one.paragraphs[i], 'paragraph').pos);
      expect(p).not.toBe(one.paragraphs[i]);
    }
    const ranged = { block: 3, start: 1, end: 4 };
    expect(pool.pos(ranged)).toBe(ranged);
    expect(pool.pos({ block: 3 })).toBe(pool.pos({ block: 3 }));
  });
});

/** A mixed folder: the seeds and generated reports with table faults in four formats. */
async function mixedFiles(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nb-compact-'));
  const faulty = defaultSpec({ agency: '洪泽区民政局', year: 2024 });
  faulty.tables.applications.newReceived.naturalPerson = 999;
  faulty.tables.reviewLitigation.review.total = 5;
  writeFileSync(join(dir, 'a.docx'), await specToDocx(faulty));
  writeFileSync(join(dir, 'b.xlsx'), await specToXlsx(faulty));
  writeFileSync(join(dir, 'c.html'), specToHtml(defaultSpec({ agency: '高良涧街道', year: 2023 })));
  writeFileSync(join(dir, 'd.txt'), specToTxt(faulty));
  const seeds = resolve(__dirname, '../../../shared/corpus/seeds');
  return [
    ...['a.docx', 'b.xlsx', 'c.html', 'd.txt'].map((f) => join(dir, f)),
    ...(await readdir(seeds)).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f)),
  ];
}

async function readModels(files: readonly string[]): Promise<ReportModel[]> {
  const models: ReportModel[] = [];
  for (const f of files) {
    const outcome = await processFile(f, { html: false });
    if (outcome.kind === 'report') models.push(outcome.file.model);
  }
  return models;
}

function runOf(models: ReportModel[]): { run: AuditRun; findings: Finding[] } {
  const { findings, workspace } = auditModels(models);
  const reports = models.map((model) => ({
    model,
    notes: [],
    findings: findings.get(model.id) ?? [],
  }));
  return {
    run: { reports, failures: [], skipped: [], workspace },
    findings: reports.flatMap((r) => r.findings),
  };
}

describe('shared cells on the command line path', () => {
  let full: ReturnType<typeof runOf>;
  let compact: ReturnType<typeof runOf>;
  let fullModels: ReportModel[];
  let compactModels: ReportModel[];
  let files: string[];

  beforeAll(async () => {
    files = await mixedFiles();
    fullModels = await readModels(files);
    const pool = new CellPool();
    compactModels = structuredClone(fullModels).map((m) => pool.compact(m));
    full = runOf(fullModels);
    compact = runOf(compactModels);
  }, 120_000);

  it('reads a folder with table findings', () => {
    expect(fullModels.length).toBeGreaterThanOrEqual(9);
    expect(full.findings.filter((f) => f.table !== undefined).length).toBeGreaterThan(3);
  });

  it('gives the same findings, apart from grid positions', () => {
    const strip = (fs: Finding[]) =>
      fs.map((f) => {
        const { pos, ...rest } = f;
        return pos && pos.row !== undefined && f.table !== undefined ? rest : f;
      });
    expect(strip(compact.findings)).toEqual(strip(full.findings));
  });

  it('writes the same JSON, byte for byte', () => {
    const text = (run: AuditRun) => Buffer.concat([...jsonResultText(run)]).toString('utf8');
    expect(text(compact.run)).toBe(text(full.run));
  });

  it('is what auditFiles does with `compact`, and the JSON stays the same', async () => {
    const text = (run: AuditRun) => Buffer.concat([...jsonResultText(run)]).toString('utf8');
    const plain = await auditFiles(files, { threads: 1 });
    const compacted = await auditFiles(files, { threads: 1, compact: true });
    const cellPos = (run: AuditRun) =>
      run.reports.map((r) => must(r.model.tables.applications, 'table 三').newReceived.total.pos);
    const plainPos = cellPos(plain);
    const compactPos = cellPos(compacted);
    expect(plainPos.filter((p) => p?.row !== undefined).length).toBeGreaterThan(3);
    for (const [i, p] of plainPos.entries())
      expect(compactPos[i]).toEqual(p?.row === undefined ? p : undefined);
    expect(text(compacted)).toBe(text(plain));
  }, 120_000);

  it('names every finding at the same place in the workbook', () => {
    const places = (r: ReturnType<typeof runOf>) =>
      r.run.reports.flatMap((x) => x.findings.map((f) => describeLocation(f, x.model)));
    const fullPlaces = places(full);
    expect(fullPlaces.filter(Boolean).length).toBeGreaterThan(0);
    expect(places(compact)).toEqual(fullPlaces);
  });
});
