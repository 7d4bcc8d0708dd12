import { structureGovernmentAccountabilityMissing } from '../../../src/core/rules/structure/government-accountability-missing';
import { buildReport, setSectionText } from '../../support/builders';
import { ruleTester } from '../../support/rule-tester';

const CONSIDERED =
  '（五）监督保障。将政务公开纳入综合绩效考核，开展社会评议，全年未发生责任追究情况。';

const considered = buildReport({ agency: '淄博市临淄区人民政府' });
setSectionText(considered, 'overview', [CONSIDERED]);
const seed002 = buildReport({ agency: '淄博市临淄区人民政府' });
setSectionText(seed002, 'overview', [
  '（五）完善政府信息公开监督考核机制。将政务公开工作列入综合绩效考核指标，开展培训3次。',
]);
const noAgency = buildReport({ agency: '淄博市临淄区人民政府' });
noAgency.agency = null;

ruleTester.run(structureGovernmentAccountabilityMissing, {
  valid: [
    ...[
      '临淄区工业和信息化局',
      '临淄区凤凰镇人民政府',
      '临淄区闻韶街道办事处',
      '临淄区人民政府办公室',
    ].map((agency) => ({
      name: `quiet on ${agency} (a department, town or street)`,
      report: buildReport({ agency }),
    })),
    { name: 'a 人民政府 report covering 考核、评议、追责', report: considered },
  ],
  invalid: [
    {
      name: 'a 人民政府 report with only 政务公开 考核 (seed 002), once',
      report: seed002,
      findings: [
        {
          ruleId: 'structure/government-accountability-missing',
          severity: 'warning',
          section: 'overview',
          messageIncludes: ['淄博市临淄区人民政府的报告未涉及政府信息公开', '社会评议'],
          messageExcludes: ['工作考核、社会评议、责任追究情况'],
        },
      ],
    },
    {
      name: 'uses the title when the agency is unknown',
      report: noAgency,
      findings: [{ section: 'overview', messageIncludes: '人民政府的年度报告应报告' }],
    },
  ],
});
