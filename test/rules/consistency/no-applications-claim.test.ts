import { consistencyNoApplicationsClaim } from '../../../src/core/rules/consistency/no-applications-claim';
import { buildReport, setApplicationRow, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { ruleTester } from '../../support/rule-tester';

const matching = buildReport();
setApplicationRow(matching, 'newReceived', [3]);
setSectionText(matching, 'overview', [
  '（二）依申请公开。全年收到政府信息公开申请3件，均已按时答复。',
  '全年未收到行政复议申请。',
]);

const saysNone = buildReport();
setApplicationRow(saysNone, 'newReceived', [2, 1]);
setApplicationRow(saysNone, 'carriedOver', [1]);
const saysNoneParagraph = sectionParagraph(saysNone, 'overview', 2);

const otherWays = ['2023 年度，我单位无依申请公开的信息。', '2023年我局没有收到受理依申请公开。'];
function sayingNone(text: string) {
  const r = buildReport();
  setApplicationRow(r, 'carriedOver', [1]);
  setSectionText(r, 'overview', ['（二）依申请公开。依法规范办理。']);
  setSectionText(r, 'applications', [text]);
  return r;
}

const reverse = buildReport();
setSectionText(reverse, 'overview', ['（二）依申请公开。全年共受理依申请公开信息5件。']);
const old = buildReport();
old.template = '2019';
setApplicationRow(old, 'newReceived', [2]);

ruleTester.run(consistencyNoApplicationsClaim, {
  valid: [
    { name: '"未收到申请" matches an all-zero table', report: buildReport() },
    { name: 'counts match a non-zero table', report: matching },
    { name: 'does not read a 2019-template table as a 2021 one', report: old },
  ],
  invalid: [
    {
      name: '"未收到申请" while 一 is non-zero, with table and text numbers',
      report: saysNone,
      findings: [
        {
          ruleId: 'consistency/no-applications-claim',
          severity: 'error',
          section: 'overview',
          table: 'applications',
          expected: 4,
          actual: 0,
          pos: {
            block: saysNoneParagraph.pos.block,
            start: saysNoneParagraph.text.indexOf('未收到'),
          },
          messageIncludes: ['称「未收到', '正文与表格不符'],
        },
      ],
    },
    ...otherWays.map((text) => ({
      name: `recognises another way of saying none: ${text}`,
      report: sayingNone(text),
      findings: [{ section: 'applications' as const, messageIncludes: '但表三' }],
    })),
    {
      name: 'the reverse: applications in the text, an all-zero table',
      report: reverse,
      findings: [
        {
          expected: 0,
          actual: 5,
          section: 'overview',
          messageIncludes: ['称「受理依申请公开信息5件」', '但表三「本年新收」和「上年'],
        },
      ],
    },
  ],
});
