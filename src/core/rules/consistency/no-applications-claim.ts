/**
 * rules.md, Narrative against tables: `consistency/no-applications-claim` (error) — "the text
 * says no applications were received (未收到/无依申请) but 一 or 二 is non-zero, or the text
 * reports applications while the table is all zero".
 *
 * Reads section 一 and section 三's text (util/text-claims). Direction one: a "none received"
 * statement while 表三 一（新收）or 二（上年结转）总计 is non-zero. Direction two: a received
 * count N > 0 ("收到/受理…申请 N 件") while both are zero. expected = the table's 一 + 二,
 * actual = what the text says. Skipped unless the report uses the 2021 tables: a 2019 table is not
 * read as a 2021 one.
 */
import { numericValue } from '../../model/factory';
import { applicationRowName } from '../../model/glossary';
import { noApplicationStatements, receivedClaims } from '../util/text-claims';
import { quoteDraft, sectionPlace } from '../util/text';
import type { Draft, ReportRule } from '../types';

export const consistencyNoApplicationsClaim: ReportRule = {
  meta: {
    id: 'consistency/no-applications-claim',
    severity: 'error',
    title: '“未收到申请”与表格不符',
    description:
      '正文称未收到政府信息公开申请，但表三“本年新收”或“上年结转”不为零；或正文称收到申请，而表三全部为零时报告。',
    values: { expected: '表格', actual: '正文', unit: '件' },
  },
  scope: 'report',
  check({ report }) {
    const table = report.tables.applications;
    if (report.template !== '2021' || !table) return [];
    const received = numericValue(table.newReceived.total);
    const carried = numericValue(table.carriedOver.total);
    if (received === null || carried === null) return [];
    const total = received + carried;
    const out: Draft[] = [];
    if (total > 0) {
      const first = noApplicationStatements(report)[0];
      if (first) {
        const { paragraph, hit } = first;
        out.push(
          quoteDraft(paragraph, hit.start, hit.end, {
            table: 'applications',
            row: 'newReceived',
            column: 'total',
            expected: total,
            actual: 0,
            message: `${paragraph.section ? sectionPlace(report, paragraph.section) : '正文'}称「${hit.text}」，但表三「${applicationRowName('newReceived')}」总计为 ${received}、「${applicationRowName('carriedOver')}」总计为 ${carried}，合计 ${total} 件，正文与表格不符。`,
          }),
        );
      }
    } else {
      const claim = receivedClaims(report).find((c) => c.value > 0);
      if (claim) {
        out.push(
          quoteDraft(claim.paragraph, claim.hit.start, claim.hit.end, {
            table: 'applications',
            row: 'newReceived',
            column: 'total',
            expected: 0,
            actual: claim.value,
            message: `${claim.paragraph.section ? sectionPlace(report, claim.paragraph.section) : '正文'}称「${claim.hit.text}」，但表三「本年新收」和「上年结转」申请数均为 0，正文与表格不符。`,
          }),
        );
      }
    }
    return out;
  },
};
