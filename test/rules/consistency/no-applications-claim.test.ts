import { describe, expect, it } from 'vitest';
import { consistencyNoApplicationsClaim } from '../../../src/core/rules/consistency/no-applications-claim';
import { buildReport, setApplicationRow, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('consistency/no-applications-claim', () => {
  it('is quiet when "未收到申请" matches an all-zero table, and when counts match a non-zero one', () => {
    expect(check(consistencyNoApplicationsClaim, buildReport())).toEqual([]);
    const r = buildReport();
    setApplicationRow(r, 'newReceived', [3]);
    setSectionText(r, 'overview', [
      '（二）依申请公开。全年收到政府信息公开申请3件，均已按时答复。',
      '全年未收到行政复议申请。',
    ]);
    expect(check(consistencyNoApplicationsClaim, r)).toEqual([]);
  });

  it('reports "未收到申请" while 一 is non-zero, with table and text numbers', () => {
    const r = buildReport();
    setApplicationRow(r, 'newReceived', [2, 1]);
    setApplicationRow(r, 'carriedOver', [1]);
    const found = check(consistencyNoApplicationsClaim, r);
    expect(found).toHaveLength(1);
    const p = r.sections[0]!.paragraphs[2]!;
    const start = p.text.indexOf('未收到');
    expect(found[0]).toMatchObject({
      ruleId: 'consistency/no-applications-claim',
      severity: 'error',
      section: 'overview',
      table: 'applications',
      expected: 4,
      actual: 0,
      pos: { block: p.pos.block, start },
    });
  });

  it('recognises other ways of saying none (无依申请, 没有收到受理)', () => {
    for (const text of [
      '2023 年度，我单位无依申请公开的信息。',
      '2023年我局没有收到受理依申请公开。',
    ]) {
      const r = buildReport();
      setApplicationRow(r, 'carriedOver', [1]);
      setSectionText(r, 'overview', ['（二）依申请公开。依法规范办理。']);
      setSectionText(r, 'applications', [text]);
      expect(check(consistencyNoApplicationsClaim, r).map((f) => f.section)).toEqual([
        'applications',
      ]);
    }
  });

  it('reports the reverse: applications in the text, an all-zero table', () => {
    const r = buildReport();
    setSectionText(r, 'overview', ['（二）依申请公开。全年共受理依申请公开信息5件。']);
    const found = check(consistencyNoApplicationsClaim, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ expected: 0, actual: 5, section: 'overview' });
  });

  it('does not read a 2019-template table as a 2021 one', () => {
    const r = buildReport();
    r.template = '2019';
    setApplicationRow(r, 'newReceived', [2]);
    expect(check(consistencyNoApplicationsClaim, r)).toEqual([]);
  });
});
