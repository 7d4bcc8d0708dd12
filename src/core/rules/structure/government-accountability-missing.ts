/**
 * rules.md, Structure: `structure/government-accountability-missing` (warning) — "a 人民政府
 * report does not cover 工作考核、社会评议、责任追究"; quiet when "the report is a department's,
 * town's or street's".
 *
 * Art. 50 of the 条例 asks only 人民政府 reports for "工作考核、社会评议和责任追究结果". The agency
 * (or, failing that, the title) must end with 人民政府 and not be a 镇/乡 government. Each of the
 * three items is recognised by its usual wordings anywhere in the report:
 *   工作考核 — 考核, 考评, 绩效评估;
 *   社会评议 — 社会评议, 评议, 群众/公众/社会评价, 满意度调查/测评, 第三方评估/测评;
 *   责任追究 — 责任追究, 追责, 问责 (a statement that nobody was held responsible also counts).
 * A 政务公开 考核 alone (seed 002) does not cover 社会评议 and 责任追究: one finding lists what is
 * missing.
 */
import {
  agencyName,
  flatText,
  isPeoplesGovernment,
  isTownGovernment,
  reportParagraphs,
} from '../util/text';
import type { ReportRule } from '../types';

const ITEMS: readonly { label: string; pattern: RegExp }[] = [
  { label: '工作考核', pattern: /考核|考评|绩效评估/ },
  {
    label: '社会评议',
    pattern: /评议|(?:群众|公众|社会)(?:评价|满意度)|满意度(?:调查|测评)|第三方(?:评估|测评)/,
  },
  { label: '责任追究', pattern: /责任追究|追究[^。]{0,6}责任|追责|问责/ },
];

export const structureGovernmentAccountabilityMissing: ReportRule = {
  meta: {
    id: 'structure/government-accountability-missing',
    severity: 'warning',
    title: '人民政府报告缺少考核评议追责情况',
    description:
      '人民政府的年度报告还应报告政府信息公开工作考核、社会评议和责任追究结果情况（条例第五十条）；未涉及其中任一项时报告。部门、乡镇、街道的报告不适用。',
  },
  scope: 'report',
  check({ report }) {
    const name = agencyName(report);
    if (!isPeoplesGovernment(name) || isTownGovernment(name)) return [];
    const text = flatText(reportParagraphs(report));
    const missing = ITEMS.filter((i) => !i.pattern.test(text)).map((i) => i.label);
    if (missing.length === 0) return [];
    const overview = report.sections.find((s) => s.key === 'overview');
    return [
      {
        section: 'overview',
        ...(overview?.heading ? { pos: overview.heading.pos } : {}),
        message: `${name}的报告未涉及政府信息公开${missing.join('、')}情况；人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况。`,
      },
    ];
  },
};
