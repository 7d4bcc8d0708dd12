/**
 * Peak memory of reading one 300-page PDF (the reader's page limit): a generated report whose
 * first section runs on for hundreds of paragraphs (one embedded font, as a real long document
 * has), cut to 300 pages, read and extracted in this fresh process; prints the peak resident
 * set size before and after, and the time taken.
 *
 *   npx tsx test/bench/pdf-pages.ts [pages]
 */
import { PDFDocument } from 'pdf-lib';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { defaultSpec, specToPdf } from '../fixtures';

async function main(): Promise<void> {
  const pages = Number(process.argv[2]) > 0 ? Math.floor(Number(process.argv[2])) : 300;
  const spec = defaultSpec();
  const filler =
    '本年度持续深化政务公开标准化规范化建设，围绕重点领域主动公开各类政府信息，切实保障人民群众的知情权、参与权和监督权。';
  // About eight paragraphs of this length fill a page.
  spec.sections[0]?.paragraphs.push(
    ...Array.from({ length: pages * 8 }, (_, i) => `（${i + 1}）${filler}${filler}`),
  );
  const doc0 = await PDFDocument.load(await specToPdf(spec, {}, { pageNumbers: 'of' }));
  while (doc0.getPageCount() > pages) doc0.removePage(doc0.getPageCount() - 1);
  const bytes = Buffer.from(await doc0.save());
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  const before = process.resourceUsage().maxRSS;
  const t = performance.now();
  const doc = await readBytes(bytes, 'big.pdf');
  const model = extractReport(doc, { id: 'big', file: 'big.pdf' });
  const ms = performance.now() - t;
  const after = process.resourceUsage().maxRSS;
  console.log(
    `${pages} 页 PDF（${(bytes.length / 1024 / 1024).toFixed(1)} MB）：读取 + 抽取 ${(ms / 1000).toFixed(1)} s，${doc.blocks.length} 个段落/表格；` +
      `峰值内存 ${mb(after)} MB（读取前 ${mb(before)} MB）${model.tables.applications ? '' : '（未识别表三）'}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
