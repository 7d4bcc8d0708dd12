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
import type { Block, ParagraphBlock, TableBlock, TableCell } from '../model/types';
import { LIMITS } from './errors';
import { escapeHtml } from './render';

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

/** Elements whose content is never report text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
  'meta',
  'link',
  'nav',
  'header',
  'footer',
  'aside',
  'button',
  'select',
  'input',
  'textarea',
  'option',
  'svg',
  'canvas',
  'img',
  'map',
  'audio',
  'video',
  'xml',
]);

const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'section',
  'article',
  'main',
  'address',
  'figure',
  'figcaption',
  'center',
  'hr',
  'body',
  'html',
  'form',
  'fieldset',
  'caption',
  'details',
  'summary',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
]);

/** Inline formatting kept in the display HTML (everything else is reduced to its text). */
const KEPT_INLINE = new Set(['b', 'strong', 'i', 'em', 'u', 'sup', 'sub']);

/** class/id segments of portal chrome containers. "zoom" is deliberately absent: it is often the article body. */
const CHROME_SEGMENTS = new Set([
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'bread',
  'location',
  'position',
  'curpos',
  'share',
  'bdshare',
  'jiathis',
  'print',
  'toolbar',
  'tools',
  'fontsize',
  'nav',
  'navbar',
  'menu',
  'footer',
  'copyright',
  'sidebar',
  'topbar',
  'logo',
  'search',
]);

/** Short paragraphs that are page furniture, not report text. */
const CHROME_PREFIX =
  /^(当前位置|您当前的位置|您现在的位置|您的位置|所在位置)[:：]|^首页\s*[>»＞›]|^(上一篇|下一篇)[:：]|网站标识码|ICP备|版权所有|主办单位[:：]/;
const CHROME_WORDS =
  /^(字号|大|中|小|默认|打印(本页)?|关闭(窗口|本页)?|分享(到)?|收藏|微信|微博|QQ空间|QQ|返回顶部|保存(本页)?|纠错|视力保护色|扫一扫|手机版|手机|电子书|H5|图文解读|视频解读|语音播报|标题|正文|附件|\||Ι|丨)+$/;

function isChromeText(text: string): boolean {
  if (text.length > 80) return false;
  if (CHROME_PREFIX.test(text)) return true;
  const bare = text.replace(/[\s|｜【】[\]:：•·>»()（）Ι丨]/g, '');
  // A line of separators only ("|") is furniture as much as a tool row is.
  return bare === '' || CHROME_WORDS.test(bare);
}

function isChromeElement(el: Element): boolean {
  const attrs = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase();
  if (attrs.trim() === '') return false;
  return attrs.split(/[\s_-]+/).some((seg) => CHROME_SEGMENTS.has(seg));
}

