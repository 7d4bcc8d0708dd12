/**
 * Builders for the text-facing rule tests: rewrite headings, the preamble and single paragraphs of
 * a report made by buildReport, keeping positions distinct so tests can assert locations.
 */
import type { SectionKey } from '../../src/core/model/glossary';
import type { ReportModel, SectionHeading, TextParagraph } from '../../src/core/model/types';
import { buildReport } from './builders';

/** Rewrites a section heading (text and numeral as written) in the section and in headingsInOrder. */
export function setHeading(
  r: ReportModel,
  key: SectionKey,
  text: string,
  numeral: string,
): SectionHeading {
  const section = r.sections.find((s) => s.key === key)!;
  const old = section.heading!;
  const heading: SectionHeading = { ...old, text, numeral };
  section.heading = heading;
  r.headingsInOrder = r.headingsInOrder.map((h) => (h === old ? heading : h));
  const p = r.paragraphs.find((x) => x.pos.block === old.pos.block && x.section === undefined);
  if (p) p.text = text;
  return heading;
}

/** Replaces the preamble paragraphs (between the title and section 一). */
export function setPreamble(r: ReportModel, texts: string[]): TextParagraph[] {
  const firstHeading = r.headingsInOrder[0]?.pos.block ?? Number.MAX_SAFE_INTEGER;
  const keep = r.paragraphs.filter(
    (p) =>
      p.section !== undefined || p.pos.block === r.titlePos?.block || p.pos.block >= firstHeading,
  );
  let block = 500;
  const added = texts.map((text) => ({ text, pos: { block: block++ } }));
  r.paragraphs = [keep[0]!, ...added, ...keep.slice(1)];
  return added;
}

/** The paragraph of a section whose text contains `needle`. */
export function paragraphWith(r: ReportModel, needle: string): TextParagraph {
  const p = r.paragraphs.find((x) => x.text.includes(needle));
  if (!p) throw new Error(`no paragraph contains ${needle}`);
  return p;
}

/** Removes a section's heading and body, as if extraction had not found it. */
export function dropSection(r: ReportModel, key: SectionKey): void {
  const section = r.sections.find((s) => s.key === key)!;
  const block = section.heading?.pos.block;
  section.found = false;
  delete section.heading;
  section.paragraphs = [];
  r.headingsInOrder = r.headingsInOrder.filter((h) => h.key !== key);
  r.paragraphs = r.paragraphs.filter((p) => p.section !== key && p.pos.block !== block);
}

/** Paragraph `i` of a section's body. */
export function sectionParagraph(r: ReportModel, key: SectionKey, i = 0): TextParagraph {
  const p = r.sections.find((s) => s.key === key)?.paragraphs[i];
  if (!p) throw new Error(`section ${key} has no paragraph ${i}`);
  return p;
}

/** The heading of a section (which the builders always give). */
export function sectionHeading(r: ReportModel, key: SectionKey): SectionHeading {
  const h = r.sections.find((s) => s.key === key)?.heading;
  if (!h) throw new Error(`section ${key} has no heading`);
  return h;
}

/** Tables 三 and 四 not read; 三's place holds a picture (at its heading), 四's nothing. */
export function buildPictureTableReport(): ReportModel {
  const r = buildReport();
  r.tables.applications = null;
  r.tables.reviewLitigation = null;
  delete r.tablePos.applications;
  delete r.tablePos.reviewLitigation;
  r.tablesAsImages = { applications: sectionHeading(r, 'applications').pos };
  return r;
}
