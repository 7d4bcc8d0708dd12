import { textStaleYear } from '../../../src/core/rules/text/stale-year';
import { buildReport, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { ruleTester } from '../../support/rule-tester';

function withOverview(texts: string[]) {
  const r = buildReport({ year: 2023 });
  setSectionText(r, 'overview', texts);
  return r;
}
const opening = withOverview(['2022年，我局深入贯彻落实政府信息公开条例。']);
const stale = {
  ruleId: 'text/stale-year',
  severity: 'warning' as const,
  section: 'overview' as const,
};

ruleTester.run(textStaleYear, {
  valid: [
    { name: 'the clean report', report: buildReport({ year: 2023 }) },
    {
      name: "comparisons and names of last year's documents",
      report: withOverview([
        '及时公开2022年度决算报告和2023年度预算报告。',
        '共受理依申请公开信息169件,2022年度结转6件。新受理件数较2022年增加61件。',
        '2023年未收到申请，与2022年度情况一致。',
        '2022年度决算报告已按时公开。',
        '对2023年预算和2022年决算情况进行了公开。',
        '2022年以来，我局持续推进政务公开标准化建设。',
        '2022年，我局收到申请5件；2023年，收到申请8件。',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a paragraph opening with the previous year as the current one',
      report: opening,
      findings: [
        {
          ...stale,
          expected: 2023,
          actual: 2022,
          quote: '2022年，',
          pos: { block: sectionParagraph(opening, 'overview').pos.block, start: 0, end: 6 },
          messageIncludes: ['写作「2022年，」', '在2023年度报告中以2022年作为本年度叙述'],
        },
      ],
    },
    {
      name: "the previous year after an item label or a full stop, and 截至 last year's end",
      report: withOverview([
        '（一）主动公开。2022年全年主动公开信息63条。',
        '一是2022年度，本局修订公开指南。',
        '截至2022年12月31日，共发布信息22条。',
      ]),
      findings: [
        {
          ...stale,
          quote: '2022年全年',
          pos: { start: '（一）主动公开。'.length },
          messageIncludes: '「2022年全年」',
        },
        { ...stale, quote: '2022年度，', messageIncludes: '「2022年度，」' },
        { ...stale, quote: '截至2022年12月31日', messageIncludes: '「截至2022年12月31日」' },
      ],
    },
  ],
});
