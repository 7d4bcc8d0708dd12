import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/core/model/types';
import { mergeSettings, workspaceOf } from '../../src/core/rules/engine';
import { agencyKey, agencyShortKey, pairConsecutiveYears } from '../../src/core/workspace/pairing';
import { buildReport } from '../support/builders';

/** Pairs through the workspace identity, as the engine does. */
function pair(reports: ReportModel[], aliases: Record<string, string>) {
  return pairConsecutiveYears(reports, workspaceOf(reports, mergeSettings({ aliases })));
}
const ids = (pairs: ReturnType<typeof pairConsecutiveYears>) =>
  pairs.map((p) => [p.report.id, p.previous.id]);

describe('pairing consecutive years', () => {
  it('pairs the same agency in consecutive years only', () => {
    const a22 = buildReport({ id: 'a22', year: 2022 });
    const a23 = buildReport({ id: 'a23', year: 2023 });
    const a21 = buildReport({ id: 'a21', year: 2021 });
    const b22 = buildReport({ id: 'b22', year: 2022, agency: '张店区科学技术局' });
    expect(ids(pair([a23, b22, a22, a21], {}))).toEqual([
      ['a23', 'a22'],
      ['a22', 'a21'],
    ]);
  });

  it('whitespace and aliases', () => {
    const a22 = buildReport({ id: 'a22', year: 2022, agency: '临淄区 工信局' });
    const a23 = buildReport({ id: 'a23', year: 2023, agency: '临淄区工业和信息化局' });
    expect(ids(pair([a22, a23], {}))).toEqual([]);
    expect(ids(pair([a22, a23], { 临淄区工信局: '临淄区工业和信息化局' }))).toEqual([
      ['a23', 'a22'],
    ]);
    expect(agencyKey('临淄区 工信局', {})).toBe('临淄区工信局');
  });

  it('a title with or without its city pairs, when unambiguous', () => {
    expect(agencyShortKey('淄博市临淄区工业和信息化局', {})).toBe('临淄区工业和信息化局');
    expect(agencyShortKey('宜春市樟树市工信局', {})).toBe('樟树市工信局');
    expect(agencyShortKey('淄博市科学技术局', {})).toBe('淄博市科学技术局');
    const a22 = buildReport({ id: 'a22', year: 2022, agency: '淄博市临淄区工业和信息化局' });
    const a23 = buildReport({ id: 'a23', year: 2023, agency: '临淄区工业和信息化局' });
    expect(ids(pair([a22, a23], {}))).toEqual([['a23', 'a22']]);
  });

  it('two cities\u2019 districts of the same name are not mixed up', () => {
    const nj = buildReport({ id: 'nj', year: 2022, agency: '南京市鼓楼区教育局' });
    const fz = buildReport({ id: 'fz', year: 2022, agency: '福州市鼓楼区教育局' });
    const short = buildReport({ id: 'x', year: 2023, agency: '鼓楼区教育局' });
    expect(ids(pair([nj, fz, short], {}))).toEqual([]);
  });
});
