/**
 * Section text for the similarity rules: the body of section 一 or 五 as one string, with the
 * agency's own name (and the parts of it: 淄博市, 临淄区, 工业和信息化局) listed for removal, so that two
 * reports differing only by who wrote them compare as identical (rules.md, corpus/copied-section).
 */
import type { SectionKey } from '../../model/glossary';
import type { ReportModel, SourcePos } from '../../model/types';
import { placeChain } from '../../workspace/agency-level';

export interface SectionText {
  text: string;
  /** Position of the section's first body paragraph (or its heading). */
  pos?: SourcePos;
  /** Opening words of the section, for the finding's quote. */
  opening: string;
}

/** The found section's body, or null when the section is absent or empty. */
export function sectionText(report: ReportModel, key: SectionKey): SectionText | null {
  const section = report.sections.find((s) => s.key === key);
  if (!section || !section.found || section.paragraphs.length === 0) return null;
  const text = section.paragraphs.map((p) => p.text).join('\n');
  if (text.trim().length === 0) return null;
  const first = section.paragraphs[0];
  const pos = first?.pos ?? section.heading?.pos;
  return { text, opening: (first?.text ?? '').trim().slice(0, 30), ...(pos ? { pos } : {}) };
}

/** The agency's name and its parts, as they may appear in its own text. */
export function agencyNames(agency: string | null): string[] {
  if (!agency) return [];
  const name = agency.replace(/\s+/g, '');
  const names = [name];
  let rest = name;
  for (const token of placeChain(name)) {
    names.push(token.text);
    rest = rest.slice(token.text.length);
  }
  if (rest.length >= 2 && rest !== name) names.push(rest);
  return names;
}
