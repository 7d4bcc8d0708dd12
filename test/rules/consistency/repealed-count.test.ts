import { consistencyRepealedCount } from '../../../src/core/rules/consistency/repealed-count';
import { numberCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { buildReport, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { ruleTester } from '../../support/rule-tester';

function withRepealed(docs: number, regs: number, text: string[]) {
  const r = buildReport();
  const t = must(r.tables.activeDisclosure);
  t.normativeDocuments.repealed = numberCell(docs);
  t.regulations.repealed = numberCell(regs);
  setSectionText(r, 'overview', text);
  return r;
}
const DIFFERING = '本年度共废止行政规范性文件3件。';
const differing = withRepealed(4, 0, [DIFFERING]);

ruleTester.run(consistencyRepealedCount, {
  valid: [
    {
      name: 'the stated count matches (seed 003: "本年度废止1个文件")',
      report: withRepealed(1, 0, ['4.及时清理规范性文件。经核查本年度废止1个文件。']),
    },
    { name: 'ignores comparisons', report: withRepealed(4, 0, ['废止文件数较上年增加2件。']) },
  ],
  invalid: [
    {
      name: 'a differing count, with expected/actual and the cell',
      report: differing,
      findings: [
        {
          ruleId: 'consistency/repealed-count',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'repealed',
          expected: 4,
          actual: 3,
          pos: {
            block: sectionParagraph(differing, 'overview').pos.block,
            start: DIFFERING.indexOf('废止'),
          },
          messageIncludes: ['（3 件）', '正文与表格不符'],
        },
      ],
    },
    {
      name: 'reads the number-first form ("对2件规章予以废止")',
      report: withRepealed(0, 1, ['对2件规章予以废止。']),
      findings: [{ row: 'regulations', expected: 1, actual: 2, messageIncludes: '（2 件）' }],
    },
  ],
});
