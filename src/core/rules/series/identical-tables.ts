/**
 * series/identical-tables — rules.md, Across years:
 * "every value of tables 二, 三, 四 equals last year's and at least one is non-zero" — quiet for
 * "all-zero tables both years".
 *
 * Both years in the 2021 format with all three tables present. Every cell is compared by its
 * usable value (blank = 0) through the one comparison helper (万元 amounts within 0.0001); a cell
 * missing or holding text in either year makes the tables not provably identical, so the rule stays
 * quiet. One finding for the report, pointing at table 二, with the count of non-zero values.
 */
import { TABLE_KEYS } from '../../model/glossary';
import type { SeriesRule } from '../types';
import { sameValue } from '../util/compare';
import { cellDraft, checksTables, tableCells, usable } from '../util/table-cells';

export const seriesIdenticalTables: SeriesRule = {
  meta: {
    id: 'series/identical-tables',
    severity: 'warning',
    title: '统计表与上年完全相同',
    description:
      '表二、表三、表四的全部数值与上一年度报告完全相同（且不全为 0），可能是照抄上年报告未更新数据。',
  },
  scope: 'series',
  check: ({ report, previous }) => {
    if (!checksTables(report) || previous.template !== '2021') return [];
    let nonZero = 0;
    for (const table of TABLE_KEYS) {
      const now = tableCells(report, table);
      const before = tableCells(previous, table);
      if (now.length === 0 || now.length !== before.length) return [];
      for (let i = 0; i < now.length; i++) {
        const a = now[i];
        const b = before[i];
        if (!a || !b) return [];
        const x = usable(a.cell);
        const y = usable(b.cell);
        if (x === null || y === null || !sameValue(x, y, a.kind)) return [];
        if (!sameValue(x, 0, a.kind)) nonZero++;
      }
    }
    if (nonZero === 0) return [];
    return [
      cellDraft(
        { table: 'activeDisclosure', cell: { pos: report.tablePos.activeDisclosure } },
        {
          message: `表二、表三、表四的全部数值（其中 ${nonZero} 项不为 0）与${previous.year ?? '上一'}年度报告完全相同，请核实是否沿用了上年数据。`,
        },
      ),
    ];
  },
};
