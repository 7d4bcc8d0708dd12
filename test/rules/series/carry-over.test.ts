import { seriesCarryOver } from '../../../src/core/rules/series/carry-over';
import { blankCell, emptyApplications, missingCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { setApplication } from '../../support/builders';
import { buildBalancedReport, buildNextYear } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

const chained = buildBalancedReport({ year: 2022 });

const y21 = buildBalancedReport({ year: 2021 });
const y21to23 = buildNextYear(y21, { year: 2023 });
setApplication(y21to23, 'carriedOver', 'total', 9);

const otherAgency22 = buildBalancedReport({ year: 2022 });
const otherAgency23 = buildNextYear(otherAgency22, { agency: '张店区科学技术局' });
setApplication(otherAgency23, 'carriedOver', 'total', 9);

const old22 = buildBalancedReport({ year: 2022 });
const old23 = buildNextYear(old22);
old22.template = '2019';
old22.tables.applications = emptyApplications(missingCell);
setApplication(old23, 'carriedOver', 'total', 9);

const blank22 = buildBalancedReport({ year: 2022 });
const blank23 = buildNextYear(blank22);
setApplication(blank22, 'carriedForward', 'naturalPerson', 0);
setApplication(blank22, 'carriedForward', 'naturalPerson', blankCell());
setApplication(blank23, 'carriedOver', 'naturalPerson', 0);
setApplication(blank23, 'carriedOver', 'total', 1);
setApplication(blank22, 'carriedForward', 'total', 1);

const y22 = buildBalancedReport({ year: 2022 });
const y23 = buildNextYear(y22);
setApplication(y23, 'carriedOver', 'total', 2);

const alias22 = buildBalancedReport({ year: 2022, agency: '临淄区工信局' });
const alias23 = buildNextYear(alias22, { agency: '临淄区工业和信息化局' });
setApplication(alias23, 'carriedOver', 'commercial', 0);

ruleTester.run(seriesCarryOver, {
  valid: [
    { name: 'chained years', reports: [chained, buildNextYear(chained)] },
    { name: 'not consecutive years: not paired', reports: [y21, y21to23] },
    { name: 'another agency: not paired', reports: [otherAgency22, otherAgency23] },
    { name: 'last year in the 2019 format with unmapped cells: skipped', reports: [old22, old23] },
    { name: 'blank 结转下年度 last year equals 0 this year', reports: [blank22, blank23] },
    {
      name: 'the finding is on this year’s report, none on last year’s',
      reports: [y22, y23],
      of: y22.id,
    },
  ],
  invalid: [
    {
      name: '上年结转 total 2 while last year carried forward 3',
      reports: [y22, y23],
      findings: [
        {
          ruleId: 'series/carry-over',
          severity: 'error',
          table: 'applications',
          row: 'carriedOver',
          column: 'total',
          expected: 3,
          actual: 2,
          relatedReport: y22.id,
          pos: must(y23.tables.applications).carriedOver.total.pos,
          messageIncludes: ['表三「总计」列', '本年「二、上年结转」填报 2', '2022年度报告'],
        },
      ],
    },
    {
      name: 'pairs through an alias',
      reports: [alias22, alias23],
      settings: { aliases: { 临淄区工信局: '临淄区工业和信息化局' } },
      findings: [
        { column: 'commercial', expected: 1, actual: 0, messageIncludes: '「商业企业」列' },
      ],
    },
  ],
});
