/**
 * rules.md, Structure: `structure/section-order` (warning) — "sections appear out of order or
 * twice".
 *
 * Walks the section headings in document order (duplicates kept by extraction): a heading whose
 * section was already seen is reported as repeated; one whose number is lower than a heading
 * before it is reported as out of order. One finding per offending heading.
 */
import { SECTION_NUMERALS } from '../../model/glossary';
import type { SectionKey } from '../../model/glossary';
import type { Draft, ReportRule } from '../types';

export const structureSectionOrder: ReportRule = {
  meta: {
    id: 'structure/section-order',
    severity: 'warning',
    title: '部分顺序错误或重复',
    description: '六个部分应按一至六的顺序各出现一次；某部分重复出现或排在后面部分之后时报告。',
  },
  scope: 'report',
  check({ report }) {
    const out: Draft[] = [];
    const seen = new Set<SectionKey>();
    let highest = 0;
    let highestTitle = '';
    for (const h of report.headingsInOrder) {
      const section = report.sections.find((s) => s.key === h.key);
      if (!section) continue;
      const label = `第${SECTION_NUMERALS[section.number - 1]}部分「${section.title}」`;
      if (seen.has(h.key)) {
        out.push({
          section: h.key,
          quote: h.text,
          pos: h.pos,
          message: `${label}在报告中重复出现（「${h.text}」），请核对是否多出或标题有误。`,
        });
        continue;
      }
      seen.add(h.key);
      if (section.number < highest) {
        out.push({
          section: h.key,
          quote: h.text,
          pos: h.pos,
          message: `${label}（「${h.text}」）出现在「${highestTitle}」之后，部分顺序错误，应按一至六的顺序排列。`,
        });
      } else {
        highest = section.number;
        highestTitle = h.text;
      }
    }
    return out;
  },
};
