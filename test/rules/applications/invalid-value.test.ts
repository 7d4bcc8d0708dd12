import { expect } from 'vitest';
import { applicationsInvalidValue } from '../../../src/core/rules/applications/invalid-value';
import { blankCell, missingCell, numberCell, textCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { setApplication } from '../../support/builders';
import { buildBalancedReport } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const markers = buildBalancedReport();
setApplication(markers, 'granted', 'research', blankCell('—'));
setApplication(markers, 'granted', 'publicInterest', blankCell('无'));
setApplication(markers, 'granted', 'legalService', missingCell());

const bad = buildBalancedReport();
setApplication(bad, 'newReceived', 'commercial', -2);
setApplication(bad, 'granted', 'naturalPerson', numberCell(1.5));
setApplication(bad, 'carriedForward', 'otherOrg', textCell('两件'));

const base = { ruleId: 'applications/invalid-value', severity: 'error' as const };
ruleTester.run(applicationsInvalidValue, {
  valid: [
    { name: 'whole numbers', report: buildBalancedReport() },
    { name: 'blank markers and missing cells are not invalid', report: markers },
  ],
  invalid: [
    {
      name: 'negative, fractional and text cells',
      report: bad,
      findings: [
        {
          ...base,
          row: 'newReceived',
          column: 'commercial',
          actual: -2,
          messageIncludes: '不能为负数',
        },
        {
          ...base,
          row: 'granted',
          column: 'naturalPerson',
          actual: 1.5,
          messageIncludes: '件数应为整数',
        },
        {
          ...base,
          row: 'carriedForward',
          column: 'otherOrg',
          quote: '两件',
          pos: must(bad.tables.applications).carriedForward.otherOrg.pos,
          messageIncludes: '填写“两件”，不是数字',
        },
      ],
      also: (found) => {
        expect(found[2]?.actual).toBeUndefined();
        expect(found[0]?.quote).toBeUndefined();
      },
    },
  ],
});
