/**
 * Recovers Word auto-numbering labels ("一、", "（一）", "1.") that mammoth drops. mammoth keeps
 * only "ordered list, level n", yet reviewers check section numerals, so we read
 * word/numbering.xml (abstractNum levels: numFmt, lvlText, start), word/styles.xml (numbering
 * attached to paragraph styles, e.g. a numbered Heading 1) and the paragraphs' numPr in
 * word/document.xml, and replay Word's counters in document order.
 *
 * The XML is scanned with regular expressions over tags: the parts are machine-written, and a
 * scan is linear and cannot be made to hang by nesting.
 */
import { at } from '../model/checked';

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  isLgl: boolean;
}

export interface NumberingDefs {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

export interface StyleDef {
  name: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface ScannedParagraph {
  /** Text of the paragraph's own runs (w:t), entities decoded. */
  text: string;
  numId?: string;
  ilvl?: number;
  styleId?: string;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m?.[1];
}

function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const cp = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }
    }
  });
}

export function parseNumbering(xml: string): NumberingDefs {
  const abstracts = new Map<string, Map<number, Level>>();
  const absRe = /<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g;
  for (let m = absRe.exec(xml); m; m = absRe.exec(xml)) {
    const id = attr(m[1] ?? '', 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    const lvlRe = /<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g;
    const body = m[2] ?? '';
    for (let l = lvlRe.exec(body); l; l = lvlRe.exec(body)) {
      const ilvl = Number(attr(l[1] ?? '', 'w:ilvl') ?? '0');
      const inner = l[2] ?? '';
      const val = (tag: string): string | undefined => {
        const t = new RegExp(`<w:${tag}\\b([^>]*)/?>`).exec(inner);
        return t ? attr(t[1] ?? '', 'w:val') : undefined;
      };
      levels.set(ilvl, {
        numFmt: val('numFmt') ?? 'decimal',
        lvlText: decodeXml(val('lvlText') ?? ''),
        start: Number(val('start') ?? '1') || 0,
        isLgl: /<w:isLgl\b(?![^>]*w:val="(0|false)")/.test(inner),
      });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  const numRe = /<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g;
  for (let m = numRe.exec(xml); m; m = numRe.exec(xml)) {
    const numId = attr(m[1] ?? '', 'w:numId');
    const body = m[2] ?? '';
    const abs = /<w:abstractNumId\b([^>]*)\/?>/.exec(body);
    const abstractId = abs ? attr(abs[1] ?? '', 'w:val') : undefined;
    if (numId === undefined || abstractId === undefined) continue;
    const starts = new Map<number, number>();
    const ovRe = /<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g;
    for (let o = ovRe.exec(body); o; o = ovRe.exec(body)) {
      const so = /<w:startOverride\b([^>]*)\/?>/.exec(o[2] ?? '');
      const v = so ? attr(so[1] ?? '', 'w:val') : undefined;
      if (v !== undefined) starts.set(Number(attr(o[1] ?? '', 'w:ilvl') ?? '0'), Number(v) || 0);
    }
    nums.set(numId, { abstractId, starts });
  }
  return { abstracts, nums };
}

export function parseStyles(xml: string): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  const re = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const id = attr(m[1] ?? '', 'w:styleId');
    if (id === undefined) continue;
    const body = m[2] ?? '';
    const tagVal = (tag: string): string | undefined => {
      const t = new RegExp(`<w:${tag}\\b([^>]*)/?>`).exec(body);
      return t ? attr(t[1] ?? '', 'w:val') : undefined;
    };
    const def: StyleDef = { name: decodeXml(tagVal('name') ?? id) };
    const basedOn = tagVal('basedOn');
    if (basedOn) def.basedOn = basedOn;
    const numId = tagVal('numId');
    if (numId !== undefined) def.numId = numId;
    const ilvl = tagVal('ilvl');
    if (ilvl !== undefined) def.ilvl = Number(ilvl) || 0;
    styles.set(id, def);
  }
  return styles;
}

/** Paragraphs of document.xml in document order (table cells included), each with its numPr. */
export function scanParagraphs(xml: string, maxParagraphs: number): ScannedParagraph[] {
  const out: ScannedParagraph[] = [];
  const stack: ScannedParagraph[] = [];
  const re = /<(\/?)w:(p|pStyle|numId|ilvl|t|pPrChange)(?=[\s>/])([^>]*)>/g;
  let inChange = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const closing = m[1] === '/';
    const tag = m[2];
    const rest = m[3] ?? '';
    const selfClosing = rest.endsWith('/');
    const cur = stack[stack.length - 1];
    switch (tag) {
      case 'p':
        if (closing) {
          const done = stack.pop();
          if (done && out.length < maxParagraphs) out.push(done);
        } else if (selfClosing) {
          if (out.length < maxParagraphs) out.push({ text: '' });
        } else stack.push({ text: '' });
        break;
      case 'pPrChange':
        // The previous formatting of a tracked change: not the paragraph's numbering.
        if (!selfClosing) inChange += closing ? -1 : 1;
        break;
      case 'pStyle':
        if (cur && !closing && inChange === 0) {
          const v = attr(rest, 'w:val');
          if (v) cur.styleId = v;
        }
        break;
      case 'numId':
        if (cur && !closing && inChange === 0) {
          const v = attr(rest, 'w:val');
          if (v !== undefined) cur.numId = v;
        }
        break;
      case 'ilvl':
        if (cur && !closing && inChange === 0) cur.ilvl = Number(attr(rest, 'w:val') ?? '0') || 0;
        break;
      case 't':
        if (cur && !closing && !selfClosing) {
          const end = xml.indexOf('</w:t>', re.lastIndex);
          if (end < 0) break;
          cur.text += decodeXml(xml.slice(re.lastIndex, end));
          re.lastIndex = end + 6;
        }
        break;
      default:
        break;
    }
    if (out.length >= maxParagraphs) break;
  }
  // A textbox's paragraphs close before their host and so come first; alignment tolerates that.
  return out;
}

