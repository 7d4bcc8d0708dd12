/**
 * Benchmark of the .docx path: generates N synthetic reports (default 200, `--n 50`), then
 * times (a) mammoth.convertToHtml alone and (b) our read (zip guard + numbering recovery +
 * mammoth + blocks) followed by extractReport, on the same files. Prints reports/second for
 * both and the ratio; exits 1 when read+extract misses the targets (N=200 under 20 s, and
 * within 1.5× of mammoth alone) so CI can run it as a check.
 *
 * Then the PDF path (`--pdf-n`, default 40; 0 skips it): the same kind of reports drawn as PDF,
 * (a) pdf.js's own text extraction alone (getTextContent on every page) and (b) our read (pdf.js
 * operator lists + layout analysis) followed by extractReport; reports/second, the ratio, and,
 * in a child process of its own, the peak memory of reading a 300-page PDF (test/bench/pdf-pages.ts).
 *
 *   npm run bench -- --n 200 --pdf-n 40
 *
 * `npm run bench -- --scale N` runs test/bench/scale-bench.ts instead: N varied reports through
 * the built command line with 1 thread and with all, start-up, peak memory.
 */
import mammoth from 'mammoth';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { defaultSpec, specToDocx, specToPdf, type Quirks, type ReportSpec } from '../fixtures';
import { mulberry32 } from '../support/random';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

const AGENCIES = [
  '工业和信息化局',
  '科学技术局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '卫生健康局',
];
const PLACES = ['临淄区', '张店区', '淄川区', '博山区', '周村区', '桓台县', '高青县', '沂源县'];
const FILLER =
  '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，紧紧围绕中心工作和人民群众关切，持续提升政务公开标准化规范化水平。';

/** A realistic-sized report (about the size of the seeds) with consistent random tables. */
function syntheticSpec(i: number): { spec: ReportSpec; quirks: Quirks } {
  const r = mulberry32(i + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const agency = `${pick(PLACES)}${pick(AGENCIES)}`;
  const spec = defaultSpec({ agency, year: 2023 });
  for (const s of spec.sections) {
    if (s.paragraphs.length > 0)
      s.paragraphs = s.paragraphs.map((p) => `${p}${FILLER.slice(0, 20 + Math.floor(r() * 60))}`);
  }
  spec.sections[0]?.paragraphs.push(FILLER.repeat(3));
  const a = spec.tables.applications;
  const n = Math.floor(r() * 20);
  const granted = Math.floor(n / 2);
  a.newReceived = {
    naturalPerson: n,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: n,
  };
  a.granted = {
    naturalPerson: granted,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: granted,
  };
  a['unableToProvide.notHeld'] = {
    naturalPerson: n - granted,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: n - granted,
  };
  a.totalProcessed = {
    naturalPerson: n,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: n,
  };
  a.carriedForward = {
    naturalPerson: 0,
    commercial: 0,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: 0,
  };
  spec.tables.activeDisclosure.licensing = Math.floor(r() * 5000);
  const quirks: Quirks = {
    ...(i % 3 === 0 ? { headingNumerals: 'auto' as const } : {}),
    ...(i % 4 === 1 ? { splitLabels: true } : {}),
    ...(i % 5 === 2 ? { fullWidthDigits: true } : {}),
  };
  return { spec, quirks };
}

async function main(): Promise<void> {
  const n = arg('n', 200);
  const t0 = performance.now();
  const files: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const { spec, quirks } = syntheticSpec(i);
    files.push(await specToDocx(spec, quirks));
  }
  const genMs = performance.now() - t0;
  const avgKb = files.reduce((s, f) => s + f.length, 0) / files.length / 1024;
  console.log(
    `生成 ${n} 份合成 .docx 报告：${(genMs / 1000).toFixed(1)} s（平均 ${avgKb.toFixed(1)} KB）`,
  );

  // Warm up both paths (JIT, module loading) so neither pays start-up costs inside its timing.
  for (const f of files.slice(0, Math.min(5, n))) {
    await mammoth.convertToHtml({ buffer: f });
    extractReport(await readBytes(f, 'warm.docx'), { id: 'w', file: 'warm.docx' });
  }

  // Interleaved per file: on a shared 2-core machine, load from other processes then hits both
  // measurements alike instead of whichever pass happened to run during a busy spell.
  let mammothMs = 0;
  let readMs = 0;
  let extractMs = 0;
  let found = 0;
  let withTables = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as Buffer;
    const name = `r${i}.docx`;
    let t = performance.now();
    await mammoth.convertToHtml({ buffer: f });
    mammothMs += performance.now() - t;
    t = performance.now();
    const doc = await readBytes(f, name);
    const t1 = performance.now();
    const model = extractReport(doc, { id: String(i), file: name });
    extractMs += performance.now() - t1;
    readMs += t1 - t;
    if (model.sections.every((s) => s.found)) found++;
    if (model.tables.applications && model.tables.activeDisclosure && model.tables.reviewLitigation)
      withTables++;
  }
  const oursMs = readMs + extractMs;

  const rate = (ms: number): string => (n / (ms / 1000)).toFixed(1);
  const ratio = oursMs / mammothMs;
  console.log(
    `mammoth.convertToHtml 单独：${(mammothMs / 1000).toFixed(2)} s，${rate(mammothMs)} 份/秒`,
  );
  console.log(
    `读取 + 抽取（readBytes + extractReport）：${(oursMs / 1000).toFixed(2)} s，${rate(oursMs)} 份/秒（其中读取 ${(readMs / 1000).toFixed(2)} s，抽取 ${(extractMs / 1000).toFixed(2)} s）`,
  );
  console.log(`比值（读取+抽取 ÷ mammoth）：${ratio.toFixed(2)}×`);
  console.log(`六个部分全部识别：${found}/${n}；三张表全部识别：${withTables}/${n}`);

  const budgetMs = (20_000 * n) / 200;
  const ok = oursMs <= budgetMs && ratio <= 1.5 && found === n && withTables === n;
  console.log(ok ? '结果：达标' : `结果：未达标（目标：每 200 份 20 s 内、比值 ≤ 1.5×、全部识别）`);
  if (!ok) process.exitCode = 1;

  const pdfN = process.argv.includes('--pdf-n') ? arg('pdf-n', 0) : 40;
  if (pdfN > 0) await pdfBench(pdfN);
}

