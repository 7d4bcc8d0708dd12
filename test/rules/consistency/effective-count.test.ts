import { consistencyEffectiveCount } from '../../../src/core/rules/consistency/effective-count';
import { numberCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { buildReport, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { ruleTester } from '../../support/rule-tester';

function withEffective(docs: number, regs: number, text: string[]) {
  const r = buildReport();
  const t = must(r.tables.activeDisclosure);
  t.normativeDocuments.effective = numberCell(docs);
  t.regulations.effective = numberCell(regs);
  setSectionText(r, 'overview', text);
  return r;
}
const DIFFERING = '清理后，本机关行政规范性文件现行有效15件。';
const differing = withEffective(16, 0, [DIFFERING]);
const old = withEffective(16, 0, ['现行有效行政规范性文件15件。']);
old.template = '2019';

ruleTester.run(consistencyEffectiveCount, {
  valid: [
    {
      name: 'the stated count matches table 二',
      report: withEffective(16, 0, ['截至年底，现行有效行政规范性文件16件。']),
    },
    { name: 'a 2019-template report', report: old },
  ],
  invalid: [
    {
      name: 'a differing 规范性文件 count with expected/actual and the cell',
      report: differing,
      findings: [
        {
          ruleId: 'consistency/effective-count',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'effective',
          expected: 16,
          actual: 15,
          pos: {
            block: sectionParagraph(differing, 'overview').pos.block,
            start: DIFFERING.indexOf('行政规范性文件') + 2,
          },
          messageIncludes: ['（15 件）', '正文与表格不符'],
        },
      ],
    },
    {
      name: '规章 compared with the 规章 row; a generic count equal to the sum is accepted',
      report: withEffective(16, 2, ['现行有效规章3件。', '现行有效文件18件。']),
      findings: [{ row: 'regulations', expected: 2, actual: 3, messageIncludes: '（3 件）' }],
    },
  ],
});
