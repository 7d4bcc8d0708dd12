/**
 * What mammoth's body reader makes of each WordprocessingML element and paragraph style, for the
 * direct reader (docx-direct.ts): what it reads as nothing, what it reads through, what only it
 * reads (the direct reader then gives up), and the element its style map gives a paragraph.
 */
import type { Element } from 'domhandler';
import { fail, type Level } from './docx-parts';

/** Whole-text triggers: constructs read only by mammoth (or that the walk cannot see locally). */
export const UNHANDLED =
  /<!\[CDATA\[|FORMCHECKBOX|checkbox|<w:(sym|drawing|pict|object|commentReference|footnoteReference|endnoteReference|softHyphen)\b|<mc:|<m:/;

export const NOTE_UNHANDLED = /<w:(drawing|pict|object)\b|<mc:|<v:imagedata/;

/** Elements mammoth reads as nothing. */
const IGNORED = new Set([
  'w:annotationRef',
  'w:bookmarkEnd',
  'w:sectPr',
  'w:proofErr',
  'w:lastRenderedPageBreak',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:del',
  'w:footnoteRef',
  'w:endnoteRef',
  'w:moveFrom',
  'w:pPr',
  'w:rPr',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
  'w:moveFromRangeEnd',
  'w:moveFromRangeStart',
  'w:moveToRangeEnd',
  'w:moveToRangeStart',
]);
/** Elements mammoth's body reader knows; any other w: element it drops with its content. */
const READERS = new Set([
  'w:p',
  'w:r',
  'w:fldChar',
  'w:instrText',
  'w:t',
  'w:tab',
  'w:noBreakHyphen',
  'w:softHyphen',
  'w:sym',
  'w:hyperlink',
  'w:tbl',
  'w:tr',
  'w:tc',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
  'w:br',
  'w:bookmarkStart',
  'w:sdt',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:object',
  'w:smartTag',
  'w:drawing',
  'w:pict',
  'w:txbxContent',
]);

/** An element this context does not handle: nothing for mammoth (skip it), or something it reads (give up). */
export function skip(e: Element, where: string): void {
  if (IGNORED.has(e.name)) return;
  if (e.name.startsWith('w:') && !READERS.has(e.name)) return;
  fail(`${where} ${e.name}`);
}

/** Elements mammoth reads through (their children as if in their place). */
export const THROUGH = new Set(['w:ins', 'w:moveTo', 'w:smartTag', 'w:customXml']);

const NOTE_STYLES = new Set([
  'FOOTNOTE TEXT',
  'ENDNOTE TEXT',
  'ANNOTATION TEXT',
  'FOOTNOTE',
  'ENDNOTE',
]);

/** The element mammoth's style map (ours first, then its defaults) gives a paragraph. */
export function paragraphTag(
  styleId: string | null,
  name: string | null,
  list: Level | null,
): string {
  // mammoth compares style names case-insensitively (toUpperCase) and style ids exactly.
  const upper = name ? name.toUpperCase() : null;
  if (upper === 'TITLE') return 'h1';
  const ours = upper !== null ? /^标题 ?([1-6])$/.exec(upper) : null;
  if (ours) return `h${ours[1]}`;
  const id = styleId !== null ? /^Heading([1-6])$/.exec(styleId) : null;
  if (id) return `h${id[1]}`;
  const byName = upper !== null ? /^HEADING ([1-6])$/.exec(upper) : null;
  if (byName) return `h${byName[1]}`;
  if (styleId === 'Heading' || upper === 'HEADING') return 'h1';
  // mammoth's map sends these note styles to p before its list rules.
  if (upper !== null && NOTE_STYLES.has(upper)) return 'p';
  if (list !== null) {
    const n = Number(list.level);
    if (Number.isInteger(n) && n >= 0 && n <= 4) return `list${n + 1}`;
  }
  return 'p';
}
