/**
 * Parsed HTML → SourceDocument blocks + annotated display HTML. Shared by the html reader (saved
 * web pages) and the docx reader (mammoth's output), so both formats give the same block shapes:
 * block elements become paragraphs (h1–h6 → headingLevel, li → listLevel), data tables become
 * 'grid' TableBlocks with rowspan/colspan expanded, layout tables (a page wrapped in a table) are
 * walked through as containers.
 *
 * The display HTML is re-serialised from the same walk, so block i of `blocks` is exactly the
 * element carrying data-nb-block="i" — no second pass can drift out of step with the blocks.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, ParagraphBlock, TableBlock } from '../model/types';
import { LIMITS } from './errors';
import { escapeHtml } from './render';
import {
  BLOCK,
  collapse,
  isChromeElement,
  isChromeText,
  isElement,
  isHidden,
  isLayoutTable,
  KEPT_INLINE,
  MAX_DEPTH,
  SKIPPED,
  span,
  tableRows,
  textOf,
  trimText,
} from './html-elements';
import { expandTable, tableHtml } from './table-grid';

/**
 * The docx reader prefixes a paragraph's text with MARK_OPEN label MARK_MID style MARK_CLOSE to
 * carry the recovered auto-numbering label and the Word style name through mammoth's HTML
 * (private-use characters never occur in reports).
 */
export const MARK_OPEN = '\uE000';
export const MARK_MID = '\uE001';
export const MARK_CLOSE = '\uE002';
const MARK_RE = /\uE000([^\uE001\uE002]*)\uE001[^\uE002]*\uE002/g;
const LEADING_MARK = /^\uE000([^\uE001\uE002]*)\uE001([^\uE001\uE002]*)(?:\uE001(\d*))?\uE002/;

/** Marker carrying a paragraph's recovered numbering label, its list level and its Word style name. */
export function paragraphMarker(label: string, style: string, level?: number): string {
  const clean = (x: string): string => x.replace(/[\uE000-\uE002]/g, '');
  return `${MARK_OPEN}${clean(label)}${MARK_MID}${clean(style)}${level !== undefined ? `${MARK_MID}${level}` : ''}${MARK_CLOSE}`;
}

/** Removes markers, keeping the numbering label visible (for cell texts and display HTML). */
function showMarkers(s: string): string {
  return s.indexOf(MARK_OPEN) < 0 ? s : s.replace(MARK_RE, '$1');
}

export interface HtmlToBlocksOptions {
  /** Saved web pages: drop navigation, breadcrumbs, 字号/打印/分享 bars and similar page chrome. */
  dropChrome: boolean;
  /** false: blocks only, no display HTML (the blocks are the same either way). */
  display?: boolean;
}

export interface HtmlBlocks {
  blocks: Block[];
  /** Display HTML, not sanitised, with data-nb-block / data-nb-cell. */
  html: string;
  /** Non-fatal notes (truncation), Chinese. */
  notes: string[];
  /** Where pictures stood (see SourceDocument.images). */
  images: number[];
}

interface Pending {
  text: string[];
  html: string[];
  headingLevel?: number;
  listLevel?: number;
}

interface Ctx {
  headingLevel?: number;
  listDepth: number;
  /** Element nesting depth: past MAX_DEPTH a subtree is read as plain text, so nothing recurses without bound. */
  depth: number;
  /** Inside an <li>: its list level (0 = outermost list), given to every paragraph it holds. */
  listItem?: number;
}

class Walker {
  readonly blocks: Block[] = [];
  readonly out: string[] = [];
  readonly notes: string[] = [];
  readonly images: number[] = [];
  private pending: Pending | null = null;
  private full = false;
  private readonly display: boolean;

  constructor(private readonly opts: HtmlToBlocksOptions) {
    this.display = opts.display !== false;
  }

