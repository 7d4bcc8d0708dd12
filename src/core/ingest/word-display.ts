/**
 * Rewrites word/document.xml so that mammoth reads the document as Word displays it. Clerks'
 * documents carry Word features that mammoth reads differently from what the reader sees:
 *
 * - simple fields (w:fldSimple, e.g. a table formula =SUM(ABOVE)): mammoth drops the element and
 *   with it the displayed result; we unwrap it so the result runs remain. Complex fields
 *   (w:fldChar begin/separate/end) are already read by their result: mammoth skips w:instrText.
 * - hidden text (a run whose properties hold w:vanish): mammoth prints it, gluing a stale figure
 *   to the visible one; we remove the run.
 * - footnote and endnote references: mammoth writes "[1]" into the text, which turns "59807¹" into
 *   a non-number and breaks row labels; we remove the reference (the note itself is not a value).
 * - soft hyphens: invisible in a line; we remove them.
 * - text boxes: mammoth reads only the VML fallback of mc:AlternateContent, so a DrawingML-only
 *   text box (and a bare w:drawing text box as WPS writes it) is lost; we turn those into the VML
 *   shape mammoth reads. Where both exist we drop the DrawingML choice so every scan of the XML
 *   (numbering labels too) reads the box once.
 *
 * The non-breaking hyphen (w:noBreakHyphen) needs no rewrite: mammoth gives U+2011, which the
 * extraction treats as the dash it shows.
 *
 * Returns null when the document uses none of these features (the common case: no re-parse).
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element, ParentNode } from 'domhandler';
import { at } from '../model/checked';

const TRIGGER =
  /<w:(fldSimple|vanish|specVanish|footnoteReference|endnoteReference|softHyphen|txbxContent)\b/;

const isEl = (n: ChildNode | ParentNode | null | undefined): n is Element =>
  !!n && n.type === 'tag';

function childEls(e: Element, name?: string): Element[] {
  return e.children.filter((c): c is Element => isEl(c) && (name === undefined || c.name === name));
}

/** w:vanish / w:specVanish switched on (absent value, or anything but 0/false/off). */
function hidden(run: Element): boolean {
  const rPr = childEls(run, 'w:rPr')[0];
  if (!rPr) return false;
  return childEls(rPr).some(
    (p) =>
      (p.name === 'w:vanish' || p.name === 'w:specVanish') &&
      !/^(0|false|off)$/i.test(p.attribs['w:val'] ?? ''),
  );
}

/** Every element below (and including) the given nodes, depth first, without recursion. */
function allElements(roots: readonly ChildNode[]): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop();
    if (!isEl(n)) continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(at(n.children, i));
  }
  return out;
}

/** The outermost w:txbxContent elements below a node. */
function textBoxes(e: Element): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...e.children];
  while (stack.length) {
    const n = stack.pop();
    if (!isEl(n)) continue;
    if (n.name === 'w:txbxContent') out.unshift(n);
    else stack.push(...n.children);
  }
  return out;
}

/** A VML shape holding the given text box contents, which mammoth reads as paragraphs after the current one. */
function vmlTextBox(boxes: readonly Element[]): Element {
  const pict = parseDocument(
    '<w:pict xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox></v:textbox></v:shape></w:pict>',
    { xmlMode: true },
  ).children.find(isEl);
  const shape = pict && childEls(pict, 'v:shape')[0];
  const textbox = shape?.children.find(isEl);
  if (!pict || !textbox) throw new Error('VML text box template is malformed');
  for (const b of boxes) {
    DomUtils.removeElement(b);
    DomUtils.appendChild(textbox, b);
  }
  return pict;
}

function unwrap(e: Element): void {
  const parent = e.parent;
  if (!parent) return;
  const kids = [...e.children];
  for (const k of kids) DomUtils.prepend(e, k);
  DomUtils.removeElement(e);
}

export function displayedXml(xml: string): string | null {
  if (!TRIGGER.test(xml)) return null;
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: false });
  let changed = false;
  for (const e of allElements(doc.children)) {
    if (!e.parent) continue; // already moved out with a removed ancestor
    switch (e.name) {
      case 'w:fldSimple':
        unwrap(e);
        changed = true;
        break;
      case 'w:r':
        if (hidden(e)) {
          DomUtils.removeElement(e);
          changed = true;
        }
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference':
      case 'w:softHyphen':
        DomUtils.removeElement(e);
        changed = true;
        break;
      case 'mc:AlternateContent': {
        const fallback = childEls(e, 'mc:Fallback')[0];
        if (fallback) {
          // mammoth reads the fallback; the DrawingML choice would be a second copy for other scans.
          for (const c of childEls(e, 'mc:Choice')) DomUtils.removeElement(c);
          changed = true;
          break;
        }
        const boxes = textBoxes(e);
        if (boxes.length) {
          DomUtils.replaceElement(e, vmlTextBox(boxes));
          changed = true;
        }
        break;
      }
      case 'w:drawing': {
        // A bare DrawingML text box (WPS writes these without mc:AlternateContent).
        const boxes = textBoxes(e);
        if (boxes.length) {
          DomUtils.replaceElement(e, vmlTextBox(boxes));
          changed = true;
        }
        break;
      }
    }
  }
  return changed
    ? DomUtils.getOuterHTML(doc.children, { xmlMode: true, decodeEntities: false })
    : null;
}
