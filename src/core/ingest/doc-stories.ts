/**
 * The .doc's other stories and lists: Word's list definitions (LST/LFO) for the numbering labels,
 * text boxes (their own story, anchored in the main text), and the whitespace tidying that makes
 * .doc text read as the .docx path leaves it.
 */
import type { NumberingDefs } from './numbering';
import { FC_PLCF_SPA_MOM, FC_PLCF_TXBX_TXT, FC_PLF_LFO, FC_PLF_LST, textOf } from './doc-records';
import type { Fib, Piece } from './doc-records';

/** Number formats (MSONFC, [MS-DOC] 2.9.158) by the names numbering.ts formats. */
const NFC: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  10: 'ideographDigital',
  11: 'japaneseCounting',
  14: 'decimalFullWidth',
  16: 'japaneseLegal',
  17: 'japaneseDigitalTenThousand',
  18: 'decimalEnclosedCircle',
  19: 'decimalFullWidth2',
  22: 'decimalZero',
  23: 'bullet',
  26: 'decimalEnclosedFullstop',
  27: 'decimalEnclosedParen',
  28: 'decimalEnclosedCircleChinese',
  30: 'ideographTraditional',
  31: 'ideographZodiac',
  33: 'taiwaneseCounting',
  34: 'ideographLegalTraditional',
  35: 'taiwaneseCountingThousand',
  36: 'taiwaneseDigital',
  37: 'chineseCounting',
  38: 'chineseLegalSimplified',
  39: 'chineseCountingThousand',
  255: 'none',
};

/**
 * Word's list definitions (PlfLst with the LVLs after it, and PlfLfo) as numbering.ts' defs, so
 * auto-numbered headings ("一、", "（一）") get their labels as in the .docx reader. Keyed by lsid
 * (abstract list) and by 1-based LFO index (the paragraph's sprmPIlfo). Level overrides of the
 * LFOs are not read. Anything malformed gives no labels rather than an error: numbering is an aid.
 */
export function readLists(table: Buffer, fib: Fib): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map() };
  const lst = fib.fcLcb(FC_PLF_LST);
  const lfo = fib.fcLcb(FC_PLF_LFO);
  if (
    lst.lcb < 2 ||
    lst.fc + lst.lcb > table.length ||
    lfo.lcb < 4 ||
    lfo.fc + lfo.lcb > table.length
  )
    return defs;
  try {
    const cLst = table.readUInt16LE(lst.fc);
    let p = lst.fc + lst.lcb;
    for (let i = 0; i < cLst && i < 1000; i++) {
      const at = lst.fc + 2 + i * 28;
      const lsid = table.readInt32LE(at);
      const simple = ((table[at + 26] ?? 0) & 1) === 1;
      const levels = new Map<
        number,
        { numFmt: string; lvlText: string; start: number; isLgl: boolean }
      >();
      for (let l = 0; l < (simple ? 1 : 9); l++) {
        const start = table.readInt32LE(p);
        // Past the end of the table: no format, no flags, and NaN lengths make the next read throw.
        const nfc = table[p + 4] ?? -1;
        const legal = ((table[p + 5] ?? 0) & 0x04) !== 0;
        const cbChpx = table[p + 24] ?? NaN;
        const cbPapx = table[p + 25] ?? NaN;
        p += 28 + cbPapx + cbChpx;
        const cch = table.readUInt16LE(p);
        let text = '';
        for (let k = 0; k < cch; k++) {
          const c = table.readUInt16LE(p + 2 + k * 2);
          // Characters 0–8 are placeholders for the number of that level.
          text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
        }
        p += 2 + cch * 2;
        levels.set(l, { numFmt: NFC[nfc] ?? 'decimal', lvlText: text, start, isLgl: legal });
      }
      defs.abstracts.set(String(lsid), levels);
    }
    const lfoMac = table.readInt32LE(lfo.fc);
    for (let i = 0; i < lfoMac && i < 10_000 && lfo.fc + 4 + (i + 1) * 16 <= table.length; i++) {
      defs.nums.set(String(i + 1), {
        abstractId: String(table.readInt32LE(lfo.fc + 4 + i * 16)),
        starts: new Map(),
      });
    }
  } catch {
    return { abstracts: new Map(), nums: new Map() };
  }
  return defs;
}

/** Displayed lines of a story's text: field codes dropped, results kept, control characters out. */
function storyLines(text: string): string[] {
  let out = '';
  const fields: boolean[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 0x13) fields.push(false);
    else if (c === 0x14) {
      if (fields.length) fields[fields.length - 1] = true;
    } else if (c === 0x15) fields.pop();
    else if (!fields.every((f) => f)) continue;
    else if (c === 0x0d || c === 0x07 || c === 0x0b || c === 0x0c) out += '\n';
    else if (c === 0x1e) out += '-';
    else if (c >= 0x20 || c === 0x09) out += ch;
  }
  return lines(out);
}

/**
 * Text boxes: their text lives in a story of its own after the main text; each box (PlcftxbxTxt,
 * identified by the shape id) is anchored in the main text by a shape (PlcSpaMom: anchor CP and
 * shape id). Returns each anchor CP with the lines of its box, which are read after the paragraph
 * holding the anchor, as the .docx reader reads a text box (mammoth's "extra" paragraphs).
 */
export function readTextBoxes(
  word: Buffer,
  table: Buffer,
  fib: Fib,
  pieces: readonly Piece[],
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (fib.ccpTxbx <= 0) return out;
  const spa = fib.fcLcb(FC_PLCF_SPA_MOM);
  const txbx = fib.fcLcb(FC_PLCF_TXBX_TXT);
  if (
    spa.lcb < 4 + 26 ||
    spa.fc + spa.lcb > table.length ||
    txbx.lcb < 4 + 22 ||
    txbx.fc + txbx.lcb > table.length
  )
    return out;
  const nSpa = Math.floor((spa.lcb - 4) / 30);
  const anchorOf = new Map<number, number>();
  for (let i = 0; i < nSpa; i++)
    anchorOf.set(
      table.readInt32LE(spa.fc + (nSpa + 1) * 4 + i * 26),
      table.readInt32LE(spa.fc + i * 4),
    );
  const start = fib.ccpText + fib.ccpFtn + fib.ccpHdd + fib.ccpMcr + fib.ccpAtn + fib.ccpEdn;
  const n = Math.floor((txbx.lcb - 4) / 26);
  for (let i = 0; i < n; i++) {
    const cp0 = table.readInt32LE(txbx.fc + i * 4);
    const cp1 = table.readInt32LE(txbx.fc + (i + 1) * 4);
    const lid = table.readInt32LE(txbx.fc + (n + 1) * 4 + i * 22 + 14);
    const anchor = anchorOf.get(lid);
    if (anchor === undefined || cp1 <= cp0 || cp0 < 0 || cp1 > fib.ccpTxbx) continue;
    const text = storyLines(textOf(word, pieces, start + cp0, start + cp1));
    if (text.length) out.set(anchor, [...(out.get(anchor) ?? []), ...text]);
  }
  return out;
}

/**
 * Whitespace as the .docx path leaves it (html-grid: runs of spaces, tabs and NBSP collapse to one
 * space, zero-width characters go, ends are trimmed incl. the ideographic space), so that a report
 * reads the same from .doc and .docx.
 */
export function tidy(line: string): string {
  return line
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[ \t\n\r\f\u00a0]+/g, ' ')
    .replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

/** Lines of a paragraph or cell (line breaks and paragraph marks), tidied, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map(tidy)
    .filter((l) => l !== '');
}