  walk(nodes: readonly ChildNode[], ctx: Ctx): void {
    for (const node of nodes) {
      if (this.full) return;
      if (node.type === 'text') {
        this.addText(node.data, ctx);
        continue;
      }
      if (!isElement(node)) continue;
      const name = node.name.toLowerCase();
      if (name === 'img') {
        // Pictures are never text, but a table pasted as one is a finding: keep where it stood.
        this.images.push(this.blocks.length);
        continue;
      }
      if (SKIPPED.has(name) || isHidden(node)) continue;
      if (this.opts.dropChrome && isChromeElement(node)) continue;
      if (ctx.depth > MAX_DEPTH) {
        this.addText(textOf(node), ctx);
        continue;
      }
      const inside: Ctx = { ...ctx, depth: ctx.depth + 1 };
      if (name === 'br') {
        this.flush();
        continue;
      }
      if (name === 'table') {
        this.flush();
        this.table(node, inside);
        continue;
      }
      if (BLOCK.has(name)) {
        this.flush();
        const m = /^h([1-6])$/.exec(name);
        const listItem = name === 'li' ? Math.max(0, ctx.listDepth - 1) : ctx.listItem;
        const inner: Ctx = {
          depth: inside.depth,
          listDepth: name === 'ul' || name === 'ol' ? ctx.listDepth + 1 : ctx.listDepth,
          ...(m
            ? { headingLevel: Number(m[1]) }
            : ctx.headingLevel
              ? { headingLevel: ctx.headingLevel }
              : {}),
          ...(listItem !== undefined ? { listItem } : {}),
        };
        this.walk(node.children, inner);
        this.flush();
        continue;
      }
      // Inline: keep simple formatting, flatten the rest.
      if (this.display && KEPT_INLINE.has(name)) {
        this.addHtml(`<${name}>`, ctx);
        this.walk(node.children, inside);
        this.addHtml(`</${name}>`, ctx);
      } else {
        this.walk(node.children, inside);
      }
    }
  }

  private start(ctx: Ctx): Pending {
    if (!this.pending) {
      this.pending = {
        text: [],
        html: [],
        ...(ctx.headingLevel ? { headingLevel: ctx.headingLevel } : {}),
        ...(ctx.listItem !== undefined ? { listLevel: ctx.listItem } : {}),
      };
    }
    return this.pending;
  }

  private addText(raw: string, ctx: Ctx): void {
    const p = this.start(ctx);
    p.text.push(raw);
    if (this.display) p.html.push(escapeHtml(collapse(raw)));
  }

  private addHtml(html: string, ctx: Ctx): void {
    this.start(ctx).html.push(html);
  }

  private room(): boolean {
    if (this.blocks.length < LIMITS.maxBlocks) return true;
    if (!this.full) this.notes.push(`文档内容过多，仅读取了前 ${LIMITS.maxBlocks} 段。`);
    this.full = true;
    return false;
  }

  flush(): void {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    let text = trimText(collapse(p.text.join('')));
    let label = '';
    let style = '';
    let level: number | undefined;
    if (text.startsWith(MARK_OPEN)) {
      const m = LEADING_MARK.exec(text);
      if (m) {
        label = m[1] ?? '';
        style = m[2] ?? '';
        if (m[3]) level = Number(m[3]);
        text = trimText(text.slice(m[0].length));
      }
    }
    text = showMarkers(text);
    if (text === '' || (this.opts.dropChrome && isChromeText(text))) return;
    if (!this.room()) return;
    const block: ParagraphBlock = { kind: 'paragraph', text };
    if (p.headingLevel) block.headingLevel = p.headingLevel;
    if (style) block.style = style;
    // The list level from Word's numbering wins over the HTML nesting mammoth rebuilt from it.
    if (level !== undefined) block.listLevel = level;
    else if (p.listLevel !== undefined) block.listLevel = p.listLevel;
    if (label) block.numberingLabel = label;
    const i = this.blocks.length;
    this.blocks.push(block);
    if (!this.display) return;
    const tag = p.headingLevel ? `h${p.headingLevel}` : 'p';
    const inner = trimText(showMarkers(balanceInline(p.html)));
    this.out.push(`<${tag} data-nb-block="${i}">${inner}</${tag}>`);
  }

