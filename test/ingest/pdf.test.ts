/**
 * PDF reader end to end: reports drawn as PDF (test/fixtures/pdf.ts) with the layouts real PDFs
 * have must extract to the values they were drawn from; every cell and paragraph keeps its page
 * and box; hostile PDFs end in a Chinese IngestError, quickly.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { IngestError } from '../../src/core/ingest/errors';
import { numericValue } from '../../src/core/model/factory';
import type { ReportModel, SourceDocument, TableBlock } from '../../src/core/model/types';
import {
  defaultSpec,
  encryptedPdf,
  manyPagesPdf,
  scannedPdf,
  specToDocx,
  specToPdf,
  unmappedFontPdf,
  type PdfOptions,
  type Quirks,
  type ReportSpec,
} from '../fixtures';

/** A spec with distinct values in many cells, so a value read from the wrong cell shows. */
function busySpec(): ReportSpec {
  const s = defaultSpec({ agency: '某某市生态环境局', year: 2024 });
  const a = s.tables.applications;
  a.newReceived = {
    naturalPerson: 31,
    commercial: 4,
    research: 1,
    publicInterest: 2,
    legalService: 3,
    otherOrg: 5,
    total: 46,
  };
  a.carriedOver = {
    naturalPerson: 2,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 1,
    total: 3,
  };
  a.granted = {
    naturalPerson: 17,
    commercial: 2,
    research: 1,
    publicInterest: 1,
    legalService: 2,
    otherOrg: 3,
    total: 26,
  };
  a['denied.stateSecret'] = {
    naturalPerson: 1,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: 1,
  };
  a['unableToProvide.notHeld'] = {
    naturalPerson: 9,
    commercial: 1,
    research: 0,
    publicInterest: 1,
    legalService: 1,
    otherOrg: 2,
    total: 14,
  };
  a['notProcessed.duplicate'] = {
    naturalPerson: 2,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: 2,
  };
  a.totalProcessed = {
    naturalPerson: 29,
    commercial: 3,
    research: 1,
    publicInterest: 2,
    legalService: 3,
    otherOrg: 5,
    total: 43,
  };
  a.carriedForward = {
    naturalPerson: 4,
    commercial: 1,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 1,
    total: 6,
  };
  s.tables.activeDisclosure.regulations = { issued: 1, repealed: 2, effective: 13 };
  s.tables.activeDisclosure.punishment = 1532;
  s.tables.reviewLitigation.review = { upheld: 3, corrected: 1, other: 0, pending: 2, total: 6 };
  s.tables.reviewLitigation.litigationDirect = {
    upheld: 1,
    corrected: 0,
    other: 1,
    pending: 0,
    total: 2,
  };
  s.tables.reviewLitigation.litigationAfterReview = {
    upheld: 0,
    corrected: 1,
    other: 0,
    pending: 1,
    total: 2,
  };
  return s;
}

async function readPdf(
  spec: ReportSpec,
  quirks: Quirks = {},
  opts: PdfOptions = {},
): Promise<{ doc: SourceDocument; model: ReportModel }> {
  const doc = await readBytes(
    await specToPdf(spec, quirks, opts),
    `${spec.titleLines.join('')}.pdf`,
  );
  return { doc, model: extractReport(doc, { id: 'pdf', file: 'r.pdf' }) };
}

/** Every table value of the spec compared with the model's; returns the differing cells. */
function diffs(spec: ReportSpec, m: ReportModel): string[] {
  const out: string[] = [];
  const want = (v: string | number) =>
    typeof v === 'number' ? v : Number(v.replace(/[^\d.]/g, '')) || 0;
  const check = (k: string, v: string | number, got: Parameters<typeof numericValue>[0]) => {
    if (numericValue(got) !== want(v))
      out.push(`${k}: ${want(v)} ≠ ${numericValue(got)} (${JSON.stringify(got?.raw)})`);
  };
  const ad = spec.tables.activeDisclosure;
  const mad = m.tables.activeDisclosure;
  if (!mad) return ['table 二 missing'];
  for (const r of ['regulations', 'normativeDocuments'] as const)
    for (const c of ['issued', 'repealed', 'effective'] as const)
      check(`二.${r}.${c}`, ad[r][c], mad[r][c]);
  for (const r of ['licensing', 'punishment', 'coercion', 'administrativeFees'] as const)
    check(`二.${r}`, ad[r], mad[r]);
  const map = m.tables.applications;
  if (!map) return [...out, 'table 三 missing'];
  for (const [r, row] of Object.entries(spec.tables.applications))
    for (const [c, v] of Object.entries(row))
      check(`三.${r}.${c}`, v, map[r as keyof typeof map][c as keyof (typeof map)['granted']]);
  const mrl = m.tables.reviewLitigation;
  if (!mrl) return [...out, 'table 四 missing'];
  for (const [g, row] of Object.entries(spec.tables.reviewLitigation))
    for (const [c, v] of Object.entries(row))
      check(`四.${g}.${c}`, v, mrl[g as keyof typeof mrl][c as keyof (typeof mrl)['review']]);
  return out;
}

