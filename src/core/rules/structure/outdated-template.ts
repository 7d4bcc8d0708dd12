/**
 * rules.md, Structure: `structure/outdated-template` (error) — "the tables use the 2019 trial
 * format or an older structure".
 *
 * Extraction decides the template from tell-tale labels (report-format.md, Outdated templates) and
 * keeps those labels as evidence; this rule reports one finding citing them.
 */
import { TABLE_KEYS } from '../../model/glossary';
import type { ReportRule } from '../types';

export const structureOutdatedTemplate: ReportRule = {
  meta: {
    id: 'structure/outdated-template',
    severity: 'error',
    title: '使用旧版报告格式',
    description:
      '2021 年度起年度报告应使用国办公开办函〔2021〕30号印发的格式；统计表仍为 2019 年试行格式或更早的结构时报告。',
  },
  scope: 'report',
  check({ report }) {
    if (report.template !== '2019' && report.template !== 'pre-2019') return [];
    const which =
      report.template === '2019'
        ? '2019 年试行格式（国办公开办函〔2019〕60号）'
        : '2019 年以前的旧格式';
    const evidence = report.templateEvidence.slice(0, 5);
    const firstTable = TABLE_KEYS.map((k) => report.tablePos[k]).find((p) => p !== undefined);
    return [
      {
        ...(firstTable ? { pos: firstTable } : {}),
        ...(evidence[0] ? { quote: evidence[0] } : {}),
        message: `本报告的统计表使用${which}${evidence.length ? `（表中出现「${evidence.join('」「')}」等旧版栏目）` : ''}，应改用国办公开办函〔2021〕30号规定的格式。`,
      },
    ];
  },
};