  private table(el: Element, ctx: Ctx): void {
    const rows = tableRows(el);
    if (isLayoutTable(rows)) {
      // A page laid out in a table: its cells are ordinary containers.
      for (const row of rows)
        for (const cell of row) {
          this.walk(cell.children, ctx);
          this.flush();
        }
      return;
    }
    const grid = expandTable(
      rows.map((r) =>
        r.map((c) => ({
          text: cellText(c),
          rowSpan: span(c, 'rowspan'),
          colSpan: span(c, 'colspan'),
        })),
      ),
    );
    if (grid.truncated) this.notes.push(`表格过大，仅读取了前 ${grid.rows.length} 行。`);
    if (grid.rows.length === 0) return;
    if (grid.rows.every((r) => r.every((c) => c.text === ''))) {
      // A picture pasted into an otherwise empty table (a frame around a scanned table).
      if (DomUtils.findOne((n) => n.name === 'img', el.children, true))
        this.images.push(this.blocks.length);
      return;
    }
    if (!this.room()) return;
    const i = this.blocks.length;
    const block: TableBlock = { kind: 'table', layout: 'grid', rows: grid.rows };
    this.blocks.push(block);
    if (this.display) this.out.push(tableHtml(block, i));
  }
}

/**
 * Joins a paragraph's HTML pieces with its inline tags balanced: a block boundary inside <b>…</b>
 * splits the pair across two paragraphs, and each must stay well-formed inside its own element.
 */
function balanceInline(parts: readonly string[]): string {
  const out: string[] = [];
  const open: string[] = [];
  for (const part of parts) {
    const m = /^<(\/?)([a-z]+)>$/.exec(part);
    const tag = m?.[2];
    if (!m || tag === undefined || !KEPT_INLINE.has(tag)) {
      out.push(part);
      continue;
    }
    if (m[1] !== '/') {
      open.push(tag);
      out.push(part);
    } else if (open[open.length - 1] === tag) {
      open.pop();
      out.push(part);
    }
  }
  for (let tag = open.pop(); tag !== undefined; tag = open.pop()) out.push(`</${tag}>`);
  return out.join('');
}

/** Cell text: block children and <br> separate lines ("商业<br>企业" → "商业\n企业"). */
function cellText(cell: Element): string {
  const lines: string[] = [];
  let cur = '';
  const visit = (nodes: readonly ChildNode[], depth: number): void => {
    for (const n of nodes) {
      if (n.type === 'text') {
        cur += n.data;
        continue;
      }
      if (!isElement(n)) continue;
      const name = n.name.toLowerCase();
      if (SKIPPED.has(name) || isHidden(n)) continue;
      if (depth > MAX_DEPTH) {
        cur += textOf(n);
        continue;
      }
      if (name === 'br') {
        lines.push(cur);
        cur = '';
      } else if (BLOCK.has(name)) {
        lines.push(cur);
        cur = '';
        visit(n.children, depth + 1);
        lines.push(cur);
        cur = '';
      } else {
        visit(n.children, depth + 1);
      }
    }
  };
  visit(cell.children, 0);
  lines.push(cur);
  return lines
    .map((l) => trimText(collapse(showMarkers(l))))
    .filter((l) => l !== '')
    .join('\n');
}

/** Turns an HTML string into blocks and annotated display HTML. */
export function htmlToBlocks(html: string, opts: HtmlToBlocksOptions): HtmlBlocks {
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  return nodesToBlocks(doc.children, opts);
}

/** The same for an HTML tree already built (element names in lower case). */
export function nodesToBlocks(nodes: readonly ChildNode[], opts: HtmlToBlocksOptions): HtmlBlocks {
  const w = new Walker(opts);
  w.walk(nodes, { listDepth: 0, depth: 0 });
  w.flush();
  return { blocks: w.blocks, html: w.out.join('\n'), notes: w.notes, images: w.images };
}
