import { describe, expect, it } from 'vitest';
import { structureMissingContact } from '../../../src/core/rules/structure/missing-contact';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';
import { setPreamble } from '../../support/text-builders';

describe('structure/missing-contact', () => {
  it('is quiet when a phone or an address is given', () => {
    expect(check(structureMissingContact, buildReport())).toEqual([]);
    for (const text of [
      '联系电话：０５３３－２８６９９０７',
      '地址：樟树市政府大楼一楼',
      '如有疑问请致电0795-7333621。',
      '号 ， 邮 编 ： 223100 ， 电 话 ： 051787222589',
    ]) {
      const r = buildReport();
      setPreamble(r, [text]);
      expect(check(structureMissingContact, r)).toEqual([]);
    }
  });

  it('reports a report without contact details (seed 001) as info', () => {
    const r = buildReport();
    setPreamble(r, ['本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。']);
    const found = check(structureMissingContact, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'structure/missing-contact', severity: 'info' });
  });

  it('does not take a date or a count for a phone number', () => {
    const r = buildReport();
    setPreamble(r, [
      '截止 2023 年 12 月 31 日，发布信息 22 条，关注人数1300余人。',
      '167',
      '2',
      '0',
      '0',
      '0',
      '0',
      '169',
    ]);
    expect(check(structureMissingContact, r)).toHaveLength(1);
  });
});