const tables = (doc: SourceDocument): TableBlock[] =>
  doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const found = (m: ReportModel) => m.sections.filter((s) => s.found).map((s) => s.key);

describe('PDF reports extract like Word reports', () => {
  it('ruled tables with row and column spans: the grid, merges and every value', async () => {
    const spec = busySpec();
    const { doc, model } = await readPdf(spec);
    expect(doc.format).toBe('pdf');
    expect(diffs(spec, model)).toEqual([]);
    expect(model.agency).toBe('某某市生态环境局');
    expect(model.year).toBe(2024);
    expect(found(model)).toHaveLength(6);
    const t3 = tables(doc)[1] as TableBlock;
    expect(t3.layout).toBe('grid');
    // The template's table 三: 10 columns; the 勾稽关系 note spans 3 columns and 3 rows.
    expect(t3.rows[0]?.length).toBe(10);
    expect(t3.rows[0]?.[0]).toMatchObject({ rowSpan: 3, colSpan: 3, covered: false });
    expect(t3.rows[2]?.[2]).toMatchObject({ covered: true, originRow: 0, originCol: 0 });
    // 三、本年度办理结果 spans the result rows down the first column.
    const group = t3.rows.flat().find((c) => c.text === '三、本年度办理结果');
    expect(group?.rowSpan).toBeGreaterThan(10);
  });

  it('the same report as .docx and as .pdf extracts identical values', async () => {
    const spec = busySpec();
    const quirks: Quirks = { splitLabels: true };
    const word = extractReport(await readBytes(await specToDocx(spec, quirks), 'r.docx'), {
      id: 'w',
      file: 'r.docx',
    });
    const { model } = await readPdf(spec, quirks, { rules: 'rects', verticalHeaders: true });
    expect(diffs(spec, word)).toEqual([]);
    expect(diffs(spec, model)).toEqual([]);
    expect(model.agency).toBe(word.agency);
    expect(found(model)).toEqual(found(word));
    expect(model.template).toBe(word.template);
  });

  it('a table split over two pages, header rows repeated and a 续表 caption: one table', async () => {
    const spec = busySpec();
    const { doc, model } = await readPdf(
      spec,
      {},
      {
        breakTable: { table: 'applications', atRow: 10, repeatHeader: true, caption: '续表' },
        shading: true,
      },
    );
    expect(diffs(spec, model)).toEqual([]);
    const t3 = tables(doc)[1] as TableBlock;
    expect(t3.rows.filter((r) => r[3]?.text === '申请人情况')).toHaveLength(1);
    expect(new Set(t3.rows.flat().map((c) => c.page)).size).toBeGreaterThanOrEqual(2);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('续表'))).toBe(false);
  });

  it('a table split over two pages without repeated headers: one table', async () => {
    const spec = busySpec();
    const { doc, model } = await readPdf(
      spec,
      {},
      { breakTable: { table: 'applications', atRow: 14 } },
    );
    expect(diffs(spec, model)).toEqual([]);
    expect(tables(doc)).toHaveLength(3);
  });

  it('vertical row headers (one character per line) and wrapped labels come out as one label', async () => {
    const spec = busySpec();
    const { doc, model } = await readPdf(spec, { splitLabels: true }, { verticalHeaders: true });
    expect(diffs(spec, model)).toEqual([]);
    const texts = tables(doc).flatMap((t) => t.rows.flat().map((c) => c.text));
    expect(texts).toContain('三、本年度办理结果');
    expect(texts).toContain('商业企业');
    expect(texts).toContain('尚未审结');
  });

  it('full-width digits, blank and "—" cells', async () => {
    const spec = busySpec();
    for (const zeros of ['blank', 'dash'] as const) {
      const { model } = await readPdf(spec, { fullWidthDigits: true, zeros });
      expect(diffs(spec, model)).toEqual([]);
      const cell = model.tables.applications?.carriedOver.commercial;
      expect(cell?.blank).toBe(true);
      expect(cell?.raw).toBe(zeros === 'dash' ? '—' : '');
      expect(model.tables.applications?.newReceived.naturalPerson.raw).toBe('３１');
    }
  });

  it('tables without ruling lines, from the alignment of their text', async () => {
    const spec = busySpec();
    const { doc, model } = await readPdf(spec, {}, { rules: 'none' });
    expect(diffs(spec, model)).toEqual([]);
    expect(tables(doc).length).toBeGreaterThanOrEqual(1);
  });

  it('running headers, page numbers and a browser print date and URL are dropped', async () => {
    const spec = busySpec();
    for (const opts of [
      { runningHeader: '某某市生态环境局政府信息公开工作年度报告', pageNumbers: 'dash' },
      { pageNumbers: 'of', printMarks: true },
    ] as PdfOptions[]) {
      const { doc, model } = await readPdf(spec, {}, opts);
      expect(diffs(spec, model)).toEqual([]);
      const paras = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
      expect(
        paras.filter((t) => /^- \d+ -$|第\s*\d+\s*页|http|2024\/3\/15|^\d+\/\d+$/.test(t)),
      ).toEqual([]);
      expect(paras.filter((t) => t === '某某市生态环境局政府信息公开工作年度报告')).toEqual([]);
      // The title is not a running header: it is kept.
      expect(model.title).toBe('某某市生态环境局2024年政府信息公开工作年度报告');
    }
  });

  it('paragraphs wrapped at the page width are joined without spaces', async () => {
    const spec = busySpec();
    const long =
      '本年度，我局持续深化政务公开标准化规范化建设，围绕生态环境保护重点领域，主动公开环境质量、污染防治、行政执法等信息，切实保障人民群众的知情权、参与权和监督权，取得了较好成效。';
    spec.sections[0]?.paragraphs.push(long);
    const { doc } = await readPdf(spec);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === long)).toBe(true);
  });

  it('keeps page and box for every block and cell, and extraction hands them to positions', async () => {
    const spec = busySpec();
    const { doc, model } = await readPdf(spec);
    expect(doc.pages?.length).toBeGreaterThanOrEqual(2);
    for (const b of doc.blocks) {
      expect(b.page).toBeGreaterThanOrEqual(1);
      expect(b.box?.x1).toBeGreaterThan(b.box?.x0 ?? Infinity);
    }
    const cell = model.tables.applications?.newReceived.naturalPerson;
    expect(cell?.pos?.page).toBeGreaterThanOrEqual(1);
    const box = cell?.pos?.box;
    expect(box).toBeDefined();
    // The cell of 31 is a value column cell: narrow, inside the page.
    expect((box?.x1 ?? 0) - (box?.x0 ?? 0)).toBeLessThan(60);
    expect(box?.x0).toBeGreaterThan(250);
    expect(model.sections[0]?.heading?.pos.page).toBe(1);
  });
});

