/**
 * Word documents (.docx) → SourceDocument. The zip is checked first (zip-guard: encrypted,
 * truncated, zip bomb), the body is rewritten to what Word displays (word-display.ts: field
 * results, no hidden text or note marks, text boxes read once), then mammoth converts it to HTML
 * (merged cells kept as rowspan/colspan) and html-grid turns that into blocks and annotated
 * display HTML.
 *
 * Word auto-numbering ("一、" typed by Word's numbering, not by the author) is lost by mammoth;
 * we recover the labels from numbering.xml/styles.xml/document.xml (numbering.ts) and carry each
 * label, with the Word style name, through mammoth as a private-use marker at the start of the
 * paragraph's text, which html-grid turns into ParagraphBlock.numberingLabel / style.
 *
 * When no display HTML is wanted (the command line), docx-direct.ts reads the displayed body
 * itself, several times faster, into the tree of the HTML mammoth would write, and falls back
 * to mammoth for anything it does not reproduce; the app keeps mammoth so that the display and
 * the block numbering (data-nb-block) come from one conversion.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { SourceDocument } from '../model/types';
import { IngestError, LIMITS } from './errors';
import { htmlToBlocks, nodesToBlocks, paragraphMarker, type HtmlBlocks } from './html-grid';
import {
  computeLabels,
  parseNumbering,
  parseStyles,
  scanParagraphs,
  type StyleDef,
} from './numbering';
import { displayedXml } from './word-display';
import { checkOfficeZip, readEntry, type ZipEntry } from './zip-guard';
import { directNodes, directRead, labelFinder, squeeze, type Labelled } from './docx-direct';
import type { DirectParts } from './docx-parts';

/** The subset of mammoth's document tree we touch (mammoth types it as any). */
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
}

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `p[style-name='标题 ${n}'] => h${n}:fresh`,
    `p[style-name='标题${n}'] => h${n}:fresh`,
  ]),
];

/** Text of a mammoth paragraph, whitespace removed, for alignment with our own scan. */
function nodeText(n: MammothNode): string {
  if (n.type === 'text') return n.value ?? '';
  let s = '';
  for (const c of n.children ?? []) s += nodeText(c);
  return s;
}

function firstText(n: MammothNode): MammothNode | null {
  if (n.type === 'text' && (n.value ?? '') !== '') return n;
  for (const c of n.children ?? []) {
    const t = firstText(c);
    if (t) return t;
  }
  return null;
}

/**
 * The package's entries, each inflated (and decoded) once per read: the zip-bomb pass, the
 * numbering labels and the direct reader ask for the same parts.
 */
interface Package {
  entries: readonly ZipEntry[];
  entry: (e: ZipEntry) => Buffer;
  entryText: (e: ZipEntry) => string;
  /** The first entry of the name as UTF-8 text (readText), or null. */
  text: (name: string) => string | null;
}

function openPackage(bytes: Buffer, entries: readonly ZipEntry[]): Package {
  const inflated = new Map<ZipEntry, Buffer>();
  const decoded = new Map<ZipEntry, string>();
  const entry = (e: ZipEntry): Buffer => {
    let b = inflated.get(e);
    if (b === undefined) {
      b = readEntry(bytes, e, 'docx');
      inflated.set(e, b);
    }
    return b;
  };
  const entryText = (e: ZipEntry): string => {
    let t = decoded.get(e);
    if (t === undefined) {
      t = entry(e).toString('utf8');
      decoded.set(e, t);
    }
    return t;
  };
  const text = (name: string): string | null => {
    const e = entries.find((x) => x.name === name);
    return e ? entryText(e) : null;
  };
  return { entries, entry, entryText, text };
}

/** Labels of the numbered paragraphs, with the squeezed text used to find them again in mammoth's tree. */
/** Reader note: heading numerals came from Word's automatic numbering (the app shows it only beside numbering findings). */
export const NUMBERING_RECOVERED_NOTE = '已根据 Word 自动编号恢复标题编号（如“一、”）。';

function recoverLabels(pkg: Package, documentXml: string, notes: string[]): Labelled[] {
  const numberingXml = pkg.text('word/numbering.xml');
  if (numberingXml === null) return [];
  const stylesXml = pkg.text('word/styles.xml') ?? '';
  // Cheap exit: no paragraph references numbering directly, and no style carries it.
  if (!documentXml.includes('<w:numId') && !stylesXml.includes('<w:numId')) return [];
  const defs = parseNumbering(numberingXml);
  const styles: Map<string, StyleDef> = parseStyles(stylesXml);
  const paragraphs = scanParagraphs(documentXml, LIMITS.maxBlocks * 2);
  const labels = computeLabels(paragraphs, defs, styles);
  const all: Labelled[] = paragraphs
    .map((p, i) => {
      const l = labels[i];
      return {
        key: squeeze(p.text),
        label: l?.label ?? '',
        ...(l?.label && l.level !== undefined ? { level: l.level } : {}),
      };
    })
    .filter((p) => p.key !== '');
  if (all.some((p) => p.label !== '')) notes.push(NUMBERING_RECOVERED_NOTE);
  return all;
}

/**
 * mammoth transform: prefix each paragraph's first text with its label and style (see html-grid
 * markers). mammoth's paragraphs are matched to ours by text, in document order: each takes the
 * first paragraph with the same text after the previous match, so a paragraph mammoth renders
 * differently (a field, a symbol) costs only its own label, never the alignment of the rest.
 */
