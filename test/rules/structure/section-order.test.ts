import { structureSectionOrder } from '../../../src/core/rules/structure/section-order';
import { at } from '../../../src/core/model/checked';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

const swapped = buildReport();
const h = (i: number) => at(swapped.headingsInOrder, i);
const four = h(3);
swapped.headingsInOrder = [h(0), h(1), h(2), h(4), four, h(5)];

const twice = buildReport();
twice.headingsInOrder.splice(3, 0, { ...at(twice.headingsInOrder, 1), pos: { block: 900 } });

ruleTester.run(structureSectionOrder, {
  valid: [{ name: 'the sections come in order', report: buildReport() }],
  invalid: [
    {
      name: 'a section placed after a later one, at its heading',
      report: swapped,
      findings: [
        {
          ruleId: 'structure/section-order',
          severity: 'warning',
          section: 'reviewLitigation',
          pos: four.pos,
          messageIncludes: ['出现在「', '应按一至六的顺序排列'],
        },
      ],
    },
    {
      name: 'a section that appears twice',
      report: twice,
      findings: [
        {
          section: 'activeDisclosure',
          pos: { block: 900 },
          messageIncludes: '在报告中重复出现',
        },
      ],
    },
  ],
});
