/**
 * Reader parity: each seed report, read from its text file and extracted, is re-written as
 * .docx, .xlsx, .html (UTF-8 and GBK, with page chrome), .txt and .pdf with real-world quirks; every
 * format must extract to the same agency, year, template, sections and table values.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { numericValue } from '../../src/core/model/factory';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
} from '../../src/core/model/glossary';
import type { CellValue, ReportModel } from '../../src/core/model/types';
import {
  specFromModel,
  specToDocx,
  specToHtml,
  specToPdf,
  specToTxt,
  specToXlsx,
  type Quirks,
  type ReportSpec,
} from '../fixtures';

const SEEDS = join(__dirname, '../../../shared/corpus/seeds');
if (!existsSync(SEEDS))
  throw new Error(`种子报告目录不存在：${SEEDS}（本测试需要 shared/corpus/seeds，不会跳过）`);
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Every table cell of a model, by a readable path. */
function cells(m: ReportModel): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const ad = m.tables.activeDisclosure;
  if (ad) {
    for (const r of ['regulations', 'normativeDocuments'] as const)
      for (const c of DOCUMENT_COLUMN_KEYS) out.set(`二.${r}.${c}`, ad[r][c]);
    for (const r of ['licensing', 'punishment', 'coercion', 'administrativeFees'] as const)
      out.set(`二.${r}`, ad[r]);
  }
  const ap = m.tables.applications;
  if (ap)
    for (const r of APPLICATION_ROW_KEYS)
      for (const c of APPLICANT_COLUMN_KEYS) out.set(`三.${r}.${c}`, ap[r][c]);
  const rl = m.tables.reviewLitigation;
  if (rl)
    for (const g of REVIEW_GROUP_KEYS)
      for (const c of REVIEW_COLUMN_KEYS) out.set(`四.${g}.${c}`, rl[g][c]);
  return out;
}

/** Differences of table values; cells missing in the seed (nothing to write back) are skipped. */
function tableDiffs(seed: ReportModel, other: ReportModel): string[] {
  const a = cells(seed);
  const b = cells(other);
  const diffs: string[] = [];
  for (const [k, cell] of a) {
    if (cell.missing) continue;
    const x = numericValue(cell);
    const y = numericValue(b.get(k));
    if (x !== y)
      diffs.push(
        `${k}: ${x} ≠ ${y} (raw ${JSON.stringify(cell.raw)} → ${JSON.stringify(b.get(k)?.raw)})`,
      );
  }
  for (const t of ['activeDisclosure', 'applications', 'reviewLitigation'] as const) {
    if ((seed.tables[t] === null) !== (other.tables[t] === null))
      diffs.push(`${t}: presence differs`);
  }
  return diffs;
}

const found = (m: ReportModel): string[] => m.sections.filter((s) => s.found).map((s) => s.key);

interface Variant {
  name: string;
  file: string;
  make: (spec: ReportSpec) => Promise<Buffer> | Buffer;
  /** Workbooks hold tables only: no title line check, no sections. */
  tablesOnly?: boolean;
}

const QUIRKS: Quirks = { splitLabels: true, fullWidthDigits: true, trailingSpaces: true };

const VARIANTS: Variant[] = [
  { name: 'docx', file: 'r.docx', make: (s) => specToDocx(s) },
  {
    name: 'docx, Word auto-numbering and quirks',
    file: 'r.docx',
    make: (s) =>
      specToDocx(s, { ...QUIRKS, headingNumerals: 'auto', subNumerals: 'auto', zeros: 'dash' }),
  },
  {
    name: 'docx, plain headings, flat table 四',
    file: 'r.docx',
    make: (s) => specToDocx(s, { headingStyle: 'plain', flatReviewTable: true }),
  },
  {
    name: 'xlsx, one sheet per table',
    file: 'r.xlsx',
    make: (s) => specToXlsx(s, QUIRKS, { layout: 'sheets' }),
    tablesOnly: true,
  },
  {
    name: 'xlsx, single sheet',
    file: 'r.xlsx',
    make: (s) => specToXlsx(s, { zeros: 'blank' }, { layout: 'single' }),
    tablesOnly: true,
  },
  {
    name: 'html utf-8 with chrome and split spans',
    file: 'r.html',
    make: (s) =>
      specToHtml(s, { ...QUIRKS, splitSpans: true }, { encoding: 'utf-8', chrome: true }),
  },
  {
    name: 'html gbk with chrome',
    file: 'r.html',
    make: (s) => specToHtml(s, { splitLabels: true }, { encoding: 'gbk', chrome: true }),
  },
  { name: 'txt', file: 'r.txt', make: (s) => Buffer.from(specToTxt(s, { zeros: 'dash' }), 'utf8') },
  { name: 'pdf, stroked rules', file: 'r.pdf', make: (s) => specToPdf(s) },
  {
    name: 'pdf, thin-rectangle rules, shading, vertical row headers, table 三 over two pages, page furniture',
    file: 'r.pdf',
    make: (s) =>
      specToPdf(s, QUIRKS, {
        rules: 'rects',
        shading: true,
        verticalHeaders: true,
        breakTable: { table: 'applications', atRow: 9, repeatHeader: true, caption: '续表' },
        runningHeader: `${s.titleLines.join('')}`,
        pageNumbers: 'of',
      }),
  },
];

describe.each(seedFiles)('parity of %s', (seedFile) => {
  let seed: ReportModel | undefined;
  let spec: ReportSpec | undefined;

  const load = async (): Promise<{ seed: ReportModel; spec: ReportSpec }> => {
    if (!seed || !spec) {
      const doc = await readBytes(readFileSync(join(SEEDS, seedFile)), seedFile);
      seed = extractReport(doc, { id: 'seed', file: seedFile });
      spec = specFromModel(seed);
    }
    return { seed, spec };
  };

  it('the seed itself extracts with tables and sections (precondition)', async () => {
    const { seed: m } = await load();
    expect(m.year).toBe(2023);
    expect(found(m).length).toBeGreaterThanOrEqual(5);
    expect(m.tables.applications).not.toBeNull();
    // Only a few seed cells may be unlocatable; parity skips those.
    expect([...cells(m).values()].filter((c) => c.missing).length).toBeLessThanOrEqual(5);
  });

  for (const v of VARIANTS) {
    it(v.name, async () => {
      const { seed: m, spec: s } = await load();
      const bytes = await v.make(s);
      const doc = await readBytes(Buffer.from(bytes), `${m.agency ?? '报告'}${v.file}`);
      const other = extractReport(doc, { id: 'v', file: v.file });
      expect(tableDiffs(m, other)).toEqual([]);
      expect(other.template).toBe(m.template);
      if (v.tablesOnly) {
        expect(found(other)).not.toContain('overview');
        return;
      }
      expect(other.agency).toBe(m.agency);
      expect(other.year).toBe(m.year);
      expect(found(other)).toEqual(found(m));
    });
  }
});
