/**
 * rules.md, Sections 五 and 六: `other/optional-item-missing` (info) — "section 六 lacks
 * 建议提案办理 / 工作要点落实 / 创新情况 (one finding listing what is missing)".
 *
 * Items the 2021 notice lists and many provinces require, each recognised by its usual words in
 * the body of section 六: 人大代表建议和政协提案办理 (建议, 提案), 年度政务公开工作要点落实 (工作要点,
 * or a 工作方案/任务 and 落实 together), 政务公开工作创新 (创新). Quiet when section 六 is missing.
 */
import { flatText, sectionOf, sectionPlace } from '../util/text';
import type { ReportRule } from '../types';

const ITEMS: readonly { label: string; pattern: RegExp }[] = [
  { label: '人大代表建议和政协提案办理结果', pattern: /建议|提案/ },
  {
    label: '年度政务公开工作要点落实情况',
    pattern:
      /要点|(?:工作方案|重点工作|工作任务)[^。]{0,16}落实|落实[^。]{0,16}(?:工作方案|重点工作|工作任务)/,
  },
  { label: '政务公开工作创新情况', pattern: /创新/ },
];

export const otherOptionalItemMissing: ReportRule = {
  meta: {
    id: 'other/optional-item-missing',
    severity: 'info',
    title: '其他事项缺少建议列报内容',
    description:
      '第六部分通常还应报告人大代表建议和政协提案办理结果、年度政务公开工作要点落实情况、政务公开工作创新情况；缺少时合并提示。',
  },
  scope: 'report',
  check({ report }) {
    const section = sectionOf(report, 'otherMatters');
    if (!section?.found) return [];
    const text = flatText(section.paragraphs);
    const missing = ITEMS.filter((i) => !i.pattern.test(text)).map((i) => i.label);
    if (missing.length === 0) return [];
    return [
      {
        section: 'otherMatters',
        ...(section.heading ? { pos: section.heading.pos } : {}),
        message: `${sectionPlace(report, 'otherMatters')}未报告${missing.join('、')}，国办公开办函〔2021〕30号所列事项建议一并报告。`,
      },
    ];
  },
};
