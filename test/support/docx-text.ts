/** Reads a generated .docx back the way a reader sees it: word/document.xml as paragraphs of text. */
import JSZip from 'jszip';

export interface DocxText {
  xml: string;
  /** Each w:p's text (runs joined, tables included, in document order). */
  paragraphs: string[];
  /** All paragraphs joined with newlines. */
  text: string;
  /** Number of sections (w:sectPr): one per letter in a combined file. */
  sections: number;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export async function docxText(bytes: Uint8Array | Buffer): Promise<DocxText> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  const xml = await file.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
  );
  return {
    xml,
    paragraphs,
    text: paragraphs.join('\n'),
    sections: (xml.match(/<w:sectPr[ >]/g) ?? []).length,
  };
}
