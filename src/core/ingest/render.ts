/**
 * Renders blocks as display HTML carrying data-nb-block / data-nb-cell, for readers whose
 * source has no HTML of its own (txt, md, xlsx). The renderer sanitises before display anyway.
 */
import type { Block } from '../model/types';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function renderBlocks(blocks: readonly Block[]): string {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'paragraph') {
      const label = b.numberingLabel ? escapeHtml(b.numberingLabel) : '';
      const text = label + escapeHtml(b.text);
      if (b.headingLevel) {
        const h = Math.min(6, Math.max(1, b.headingLevel));
        out.push(`<h${h} data-nb-block="${i}">${text}</h${h}>`);
      } else {
        out.push(`<p data-nb-block="${i}">${text}</p>`);
      }
      return;
    }
    const rows: string[] = [];
    b.rows.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((cell, c) => {
        if (cell.covered) return;
        const span =
          (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') +
          (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
        cells.push(
          `<td data-nb-cell="${r},${c}"${span}>${escapeHtml(cell.text).replace(/\n/g, '<br>')}</td>`,
        );
      });
      rows.push(`<tr>${cells.join('')}</tr>`);
    });
    out.push(
      `<table data-nb-block="${i}" class="${b.layout === 'stream' ? 'nb-stream' : 'nb-grid'}"><tbody>${rows.join('')}</tbody></table>`,
    );
  });
  return out.join('\n');
}
