/**
 * A direct reader of (the display-rewritten) word/document.xml for extraction, without mammoth.
 * It builds the tree htmlparser2 would build from the small HTML mammoth writes for the same
 * body — paragraphs (h1–h6 by the same style map, list items nested as deep as mammoth nests
 * them), runs as text, tabs, line breaks, tables with mammoth's colspan/rowspan — with the same
 * numbering/style markers, and the docx reader hands it to html-grid as it does mammoth's parsed
 * HTML (without writing display HTML), so the blocks are the same: no HTML is written or parsed.
 *
 * It covers only what it reproduces exactly. Anything else — pictures, text boxes, symbols,
 * check boxes, comments, deleted paragraphs or rows, nested tables, unusual package layouts, any
 * element it does not know (docx-elements.ts) — makes it give up (DirectFallback) and the caller
 * uses mammoth. Only the command line (no display HTML) uses it; the app keeps mammoth so that the
 * display and the block numbering agree. test/ingest/docx-direct.test.ts checks both paths give
 * the same SourceDocument on every .docx the repository holds or generates.
 */
import { DomHandler } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { at } from '../model/checked';
import { paragraphMarker } from './html-grid';
import {
  checkLayout,
  DirectFallback,
  type DirectParts,
  fail,
  first,
  isEl,
  kids,
  type Level,
  type ParsedPart,
  parsePart,
  parseWellFormed,
  readNumbering,
  styleNames,
  W_NS,
  wellFormed,
} from './docx-parts';
import { NOTE_UNHANDLED, paragraphTag, skip, THROUGH, UNHANDLED } from './docx-elements';

export interface Labelled {
  key: string;
  label: string;
  level?: number;
}

export const squeeze = (s: string): string => s.replace(/\s+/g, '');

/**
 * Finds the labelled paragraph of a text, in document order: each takes the first paragraph with
 * the same text after the previous match (shared by the mammoth transform and the direct reader).
 */
export function labelFinder(labelled: readonly Labelled[]): (key: string) => Labelled | undefined {
  const positions = new Map<string, number[]>();
  labelled.forEach((l, i) => {
    const list = positions.get(l.key);
    if (list) list.push(i);
    else positions.set(l.key, [i]);
  });
  const next = new Map<string, number>();
  let cursor = 0;
  return (key) => {
    const list = positions.get(key);
    if (!list) return undefined;
    let j = next.get(key) ?? 0;
    while (j < list.length && at(list, j) < cursor) j++;
    next.set(key, j + 1);
    if (j >= list.length) return undefined;
    cursor = at(list, j) + 1;
    return labelled[at(list, j)];
  };
}

type Piece = { text: string } | { tab: true } | { br: true };

/**
 * Where the walk writes the tree htmlparser2 would build from mammoth's HTML for the body: a
 * DomHandler (the same calls the parser makes), or nowhere (a covered cell, still walked for what
 * makes the reader give up).
 */
interface Sink {
  onopentag(name: string, attribs: Record<string, string>): void;
  ontext(data: string): void;
  onclosetag(): void;
}

const NOWHERE: Sink = {
  onopentag: () => undefined,
  ontext: () => undefined,
  onclosetag: () => undefined,
};

function element(
  out: Sink,
  name: string,
  inner: () => void,
  attribs: Record<string, string> = {},
): void {
  out.onopentag(name, attribs);
  inner();
  out.onclosetag();
}

class Walker {
  private readonly find: (key: string) => Labelled | undefined;
  private readonly styles: Map<string, string | null>;
  private readonly numbering: ReturnType<typeof readNumbering>;

  constructor(
    styles: ParsedPart | null,
    numbering: ParsedPart | null,
    labelled: readonly Labelled[],
  ) {
    this.find = labelFinder(labelled);
    this.styles = styleNames(styles);
    this.numbering = readNumbering(numbering);
  }

