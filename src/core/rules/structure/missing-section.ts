/**
 * rules.md, Structure: `structure/missing-section` (error) — "one of the six sections cannot be
 * found (one finding per missing section, naming it)"; quiet when "the section is present under a
 * variant title, without numeral, or with a wrong numeral".
 *
 * Finding a section (title first, numeral second, variants accepted) is extraction's job; this
 * rule reports every section whose `found` is false, so it inherits extraction's tolerance.
 */
import { SECTION_NUMERALS } from '../../model/glossary';
import type { Draft, ReportRule } from '../types';

export const structureMissingSection: ReportRule = {
  meta: {
    id: 'structure/missing-section',
    severity: 'error',
    title: '缺少必备部分',
    description:
      '年度报告应包含总体情况、主动公开、依申请公开、复议诉讼、存在问题及改进、其他需要报告的事项六个部分；找不到其中某一部分时逐项报告。',
  },
  scope: 'report',
  check({ report }) {
    const out: Draft[] = [];
    for (const s of report.sections) {
      if (s.found) continue;
      out.push({
        section: s.key,
        message: `报告中找不到第${SECTION_NUMERALS[s.number - 1]}部分「${s.title}」，年度报告应包含该部分。`,
      });
    }
    return out;
  },
};
