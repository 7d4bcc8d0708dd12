/**
 * rules.md, Sections 五 and 六: `problems/missing-improvements` (warning) — "section 五 does
 * not state both problems and improvements".
 *
 * The body of section 五 (its heading excluded: the title "存在的主要问题及改进情况" says nothing)
 * must name problems (问题, 不足, 差距, 短板, 薄弱, 有待, 不够, 欠缺…) and improvements (改进, 整改,
 * 措施, 举措, 下一步, 今后, 针对…, 将切实抓好/将进一步加强…, 继续加强…). A bare 加强 does not count:
 * "运维管理还需加强" describes a problem. One finding naming what is missing. Quiet when
 * section 五 is missing (structure/missing-section).
 */
import { flatText, sectionOf, sectionPlace } from '../util/text';
import type { ReportRule } from '../types';

const PROBLEMS = /问题|不足|差距|短板|薄弱|有待|不够|欠缺|不到位|不高|不强|不充分|滞后|较少|单一/;
const IMPROVEMENTS =
  /改进|整改|措施|举措|下一步|今后|针对|将[^。；，,;]{0,4}(?:加强|完善|提升|提高|加大|强化|健全|推进|规范|优化|抓好|做好|落实)|继续(?:加强|完善|推进|做好|深化)|计划(?:于|在|通过|开展)|拟(?:于|在|通过|开展)/;

export const problemsMissingImprovements: ReportRule = {
  meta: {
    id: 'problems/missing-improvements',
    severity: 'warning',
    title: '未同时说明问题和改进情况',
    description:
      '第五部分应既说明政府信息公开工作存在的主要问题，也说明改进情况；缺少其中之一时报告。',
  },
  scope: 'report',
  check({ report }) {
    const section = sectionOf(report, 'problems');
    if (!section?.found) return [];
    const text = flatText(section.paragraphs);
    const missing = [
      PROBLEMS.test(text) ? null : '存在的主要问题',
      IMPROVEMENTS.test(text) ? null : '改进情况',
    ].filter((m): m is string => m !== null);
    if (missing.length === 0) return [];
    return [
      {
        section: 'problems',
        ...(section.heading ? { pos: section.heading.pos } : {}),
        message: `${sectionPlace(report, 'problems')}未说明${missing.join('和')}，该部分应既写明存在的主要问题，也写明改进情况。`,
      },
    ];
  },
};
