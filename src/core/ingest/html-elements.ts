/**
 * What the HTML walk knows of elements: which hold no report text, which are blocks, which are
 * portal chrome or hidden, whitespace as a browser shows it, and the rows and cells of a table.
 */
import type { ChildNode, Element } from 'domhandler';
import { at } from '../model/checked';

/** Elements whose content is never report text. */
export const SKIPPED = new Set([
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

export const BLOCK = new Set([
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
export const KEPT_INLINE = new Set(['b', 'strong', 'i', 'em', 'u', 'sup', 'sub']);

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

export function isChromeText(text: string): boolean {
  if (text.length > 80) return false;
  if (CHROME_PREFIX.test(text)) return true;
  const bare = text.replace(/[\s|｜【】[\]:：•·>»()（）Ι丨]/g, '');
  // A line of separators only ("|") is furniture as much as a tool row is.
  return bare === '' || CHROME_WORDS.test(bare);
}

export function isChromeElement(el: Element): boolean {
  const attrs = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase();
  if (attrs.trim() === '') return false;
  return attrs.split(/[\s_-]+/).some((seg) => CHROME_SEGMENTS.has(seg));
}

/** Content a browser does not show (portals hide share widgets, print-only copies and the like). */
export function isHidden(el: Element): boolean {
  if (el.attribs['hidden'] !== undefined) return true;
  const style = el.attribs['style'];
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Browser whitespace: runs of spaces, line breaks and no-break spaces (Word-HTML pads with &nbsp;) show as one space. */
export function collapse(s: string): string {
  return s.replace(/[\u200b\ufeff]/g, '').replace(/[ \t\n\r\f\u00a0]+/g, ' ');
}

/** Trims ASCII whitespace, NBSP and the ideographic space, but not the private-use markers. */
export function trimText(s: string): string {
  return s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

export const MAX_DEPTH = 200;

/** Text of a subtree without recursion (deeply nested, usually malformed, markup). */
export function textOf(root: ChildNode): string {
  const out: string[] = [];
  const stack: ChildNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === undefined) break;
    if (n.type === 'text') out.push(n.data);
    else if (isElement(n) && !SKIPPED.has(n.name.toLowerCase()))
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(at(n.children, i));
  }
  return out.join('');
}

function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

/** The table's own rows (thead/tbody/tfoot or direct), never a nested table's. */
export function tableRows(table: Element): Element[][] {
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
    const c = stack.pop();
    if (c === undefined) break;
    if (!isElement(c)) continue;
    if (names.has(c.name.toLowerCase())) return true;
    stack.push(...c.children);
  }
  return false;
}

const TABLE_ONLY = new Set(['table']);

/** A table used for page layout rather than data: one cell, or cells that hold tables. */
export function isLayoutTable(rows: Element[][]): boolean {
  const cells = rows.flat();
  if (cells.length === 0) return true;
  if (cells.length === 1) return true;
  return cells.some((c) => hasNested(c, TABLE_ONLY));
}

export function span(el: Element, attr: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  // rowspan="0" means "to the end of the table section"; treat as large, clipped later.
  if (attr === 'rowspan' && n === 0) return 10_000;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}
