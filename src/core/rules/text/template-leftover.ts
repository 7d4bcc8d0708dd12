/**
 * rules.md, Text quality: `text/template-leftover` (warning) — "placeholders or template text
 * remain: XX, ××, 〔〕号 as a document number, instructions copied from the format notice".
 *
 * Searched in every paragraph of the report except web-page chrome: a portal's empty
 * 「文号: 〔〕号」 field (seed 002) is the page's, not the report's. Placeholders: runs of X/Ｘ/×
 * not part of a Latin word (XX局, ××年, 20XX年), an empty document number 〔〕号 / 〔 〕号, blank
 * date fields (「年 月 日」 with only spaces between), and filling instructions (此处填写, 请填写,
 * 根据实际情况填写, 填报说明…). One finding per paragraph, at the first placeholder.
 */
import { findAll, isPageChrome, paragraphPlace, quoteDraft, reportParagraphs } from '../util/text';
import type { Draft, ReportRule } from '../types';

const PLACEHOLDERS: readonly RegExp[] = [
  /(?<![A-Za-z])(?:[XＸ×]{2,}|20[XＸ×]{2}|202[XＸ×])(?![A-Za-z])/,
  /[〔[［【(（]\s*[〕\]］】)）]\s*(?:第\s*)?\d*\s*号/,
  /(?<!\d)\s+年\s+月\s+日/,
  /此处(?:填写|填报|输入)|请(?:填写|填入|在此)|根据(?:本单位)?实际情况(?:填写|填报)|填报说明|填写说明|（?(?:选填|必填)）?[:：]|如无此项/,
];

export const textTemplateLeftover: ReportRule = {
  meta: {
    id: 'text/template-leftover',
    severity: 'warning',
    title: '模板内容未替换',
    description:
      '报告中残留占位符或模板文字（如“XX”“××”、空白文号“〔〕号”、空白日期、照抄的填写说明）时报告。',
  },
  scope: 'report',
  check({ report }) {
    const out: Draft[] = [];
    for (const p of reportParagraphs(report)) {
      if (isPageChrome(p.text)) continue;
      const hits = PLACEHOLDERS.flatMap((re) => findAll(p.text, re)).sort(
        (a, b) => a.start - b.start,
      );
      const hit = hits[0];
      if (!hit) continue;
      const start = hit.start + (hit.text.length - hit.text.trimStart().length);
      out.push(
        quoteDraft(p, start, hit.end, {
          message: `${paragraphPlace(report, p)}残留模板占位内容「${p.text.slice(start, hit.end)}」，请替换为实际内容或删除。`,
        }),
      );
    }
    return out;
  },
};
