import { describe, expect, it } from 'vitest';
import { structureMissingTable } from '../../../src/core/rules/structure/missing-table';
import { emptyApplications, blankCell } from '../../../src/core/model/factory';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('structure/missing-table', () => {
  it('is quiet when the three tables are present, even blank', () => {
    const r = buildReport();
    r.tables.applications = emptyApplications(() => blankCell('—'));
    expect(check(structureMissingTable, r)).toEqual([]);
  });

  it('reports one finding per missing table, at its section', () => {
    const r = buildReport();
    r.tables.applications = null;
    r.tables.reviewLitigation = null;
    const found = check(structureMissingTable, r);
    expect(found.map((f) => [f.ruleId, f.severity, f.table, f.section])).toEqual([
      ['structure/missing-table', 'error', 'applications', 'applications'],
      ['structure/missing-table', 'error', 'reviewLitigation', 'reviewLitigation'],
    ]);
    expect(found[0]!.pos).toEqual(r.sections[2]!.heading!.pos);
  });

  it('leaves old-template reports to structure/outdated-template', () => {
    const r = buildReport();
    r.template = '2019';
    r.tables = { activeDisclosure: null, applications: null, reviewLitigation: null };
    expect(check(structureMissingTable, r)).toEqual([]);
  });
});
