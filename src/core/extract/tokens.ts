/**
 * The first step of reading tables 二, 三 and 四: every reader's output flattened into tokens in
 * reading order — the origin cells of table blocks (with their grid row/column) and the short lines
 * of paragraphs (web-page text keeps one cell per line and no rows; PDF text layers keep a row's
 * label and values on one line, which is split here).
 */
import { at } from '../model/checked';
import type { Block, SourcePos } from '../model/types';
import { matchHeading } from './sections';
import { norm, normKind, valueKind, type ValueKind } from './text';

export interface Token {
  text: string;
  /** Normalised text (full-width folded, whitespace removed). */
  n: string;
  /** valueKind(text), worked out once. */
  kind: ValueKind;
  pos: SourcePos;
  /** True for cells of a grid table (row/col meaningful). */
  grid: boolean;
  /** A long paragraph or a heading: tables never run across it. */
  isBreak: boolean;
}

/** Paragraph lines longer than this are prose, not table cells. */
const MAX_CELL_LINE = 48;

/** Page numbers of PDF text layers ("- 5 -", "第 3 页"): neither cells nor breaks. */
const PAGE_NUMBER = /^[-—–]\d+[-—–]$|^第\d+页(?:共\d+页)?$/;

/**
 * A text line that carries a row's values after its label ("规章 1 0 11", PDF text layers) or
 * only values ("72 64 178 37 351 …"): split into the label and one part per value. Two numbers
 * without a label stay together: "3 251" is more likely one number with a stray space.
 */
export function splitValueRun(text: string): { text: string; start: number; end: number }[] | null {
  const parts = [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  let k = parts.length;
  while (k > 0 && valueKind(at(parts, k - 1).text) === 'number') k--;
  const values = parts.slice(k);
  if (values.length === 0) return null;
  if (k === 0) return values.length >= 3 ? values : null;
  const label = {
    text: text.slice(0, at(parts, k - 1).end).trim(),
    start: at(parts, 0).start,
    end: at(parts, k - 1).end,
  };
  // "2024 年" or "第 3 项": a number inside a phrase, not a value after a label.
  if (!/[\u4e00-\u9fff)）"”」』\]】]$/.test(label.text)) return null;
  return [label, ...values];
}

function texts(text: string): Pick<Token, 'text' | 'n' | 'kind'> {
  const n = norm(text);
  return { text, n, kind: normKind(n) };
}

/** Flattens blocks into tokens (see the file comment). */
export function tokenize(blocks: readonly Block[]): Token[] {
  const out: Token[] = [];
  blocks.forEach((b, block) => {
    if (b.kind === 'paragraph') {
      const n = norm(b.text);
      if (!n || PAGE_NUMBER.test(n)) return;
      const prose =
        n.length > MAX_CELL_LINE ||
        /。./.test(n) ||
        b.headingLevel !== undefined ||
        matchHeading(b.text, b.numberingLabel) !== null;
      if (!prose) {
        const parts = splitValueRun(b.text);
        if (parts) {
          for (const p of parts)
            out.push({
              ...texts(p.text),
              pos: { block, start: p.start, end: p.end },
              grid: false,
              isBreak: false,
            });
          return;
        }
      }
      out.push({
        text: b.text,
        n,
        kind: normKind(n),
        pos: { block },
        grid: false,
        isBreak: prose,
      });
      return;
    }
    if (b.layout === 'stream') {
      b.rows.forEach((row, r) => {
        for (const cell of row)
          out.push({
            ...texts(cell.text),
            pos: { block, row: r, col: 0 },
            grid: false,
            isBreak: false,
          });
      });
      return;
    }
    b.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell.covered) return;
        out.push({
          ...texts(cell.text),
          pos: { block, row: r, col: c },
          grid: true,
          isBreak: false,
        });
      });
    });
  });
  return out;
}
