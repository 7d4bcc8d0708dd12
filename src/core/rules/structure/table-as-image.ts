/**
 * rules.md, Structure: `structure/table-as-image` (warning) — "a standard table (二, 三 or 四) is
 * pasted as a picture: its heading is there, the table's place holds an image and no readable
 * table (one finding per table, naming it; values cannot be checked)"; quiet when "the table is
 * also present as a real table".
 *
 * Extraction marks such tables in ReportModel.tablesAsImages (a picture between the section's
 * heading and the next heading, and no recognisable table there); a table that is also present as
 * a real table has a tablePos and is never marked. structure/missing-table stays quiet for these.
 */
import { TABLE_KEYS, TABLE_SHORT } from '../../model/glossary';
import { cellDraft } from '../util/table-cells';
import { sectionPlace } from '../util/text';
import type { Draft, ReportRule } from '../types';

export const structureTableAsImage: ReportRule = {
  meta: {
    id: 'structure/table-as-image',
    severity: 'warning',
    title: '统计表为图片',
    description:
      '第二、三、四部分的标准统计表以图片形式粘贴，无法读取其中的数值，也就无法核对；应以可编辑的表格填报（同时有真实表格时不报）。',
  },
  scope: 'report',
  check({ report }) {
    const out: Draft[] = [];
    for (const key of TABLE_KEYS) {
      const pos = report.tablesAsImages?.[key];
      if (!pos || report.tables[key] !== null || report.tablePos[key]) continue;
      out.push(
        cellDraft(
          { table: key, cell: { pos } },
          {
            message: `${sectionPlace(report, key)}的统计表（${TABLE_SHORT[key]}）是一张图片，无法读取和核对其中的数值，请以可编辑的表格重新填报。`,
          },
        ),
      );
    }
    return out;
  },
};
