/**
 * PDF reports → SourceDocument. pdf.js (pdfjs-dist 5, its legacy Node build: runs on Node 20.19+;
 * 6.x wants Node 22.13+) parses the file and hands out, per page, the text runs with their
 * positions and the drawing operators; the layout analysis in ./pdf/ (pure, tested on its own)
 * rebuilds paragraphs and table grids from them, keeping every block's page and box so the
 * viewer can draw findings on the page.
 *
 * pdf.js runs in-process (on Node its worker module is imported from node_modules into the same
 * thread: no worker file is downloaded, nothing is fetched), with eval disabled
 * (font programs in hostile PDFs have been a way in) and fonts never handed to the system.
 * Expected failures (scanned, encrypted, corrupt, huge, unreadable fonts) become IngestError
 * with a Chinese message saying what the office can do about it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SourceDocument } from '../model/types';
import { IngestError, LIMITS } from './errors';
import type { PageContent } from './pdf/geometry';
import { layoutBlocks } from './pdf/layout';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { must } from '../model/checked';
import { fontInfoOf, matrixOf, scanOperators, type FontInfo, type OpCodes } from './pdf/operators';
import { renderBlocks } from './render';

type Pdfjs = typeof PdfjsModule;

let loaded: Promise<Pdfjs> | null = null;

/** pdf.js is an ES module; the project is CommonJS, so it is loaded once, on first use. */
function pdfjs(): Promise<Pdfjs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

/** pdf.js's character maps (for PDFs using Adobe's predefined Chinese encodings), read from disk. */
function cmapDir(): string | undefined {
  try {
    const req =
      typeof require === 'function' ? require : createRequire(join(process.cwd(), 'package.json'));
    return join(req.resolve('pdfjs-dist/package.json'), '..', 'cmaps') + '/';
  } catch {
    return undefined;
  }
}

const SCANNED =
  '这是扫描件（PDF 的页面是图片，没有文字层），无法读取其中的文字和表格。请向报送单位索取 Word 文档，或由 Word/WPS 直接导出（可复制文字）的 PDF。';
const NO_TEXT = 'PDF 中没有可读的文字内容。请向报送单位索取 Word 文档，或可复制文字的 PDF。';
const BAD_FONTS =
  'PDF 的字体没有文字编码（文字提取出来是空白或乱码），无法读取。请向报送单位索取 Word 文档，或重新导出、可复制文字的 PDF。';

/** Pages read between two releases of pdf.js's caches. */
const CLEANUP_EVERY = 10;

/** Private-use, replacement and control characters: what glyphs without a Unicode mapping come out as. */
const UNMAPPED = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f]/u;

function opCodes(OPS: Pdfjs['OPS']): OpCodes {
  return {
    save: OPS.save,
    restore: OPS.restore,
    transform: OPS.transform,
    constructPath: OPS.constructPath,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd,
    setFillRGBColor: OPS.setFillRGBColor,
    setStrokeRGBColor: OPS.setStrokeRGBColor,
    beginText: OPS.beginText,
    setFont: OPS.setFont,
    setTextMatrix: OPS.setTextMatrix,
    moveText: OPS.moveText,
    setLeadingMoveText: OPS.setLeadingMoveText,
    nextLine: OPS.nextLine,
    setLeading: OPS.setLeading,
    setCharSpacing: OPS.setCharSpacing,
    setWordSpacing: OPS.setWordSpacing,
    setHScale: OPS.setHScale,
    setTextRise: OPS.setTextRise,
    showText: OPS.showText,
    stroke: OPS.stroke,
    closeStroke: OPS.closeStroke,
    fill: OPS.fill,
    eoFill: OPS.eoFill,
    fillStroke: OPS.fillStroke,
    eoFillStroke: OPS.eoFillStroke,
    closeFillStroke: OPS.closeFillStroke,
    closeEOFillStroke: OPS.closeEOFillStroke,
    images: [
      OPS.paintImageXObject,
      OPS.paintImageXObjectRepeat,
      OPS.paintInlineImageXObject,
      OPS.paintInlineImageXObjectGroup,
      OPS.paintImageMaskXObject,
      OPS.paintImageMaskXObjectGroup,
      OPS.paintImageMaskXObjectRepeat,
      OPS.paintSolidColorImageMask,
    ],
  };
}

function failureOf(e: unknown): IngestError {
  if (e instanceof IngestError) return e;
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') {
    return new IngestError(
      'PDF 文件设有打开密码（已加密），无法读取。请向报送单位索取未加密的文件。',
      'encrypted',
    );
  }
  if (name === 'InvalidPDFException') {
    return new IngestError(
      '不是有效的 PDF 文件（文件已损坏、不完整或扩展名有误），无法读取。请重新下载或向报送单位索取原文件。',
      'corrupt',
    );
  }
  return new IngestError(
    'PDF 文件已损坏或结构异常，无法解析。请重新下载或向报送单位索取原文件。',
    'corrupt',
  );
}

interface PdfPage {
  getViewport(p: { scale: number }): { transform: number[]; width: number; height: number };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): void;
}

