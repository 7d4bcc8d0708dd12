import { structureMissingTable } from '../../../src/core/rules/structure/missing-table';
import { emptyApplications, blankCell } from '../../../src/core/model/factory';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { buildPictureTableReport, sectionHeading } from '../../support/text-builders';

const blank = buildReport();
blank.tables.applications = emptyApplications(() => blankCell('—'));
const missing = buildReport();
missing.tables.applications = null;
missing.tables.reviewLitigation = null;
const old = buildReport();
old.template = '2019';
old.tables = { activeDisclosure: null, applications: null, reviewLitigation: null };

const error = { ruleId: 'structure/missing-table', severity: 'error' as const };
ruleTester.run(structureMissingTable, {
  valid: [
    { name: 'the three tables present, even blank', report: blank },
    { name: 'old-template reports are left to structure/outdated-template', report: old },
  ],
  invalid: [
    {
      name: 'one finding per missing table, at its section',
      report: missing,
      findings: [
        {
          ...error,
          table: 'applications',
          section: 'applications',
          pos: sectionHeading(missing, 'applications').pos,
          messageIncludes: ['未识别到标准统计表（表三）', '第三部分'],
        },
        {
          ...error,
          table: 'reviewLitigation',
          section: 'reviewLitigation',
          messageIncludes: '未识别到标准统计表（表四）',
        },
      ],
    },
    {
      name: 'a table pasted as a picture is not also missing (structure/table-as-image); the other is',
      report: buildPictureTableReport(),
      findings: [{ ...error, table: 'reviewLitigation', messageIncludes: '（表四）' }],
    },
  ],
});
