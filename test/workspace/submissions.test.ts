import { describe, expect, it } from 'vitest';
import { numberCell } from '../../src/core/model/factory';
import type { ReportModel } from '../../src/core/model/types';
import { auditModels } from '../../src/core/pipeline';
import { UnitMatcher, dice } from '../../src/core/workspace/identity';
import { inferRoster, rosterFromRows, kindOfName } from '../../src/core/workspace/roster';
import {
  buildWorkspace,
  coverageOf,
  versionMarkerScore,
} from '../../src/core/workspace/submissions';
import { buildReport } from '../support/builders';

function report(
  id: string,
  agency: string,
  year: number,
  name = `${agency}${year}.docx`,
  modifiedMs: number | null = null,
): ReportModel {
  const r = buildReport({ id, agency, year });
  r.file = `/in/${name}`;
  r.fileInfo = { sha256: id, size: 1, modifiedMs };
  return r;
}
const differ = (r: ReportModel, n: number) => {
  if (r.tables.activeDisclosure) r.tables.activeDisclosure.licensing = numberCell(n);
  return r;
};
const none = { roster: null, aliases: {}, versionChoices: {} };

describe('roster', () => {
  it('reads a list with or without headers; kinds, parents and aliases by header', () => {
    const plain = rosterFromRows(
      [['淮安市洪泽区人民政府'], ['洪泽区财政局'], ['高良涧街道办事处'], [''], ['洪泽区财政局']],
      'a.txt',
    );
    expect(plain.units.map((u) => [u.name, u.kind])).toEqual([
      ['淮安市洪泽区人民政府', 'government'],
      ['洪泽区财政局', 'department'],
      ['高良涧街道办事处', 'township'],
    ]);
    const headed = rosterFromRows(
      [
        ['序号', '单位名称', '类别', '上级单位', '别名'],
        ['1', '洪泽区教育局', '部门', '淮安市洪泽区人民政府', '区教育局、洪泽教育局'],
      ],
      'b.xlsx',
    );
    expect(headed.units).toEqual([
      {
        id: 'u1',
        name: '洪泽区教育局',
        kind: 'department',
        parent: '淮安市洪泽区人民政府',
        aliases: ['区教育局', '洪泽教育局'],
      },
    ]);
    expect(kindOfName('岔河镇人民政府')).toBe('township');
  });

  it('infers one unit for a title with and without its city, never merging two cities\u2019 districts', () => {
    const r = inferRoster([
      '洪泽区人民政府',
      '淮安市洪泽区人民政府',
      '南京市鼓楼区教育局',
      '福州市鼓楼区教育局',
      '鼓楼区教育局',
    ]);
    expect(r.inferred).toBe(true);
    const hz = r.units.find((u) => u.name === '淮安市洪泽区人民政府');
    expect(hz?.aliases).toEqual(['洪泽区人民政府']);
    expect(r.units).toHaveLength(4);
  });
});

describe('identity', () => {
  it('matches by name, alias, unique short key; unmatched names get suggestions', () => {
    const m = new UnitMatcher(
      [
        { id: 'u1', name: '淮安市洪泽区人民政府', aliases: [] },
        { id: 'u2', name: '洪泽区教育局', aliases: ['区教育局'] },
      ],
      { 洪泽教体局: '洪泽区教育局' },
    );
    expect(m.match('淮安市洪泽区人民政府')).toEqual({ unitId: 'u1', how: 'name' });
    expect(m.match('洪泽区人民政府')).toEqual({ unitId: 'u1', how: 'short' });
    expect(m.match('区 教育局')).toEqual({ unitId: 'u2', how: 'alias' });
    expect(m.match('洪泽教体局')).toEqual({ unitId: 'u2', how: 'name' });
    const miss = m.match('洪泽区教育和体育局');
    expect(miss.unitId).toBeNull();
    expect(miss.unitId === null && miss.suggestions[0]).toBe('洪泽区教育局');
    expect(dice('abc', 'abc')).toBe(1);
  });
});