/** Content a browser does not show (portals hide share widgets, print-only copies and the like). */
function isHidden(el: Element): boolean {
  if (el.attribs['hidden'] !== undefined) return true;
  const style = el.attribs['style'];
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Browser whitespace: runs of spaces, line breaks and no-break spaces (Word-HTML pads with &nbsp;) show as one space. */
function collapse(s: string): string {
  return s.replace(/[\u200b\ufeff]/g, '').replace(/[ \t\n\r\f\u00a0]+/g, ' ');
}

/** Trims ASCII whitespace, NBSP and the ideographic space, but not the private-use markers. */
function trimText(s: string): string {
  return s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
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

const MAX_DEPTH = 200;

/** Text of a subtree without recursion (deeply nested, usually malformed, markup). */
function textOf(root: ChildNode): string {
  const out: string[] = [];
  const stack: ChildNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as ChildNode;
    if (n.type === 'text') out.push(n.data);
    else if (isElement(n) && !SKIPPED.has(n.name.toLowerCase()))
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
  }
  return out.join('');
}

class Walker {
  readonly blocks: Block[] = [];
  readonly out: string[] = [];
  readonly notes: string[] = [];
  readonly images: number[] = [];
  private pending: Pending | null = null;
  private full = false;

  constructor(private readonly opts: HtmlToBlocksOptions) {}

  walk(nodes: readonly ChildNode[], ctx: Ctx): void {
    for (const node of nodes) {
      if (this.full) return;
      if (node.type === 'text') {
        this.addText(node.data, escapeHtml(collapse(node.data)), ctx);
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
        const text = textOf(node);
        this.addText(text, escapeHtml(collapse(text)), ctx);
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
      if (KEPT_INLINE.has(name)) {
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

  private addText(raw: string, html: string, ctx: Ctx): void {
    const p = this.start(ctx);
    p.text.push(raw);
    p.html.push(html);
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
    this.out.push(tableHtml(block, i));
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
    if (!m || !KEPT_INLINE.has(m[2] as string)) {
      out.push(part);
      continue;
    }
    const tag = m[2] as string;
    if (m[1] !== '/') {
      open.push(tag);
      out.push(part);
    } else if (open[open.length - 1] === tag) {
      open.pop();
      out.push(part);
    }
  }
  while (open.length > 0) out.push(`</${open.pop() as string}>`);
  return out.join('');
}

function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

/** The table's own rows (thead/tbody/tfoot or direct), never a nested table's. */
function tableRows(table: Element): Element[][] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    const n = child.name.toLowerCase();
    if (n === 'tr') rows.push(child);
    else if (n === 'thead' || n === 'tbody' || n === 'tfoot')
      rows.push(...childElements(child).filter((r) => r.name.toLowerCase() === 'tr'));
  }
  return rows.map((tr) =>
    childElements(tr).filter((c) => c.name.toLowerCase() === 'td' || c.name.toLowerCase() === 'th'),
  );
}

function hasNested(el: Element, names: ReadonlySet<string>): boolean {
  const stack: ChildNode[] = [...el.children];
  while (stack.length > 0) {
    const c = stack.pop() as ChildNode;
    if (!isElement(c)) continue;
    if (names.has(c.name.toLowerCase())) return true;
    stack.push(...c.children);
  }
  return false;
}

const TABLE_ONLY = new Set(['table']);

/** A table used for page layout rather than data: one cell, or cells that hold tables. */
function isLayoutTable(rows: Element[][]): boolean {
  const cells = rows.flat();
  if (cells.length === 0) return true;
  if (cells.length === 1) return true;
  return cells.some((c) => hasNested(c, TABLE_ONLY));
}

function span(el: Element, attr: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  // rowspan="0" means "to the end of the table section"; treat as large, clipped later.
  if (attr === 'rowspan' && n === 0) return 10_000;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
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

export interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Expands rows of origin cells into a rectangular grid; bounded by LIMITS.maxTableCells. */
export function expandTable(rows: readonly (readonly RawCell[])[]): {
  rows: TableCell[][];
  truncated: boolean;
} {
  const nRows = rows.length;
  const grid: (TableCell | undefined)[][] = rows.map(() => []);
  let truncated = false;
  let width = 0;
  let keptRows = nRows;
  for (let r = 0; r < nRows; r++) {
    const row = rows[r] as readonly RawCell[];
    const gridRow = grid[r] as (TableCell | undefined)[];
    let c = 0;
    for (const cell of row) {
      while (gridRow[c]) c++;
      const rs = Math.min(cell.rowSpan, nRows - r);
      const cs = Math.min(cell.colSpan, 1000);
      if ((c + cs) * (r + 1) > LIMITS.maxTableCells) break;
      for (let i = 0; i < rs; i++) {
        const target = grid[r + i] as (TableCell | undefined)[];
        for (let j = 0; j < cs; j++) {
          const origin = i === 0 && j === 0;
          target[c + j] = {
            text: cell.text,
            rowSpan: origin ? rs : 1,
            colSpan: origin ? cs : 1,
            covered: !origin,
            originRow: r,
            originCol: c,
          };
        }
      }
      c += cs;
    }
    width = Math.max(width, gridRow.length);
    if (width * (r + 1) > LIMITS.maxTableCells) {
      truncated = true;
      keptRows = r;
      break;
    }
  }
  const out: TableCell[][] = [];
  for (let r = 0; r < keptRows; r++) {
    const g = grid[r] as (TableCell | undefined)[];
    out.push(
      Array.from(
        { length: width },
        (_, c) =>
          g[c] ?? { text: '', rowSpan: 1, colSpan: 1, covered: false, originRow: r, originCol: c },
      ),
    );
  }
  // A merge reaching past a truncation point must not claim rows that are gone.
  if (truncated)
    for (const row of out)
      for (const cell of row)
        if (!cell.covered) cell.rowSpan = Math.min(cell.rowSpan, keptRows - cell.originRow);
  return { rows: out, truncated };
}

export function tableHtml(block: TableBlock, index: number): string {
  const trs = block.rows.map((row, r) => {
    const tds = row
      .map((cell, c) => {
        if (cell.covered) return '';
        const attrs =
          (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') +
          (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
        return `<td data-nb-cell="${r},${c}"${attrs}>${escapeHtml(cell.text).replace(/\n/g, '<br>')}</td>`;
      })
      .join('');
    return `<tr>${tds}</tr>`;
  });
  return `<table data-nb-block="${index}" class="nb-grid"><tbody>${trs.join('')}</tbody></table>`;
}

/** Turns an HTML string into blocks and annotated display HTML. */
export function htmlToBlocks(html: string, opts: HtmlToBlocksOptions): HtmlBlocks {
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const w = new Walker(opts);
  w.walk(doc.children, { listDepth: 0, depth: 0 });
  w.flush();
  return { blocks: w.blocks, html: w.out.join('\n'), notes: w.notes, images: w.images };
}
