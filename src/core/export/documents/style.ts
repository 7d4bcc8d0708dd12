/**
 * The 公文 look shared by the letters and the briefing (GB/T 9704-2012, 党政机关公文格式):
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body in 3号 (16 pt) 仿宋 on a fixed
 * 28-pt line (22 lines of 28 characters); title in 2号 (22 pt) 方正小标宋; first-level headings in
 * 黑体, second-level in 楷体; page numbers "— 1 —" in 4号 宋体, right on odd pages and left on even
 * pages.
 *
 * Fonts: offices install 方正小标宋简体, 仿宋_GB2312 and 楷体_GB2312; a computer without them must not
 * fall back to whatever the word processor likes. The fonts are named as offices expect, and the
 * document's font table gives each an alternative Word ships with Windows (w:altName: 宋体, 仿宋,
 * 楷体), which Word uses when the first is missing (patchFontTable).
 */
import JSZip from 'jszip';
import {
  AlignmentType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Fonts Word ships on every Windows, used where the 公文 fonts are not installed. */
export const FONT_FALLBACKS: Record<string, string> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
};

/** Half-points (docx `size`). */
export const SIZE = { title: 44, body: 32, table: 24, tableSmall: 21, pageNumber: 28 } as const;

/** 1 mm in twips (1/1440 inch). */
const MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * MM);

/** A4 with the GB/T 9704 margins; header/footer distances put the page number about 7 mm below the body. */
export const PAGE = {
  size: { width: twips(210), height: twips(297) },
  margin: {
    top: twips(37),
    bottom: twips(35),
    left: twips(28),
    right: twips(26),
    header: twips(15),
    footer: twips(28),
  },
} as const;

/** Width of the text block in twips (156 mm), for tables and charts. */
export const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

/** Width of one 3号 character in twips (16 pt): indents are counted in characters, as 公文 rules state them. */
const CHAR = 320;

const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;

function font(name: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: FONTS.latin };
}

export interface RunStyle {
  bold?: boolean;
  font?: string;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: font(style.font ?? FONTS.body),
    size: style.size ?? SIZE.body,
    ...(style.bold ? { bold: true } : {}),
  });
}

/** The document title: centred, 2号 小标宋, with a blank line after it. */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
    keepNext: true,
    children: [run(text, { font: FONTS.title, size: SIZE.title })],
  });
}

/** A body paragraph: 仿宋 3号, first line indented two characters. */
export function bodyParagraph(
  text: string | TextRun[],
  options: { indent?: boolean; align?: 'left' | 'right' | 'center' | 'justify' } & Pick<
    IParagraphOptions,
    'keepNext'
  > = {},
): Paragraph {
  const children = typeof text === 'string' ? [run(text)] : text;
  const align = options.align ?? 'justify';
  return new Paragraph({
    alignment:
      align === 'left'
        ? AlignmentType.LEFT
        : align === 'right'
          ? AlignmentType.RIGHT
          : align === 'center'
            ? AlignmentType.CENTER
            : AlignmentType.BOTH,
    spacing: BODY_LINE,
    ...(options.indent === false ? {} : { indent: { firstLine: 2 * CHAR } }),
    ...(options.keepNext ? { keepNext: true } : {}),
    children,
  });
}

/** 一、… in 黑体 (first level), kept with the next paragraph so a heading never ends a page. */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    keepLines: true,
    children: [run(text, { font: FONTS.heading1 })],
  });
}

/** （一）… in 楷体 (second level). */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    keepLines: true,
    children: [run(text, { font: FONTS.heading2 })],
  });
}

/** An empty body line (between the body and the signature). */
export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({
    spacing: BODY_LINE,
    ...(keepNext ? { keepNext: true } : {}),
    children: [run('')],
  });
}

/**
 * Signature block: the office and the date, right-aligned, with the date's end about four
 * characters from the right margin (GB/T 9704 7.3.5.2: 成文日期右空四字; the office centred over it).
 */
export function signature(office: string, date: string): Paragraph[] {
  const dateRight = 4 * CHAR;
  // Centre the office over the date: its right indent is the date's plus half the difference in width.
  const officeRight = Math.max(
    0,
    Math.round(dateRight + ((textWidthChars(date) - textWidthChars(office)) / 2) * CHAR),
  );
  // Kept with what precedes it (the caller marks its last paragraph keepNext): a page holding only
  // the signature is a classic 公文 fault (GB/T 9704 7.3.5.3).
  return [
    blankLine(true),
    blankLine(true),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: BODY_LINE,
      indent: { right: officeRight },
      keepNext: true,
      keepLines: true,
      children: [run(office)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: BODY_LINE,
      indent: { right: dateRight },
      children: [run(date)],
    }),
  ];
}

/** Width in 3号 characters: CJK and full-width count 1, Latin letters and digits ½. */
export function textWidthChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return w;
}

function pageNumberParagraph(align: 'right' | 'left'): Paragraph {
  const style = { font: font(FONTS.pageNumber), size: SIZE.pageNumber };
  return new Paragraph({
    alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    // 一字 from the edge of the text block, as GB/T 9704 7.5 asks.
    indent: align === 'right' ? { right: 280 } : { left: 280 },
    children: [new TextRun({ ...style, children: ['— ', PageNumber.CURRENT, ' —'] })],
  });
}

/** Section properties: A4, margins, page numbers from 1 (each letter of a combined file restarts at 1). */
export function sectionOptions(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: { page: { size: PAGE.size, margin: PAGE.margin, pageNumbers: { start: 1 } } },
    footers: {
      default: new Footer({ children: [pageNumberParagraph('right')] }),
      even: new Footer({ children: [pageNumberParagraph('left')] }),
    },
    children,
  };
}

/** Default run properties of the whole document (so empty paragraphs and table text use 仿宋 too). */
export const DOCUMENT_STYLES = {
  default: {
    document: {
      // zh-CN for East Asian text: Word's proofing and punctuation rules, and the Simplified
      // Chinese glyphs when a word processor has to substitute a missing font.
      run: {
        font: font(FONTS.body),
        size: SIZE.body,
        language: { value: 'en-US', eastAsia: 'zh-CN' },
      },
    },
  },
} as const;

/**
 * Adds w:altName (a font Word ships) to the 公文 fonts in word/fontTable.xml, declaring them when
 * the generator did not, so Word substitutes 仿宋 for a missing 仿宋_GB2312 rather than its default.
 */
export async function patchFontTable(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/fontTable.xml');
  if (!file) return bytes;
  // docx writes an empty table as one self-closing element: open it so fonts can be declared inside.
  let xml = (await file.async('string')).replace(/<w:fonts([^>]*?)\/>/, '<w:fonts$1></w:fonts>');
  const escape = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  for (const [name, alt] of Object.entries(FONT_FALLBACKS)) {
    const decl = `<w:font w:name="${escape(name)}"><w:altName w:val="${escape(alt)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`;
    const existing = new RegExp(
      `<w:font w:name="${escape(name)}"[^>]*>[\\s\\S]*?</w:font>|<w:font w:name="${escape(name)}"[^>]*/>`,
    );
    xml = existing.test(xml)
      ? xml.replace(existing, decl)
      : xml.replace('</w:fonts>', `${decl}</w:fonts>`);
  }
  zip.file('word/fontTable.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