// ─────────────────────────── number formats ───────────────────────────

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const TIANGAN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const DIZHI = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

function chineseCounting(
  n: number,
  digits: readonly string[],
  units: readonly [string, string, string],
): string {
  if (n <= 0 || n >= 10000) return String(n);
  const [ten, hundred, thousand] = units;
  const parts: string[] = [];
  const q = Math.floor(n / 1000);
  const b = Math.floor((n % 1000) / 100);
  const s = Math.floor((n % 100) / 10);
  const g = n % 10;
  if (q) parts.push(digits[q] + thousand);
  if (b) parts.push(digits[b] + hundred);
  else if (q && (s || g)) parts.push(at(digits, 0));
  if (s) parts.push(s === 1 && n < 20 ? ten : digits[s] + ten);
  else if ((q || b) && g) {
    if (parts[parts.length - 1] !== digits[0]) parts.push(at(digits, 0));
  }
  if (g) parts.push(at(digits, g));
  return parts.join('');
}

function letters(n: number, base: string): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 → AA, 28 → BB.
  const ch = String.fromCharCode(base.charCodeAt(0) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n, CN_DIGITS, ['十', '百', '千']);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(n, CN_LEGAL, ['拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n)
        .split('')
        .map((d) => CN_DIGITS[Number(d)] ?? d)
        .join('');
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12] ?? String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
      return letters(n, 'A');
    case 'lowerLetter':
      return letters(n, 'a');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * Replays Word's list counters over the paragraphs and returns each paragraph's label ('' when
 * not numbered) and list level. Counters are kept per abstract numbering unless the w:num
 * restarts them (lvlOverride/startOverride), as Word does; a level resets its deeper levels.
 */
export function computeLabels(
  paragraphs: readonly ScannedParagraph[],
  defs: NumberingDefs,
  styles: ReadonlyMap<string, StyleDef>,
): { label: string; level?: number }[] {
  const counters = new Map<string, number[]>();
  const styleNum = (styleId: string | undefined): { numId?: string; ilvl?: number } => {
    // Walk basedOn so a style derived from a numbered heading inherits its numbering.
    let id = styleId;
    for (let depth = 0; id && depth < 20; depth++) {
      const s = styles.get(id);
      if (!s) break;
      if (s.numId !== undefined)
        return { numId: s.numId, ...(s.ilvl !== undefined ? { ilvl: s.ilvl } : {}) };
      id = s.basedOn;
    }
    return {};
  };
  return paragraphs.map((p) => {
    const fromStyle = styleNum(p.styleId);
    const numId = p.numId ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return { label: '' };
    const ilvl = Math.min(8, Math.max(0, p.ilvl ?? fromStyle.ilvl ?? 0));
    const num = defs.nums.get(numId);
    const levels = num ? defs.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return { label: '' };
    const key = num.starts.size > 0 ? `num:${numId}` : `abs:${num.abstractId}`;
    const startOf = (l: number): number => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    let c = counters.get(key);
    if (!c) {
      c = [];
      counters.set(key, c);
    }
    const was = c[ilvl];
    c[ilvl] = was === undefined ? startOf(ilvl) : was + 1;
    // Numbering a level restarts every deeper level.
    c.length = ilvl + 1;
    if (level.numFmt === 'bullet') return { label: '', level: ilvl };
    const counts = c;
    const label = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const v = counts[l] ?? startOf(l);
      const fmt = level.isLgl ? 'decimal' : (levels.get(l)?.numFmt ?? 'decimal');
      return formatNumber(v, fmt);
    });
    return { label, level: ilvl };
  });
}
