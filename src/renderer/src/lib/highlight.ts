/**
 * Highlighting inside the sanitised document: a finding's pos names a block
 * ([data-nb-block]), optionally a table cell ([data-nb-cell="r,c"]) and a character range.
 * A range is wrapped in <mark class="nb-highlight">; a cell or block gets the class itself.
 */
import type { SourcePos } from '../../../core/model/types';

export const HIGHLIGHT_CLASS = 'nb-highlight';
const MARK_ATTR = 'data-nb-mark';

export function clearHighlight(root: HTMLElement): void {
  root.querySelectorAll(`mark[${MARK_ATTR}]`).forEach((mark) => {
    const parent = mark.parentNode;
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  });
  root
    .querySelectorAll(`.${HIGHLIGHT_CLASS}, .nb-flash`)
    .forEach((el) => el.classList.remove(HIGHLIGHT_CLASS, 'nb-flash'));
}

/** Finds the element a pos points at: the cell when row/col are given and present, else the block. */
export function findTarget(root: HTMLElement, pos: SourcePos): HTMLElement | null {
  const block = root.querySelector<HTMLElement>(`[data-nb-block="${pos.block}"]`);
  if (!block) return null;
  if (pos.row !== undefined && pos.col !== undefined) {
    const cell = block.querySelector<HTMLElement>(`[data-nb-cell="${pos.row},${pos.col}"]`);
    if (cell) return cell;
    // A covered grid position: the origin cell carries the attribute; fall back to the nearest
    // cell on the same row to the left, which is the merge origin in the usual layouts.
    for (let c = pos.col - 1; c >= 0; c--) {
      const left = block.querySelector<HTMLElement>(`[data-nb-cell="${pos.row},${c}"]`);
      if (left) return left;
    }
  }
  return block;
}

/** By node type, not instanceof: the node may come from another document's realm. */
function isText(n: Node): n is Text {
  return n.nodeType === Node.TEXT_NODE;
}

function textNodes(el: HTMLElement): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isText(n)) out.push(n);
  return out;
}

/** Wraps the characters [start, end) of el's text in marks (one per text node crossed). */
function wrapRange(el: HTMLElement, start: number, end: number): HTMLElement | null {
  let offset = 0;
  let first: HTMLElement | null = null;
  for (const node of textNodes(el)) {
    const len = node.data.length;
    const s = Math.max(start, offset);
    const e = Math.min(end, offset + len);
    if (s < e) {
      let target = node;
      if (s > offset) target = target.splitText(s - offset);
      if (e - s < target.data.length) target.splitText(e - s);
      const mark = el.ownerDocument.createElement('mark');
      mark.setAttribute(MARK_ATTR, '');
      mark.className = HIGHLIGHT_CLASS;
      target.parentNode?.insertBefore(mark, target);
      mark.appendChild(target);
      first ??= mark;
    }
    offset += len;
    if (offset >= end) break;
  }
  return first;
}

/**
 * Highlights what pos points at and returns the element to scroll to. When the finding quotes
 * text, the quote is located in the element's text (nearest to pos.start): display HTML may
 * carry a numbering label the model's offsets do not count.
 */
export function applyHighlight(
  root: HTMLElement,
  pos: SourcePos,
  quote?: string,
): HTMLElement | null {
  clearHighlight(root);
  const target = findTarget(root, pos);
  if (!target) return null;
  const text = target.textContent ?? '';
  let start = pos.start;
  let end = pos.end;
  if (quote && quote.length > 0) {
    const found: number[] = [];
    for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.push(i);
    if (found.length > 0) {
      const want = start ?? 0;
      const best = found.reduce((a, b) => (Math.abs(b - want) < Math.abs(a - want) ? b : a));
      start = best;
      end = best + quote.length;
    }
  }
  if (start !== undefined && end !== undefined && end > start && start < text.length) {
    const mark = wrapRange(target, start, Math.min(end, text.length));
    if (mark) return mark;
  }
  target.classList.add(HIGHLIGHT_CLASS);
  return target;
}
