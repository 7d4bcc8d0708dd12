/**
 * rules.md, Structure: `structure/missing-contact` (info) — "no contact details (phone or
 * address) in the report".
 *
 * Contact details count when any paragraph of the report (page chrome excluded) gives a phone
 * number (电话/热线 followed by digits, or a number shaped like 0533-7857266 / a mobile number) or
 * an address (地址：…, 通讯地址, 联系地址). The finding points at the title: the details belong at the
 * beginning of the report.
 */
import { flatText, joinWrapped, reportParagraphs } from '../util/text';
import type { ReportRule } from '../types';

const CONTACT =
  /(?:电话|热线|联系方式|传真)\s*(?:号码)?\s*[:：为是]?\s*[(（]?\d|(?:^|\D)0\d{2,3}\s*[-—－]\s*\d{7,8}(?:\D|$)|(?:^|\D)1[3-9]\d{9}(?:\D|$)|(?:联系|通讯|办公)?地址\s*[:：为是]/;

export const structureMissingContact: ReportRule = {
  meta: {
    id: 'structure/missing-contact',
    severity: 'info',
    title: '未提供联系方式',
    description:
      '报告通常应写明对报告内容有疑问时的联系方式（地址、电话等）；全文找不到电话或地址时提示。',
  },
  scope: 'report',
  check({ report }) {
    // Per paragraph, hard-wrapped lines joined and whitespace removed: PDF text spaces characters
    // out ("电 话 ：") and wraps lines. Not the whole text at once: table cells in a row would join
    // into digit runs that look like phone numbers.
    const found = joinWrapped(reportParagraphs(report)).some((p) => CONTACT.test(flatText([p])));
    if (found) return [];
    // Where the details belong: the beginning of the report, so the finding points at the title.
    return [
      {
        ...(report.titlePos ? { pos: report.titlePos } : {}),
        message:
          '报告中未找到联系方式（地址或电话），建议在报告开头写明对报告有疑问时的联系地址、邮编、电话和电子邮箱。',
      },
    ];
  },
};
