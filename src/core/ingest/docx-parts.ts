/**
 * The parts of a .docx package the direct reader (docx-direct.ts) needs besides the body, read as
 * mammoth reads them: the package layout (it gives up on anything but the usual one), paragraph
 * style names, and mammoth's view of Word numbering (which paragraphs are list items, how deep).
 */
import { DomHandler, Parser } from 'htmlparser2';
import type { ChildNode, Document, Element } from 'domhandler';
import { at } from '../model/checked';

/** Thrown when the body holds something only mammoth reads exactly. */
export class DirectFallback extends Error {}

export function fail(why: string): never {
  throw new DirectFallback(why);
}

export interface DirectParts {
  documentXml: string;
  stylesXml: string | null;
  numberingXml: string | null;
  rootRels: string | null;
  documentRels: string | null;
  /** The other parts mammoth parses (strictly): content types, relationships, styles, numbering, notes, comments. */
  otherXml: readonly string[];
  names: ReadonlySet<string>;
}

/** A part's text and its tree (parseWellFormed). */
export interface ParsedPart {
  xml: string;
  doc: Document;
}

export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const isEl = (n: ChildNode): n is Element => n.type === 'tag';
export const kids = (e: Element): Element[] => e.children.filter(isEl);
export const first = (e: Element | undefined, name: string): Element | undefined =>
  e?.children.find((c): c is Element => isEl(c) && c.name === name);

/** A relationship target of the given type, or undefined; fails on anything but a plain layout. */
function relTarget(rels: string | null, type: string): string | undefined {
  if (rels === null) return undefined;
  let found: string | undefined;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const t = /\bType="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (t !== `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`)
      continue;
    if (found !== undefined) fail(`two ${type} parts`);
    found = /\bTarget="([^"]*)"/.exec(tag)?.[1] ?? '';
  }
  return found;
}

export function checkLayout(parts: DirectParts): void {
  const main = relTarget(parts.rootRels, 'officeDocument');
  if (main !== 'word/document.xml' && main !== '/word/document.xml') fail('main part elsewhere');
  for (const type of ['styles', 'numbering', 'footnotes', 'endnotes', 'comments']) {
    const t = relTarget(parts.documentRels, type);
    if (t !== undefined && t !== `${type}.xml` && t !== `/word/${type}.xml`)
      fail(`${type} part elsewhere`);
  }
  if (parts.names.has('mammoth/style-map')) fail('embedded style map');
}

/** Paragraph style names by id, as mammoth reads them (the first definition of an id wins). */
export function styleNames(part: ParsedPart | null): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (part === null) return out;
  if (!part.xml.includes(W_NS)) fail('styles namespace');
  for (const s of descendants(part.doc.children, 'w:style')) {
    if (s.attribs['w:type'] !== 'paragraph') continue;
    const id = s.attribs['w:styleId'] ?? 'undefined';
    if (out.has(id)) continue;
    out.set(id, first(s, 'w:name')?.attribs['w:val'] ?? null);
  }
  return out;
}

/** Elements of a name below the given nodes, in document order (getElementsByTagName). */
function descendants(roots: readonly ChildNode[], name: string): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop();
    if (n === undefined || !isEl(n)) continue;
    if (n.name === name) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(at(n.children, i));
  }
  return out;
}

export interface Level {
  level: string;
  paragraphStyleId: string | undefined;
}

/** A map's values in the order a plain object's keys take (array indices ascending, then insertion). */
function objectOrder<T>(m: ReadonlyMap<string, T>): T[] {
  const index = (k: string): boolean => /^(0|[1-9]\d{0,8})$/.test(k);
  const keys = [...m.keys()];
  const ordered = [
    ...keys.filter(index).sort((a, b) => Number(a) - Number(b)),
    ...keys.filter((k) => !index(k)),
  ];
  return ordered.flatMap((k) => {
    const v = m.get(k);
    return v === undefined ? [] : [v];
  });
}

/** mammoth's numbering reader (numbering-xml.js), without the numbering-style links (we fall back on those). */
export function readNumbering(part: ParsedPart | null): {
  findLevel: (numId: string, level: string) => Level | null;
  byStyle: (styleId: string) => Level | null;
} {
  const abstractNums = new Map<string, Map<string, Level>>();
  const nums = new Map<string, string | undefined>();
  if (part !== null) {
    if (!part.xml.includes(W_NS)) fail('numbering namespace');
    if (part.xml.includes('numStyleLink')) fail('numbering style link');
    const root = part.doc;
    {
      for (const a of descendants(root.children, 'w:abstractNum')) {
        const levels = new Map<string, Level>();
        let withoutIndex: Level | null = null;
        for (const l of descendants(a.children, 'w:lvl')) {
          const ilvl = l.attribs['w:ilvl'];
          const level = {
            level: ilvl ?? '0',
            paragraphStyleId: first(l, 'w:pStyle')?.attribs['w:val'],
          };
          if (ilvl === undefined) withoutIndex = level;
          else levels.set(ilvl, level);
        }
        if (withoutIndex !== null && !levels.has(withoutIndex.level))
          levels.set(withoutIndex.level, withoutIndex);
        abstractNums.set(a.attribs['w:abstractNumId'] ?? 'undefined', levels);
      }
      for (const n of descendants(root.children, 'w:num')) {
        const ref = first(n, 'w:abstractNumId');
        if (!ref) fail('w:num without w:abstractNumId');
        nums.set(n.attribs['w:numId'] ?? 'undefined', ref.attribs['w:val']);
      }
    }
  }
  const byStyle = new Map<string, Level>();
  for (const levels of objectOrder(abstractNums))
    for (const l of objectOrder(levels))
      if (l.paragraphStyleId !== undefined) byStyle.set(l.paragraphStyleId, l);
  return {
    findLevel: (numId, level) => {
      if (!nums.has(numId)) return null;
      return abstractNums.get(String(nums.get(numId)))?.get(level) ?? null;
    },
    byStyle: (styleId) => byStyle.get(styleId) ?? null,
  };
}

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** Non-overlapping occurrences of a two-character string. */
function occurrences(s: string, of: string): number {
  let n = 0;
  for (let i = s.indexOf(of); i >= 0; i = s.indexOf(of, i + of.length)) n++;
  return n;
}

