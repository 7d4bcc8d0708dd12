import { describe, expect, it } from 'vitest';
import { tableCells } from '../../../src/core/rules/util/table-cells';
import { buildReport } from '../../support/builders';

describe('tableCells', () => {
  it('reads the cells of a table from a report, none when the table is absent', () => {
    const report = buildReport();
    expect(tableCells(report, 'applications')).toHaveLength(175);
    expect(
      tableCells({ ...report, tables: { ...report.tables, applications: null } }, 'applications'),
    ).toEqual([]);
  });
});
