import { describe, expect, it } from 'vitest';
import { structureOutdatedTemplate } from '../../../src/core/rules/structure/outdated-template';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('structure/outdated-template', () => {
  it('is quiet on the 2021 template and on an unknown one', () => {
    const r = buildReport();
    expect(check(structureOutdatedTemplate, r)).toEqual([]);
    r.template = 'unknown';
    expect(check(structureOutdatedTemplate, r)).toEqual([]);
  });

  it('reports a 2019-template report once, quoting its evidence, at the first table', () => {
    const r = buildReport();
    r.template = '2019';
    r.templateEvidence = ['本年新制作数量', '对外公开总数量'];
    const found = check(structureOutdatedTemplate, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'structure/outdated-template',
      severity: 'error',
      quote: '本年新制作数量',
      pos: r.tablePos.activeDisclosure,
    });
  });

  it('reports a pre-2019 report', () => {
    const r = buildReport();
    r.template = 'pre-2019';
    expect(check(structureOutdatedTemplate, r)).toHaveLength(1);
  });
});