/**
 * What the strict check counts while a part is tokenized: one root, unique quoted attributes, no
 * text outside the root; and, at the end, every "</" closed its own element and every "/>" (and
 * nothing else) made an implied close — htmlparser2 closes a self-closing tag as "implied", and an
 * unclosed or mismatched element too, while a stray end tag makes no event.
 */
class Strictness {
  private ok = true;
  private depth = 0;
  private roots = 0;
  private closes = 0;
  private implied = 0;
  private attrs = new Set<string>();

  open(): void {
    if (this.depth === 0) this.roots++;
    this.depth++;
    this.attrs = new Set();
  }

  attribute(name: string, quote: string | null | undefined): void {
    if (this.attrs.has(name) || (quote !== '"' && quote !== "'")) this.ok = false;
    this.attrs.add(name);
  }

  close(isImplied: boolean): void {
    this.depth--;
    if (isImplied) this.implied++;
    else this.closes++;
  }

  /** Text as written (entities not decoded); only looked at outside the root. */
  text(raw: () => string): void {
    if (this.depth === 0 && raw().trim() !== '') this.ok = false;
  }

  passed(xml: string): boolean {
    return (
      this.ok &&
      this.depth === 0 &&
      this.roots === 1 &&
      occurrences(xml, '</') === this.closes &&
      occurrences(xml, '/>') === this.implied
    );
  }
}

/** What the strict check refuses before tokenizing: comments, CDATA, a DOCTYPE, undefined entities. */
function screened(xml: string): boolean {
  if (xml.includes('<!--') || xml.includes('<![CDATA[') || xml.includes('<!DOCTYPE')) return false;
  return !ENTITY.test(xml);
}

/**
 * A strict check that a part is well-formed XML, as mammoth's parser (xmldom, which fails on any
 * error or warning) needs it: one root, every element closed by its own end tag, quoted and
 * unique attributes, no undefined entities. The direct reader is lenient (htmlparser2), so it
 * gives up on a part this refuses and mammoth then refuses the file as it always did. Parts with
 * comments, CDATA or a DOCTYPE are not checked here but left to mammoth. For a part the direct
 * reader also reads, parseWellFormed checks the same in the tokenization that builds its tree.
 */
export function wellFormed(xml: string): boolean {
  if (!screened(xml)) return false;
  const strict = new Strictness();
  const parser = new Parser(
    {
      onopentagname: () => strict.open(),
      onattribute: (name, _value, quote) => strict.attribute(name, quote),
      onclosetag: (_name, isImplied) => strict.close(isImplied),
      ontext: (text) => strict.text(() => text),
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.end(xml);
  return strict.passed(xml);
}

/**
 * The part's tree as parseDocument(xml, { xmlMode: true, decodeEntities: true }) builds it, when
 * wellFormed(xml) holds, or null: one tokenization for both.
 */
export function parseWellFormed(xml: string): Document | null {
  if (!screened(xml)) return null;
  const strict = new Strictness();
  const dom = new DomHandler(undefined, { xmlMode: true });
  const parser: Parser = new Parser(
    {
      onparserinit: (p) => dom.onparserinit(p),
      onreset: () => dom.onreset(),
      onend: () => dom.onend(),
      onerror: (e) => dom.onerror(e),
      onopentagname: () => strict.open(),
      onattribute: (name, _value, quote) => strict.attribute(name, quote),
      onopentag: (name, attribs) => dom.onopentag(name, attribs),
      onclosetag: (_name, isImplied) => {
        strict.close(isImplied);
        dom.onclosetag();
      },
      ontext: (text) => {
        // Decoded here; outside the root the check wants it as written (an entity is never blank).
        strict.text(() => xml.slice(parser.startIndex, parser.endIndex + 1));
        dom.ontext(text);
      },
      oncomment: (data) => dom.oncomment(data),
      oncommentend: () => dom.oncommentend(),
      oncdatastart: () => dom.oncdatastart(),
      oncdataend: () => dom.oncdataend(),
      onprocessinginstruction: (name, data) => dom.onprocessinginstruction(name, data),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return strict.passed(xml) ? dom.root : null;
}

/** A part's tree, null when the package has no such part, false when it is not well-formed. */
export function parsePart(xml: string | null): ParsedPart | null | false {
  if (xml === null) return null;
  const doc = parseWellFormed(xml);
  return doc === null ? false : { xml, doc };
}