/** pdf.js's own text extraction: every page's getTextContent, the baseline a PDF reader pays anyway. */
async function textContentAlone(bytes: Buffer): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  let chars = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent();
    for (const it of tc.items) if ('str' in it) chars += it.str.length;
    page.cleanup();
  }
  await doc.destroy();
  return chars;
}

async function pdfBench(n: number): Promise<void> {
  const t0 = performance.now();
  const files: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const { spec, quirks } = syntheticSpec(i);
    const { headingNumerals: _auto, ...pdfQuirks } = quirks;
    void _auto;
    files.push(
      await specToPdf(
        spec,
        pdfQuirks,
        i % 2 === 0
          ? { pageNumbers: 'dash' }
          : { rules: 'rects', verticalHeaders: true, shading: true },
      ),
    );
  }
  const avgKb = files.reduce((s, f) => s + f.length, 0) / files.length / 1024;
  console.log(
    `\n生成 ${n} 份合成 PDF 报告：${((performance.now() - t0) / 1000).toFixed(1)} s（平均 ${avgKb.toFixed(1)} KB）`,
  );
  for (const f of files.slice(0, Math.min(3, n))) {
    await textContentAlone(f);
    extractReport(await readBytes(f, 'warm.pdf'), { id: 'w', file: 'warm.pdf' });
  }
  let aloneMs = 0;
  let oursMs = 0;
  let found = 0;
  let withTables = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as Buffer;
    let t = performance.now();
    await textContentAlone(f);
    aloneMs += performance.now() - t;
    t = performance.now();
    const model = extractReport(await readBytes(f, `r${i}.pdf`), {
      id: String(i),
      file: `r${i}.pdf`,
    });
    oursMs += performance.now() - t;
    if (model.sections.every((s) => s.found)) found++;
    if (model.tables.applications && model.tables.activeDisclosure && model.tables.reviewLitigation)
      withTables++;
  }
  const rate = (ms: number): string => (n / (ms / 1000)).toFixed(1);
  console.log(
    `pdf.js 文字提取单独（getTextContent）：${(aloneMs / 1000).toFixed(2)} s，${rate(aloneMs)} 份/秒`,
  );
  console.log(`PDF 读取 + 版面分析 + 抽取：${(oursMs / 1000).toFixed(2)} s，${rate(oursMs)} 份/秒`);
  console.log(`比值（读取+抽取 ÷ pdf.js 文字提取）：${(oursMs / aloneMs).toFixed(2)}×`);
  console.log(`六个部分全部识别：${found}/${n}；三张表全部识别：${withTables}/${n}`);
  if (found !== n || withTables !== n) process.exitCode = 1;
  // Peak memory in a fresh process, so this run's own heap does not count.
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'pdf-pages.ts')], {
    encoding: 'utf8',
  });
  process.stdout.write(out);
}

// `--scale [N]`: the province-sized run of scale-bench.ts instead (issue 12).
if (process.argv.includes('--scale')) {
  void import('./scale-bench');
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
