import { describe, expect, it } from 'vitest';
import { consistencyRepealedCount } from '../../../src/core/rules/consistency/repealed-count';
import { numberCell } from '../../../src/core/model/factory';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

function withRepealed(docs: number, regs = 0) {
  const r = buildReport();
  r.tables.activeDisclosure!.normativeDocuments.repealed = numberCell(docs);
  r.tables.activeDisclosure!.regulations.repealed = numberCell(regs);
  return r;
}

describe('consistency/repealed-count', () => {
  it('is quiet when the stated count matches (seed 003: "本年度废止1个文件")', () => {
    const r = withRepealed(1);
    setSectionText(r, 'overview', ['4.及时清理规范性文件。经核查本年度废止1个文件。']);
    expect(check(consistencyRepealedCount, r)).toEqual([]);
  });

  it('reports a differing count, with expected/actual and the cell', () => {
    const r = withRepealed(4);
    const text = '本年度共废止行政规范性文件3件。';
    setSectionText(r, 'overview', [text]);
    const found = check(consistencyRepealedCount, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'consistency/repealed-count',
      severity: 'warning',
      table: 'activeDisclosure',
      row: 'normativeDocuments',
      column: 'repealed',
      expected: 4,
      actual: 3,
      pos: { block: r.sections[0]!.paragraphs[0]!.pos.block, start: text.indexOf('废止') },
    });
  });

  it('reads the number-first form ("对2件规章予以废止")', () => {
    const r = withRepealed(0, 1);
    setSectionText(r, 'overview', ['对2件规章予以废止。']);
    expect(check(consistencyRepealedCount, r).map((f) => [f.row, f.expected, f.actual])).toEqual([
      ['regulations', 1, 2],
    ]);
  });

  it('ignores comparisons', () => {
    const r = withRepealed(4);
    setSectionText(r, 'overview', ['废止文件数较上年增加2件。']);
    expect(check(consistencyRepealedCount, r)).toEqual([]);
  });
});
