/**
 * Document HTML comes from files of unknown origin (web pages, Word documents). It is sanitised
 * here, in the renderer, before it touches the DOM: no scripts, no event handlers, no forms or
 * frames, no external URLs (images only as data: URIs, links neutralised), no styles that load
 * anything. The data-nb-block / data-nb-cell attributes the viewer highlights by are kept.
 */
import DOMPurify from 'dompurify';

const URL_IN_STYLE = /url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:/i;
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|bmp|webp);base64,/i;

let hooked = false;

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    if (name === 'src') {
      if (!DATA_IMAGE.test(value.trim())) data.keepAttr = false;
    } else if (
      name === 'href' ||
      name === 'xlink:href' ||
      name === 'action' ||
      name === 'formaction' ||
      name === 'srcset' ||
      name === 'background' ||
      name === 'poster'
    ) {
      // Links could navigate the app window away; in-page anchors are harmless but useless here.
      data.keepAttr = false;
    } else if (name === 'style') {
      if (URL_IN_STYLE.test(value)) data.keepAttr = false;
    }
  });
}

export function sanitizeDocumentHtml(html: string): string {
  installHooks();
  return DOMPurify.sanitize(html, {
    ALLOW_DATA_ATTR: true,
    FORBID_TAGS: [
      'script',
      'style',
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'option',
      'link',
      'meta',
      'base',
      'video',
      'audio',
      'source',
      'svg',
      'math',
      'template',
    ],
    FORBID_ATTR: ['srcset', 'action', 'formaction', 'ping', 'target'],
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}
