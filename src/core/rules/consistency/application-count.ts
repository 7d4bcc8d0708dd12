/**
 * rules.md, Narrative against tables: `consistency/application-count` (error) — "a count stated
 * in the text (新收/受理 N 件, 上年结转 N 件, 办结 N 件, 结转下年度 N 件) differs from the table";
 * quiet when ""收到申请 N 件" equal to 新收 + 结转 (both readings are accepted)".
 *
 * Four kinds of statements are read from section 一 and section 三's text (util/text-claims) and
 * compared with 表三's 总计 column:
 *   收到/受理/新收/接收 N 件 → 一、本年新收, or 一 + 二 (either reading accepted);
 *   上年结转 / (year−1)年度结转 N 件 → 二、上年结转;
 *   办结 N 件 → （七）总计;
 *   结转下年度 / (year+1)年度 N 件 → 四、结转下年度继续办理.
 * expected = the table value, actual = the number in the text; one finding per differing
 * statement. A received count while 一 and 二 are both zero is consistency/no-applications-claim's
 * case and left to it. Skipped unless the report uses the 2021 tables.
 *
 * Quiet, too, on a 人民政府 report's count whose clause names a narrower subject (its own office,
 * "代表区政府", "本级"): the government's table covers its whole system, so the two numbers measure
 * different things (seen in a real 2024 district report: 区政府办 17 件 beside a table total of 95).
 */
import { numericValue } from '../../model/factory';
import { applicationRowName, type ApplicationRowKey } from '../../model/glossary';
import { sameValue } from '../util/compare';
import {
  carriedForwardClaims,
  carriedOverClaims,
  narrowerScope,
  processedClaims,
  receivedClaims,
  type Claim,
} from '../util/text-claims';
import { quoteDraft, sectionPlace } from '../util/text';
import type { Draft, ReportRule } from '../types';

export const consistencyApplicationCount: ReportRule = {
  meta: {
    id: 'consistency/application-count',
    severity: 'error',
    title: '正文申请数与表格不符',
    description:
      '正文所述新收（受理）、上年结转、办结、结转下年度的申请件数与表三总计列不一致时报告；“收到申请N件”等于新收与上年结转之和的也视为一致。',
    values: { expected: '表格', actual: '正文', unit: '件' },
  },
  scope: 'report',
  check({ report }) {
    const table = report.tables.applications;
    if (report.template !== '2021' || !table) return [];
    const value = (row: ApplicationRowKey) => numericValue(table[row].total);
    const received = value('newReceived');
    const carried = value('carriedOver');
    const out: Draft[] = [];
    const compare = (claims: Claim[], row: ApplicationRowKey, accepted: (number | null)[]) => {
      const expected = accepted[0];
      if (expected === null || expected === undefined) return;
      for (const claim of claims) {
        if (narrowerScope(report, claim)) continue;
        if (accepted.some((a) => a !== null && sameValue(a, claim.value))) continue;
        const where = claim.paragraph.section
          ? sectionPlace(report, claim.paragraph.section)
          : '正文';
        const alt =
          accepted.length > 1 && accepted[1] !== null
            ? `（按新收与上年结转之和计为 ${accepted[1]}）`
            : '';
        out.push(
          quoteDraft(claim.paragraph, claim.hit.start, claim.hit.end, {
            table: 'applications',
            row,
            column: 'total',
            expected,
            actual: claim.value,
            message: `${where}称「${claim.hit.text}」（${claim.value} 件），但表三「${applicationRowName(row)}」总计为 ${expected}${alt}，正文与表格不符。`,
          }),
        );
      }
    };
    // Both zero: "收到 N 件" against an empty table is consistency/no-applications-claim's case.
    if (received !== null && received + (carried ?? 0) > 0) {
      compare(
        receivedClaims(report),
        'newReceived',
        carried === null ? [received] : [received, received + carried],
      );
    }
    compare(carriedOverClaims(report), 'carriedOver', [carried]);
    compare(processedClaims(report), 'totalProcessed', [value('totalProcessed')]);
    compare(carriedForwardClaims(report), 'carriedForward', [value('carriedForward')]);
    return out;
  },
};
