import { expect } from 'vitest';
import { consistencyApplicationCount } from '../../../src/core/rules/consistency/application-count';
import { must } from '../../../src/core/model/checked';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport, setApplicationRow, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { ruleTester } from '../../support/rule-tester';

/** Seed 002's table 三 totals: 新收 169, 上年结转 6, 办结 168, 结转 7. */
function seed002Like(text: string[]): ReportModel {
  const r = buildReport({ year: 2023, agency: '淄博市临淄区人民政府' });
  setApplicationRow(r, 'newReceived', [167, 2]);
  setApplicationRow(r, 'carriedOver', [6]);
  setApplicationRow(r, 'granted', [100, 2]);
  setApplicationRow(r, 'unableToProvide.notHeld', [66]);
  setApplicationRow(r, 'totalProcessed', [166, 2]);
  setApplicationRow(r, 'carriedForward', [7]);
  setSectionText(r, 'overview', text);
  return r;
}

const RECEIVED_170 = '全年共受理依申请公开信息170件，办理人大建议5件。';
const received170 = seed002Like([RECEIVED_170]);

const department = seed002Like(['2024 年，局办公室受理政府信息公开申请 17 件。']);
department.agency = '临淄区工业和信息化局';

const wrapped = seed002Like([
  '（二）依申请公开情况。确保依申请答复工作规范高效。2024 年，全区共受理政府',
  '信息公开申请 17 件，均已在法定期限内予以答复。',
]);
must(wrapped.tables.applications).carriedOver.total = {
  value: null,
  raw: '',
  blank: false,
  missing: true,
};
const wrappedFirst = sectionParagraph(wrapped, 'overview');

const old = seed002Like(['共受理依申请公开信息999件。']);
old.template = '2019';

ruleTester.run(consistencyApplicationCount, {
  valid: [
    {
      name: "seed 002's narrative matches its table",
      report: seed002Like([
        '(二)积极开展依申请公开答复2023年,共受理依申请公开信息169件,2022年度结转6件。按时办结数168件,结转2024年度继续办理7件。新受理件数较去年增加61件。',
      ]),
    },
    {
      name: 'accepts "收到申请 N 件" as 新收 + 结转',
      report: seed002Like(['全年共收到政府信息公开申请175件，已全部依法答复。']),
    },
    {
      name: 'a 人民政府 report whose sentence counts only its own office (a narrower scope than the table)',
      report: seed002Like([
        '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。',
      ]),
    },
    {
      name: 'a 人民政府 report: 政府本级 is its own office too',
      report: seed002Like(['政府本级受理政府信息公开申请 17 件。']),
    },
    {
      name: 'ignores comparisons and other subjects',
      report: seed002Like([
        '新受理申请件数较去年增加61件，收到人大建议141件，对信访类申请不予受理3件。',
      ]),
    },
    { name: 'ignores the text of 2019-template reports', report: old },
  ],
  invalid: [
    {
      name: 'a received count that is neither 新收 nor 新收 + 结转, highlighting the statement',
      report: received170,
      findings: [
        {
          ruleId: 'consistency/application-count',
          severity: 'error',
          section: 'overview',
          table: 'applications',
          row: 'newReceived',
          column: 'total',
          expected: 169,
          actual: 170,
          pos: {
            block: sectionParagraph(received170, 'overview').pos.block,
            start: RECEIVED_170.indexOf('受理'),
            end: RECEIVED_170.indexOf('件') + 1,
          },
          messageIncludes: [
            '称「受理依申请公开信息170件」（170 件）',
            '总计为 169',
            '正文与表格不符',
          ],
        },
      ],
    },
    {
      name: 'the same sentence in a department report is checked (its table is its own)',
      report: department,
      findings: [{ expected: 169, actual: 17, messageIncludes: '（17 件）' }],
    },
    {
      name: 'compares with 新收 alone when 上年结转 could not be read, across hard-wrapped lines',
      report: wrapped,
      findings: [
        {
          row: 'newReceived',
          expected: 169,
          actual: 17,
          pos: {
            block: wrappedFirst.pos.block,
            start: wrappedFirst.text.indexOf('受理'),
            end: wrappedFirst.text.length,
          },
          quote: '受理政府信息公开申请 17 件',
          messageIncludes: '受理政府信息公开申请 17 件',
        },
      ],
    },
    {
      name: '上年结转, 办结 and 结转下年度 counts that differ',
      report: seed002Like([
        '共受理依申请公开信息169件，上年结转5件。办结申请160件，结转下年度继续办理9件。',
      ]),
      findings: [
        { row: 'carriedOver', expected: 6, actual: 5, messageIncludes: '（5 件）' },
        { row: 'totalProcessed', expected: 168, actual: 160, messageIncludes: '（160 件）' },
        { row: 'carriedForward', expected: 7, actual: 9, messageIncludes: '（9 件）' },
      ],
      also: (found) => expect(found.every((f) => f.section === 'overview')).toBe(true),
    },
  ],
});
