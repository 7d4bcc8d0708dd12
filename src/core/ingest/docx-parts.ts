/**
 * The parts of a .docx package the direct reader (docx-direct.ts) needs besides the body, read as
 * mammoth reads them: the package layout (it gives up on anything but the usual one), paragraph
 * style names, and mammoth's view of Word numbering (which paragraphs are list items, how deep).
 */
import { Parser, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
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
export function styleNames(xml: string | null): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (xml === null) return out;
  if (!xml.includes(W_NS)) fail('styles namespace');
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  for (const s of descendants(doc.children, 'w:style')) {
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
export function readNumbering(xml: string | null): {
  findLevel: (numId: string, level: string) => Level | null;
  byStyle: (styleId: string) => Level | null;
} {
  const abstractNums = new Map<string, Map<string, Level>>();
  const nums = new Map<string, string | undefined>();
  if (xml !== null) {
    if (!xml.includes(W_NS)) fail('numbering namespace');
    if (xml.includes('numStyleLink')) fail('numbering style link');
    const root = parseDocument(xml, { xmlMode: true, decodeEntities: true });
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

/**
 * A strict check that a part is well-formed XML, as mammoth's parser (xmldom, which fails on any
 * error or warning) needs it: one root, every element closed by its own end tag, quoted and
 * unique attributes, no undefined entities. The direct reader is lenient (htmlparser2), so it
 * gives up on a part this refuses and mammoth then refuses the file as it always did. Parts with
 * comments, CDATA or a DOCTYPE are not checked here but left to mammoth.
 */
export function wellFormed(xml: string): boolean {
  if (xml.includes('<!--') || xml.includes('<![CDATA[') || xml.includes('<!DOCTYPE')) return false;
  if (ENTITY.test(xml)) return false;
  let ok = true;
  let depth = 0;
  let roots = 0;
  let closes = 0;
  let implied = 0;
  let attrs = new Set<string>();
  const parser = new Parser(
    {
      onopentagname: () => {
        if (depth === 0) roots++;
        depth++;
        attrs = new Set();
      },
      onattribute: (name, _value, quote) => {
        if (attrs.has(name) || (quote !== '"' && quote !== "'")) ok = false;
        attrs.add(name);
      },
      onclosetag: (_name, isImplied) => {
        depth--;
        if (isImplied) implied++;
        else closes++;
      },
      ontext: (text) => {
        if (depth === 0 && text.trim() !== '') ok = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.end(xml);
  // htmlparser2 closes a self-closing tag as "implied", and an unclosed or mismatched element
  // too; a stray end tag makes no event. So every "</" must have closed its own element, and
  // every "/>" (and nothing else) must account for the implied closes.
  const endTags = xml.split('</').length - 1;
  const selfClosing = xml.split('/>').length - 1;
  return ok && depth === 0 && roots === 1 && endTags === closes && selfClosing === implied;
}