  /** Block-level content (the body, a cell). */
  blocks(nodes: readonly ChildNode[], out: Sink, inCell: boolean): void {
    for (const n of nodes) {
      if (!isEl(n)) continue;
      if (n.name === 'w:p') this.paragraph(n, out);
      else if (n.name === 'w:tbl') {
        if (inCell) fail('nested table');
        this.table(n, out);
      } else if (n.name === 'w:sdt')
        this.blocks(first(n, 'w:sdtContent')?.children ?? [], out, inCell);
      else if (THROUGH.has(n.name)) this.blocks(n.children, out, inCell);
      else if (n.name !== 'w:bookmarkStart') skip(n, 'block');
    }
  }

  private paragraph(p: Element, out: Sink): void {
    const pPr = first(p, 'w:pPr');
    if (first(first(pPr, 'w:rPr'), 'w:del')) fail('deleted paragraph');
    const styleEl = first(pPr, 'w:pStyle');
    const styleId = styleEl?.attribs['w:val'] || null;
    const name = styleId !== null ? (this.styles.get(styleId) ?? null) : null;
    const numPr = first(pPr, 'w:numPr');
    const ilvl = first(numPr, 'w:ilvl')?.attribs['w:val'];
    const numId = first(numPr, 'w:numId')?.attribs['w:val'];
    let list: Level | null = null;
    if (ilvl !== undefined && numId !== undefined) list = this.numbering.findLevel(numId, ilvl);
    else {
      if (styleId !== null) list = this.numbering.byStyle(styleId);
      if (list === null && numId !== undefined) list = this.numbering.findLevel(numId, '0');
    }
    const pieces: Piece[] = [];
    this.inline(p.children, pieces);
    const key = squeeze(pieces.map((x) => ('text' in x ? x.text : '')).join(''));
    if (key !== '') {
      const match = this.find(key);
      const style = name ?? '';
      const firstText = pieces.findIndex((x) => 'text' in x && x.text !== '');
      const piece = pieces[firstText];
      if ((match?.label || style) && piece && 'text' in piece)
        piece.text =
          paragraphMarker(match?.label ?? '', style, match?.label ? match.level : undefined) +
          piece.text;
    }
    const body = (): void => {
      for (const x of pieces)
        if ('text' in x) {
          if (x.text !== '') out.ontext(x.text);
        } else if ('tab' in x) out.ontext('\t');
        else element(out, 'br', () => undefined);
    };
    const tag = paragraphTag(styleId, name, list);
    if (tag.startsWith('list')) {
      const nest = (depth: number): void =>
        depth === 0 ? body() : element(out, 'ol', () => element(out, 'li', () => nest(depth - 1)));
      nest(Number(tag.slice(4)));
    } else element(out, tag, body);
  }

  private inline(nodes: readonly ChildNode[], out: Piece[]): void {
    for (const n of nodes) {
      if (!isEl(n)) continue;
      switch (n.name) {
        case 'w:r':
          this.run(n, out);
          break;
        case 'w:hyperlink':
          if (n.attribs['r:id'] !== undefined && n.attribs['w:anchor'] !== undefined)
            fail('hyperlink with both target and anchor');
          this.inline(n.children, out);
          break;
        case 'w:sdt':
          this.inline(first(n, 'w:sdtContent')?.children ?? [], out);
          break;
        case 'w:bookmarkStart':
          break;
        default:
          if (THROUGH.has(n.name)) this.inline(n.children, out);
          else skip(n, 'inline');
      }
    }
  }

  private run(r: Element, out: Piece[]): void {
    for (const n of r.children) {
      if (!isEl(n)) continue;
      switch (n.name) {
        case 'w:t':
          out.push({
            text: n.children.map((c) => (c.type === 'text' ? c.data : fail('w:t markup'))).join(''),
          });
          break;
        case 'w:tab':
          out.push({ tab: true });
          break;
        case 'w:noBreakHyphen':
          out.push({ text: '\u2011' });
          break;
        case 'w:br': {
          const type = n.attribs['w:type'];
          if (type === undefined || type === 'textWrapping') out.push({ br: true });
          else if (type !== 'page' && type !== 'column') fail('break type');
          break;
        }
        case 'w:fldChar':
        case 'w:instrText':
          break;
        default:
          skip(n, 'run');
      }
    }
  }

