import { describe, expect, it } from 'vitest';
import { structureMissingTable } from '../../../src/core/rules/structure/missing-table';
import { structureTableAsImage } from '../../../src/core/rules/structure/table-as-image';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('structure/table-as-image', () => {
  it('is quiet when no table is a picture', () => {
    expect(check(structureTableAsImage, buildReport())).toEqual([]);
  });

  it('reports one finding per table pasted as a picture, at its heading; missing-table stays quiet for it', () => {
    const r = buildReport();
    r.tables.applications = null;
    r.tables.reviewLitigation = null;
    delete r.tablePos.applications;
    delete r.tablePos.reviewLitigation;
    const at = r.sections[2]!.heading!.pos;
    r.tablesAsImages = { applications: at };
    const found = check(structureTableAsImage, r);
    expect(found.map((f) => [f.ruleId, f.severity, f.table, f.section])).toEqual([
      ['structure/table-as-image', 'warning', 'applications', 'applications'],
    ]);
    expect(found[0]!.pos).toEqual(at);
    // The picture table is not also "missing"; the table with neither picture nor grid still is.
    expect(check(structureMissingTable, r).map((f) => f.table)).toEqual(['reviewLitigation']);
  });

  it('is quiet when the table is also present as a real table', () => {
    const r = buildReport();
    r.tablesAsImages = { applications: r.sections[2]!.heading!.pos };
    expect(r.tables.applications).not.toBeNull();
    expect(check(structureTableAsImage, r)).toEqual([]);
  });
});
