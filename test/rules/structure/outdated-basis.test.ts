import { structureOutdatedBasis } from '../../../src/core/rules/structure/outdated-basis';
import { must } from '../../../src/core/model/checked';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { setPreamble } from '../../support/text-builders';

const OLD =
  '本报告依据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求编制。';
const CITATION = '国办公开办函〔2019〕60号';

function withPreamble(texts: string[]) {
  const r = buildReport();
  return { report: r, paragraphs: setPreamble(r, texts) };
}
const old = withPreamble([OLD]);
const start = OLD.indexOf('国办公开办函');

ruleTester.run(structureOutdatedBasis, {
  valid: [
    { name: 'the preamble cites 〔2021〕30号', report: buildReport() },
    {
      name: 'damaged as "〔202130号"',
      report: withPreamble(['本报告按照……的通知》(国办公开办函〔202130号)要求编制。']).report,
    },
    {
      name: 'both notices cited',
      report: withPreamble([OLD, '并按照国办公开办函〔2021〕30号的格式编制。']).report,
    },
  ],
  invalid: [
    {
      name: 'a preamble citing 〔2019〕60号, highlighting the citation (seed 003)',
      report: old.report,
      findings: [
        {
          ruleId: 'structure/outdated-basis',
          severity: 'warning',
          quote: CITATION,
          pos: { block: must(old.paragraphs[0]).pos.block, start, end: start + CITATION.length },
          messageIncludes: ['引用了国办公开办函〔2019〕60号', '〔2021〕30号'],
        },
      ],
    },
  ],
});