/** One page's glyphs, rules and image cover, in top-left page coordinates. */
async function readPage(
  page: PdfPage,
  n: number,
  codes: OpCodes,
  normalize: (s: string) => string,
): Promise<PageContent> {
  const vp = page.getViewport({ scale: 1 });
  const ops = await page.getOperatorList();
  if (ops.fnArray.length > LIMITS.maxPdfPageOps) {
    throw new IngestError(
      `PDF 第 ${n} 页的图形过于复杂（${ops.fnArray.length} 个绘图指令），不像是年度报告的页面，已停止读取。`,
      'too-large',
    );
  }
  const fonts = (name: string): FontInfo | undefined => {
    try {
      return page.commonObjs.has(name) ? fontInfoOf(page.commonObjs.get(name)) : undefined;
    } catch {
      return undefined;
    }
  };
  const scan = scanOperators(
    ops.fnArray,
    ops.argsArray,
    codes,
    must(matrixOf(vp.transform), 'the viewport transform'),
    fonts,
    normalize,
  );
  page.cleanup();
  return {
    page: n,
    width: vp.width,
    height: vp.height,
    glyphs: scan.glyphs,
    rules: scan.rules,
    imageCover: scan.imageArea / Math.max(1, vp.width * vp.height),
  };
}

/** Rejects with an IngestError when the work takes longer than the limit. */
function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(
        new IngestError(
          `PDF 读取超时（超过 ${Math.round(ms / 1000)} 秒），文件可能过于复杂或已损坏。`,
          'timeout',
        ),
      );
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export async function read(bytes: Buffer, fileName: string): Promise<SourceDocument> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) {
    throw new IngestError(
      '文件不是 PDF（缺少 PDF 文件头），可能是扩展名有误或文件已损坏。',
      'wrong-format',
    );
  }
  const lib = await pdfjs();
  const codes = opCodes(lib.OPS);
  const cMapUrl = cmapDir();
  const task = lib.getDocument({
    // pdf.js takes ownership of the array it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  });
  const started = Date.now();
  const work = (async () => {
    const doc = await task.promise.catch((e: unknown) => {
      throw failureOf(e);
    });
    const n = doc.numPages;
    if (n > LIMITS.maxPdfPages) {
      throw new IngestError(
        `PDF 页数过多（${n} 页），超过 ${LIMITS.maxPdfPages} 页的上限，不像是一份年度报告。`,
        'too-large',
      );
    }
    const pages: PageContent[] = [];
    for (let i = 1; i <= n; i++) {
      const page: PdfPage = await doc.getPage(i).catch((e: unknown) => {
        throw failureOf(e);
      });
      pages.push(
        await readPage(page, i, codes, lib.normalizeUnicode).catch((e: unknown) => {
          throw failureOf(e);
        }),
      );
      if (Date.now() - started > LIMITS.maxPdfMillis) {
        throw new IngestError(
          `PDF 读取超时（超过 ${Math.round(LIMITS.maxPdfMillis / 1000)} 秒），文件可能过于复杂或已损坏。`,
          'timeout',
        );
      }
      // pdf.js keeps every page's parsed content and fonts until told otherwise: on a long file
      // that is most of the memory. Only the glyphs and rules we took are needed from here on.
      if (i % CLEANUP_EVERY === 0) await doc.cleanup();
    }
    return pages;
  })();
  let pages: PageContent[];
  try {
    pages = await withDeadline(work, LIMITS.maxPdfMillis, () => void task.destroy());
  } finally {
    void task.destroy();
  }
  return fromPages(pages, fileName);
}

/** The layout analysis and the checks on what came out; separate from pdf.js for tests. */
export function fromPages(pages: readonly PageContent[], fileName: string): SourceDocument {
  const chars = pages.flatMap((p) => p.glyphs.map((g) => g.text)).join('');
  const visible = chars.replace(/\s+/g, '');
  const unmapped = [...visible].filter((c) => UNMAPPED.test(c)).length;
  if (visible.length < 20) {
    const imagePages = pages.filter((p) => p.imageCover >= 0.3).length;
    const scanned = imagePages > 0 && imagePages >= pages.length / 2;
    throw new IngestError(scanned ? SCANNED : NO_TEXT, scanned ? 'scanned' : 'no-text');
  }
  if (unmapped > visible.length * 0.3) throw new IngestError(BAD_FONTS, 'unmapped-fonts');
  // Pages of images whose only text is a few Latin letters or digits (a scanner's stamp, page
  // numbers added afterwards): still a scan, not a report without Chinese.
  if (!/[\u4e00-\u9fff]/.test(visible) && pages.some((p) => p.imageCover >= 0.3))
    throw new IngestError(SCANNED, 'scanned');
  const blocks = layoutBlocks(pages);
  if (blocks.length > LIMITS.maxBlocks) {
    throw new IngestError(
      `文件段落过多（${blocks.length} 段），超过 ${LIMITS.maxBlocks} 段的上限，不像是一份年度报告。`,
      'too-large',
    );
  }
  const notes: string[] = [];
  if (unmapped > 0) notes.push(`PDF 中有 ${unmapped} 个字符没有文字编码，已略去。`);
  const scannedPages = pages
    .filter((p) => p.imageCover >= 0.5 && p.glyphs.length < 20)
    .map((p) => p.page);
  if (scannedPages.length)
    notes.push(`第 ${scannedPages.join('、')} 页是图片（扫描件），其中的文字无法读取。`);
  // Characters with no Unicode behind them are dropped, in paragraphs and in cells alike.
  const strip = (t: string) => t.replace(new RegExp(UNMAPPED.source, 'gu'), '');
  const clean =
    unmapped === 0
      ? blocks
      : blocks.map((b) =>
          b.kind === 'paragraph'
            ? { ...b, text: strip(b.text) }
            : { ...b, rows: b.rows.map((r) => r.map((c) => ({ ...c, text: strip(c.text) }))) },
        );
  return {
    format: 'pdf',
    fileName,
    blocks: clean,
    html: renderBlocks(clean),
    notes,
    pages: pages.map((p) => ({
      width: Math.round(p.width * 100) / 100,
      height: Math.round(p.height * 100) / 100,
    })),
  };
}
