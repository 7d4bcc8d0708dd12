import { describe, expect, it } from 'vitest';
import { consistencyEffectiveCount } from '../../../src/core/rules/consistency/effective-count';
import { numberCell } from '../../../src/core/model/factory';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

function withEffective(docs: number, regs = 0) {
  const r = buildReport();
  r.tables.activeDisclosure!.normativeDocuments.effective = numberCell(docs);
  r.tables.activeDisclosure!.regulations.effective = numberCell(regs);
  return r;
}

describe('consistency/effective-count', () => {
  it('is quiet when the stated count matches table 二', () => {
    const r = withEffective(16);
    setSectionText(r, 'overview', ['截至年底，现行有效行政规范性文件16件。']);
    expect(check(consistencyEffectiveCount, r)).toEqual([]);
  });

  it('reports a differing 规范性文件 count with expected/actual and the cell', () => {
    const r = withEffective(16);
    const text = '清理后，本机关行政规范性文件现行有效15件。';
    setSectionText(r, 'overview', [text]);
    const found = check(consistencyEffectiveCount, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'consistency/effective-count',
      severity: 'warning',
      table: 'activeDisclosure',
      row: 'normativeDocuments',
      column: 'effective',
      expected: 16,
      actual: 15,
      pos: {
        block: r.sections[0]!.paragraphs[0]!.pos.block,
        start: text.indexOf('行政规范性文件') + 2,
      },
    });
  });

  it('compares 规章 with the 规章 row and accepts a generic count equal to the sum', () => {
    const r = withEffective(16, 2);
    setSectionText(r, 'overview', ['现行有效规章3件。', '现行有效文件18件。']);
    expect(check(consistencyEffectiveCount, r).map((f) => [f.row, f.expected, f.actual])).toEqual([
      ['regulations', 2, 3],
    ]);
  });

  it('is quiet on a 2019-template report', () => {
    const r = withEffective(16);
    r.template = '2019';
    setSectionText(r, 'overview', ['现行有效行政规范性文件15件。']);
    expect(check(consistencyEffectiveCount, r)).toEqual([]);
  });
});
