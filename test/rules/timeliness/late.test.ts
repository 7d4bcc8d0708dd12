import { describe, expect, it } from 'vitest';
import { timelinessLate } from '../../../src/core/rules/timeliness/late';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';

function dated(
  agency: string,
  date: string,
  kind: 'published' | 'signature' = 'published',
): ReportModel {
  const r = buildReport({ agency, year: 2023 });
  r.dates = [{ date, kind, pos: { block: 77, start: 5, end: 15 }, quote: date }];
  return r;
}

describe('timeliness/late', () => {
  it('is quiet without dates and on time', () => {
    expect(check(timelinessLate, buildReport())).toEqual([]);
    expect(check(timelinessLate, dated('临淄区工业和信息化局', '2024-01-31'))).toEqual([]);
    expect(check(timelinessLate, dated('淄博市临淄区人民政府', '2024-02-18'))).toEqual([]);
  });

  it('reports a department published after 1月31日 of the next year, at the date', () => {
    const found = check(timelinessLate, dated('临淄区工业和信息化局', '2024-02-01'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'timeliness/late',
      severity: 'error',
      quote: '2024-02-01',
      pos: { block: 77, start: 5, end: 15 },
    });
  });

  it('gives 人民政府 until 3月31日', () => {
    expect(check(timelinessLate, dated('淄博市临淄区人民政府', '2024-03-31', 'signature'))).toEqual(
      [],
    );
    expect(
      check(timelinessLate, dated('淄博市临淄区人民政府', '2024-04-01', 'signature')),
    ).toHaveLength(1);
  });

  it('uses the configured deadlines', () => {
    const r = dated('临淄区工业和信息化局', '2024-02-01');
    expect(
      check(timelinessLate, r, { deadlines: { department: '02-15', government: '03-31' } }),
    ).toEqual([]);
    expect(
      check(timelinessLate, dated('淄博市临淄区人民政府', '2024-02-18'), {
        deadlines: { department: '01-31', government: '02-10' },
      }),
    ).toHaveLength(1);
  });

  it('reports a date repeated by a web page once', () => {
    const r = dated('临淄区工业和信息化局', '2024-03-01');
    r.dates.push({ ...r.dates[0]!, pos: { block: 3 } });
    expect(check(timelinessLate, r)).toHaveLength(1);
  });
});