async function refused(bytes: Buffer, pattern: RegExp, name = '报告.pdf'): Promise<string> {
  let caught: unknown;
  try {
    await readBytes(bytes, name);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(IngestError);
  const message = (caught as IngestError).message;
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).toMatch(pattern);
  return message;
}

describe('hostile and odd PDFs end in a clear Chinese message', () => {
  it('a scanned PDF (pages that are images): says so and what to ask for', async () => {
    const message = await refused(await scannedPdf(3), /扫描件/);
    expect(message).toMatch(/Word/);
  });

  it('a password-protected PDF', async () => {
    await refused(encryptedPdf(), /密码|加密/);
  });

  it('a truncated PDF and a file that is no PDF at all', async () => {
    const whole = await specToPdf(defaultSpec());
    await refused(whole.subarray(0, Math.floor(whole.length * 0.4)), /损坏|不完整/);
    await refused(Buffer.from('这不是 PDF 文件'.repeat(50)), /不是 PDF|PDF 文件头/);
    await refused(
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41)]),
      /损坏|不完整|有效/,
    );
  });

  it('a PDF of more than 300 pages', async () => {
    await refused(await manyPagesPdf(301), /页数过多/);
  });

  it('fonts that map every glyph to private-use characters', async () => {
    await refused(await unmappedFontPdf(defaultSpec()), /字体|乱码/);
  });
});
