import { describe, expect, it } from 'vitest';
import { textStaleYear } from '../../../src/core/rules/text/stale-year';
import { buildReport, setSectionText } from '../../support/builders';
import { check } from '../../support/rule-tester';

describe('text/stale-year', () => {
  it("is quiet on comparisons and names of last year's documents", () => {
    expect(check(textStaleYear, buildReport({ year: 2023 }))).toEqual([]);
    const r = buildReport({ year: 2023 });
    setSectionText(r, 'overview', [
      '及时公开2022年度决算报告和2023年度预算报告。',
      '共受理依申请公开信息169件,2022年度结转6件。新受理件数较2022年增加61件。',
      '2023年未收到申请，与2022年度情况一致。',
      '2022年度决算报告已按时公开。',
      '对2023年预算和2022年决算情况进行了公开。',
      '2022年以来，我局持续推进政务公开标准化建设。',
      '2022年，我局收到申请5件；2023年，收到申请8件。',
    ]);
    expect(check(textStaleYear, r)).toEqual([]);
  });

  it('reports a paragraph opening with the previous year as the current one', () => {
    const r = buildReport({ year: 2023 });
    setSectionText(r, 'overview', ['2022年，我局深入贯彻落实政府信息公开条例。']);
    const found = check(textStaleYear, r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'text/stale-year',
      severity: 'warning',
      section: 'overview',
      expected: 2023,
      actual: 2022,
      quote: '2022年，',
      pos: { block: r.sections[0]!.paragraphs[0]!.pos.block, start: 0, end: 6 },
    });
  });

  it("reports the previous year after an item label or a full stop, and 截至 last year's end", () => {
    const r = buildReport({ year: 2023 });
    setSectionText(r, 'overview', [
      '（一）主动公开。2022年全年主动公开信息63条。',
      '一是2022年度，本局修订公开指南。',
      '截至2022年12月31日，共发布信息22条。',
    ]);
    const found = check(textStaleYear, r);
    expect(found.map((f) => f.quote)).toEqual(['2022年全年', '2022年度，', '截至2022年12月31日']);
    expect(found[0]!.pos!.start).toBe('（一）主动公开。'.length);
  });
});
