import { describe, expect, it } from 'vitest';
import { structureOverviewAspectMissing } from '../../../src/core/rules/structure/overview-aspect-missing';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { dropSection } from '../../support/text-builders';

describe('structure/overview-aspect-missing', () => {
  it('is quiet when the five aspects are covered, also under other wording', () => {
    expect(check(structureOverviewAspectMissing, buildReport())).toEqual([]);
    const r = buildReport();
    setSectionText(r, 'overview', [
      '全年主动发布信息63篇。',
      '全年未收到政府信息公开申请。',
      '严格落实保密审查，动态更新公开目录。',
      '及时更新区政府网站栏目，充分发挥政务新媒体作用。',
      '将政务公开纳入年度考核，组织开展督查。',
    ]);
    expect(check(structureOverviewAspectMissing, r)).toEqual([]);
  });

  it('matches words broken over wrapped lines', () => {
    const r = buildReport();
    setSectionText(r, 'overview', [
      '（一）主动公开情况。',
      '（二）依',
      '申请公开情况。',
      '（三）政府信息管',
      '理情况。',
      '（四）平台',
      '建设情况。',
      '（五）监督',
      '保障情况。',
    ]);
    expect(check(structureOverviewAspectMissing, r)).toEqual([]);
  });

  it('reports one finding per aspect left out, at the section heading', () => {
    const r = buildReport();
    setSectionText(r, 'overview', [
      '（一）主动公开。全年主动公开政府信息120条。',
      '（二）依申请公开。全年未收到政府信息公开申请。',
    ]);
    const found = check(structureOverviewAspectMissing, r);
    expect(found).toHaveLength(3);
    expect(
      found.every(
        (f) =>
          f.ruleId === 'structure/overview-aspect-missing' &&
          f.severity === 'warning' &&
          f.section === 'overview',
      ),
    ).toBe(true);
    expect(found[0]!.pos).toEqual(r.sections[0]!.heading!.pos);
  });

  it('is quiet when section 一 is missing (structure/missing-section reports it)', () => {
    const r = buildReport();
    dropSection(r, 'overview');
    expect(check(structureOverviewAspectMissing, r)).toEqual([]);
  });
});
