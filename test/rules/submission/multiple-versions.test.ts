import { submissionMultipleVersions } from '../../../src/core/rules/submission/multiple-versions';
import { numberCell } from '../../../src/core/model/factory';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

function file(
  id: string,
  name: string,
  modifiedMs: number | null,
  change?: (r: ReportModel) => void,
): ReportModel {
  const r = buildReport({ id, agency: '临淄区工业和信息化局', year: 2023 });
  r.file = `D:/年报/${name}`;
  r.fileInfo = { sha256: id, size: 1, modifiedMs };
  change?.(r);
  return r;
}
const changeLicensing = (r: ReportModel) => {
  if (r.tables.activeDisclosure) r.tables.activeDisclosure.licensing = numberCell(12345);
};
const versions = () => [
  file('old', '报告.docx', 1_000_000),
  file('v2', '报告修改稿v2.docx', 2_000_000, changeLicensing),
];

const warning = { ruleId: 'submission/multiple-versions', severity: 'warning' as const };
ruleTester.run(submissionMultipleVersions, {
  valid: [
    { name: 'one file', reports: [file('a', '报告.docx', 1000)] },
    {
      name: 'identical copies (duplicates, not versions)',
      reports: [file('a', '报告.docx', 1000), file('b', '报告 - 副本.docx', 900_000)],
    },
    { name: 'nothing on the older version', reports: versions(), of: 'old' },
  ],
  invalid: [
    {
      name: 'once, on the current version, naming every version and why it is current',
      reports: versions(),
      of: 'v2',
      findings: [
        {
          ...warning,
          quote: '报告修改稿v2.docx',
          messageIncludes: ['「报告.docx」', '文件修改时间最新', '有 2 份内容不同的报告'],
        },
      ],
    },
    {
      name: 'once over the whole workspace',
      reports: versions(),
      findings: [{ ...warning, messageIncludes: '当前采用「报告修改稿v2.docx」' }],
    },
    {
      name: 'the reviewer’s choice wins over the default rule and is said to be the reason',
      reports: versions(),
      settings: { versionChoices: { '临淄区工业和信息化局#2023': 'D:/年报/报告.docx' } },
      of: 'old',
      findings: [{ ...warning, messageIncludes: ['审查人员选定', '当前采用「报告.docx」'] }],
    },
  ],
});