describe('submissions', () => {
  it('one submission per unit and year; copies are duplicates; different content are versions, newest current', () => {
    const a = report('a', '临淄区工业和信息化局', 2023, '报告.docx', 1_000_000);
    const copy = report('copy', '临淄区工业和信息化局', 2023, '报告 - 副本.docx', 1_000_500);
    const v2 = differ(
      report('v2', '淄博市临淄区工业和信息化局', 2023, '报告修改稿.docx', 5_000_000),
      7,
    );
    const last = report('p', '临淄区工业和信息化局', 2022, 'x2022.docx');
    const view = buildWorkspace([a, copy, v2, last], none);
    const s23 = view.submissions.find((s) => s.year === 2023)!;
    expect(s23.versions).toEqual(['v2', 'a']);
    expect(s23.current).toBe('v2');
    expect(s23.currentReason).toBe('newest-time');
    expect(s23.duplicates).toEqual([{ of: 'a', files: ['/in/报告 - 副本.docx'] }]);
    expect(view.placements.copy).toMatchObject({ current: false, duplicateOf: 'a' });
    expect(view.placements.a!.current).toBe(false);
    expect(view.placements.v2!.current).toBe(true);
    expect(view.submissions).toHaveLength(2);
    expect(new Set(Object.values(view.placements).map((p) => p.unitKey)).size).toBe(1);
  });

  it('same time: the name\u2019s version word decides; the reviewer\u2019s choice overrides', () => {
    expect(versionMarkerScore('报告（最终）.docx')).toBeGreaterThan(
      versionMarkerScore('报告修改稿v2.docx'),
    );
    expect(versionMarkerScore('报告v3.docx')).toBeGreaterThan(versionMarkerScore('报告v2.docx'));
    expect(versionMarkerScore('报告初稿.docx')).toBeLessThan(versionMarkerScore('报告.docx'));
    const a = report('a', '张店区科学技术局', 2023, '年报.docx', 1000);
    const b = differ(report('b', '张店区科学技术局', 2023, '年报v2.docx', 1500), 3);
    const view = buildWorkspace([a, b], none);
    expect(view.submissions[0]).toMatchObject({ current: 'b', currentReason: 'name-marker' });
    const chosen = buildWorkspace([a, b], {
      ...none,
      versionChoices: { [view.submissions[0]!.key]: '/in/年报.docx' },
    });
    expect(chosen.submissions[0]).toMatchObject({
      current: 'a',
      currentReason: 'chosen',
      versions: ['a', 'b'],
    });
  });

  it('only current versions are paired across years and compared across units', () => {
    const prev = report('p', '樟树市工信局', 2022);
    const old = report('old', '樟树市工信局', 2023, 'old.docx', 1000);
    const cur = differ(report('cur', '樟树市工信局', 2023, 'new.docx', 9_000_000), 5);
    const { findings } = auditModels([prev, old, cur]);
    const related = (id: string) => (findings.get(id) ?? []).filter((f) => f.relatedReport === 'p');
    expect(findings.get('cur')?.some((f) => f.ruleId === 'submission/multiple-versions')).toBe(
      true,
    );
    expect(findings.get('old')?.some((f) => f.ruleId === 'submission/multiple-versions')).toBe(
      false,
    );
    // identical tables to last year: the old version is, the current one is not; only current is paired
    expect(related('old')).toEqual([]);
  });
});

describe('coverage', () => {
  it('with a roster: missing are exactly the roster units without a report; outsiders listed', () => {
    const roster = rosterFromRows([['甲局'], ['乙局'], ['丙局']], '名单.txt');
    const models = [
      report('a', '甲局', 2023),
      report('b', '乙局', 2023),
      report('x', '丁局', 2023),
    ];
    const view = buildWorkspace(models, { ...none, roster });
    expect(coverageOf(view, new Set(['b']))).toEqual([
      {
        year: 2023,
        expected: 3,
        submitted: 2,
        onTime: 1,
        late: 1,
        missing: ['丙局'],
        notOnRoster: ['丁局'],
      },
    ]);
  });

  it('inferred: a unit is expected from its first year on (推断), not before', () => {
    const models = [
      report('a22', '甲局', 2022),
      report('a23', '甲局', 2023),
      report('b23', '乙局', 2023),
      report('c22', '丙局', 2022),
    ];
    const cov = coverageOf(buildWorkspace(models, none), new Set());
    expect(cov).toEqual([
      { year: 2022, expected: 2, submitted: 2, onTime: 2, late: 0, missing: [], notOnRoster: [] },
      {
        year: 2023,
        expected: 3,
        submitted: 2,
        onTime: 2,
        late: 0,
        missing: ['丙局'],
        notOnRoster: [],
      },
    ]);
  });
});

describe('整改 comparison between versions', () => {
  it('a finding in both versions persists, one gone is fixed, a new one is new; cross-report findings carry no mark', async () => {
    const { compareVersions } = await import('../../src/core/workspace/versions');
    const a = report('a', '甲局', 2023, 'a.docx', 1000);
    const b = differ(report('b', '甲局', 2023, 'b.docx', 9_000_000), 5);
    const view = buildWorkspace([a, b], none);
    const f = (ruleId: string, row: string) => ({
      ruleId,
      severity: 'error' as const,
      message: '',
      table: 'applications' as const,
      row,
    });
    const out = compareVersions(
      view.submissions,
      new Map([
        ['a', a],
        ['b', b],
      ]),
      new Map([
        ['a', [f('applications/row-sum', 'newReceived'), f('review/group-sum', 'review')]],
        [
          'b',
          [
            f('applications/row-sum', 'newReceived'),
            f('active/invalid-value', 'licensing'),
            f('submission/multiple-versions', ''),
          ],
        ],
      ]),
    ).get('b')!;
    expect(out.status.get('b')).toEqual(['persists', 'new', null]);
    expect(out.status.get('a')).toEqual(['persists', 'fixed']);
  });
});
