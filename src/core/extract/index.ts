/**
 * SourceDocument → ReportModel: title, agency, year, template, the six sections, paragraphs,
 * the three tables with provenance per value, dates and the statistics period. Every reader's
 * output comes through here, so nothing below may depend on one file format.
 */
import { at } from '../model/checked';
import type { SectionKey, TableKey } from '../model/glossary';
import { emptyActiveDisclosure, emptyReport } from '../model/factory';
import type { ReportModel, SectionHeading, SourceDocument, TextParagraph } from '../model/types';
import { findDates, findStatisticsPeriod, findTitle, fromFileName, type Para } from './meta';
import { matchHeading } from './sections';
import { findRegions, regionPos } from './regions';
import {
  hasSingleRowOtherHandling,
  readActiveDisclosure,
  readApplications,
  readReviewLitigation,
} from './tables';
import { tokenize } from './tokens';
import { detectTemplate } from './template';
import { locatePositions } from './locate';

export { parseCell, norm } from './text';
export { matchHeading, splitNumeral } from './sections';

export function extractReport(doc: SourceDocument, ref: { id: string; file: string }): ReportModel {
  const model = emptyReport(ref.id, ref.file, doc.format);
  const paras: Para[] = [];
  doc.blocks.forEach((b, block) => {
    if (b.kind !== 'paragraph') return;
    const text = (b.numberingLabel ?? '') + b.text;
    if (text.trim())
      paras.push({
        text,
        block,
        ...(b.headingLevel !== undefined ? { headingLevel: b.headingLevel } : {}),
      });
  });

  // ── tables (first: their regions tell which short lines are cells, not prose)
  const tokens = tokenize(doc.blocks);
  const regions = findRegions(tokens);
  const tableBlocks = new Set<number>();
  for (const key of [
    'activeDisclosure',
    'applications',
    'reviewLitigation',
  ] as const satisfies readonly TableKey[]) {
    const r = regions[key];
    if (!r) continue;
    for (let i = r.start; i < r.end; i++) tableBlocks.add(at(tokens, i).pos.block);
    model.tablePos[key] = regionPos(tokens, r);
  }

  // ── title, agency, year
  const title = findTitle(paras);
  if (title) {
    model.title = title.title;
    model.titlePos = title.pos;
  }
  model.statisticsPeriod = findStatisticsPeriod(paras);
  model.dates = findDates(paras);
  const fromName = fromFileName(doc.fileName || ref.file);
  if (title?.agency) {
    model.agency = title.agency;
    model.agencySource = 'title';
  } else if (fromName.agency) {
    model.agency = fromName.agency;
    model.agencySource = 'fileName';
  }
  if (title?.year) {
    model.year = title.year;
    model.yearSource = 'title';
  } else if (model.statisticsPeriod) {
    model.year = model.statisticsPeriod.fromYear;
    model.yearSource = 'period';
  } else if (fromName.year) {
    model.year = fromName.year;
    model.yearSource = 'fileName';
  }

  // ── sections and paragraphs
  const titleBlocks = new Set<number>();
  if (title) {
    titleBlocks.add(title.pos.block);
    const titleIdx = paras.findIndex((p) => p.block === title.pos.block);
    const next = paras[titleIdx + 1];
    if (next && title.title.endsWith(next.text.trim())) titleBlocks.add(next.block);
  }
  let current: SectionKey | undefined;
  const byKey = new Map(model.sections.map((s) => [s.key, s]));
  for (const p of paras) {
    const isTitle = titleBlocks.has(p.block);
    const h = isTitle ? null : matchHeading(p.text);
    if (h) {
      const heading: SectionHeading = {
        key: h.key,
        text: p.text.trim(),
        numeral: h.numeral,
        pos: { block: p.block },
      };
      model.headingsInOrder.push(heading);
      const s = byKey.get(h.key);
      if (s && !s.found) {
        s.found = true;
        s.heading = heading;
      }
      current = h.key;
    }
    const para: TextParagraph = {
      text: p.text.trim(),
      pos: { block: p.block },
      ...(current && !isTitle ? { section: current } : {}),
    };
    model.paragraphs.push(para);
    if (!h && current && !isTitle && !tableBlocks.has(p.block))
      byKey.get(current)?.paragraphs.push(para);
  }

  // ── tables pasted as pictures: the section of a standard table holds a picture and no table
  const images = doc.images ?? [];
  if (images.length) {
    for (const key of [
      'activeDisclosure',
      'applications',
      'reviewLitigation',
    ] as const satisfies readonly TableKey[]) {
      const heading = byKey.get(key)?.heading;
      if (model.tablePos[key] || !heading) continue;
      const start = heading.pos.block;
      const end =
        model.headingsInOrder.find((h) => h.pos.block > start && h.key !== key)?.pos.block ??
        doc.blocks.length;
      if (images.some((i) => i > start && i <= end))
        (model.tablesAsImages ??= {})[key] = { block: start };
    }
  }

  // ── template, then tables (old templates are not mapped onto 2021 keys)
  const single = regions.applications
    ? hasSingleRowOtherHandling(tokens, regions.applications)
    : false;
  const tmpl = detectTemplate(tokens, Object.keys(regions).length > 0, single);
  model.template = tmpl.template;
  model.templateEvidence = tmpl.evidence;
  if (tmpl.template !== 'pre-2019') {
    if (regions.activeDisclosure) {
      model.tables.activeDisclosure =
        tmpl.template === '2019'
          ? emptyActiveDisclosure()
          : readActiveDisclosure(tokens, regions.activeDisclosure);
    }
    if (regions.applications)
      model.tables.applications = readApplications(tokens, regions.applications);
    if (regions.reviewLitigation)
      model.tables.reviewLitigation = readReviewLitigation(tokens, regions.reviewLitigation);
  }
  locatePositions(model, doc);
  return model;
}
