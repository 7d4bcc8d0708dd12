import { describe, expect, it } from 'vitest';
import {
  CELLS,
  GRID_COLUMNS,
  cellName,
  findRowLabel,
  rowLabel,
  tableCellDefs,
  tableRowDefs,
} from '../../src/core/model/cells';
import { must } from '../../src/core/model/checked';
import { buildReport } from '../support/builders';

// The catalogue is shared by the rules, the 数据 sheet and the year comparison; these pin what all
// three rely on.
describe('cell catalogue', () => {
  it('holds 10 + 175 + 15 cells in template order', () => {
    expect(tableCellDefs('activeDisclosure')).toHaveLength(10);
    expect(tableCellDefs('applications')).toHaveLength(175);
    expect(tableCellDefs('reviewLitigation')).toHaveLength(15);
    expect(CELLS).toHaveLength(200);
    expect(CELLS[0]).toMatchObject({
      table: 'activeDisclosure',
      row: 'regulations',
      column: 'issued',
      kind: 'count',
      single: false,
    });
    expect(CELLS[199]).toMatchObject({
      table: 'reviewLitigation',
      row: 'litigationAfterReview',
      column: 'total',
    });
  });

  it("gives table 二's single-value rows the rules' column keys and the fee the amount kind", () => {
    const singles = tableCellDefs('activeDisclosure').filter((c) => c.single);
    expect(singles.map((c) => [c.row, c.column, c.kind])).toEqual([
      ['licensing', 'decisions', 'count'],
      ['punishment', 'decisions', 'count'],
      ['coercion', 'decisions', 'count'],
      ['administrativeFees', 'amount', 'amount'],
    ]);
  });

  it('groups cells into rows and reads them from a report, undefined when the table is absent', () => {
    const rows = tableRowDefs('applications');
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r.cells.length === GRID_COLUMNS.applications.length)).toBe(true);
    const report = buildReport();
    const cell = tableCellDefs('applications').find(
      (c) => c.row === 'totalProcessed' && c.column === 'naturalPerson',
    );
    expect(must(cell).get(report.tables)).toBe(
      must(report.tables.applications).totalProcessed.naturalPerson,
    );
    expect(must(cell).get({ ...report.tables, applications: null })).toBeUndefined();
  });

  it('names rows, groups and cells as a reviewer does; unknown keys stay as they are', () => {
    expect(cellName('applications', 'totalProcessed', 'naturalPerson')).toBe(
      '表三「（七）总计」行「自然人」列',
    );
    expect(cellName('activeDisclosure', 'licensing', 'decisions')).toBe(
      '表二「行政许可」行「本年处理决定数量」列',
    );
    expect(findRowLabel('applications', 'denied')).toBe('（三）不予公开');
    expect(findRowLabel('applications', 'toString')).toBeUndefined();
    expect(rowLabel('applications', 'noSuchRow')).toBe('noSuchRow');
  });
});
