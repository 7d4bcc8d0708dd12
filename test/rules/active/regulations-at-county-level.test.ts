import { describe, expect, it } from 'vitest';
import { activeRegulationsAtCountyLevel } from '../../../src/core/rules/active/regulations-at-county-level';
import { agencyLevel } from '../../../src/core/workspace/agency-level';
import { textCell } from '../../../src/core/model/factory';
import { must } from '../../../src/core/model/checked';
import { buildBalancedReport, setDocument, setDocumentRow } from '../../support/table-builders';
import { ruleTester } from '../../support/rule-tester';

function withRegulations(agency: string) {
  const r = buildBalancedReport({ agency });
  setDocumentRow(r, 'regulations', 0, 0, 3);
  return r;
}
const unknown = withRegulations('x');
unknown.agency = null;
const textRegulations = buildBalancedReport({ agency: '张店区科学技术局' });
setDocument(textRegulations, 'regulations', 'effective', textCell('无规章'));
const firstNonZero = buildBalancedReport({ agency: '张店区科学技术局' });
setDocumentRow(firstNonZero, 'regulations', 1, 0, 1);

const HIGHER = [
  '淮安市人民政府',
  '淄博市市场监督管理局',
  '淄博市住房和城乡建设局',
  '淄博市城市管理局',
  '山东省科学技术厅',
  '北京市人民政府',
  '广州市人民政府',
];
const COUNTY_OR_LOWER = [
  '淄博市临淄区人民政府',
  '孟津区科技和工业信息化局',
  '张店区科学技术局',
  '樟树市工信局',
  '宜春市樟树市工业和信息化局',
  '临淄区辛店街道办事处',
  '凤凰镇人民政府',
  '某某县教育局',
  '北京市海淀区人民政府',
  '荆州市沙市区人民政府',
];

ruleTester.run(activeRegulationsAtCountyLevel, {
  valid: [
    {
      name: 'county body with 规章 all 0',
      report: buildBalancedReport({ agency: '临淄区工业和信息化局' }),
    },
    ...HIGHER.map((agency) => ({
      name: `${agency} (provincial or 设区的市) may report 规章`,
      report: withRegulations(agency),
    })),
    { name: 'unknown agency stays quiet', report: unknown },
    { name: 'a text cell is not a count', report: textRegulations },
  ],
  invalid: [
    ...COUNTY_OR_LOWER.map((agency) => {
      const r = withRegulations(agency);
      return {
        name: `${agency} (county level or lower) reports 规章`,
        report: r,
        findings: [
          {
            ruleId: 'active/regulations-at-county-level',
            severity: 'warning' as const,
            table: 'activeDisclosure' as const,
            row: 'regulations',
            pos: must(r.tables.activeDisclosure).regulations.effective.pos,
            messageIncludes: [agency, '无权制定规章', '现行有效件数 3'],
          },
        ],
      };
    }),
    {
      name: 'points at the first non-zero cell',
      report: firstNonZero,
      findings: [
        {
          pos: must(firstNonZero.tables.activeDisclosure).regulations.issued.pos,
          messageIncludes: '县级机关',
        },
      ],
    },
  ],
});

describe('agency levels (the rule’s reading of a name)', () => {
  it('county, prefecture, province, township, unknown', () => {
    expect(agencyLevel('淄博市临淄区人民政府')).toBe('county');
    expect(agencyLevel('淮安市人民政府')).toBe('prefecture');
    expect(agencyLevel('樟树市工信局')).toBe('county');
    expect(agencyLevel('共青城市人民政府')).toBe('county');
    expect(agencyLevel('山东省人民政府')).toBe('province');
    expect(agencyLevel('阿克苏地区行政公署')).toBe('prefecture');
    expect(agencyLevel('临淄区辛店街道办事处')).toBe('township');
    expect(agencyLevel('区财政局')).toBe('county');
    expect(agencyLevel('市统计局')).toBe('unknown');
  });
});