  private table(t: Element, out: Sink): void {
    interface Cell {
      tc: Element;
      colSpan: number;
      rowSpan: number;
      vMerge: boolean;
    }
    const rows: Cell[][] = [];
    for (const tr of kids(t)) {
      if (tr.name !== 'w:tr') {
        skip(tr, 'table');
        continue;
      }
      if (first(first(tr, 'w:trPr'), 'w:del')) fail('deleted row');
      const row: Cell[] = [];
      for (const tc of kids(tr)) {
        if (tc.name !== 'w:tc') {
          skip(tc, 'row');
          continue;
        }
        const tcPr = first(tc, 'w:tcPr');
        const gridSpan = first(tcPr, 'w:gridSpan')?.attribs['w:val'];
        if (gridSpan !== undefined && gridSpan !== '' && !/^[1-9]\d{0,3}$/.test(gridSpan))
          fail('grid span');
        const vm = first(tcPr, 'w:vMerge');
        const val = vm?.attribs['w:val'];
        row.push({
          tc,
          colSpan: gridSpan ? Number(gridSpan) : 1,
          rowSpan: 1,
          vMerge: vm !== undefined && (val === 'continue' || !val),
        });
      }
      rows.push(row);
    }
    // mammoth's calculateRowSpans.
    const columns = new Map<number, Cell>();
    for (const row of rows) {
      let index = 0;
      for (const cell of row) {
        const origin = columns.get(index);
        if (cell.vMerge && origin) origin.rowSpan++;
        else {
          columns.set(index, cell);
          cell.vMerge = false;
        }
        index += cell.colSpan;
      }
    }
    element(out, 'table', () => {
      for (const row of rows)
        element(out, 'tr', () => {
          for (const c of row) {
            // A covered cell is not written, but what it holds may still make the reader give up.
            if (c.vMerge) {
              this.blocks(c.tc.children, NOWHERE, true);
              continue;
            }
            const attribs: Record<string, string> = {};
            if (c.colSpan !== 1) attribs['colspan'] = String(c.colSpan);
            if (c.rowSpan !== 1) attribs['rowspan'] = String(c.rowSpan);
            element(out, 'td', () => this.blocks(c.tc.children, out, true), attribs);
          }
        });
    });
  }
}

/**
 * The tree of the HTML mammoth would write for this body (for blocks, not display), or why the
 * direct reader gives up on it (the caller then uses mammoth).
 */
export function directRead(
  parts: DirectParts,
  labelled: readonly Labelled[],
): { nodes: ChildNode[] } | { fallback: string } {
  try {
    const xml = parts.documentXml;
    const unhandled = UNHANDLED.exec(xml);
    if (unhandled) return { fallback: `unhandled ${unhandled[0]}` };
    if (xml.split(W_NS).length !== 2) return { fallback: 'namespace' };
    // Strictly checked (see wellFormed) in the tokenization that builds each tree read here.
    const doc = parseWellFormed(xml);
    const styles = parsePart(parts.stylesXml);
    const numbering = parsePart(parts.numberingXml);
    const rest = parts.otherXml.filter((x) => x !== parts.stylesXml && x !== parts.numberingXml);
    if (doc === null || styles === false || numbering === false || !rest.every(wellFormed))
      return { fallback: 'XML not checked well-formed' };
    // Notes and comments are read by mammoth too (never shown): pictures there could fail it.
    if (parts.otherXml.some((x) => NOTE_UNHANDLED.test(x)))
      return { fallback: 'picture in a note' };
    checkLayout(parts);
    const walker = new Walker(styles, numbering, labelled);
    const root = doc.children.find(isEl);
    const body = first(root, 'w:body');
    if (!root || root.name !== 'w:document' || !body) return { fallback: 'no body' };
    const out = new DomHandler();
    walker.blocks(body.children, out, false);
    out.onend();
    return { nodes: out.root.children };
  } catch (e) {
    if (e instanceof DirectFallback) return { fallback: e.message };
    throw e;
  }
}

/** directRead's tree, or null to read with mammoth. */
export function directNodes(parts: DirectParts, labelled: readonly Labelled[]): ChildNode[] | null {
  const r = directRead(parts, labelled);
  return 'nodes' in r ? r.nodes : null;
}
