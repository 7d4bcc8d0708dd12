/**
 * rules.md, Sections 五 and 六: `other/missing-fee-statement` (error) — "section 六 says nothing
 * about 信息处理费".
 *
 * report-format.md: section 六 must state the 信息处理费 situation (国办函〔2020〕109号); the
 * 行政事业性收费 row of 表二 is another thing. Accepted: 信息处理费 (also "信息公开处理费"), or a
 * statement that no fee was collected for 依申请公开 ("未收取任何费用"). Quiet when section 六 is
 * missing (structure/missing-section).
 */
import { flatText, sectionOf, sectionPlace } from '../util/text';
import type { ReportRule } from '../types';

const FEE =
  /处理费|(?:未|没有|不|无)(?:收取|产生|发生)[^。；]{0,8}费用|收费(?:情况)?[^。；]{0,6}(?:无|为零|为0)/;

export const otherMissingFeeStatement: ReportRule = {
  meta: {
    id: 'other/missing-fee-statement',
    severity: 'error',
    title: '未说明信息处理费收取情况',
    description:
      '第六部分“其他需要报告的事项”应说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况；完全未提及时报告。',
  },
  scope: 'report',
  check({ report }) {
    const section = sectionOf(report, 'otherMatters');
    if (!section?.found) return [];
    if (FEE.test(flatText(section.paragraphs))) return [];
    return [
      {
        section: 'otherMatters',
        ...(section.heading ? { pos: section.heading.pos } : {}),
        message: `${sectionPlace(report, 'otherMatters')}未说明信息处理费的收取情况，应写明本年度是否收取信息处理费（即使未收取也应说明）。`,
      },
    ];
  },
};
