/**
 * rules.md, Structure: `structure/missing-table` (error) — "section 二, 三 or 四 has no
 * recognisable standard table (one finding per table)"; quiet when "the table is present but
 * partly blank" and when "the table is a picture (that is structure/table-as-image)".
 *
 * A table extraction could not recognise is null in the model; a partly blank table is present
 * (its blank cells are table/blank-cell's business). Reports in the 2019 or pre-2019 template are
 * left to structure/outdated-template: their tables exist, they are just not the 2021 ones, and
 * saying "missing" too would report the same defect twice.
 */
import { SECTION_NUMERALS, TABLE_KEYS, TABLE_SHORT } from '../../model/glossary';
import { cellDraft } from '../util/table-cells';
import { sectionPlace } from '../util/text';
import type { Draft, ReportRule } from '../types';

export const structureMissingTable: ReportRule = {
  meta: {
    id: 'structure/missing-table',
    severity: 'error',
    title: '缺少统计表格',
    description:
      '第二、三、四部分应分别包含主动公开、依申请公开、行政复议和行政诉讼的标准统计表；无法识别到相应表格时逐表报告（表格部分空白不在此列）。',
  },
  scope: 'report',
  check({ report }) {
    if (report.template === '2019' || report.template === 'pre-2019') return [];
    const out: Draft[] = [];
    for (const key of TABLE_KEYS) {
      if (report.tables[key] !== null) continue;
      // A table pasted as a picture is structure/table-as-image's finding, not a missing table.
      if (report.tablesAsImages?.[key]) continue;
      const section = report.sections.find((s) => s.key === key);
      const numeral = SECTION_NUMERALS[(section?.number ?? 1) - 1];
      out.push(
        cellDraft(
          { table: key, cell: section?.heading },
          {
            message: `${sectionPlace(report, key)}中未识别到标准统计表（${TABLE_SHORT[key]}），第${numeral}部分应按 2021 年版格式填报统计表。`,
          },
        ),
      );
    }
    return out;
  },
};