function annotate(labelled: readonly Labelled[]): (doc: MammothNode) => MammothNode {
  return (doc) => {
    const find = labelFinder(labelled);
    const visit = (n: MammothNode): void => {
      if (n.type === 'paragraph') {
        const key = squeeze(nodeText(n));
        if (key === '') return;
        const match = find(key);
        const style = n.styleName ?? '';
        if (match?.label || style) {
          const t = firstText(n);
          if (t)
            t.value =
              paragraphMarker(match?.label ?? '', style, match?.label ? match.level : undefined) +
              (t.value ?? '');
        }
        return;
      }
      for (const c of n.children ?? []) visit(c);
    };
    visit(doc);
    return doc;
  };
}

/**
 * The same package with one part replaced, for mammoth (which reads only a whole package). The
 * other entries keep their compressed bytes (JSZip reuses them when the method is unchanged).
 */
async function replaceEntry(bytes: Buffer, name: string, text: string): Promise<Buffer> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    zip.file(name, text);
    return await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 1 },
    });
  } catch {
    throw new IngestError(
      'Word 文档内容已损坏或结构异常，无法解析，请用 Word 打开后另存为 .docx 再导入。',
      'corrupt',
    );
  }
}

/** The parts besides the body that mammoth parses (with the default layout checkLayout insists on). */
const MAMMOTH_PARTS =
  /^(\[Content_Types\]\.xml|.*\.rels|word\/(styles|numbering|footnotes|endnotes|comments)\.xml)$/;

function directParts(pkg: Package, documentXml: string): DirectParts {
  const { entries } = pkg;
  const parts = new Map<string, string>();
  for (const e of entries) if (MAMMOTH_PARTS.test(e.name)) parts.set(e.name, pkg.entryText(e));
  return {
    documentXml,
    stylesXml: parts.get('word/styles.xml') ?? null,
    numberingXml: parts.get('word/numbering.xml') ?? null,
    rootRels: parts.get('_rels/.rels') ?? null,
    documentRels: parts.get('word/_rels/document.xml.rels') ?? null,
    otherXml: [...parts.values()],
    names: new Set(entries.map((e) => e.name)),
  };
}

/** Why the direct reader leaves this .docx to mammoth, or null when it reads it (tests, bench). */
export function directFallback(bytes: Buffer): string | null {
  const entries = checkOfficeZip(bytes, 'docx');
  const pkg = openPackage(bytes, entries);
  const originalXml = pkg.text('word/document.xml') ?? '';
  const documentXml = displayedXml(originalXml) ?? originalXml;
  const r = directRead(directParts(pkg, documentXml), []);
  return 'fallback' in r ? r.fallback : null;
}

/** How a .docx is read: `html: false` (the command line) needs no display HTML. */
export interface DocxReadOptions {
  html?: boolean;
}

/**
 * Without display HTML, the direct reader (docx-direct.ts) stands in for mammoth where it can;
 * NIANBAO_DOCX_READER=mammoth keeps mammoth always (to compare the two).
 */
function useDirect(opts: DocxReadOptions): boolean {
  return opts.html === false && process.env['NIANBAO_DOCX_READER'] !== 'mammoth';
}

export async function read(
  bytes: Buffer,
  fileName: string,
  opts: DocxReadOptions = {},
): Promise<SourceDocument> {
  const entries = checkOfficeZip(bytes, 'docx');
  const notes: string[] = [];
  // Inflating the body ourselves, bounded by its declared size, also catches a directory that
  // under-declares sizes before mammoth's unzip would inflate it without limit.
  const pkg = openPackage(bytes, entries);
  const originalXml = pkg.text('word/document.xml') ?? '';
  for (const e of entries)
    if (e.name !== 'word/document.xml' && /\.(xml|rels)$/i.test(e.name)) pkg.entry(e);
  // The body as Word displays it (fields by result, no hidden text or note marks, text boxes once).
  const displayed = displayedXml(originalXml);
  const documentXml = displayed ?? originalXml;
  const all = recoverLabels(pkg, documentXml, notes);
  const direct = useDirect(opts) ? directNodes(directParts(pkg, documentXml), all) : null;
  if (direct !== null)
    return toSource(nodesToBlocks(direct, { dropChrome: false, display: false }), fileName, notes);
  const input =
    displayed === null ? bytes : await replaceEntry(bytes, 'word/document.xml', displayed);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: input },
      {
        styleMap: STYLE_MAP,
        // Images are never report text: skip them without decoding (mammoth would inline them as data URIs).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: annotate(all),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (e) {
    if (e instanceof IngestError) throw e;
    // The library's own message (xmldom, stack depth) means nothing to an office user.
    throw new IngestError(
      'Word 文档内容已损坏或结构异常，无法解析，请用 Word 打开后另存为 .docx 再导入。',
      'corrupt',
    );
  }
  return toSource(htmlToBlocks(html, { dropChrome: false }), fileName, notes);
}

/** The SourceDocument of mammoth's HTML or the direct reader's tree (which keeps no display HTML). */
function toSource(out: HtmlBlocks, fileName: string, notes: string[]): SourceDocument {
  if (out.blocks.length === 0) notes.push('文档中没有文字内容。');
  return {
    format: 'docx',
    fileName,
    blocks: out.blocks,
    html: out.html,
    notes: [...notes, ...out.notes],
    ...(out.images.length ? { images: out.images } : {}),
  };
}
