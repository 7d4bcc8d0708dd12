import { describe, expect, it } from 'vitest';
import { activeRegulationsAtCountyLevel } from '../../../src/core/rules/active/regulations-at-county-level';
import { agencyLevel } from '../../../src/core/workspace/agency-level';
import { textCell } from '../../../src/core/model/factory';
import { buildBalancedReport, setDocument, setDocumentRow } from '../../support/table-builders';
import { check } from '../../support/rule-tester';

function withRegulations(agency: string) {
  const r = buildBalancedReport({ agency });
  setDocumentRow(r, 'regulations', 0, 0, 3);
  return r;
}

describe('active/regulations-at-county-level', () => {
  describe('valid', () => {
    it('county body with 规章 all 0', () => {
      expect(
        check(
          activeRegulationsAtCountyLevel,
          buildBalancedReport({ agency: '临淄区工业和信息化局' }),
        ),
      ).toEqual([]);
    });
    it.each([
      '淮安市人民政府',
      '淄博市市场监督管理局',
      '淄博市住房和城乡建设局',
      '淄博市城市管理局',
      '山东省科学技术厅',
      '北京市人民政府',
      '广州市人民政府',
    ])('%s (provincial or 设区的市) may report 规章', (agency) => {
      expect(check(activeRegulationsAtCountyLevel, withRegulations(agency))).toEqual([]);
    });
    it('unknown agency stays quiet', () => {
      const r = withRegulations('x');
      r.agency = null;
      expect(check(activeRegulationsAtCountyLevel, r)).toEqual([]);
    });
    it('a text cell is not a count', () => {
      const r = buildBalancedReport({ agency: '张店区科学技术局' });
      setDocument(r, 'regulations', 'effective', textCell('无规章'));
      expect(check(activeRegulationsAtCountyLevel, r)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it.each([
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
    ])('%s (county level or lower) reports 规章', (agency) => {
      const r = withRegulations(agency);
      const out = check(activeRegulationsAtCountyLevel, r);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        ruleId: 'active/regulations-at-county-level',
        severity: 'warning',
        table: 'activeDisclosure',
        row: 'regulations',
        pos: r.tables.activeDisclosure!.regulations.effective.pos,
      });
    });
    it('points at the first non-zero cell', () => {
      const r = buildBalancedReport({ agency: '张店区科学技术局' });
      setDocumentRow(r, 'regulations', 1, 0, 1);
      expect(check(activeRegulationsAtCountyLevel, r)[0]!.pos).toEqual(
        r.tables.activeDisclosure!.regulations.issued.pos,
      );
    });
  });

  it('agency levels', () => {
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
