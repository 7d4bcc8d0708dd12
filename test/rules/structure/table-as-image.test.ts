import { expect } from 'vitest';
import { structureTableAsImage } from '../../../src/core/rules/structure/table-as-image';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';
import { buildPictureTableReport, sectionHeading } from '../../support/text-builders';

const alsoReal = buildReport();
alsoReal.tablesAsImages = { applications: sectionHeading(alsoReal, 'applications').pos };
const picture = buildPictureTableReport();

ruleTester.run(structureTableAsImage, {
  valid: [
    { name: 'no table is a picture', report: buildReport() },
    { name: 'the table is also present as a real table', report: alsoReal },
  ],
  invalid: [
    {
      name: 'one finding per table pasted as a picture, at its heading',
      report: picture,
      findings: [
        {
          ruleId: 'structure/table-as-image',
          severity: 'warning',
          table: 'applications',
          section: 'applications',
          pos: sectionHeading(picture, 'applications').pos,
          messageIncludes: ['的统计表（表三）是一张图片', '请以可编辑的表格重新填报'],
        },
      ],
      also: () => expect(alsoReal.tables.applications).not.toBeNull(),
    },
  ],
});
