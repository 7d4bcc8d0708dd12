/**
 * rules.md, Publication: `timeliness/late` (error) — "a publication or signature date found in
 * the document (发布日期, 落款 date) is after the configured deadline (default: 1月31日 for
 * departments, 3月31日 for 人民政府, of the year after the report year)"; quiet when "no date in
 * the document".
 *
 * The deadline is settings.deadlines (MM-DD) in report year + 1: `government` when the agency
 * (or the title) ends with 人民政府 — towns included, since 乡镇 follow local notices and the later
 * date avoids false alarms — or is a 街道办事处 for the same reason; `department` otherwise. An
 * unusable MM-DD setting falls back to the default. One finding per late date and kind (a page
 * repeating its 发布日期 gives one); ISO dates compare as strings. Quiet when the report year is unknown.
 */
import { DEFAULT_SETTINGS } from '../types';
import { isMonthDay } from '../../model/dates';
import { agencyName, isPeoplesGovernment, quoteDraft } from '../util/text';
import type { Draft, ReportRule } from '../types';

export const timelinessLate: ReportRule = {
  meta: {
    id: 'timeliness/late',
    severity: 'error',
    title: '逾期发布',
    description:
      '文中的发布日期或落款日期晚于规定期限（默认：部门为次年1月31日，人民政府为次年3月31日，可在设置中调整）时报告；文中没有日期时不检查。',
  },
  scope: 'report',
  check({ report, settings }) {
    if (report.year === null || report.dates.length === 0) return [];
    const name = agencyName(report);
    const government = isPeoplesGovernment(name) || /街道办事处$/.test(name ?? '');
    const kind = government ? 'government' : 'department';
    const configured = settings.deadlines[kind];
    const monthDay = isMonthDay(configured) ? configured : DEFAULT_SETTINGS.deadlines[kind];
    const deadline = `${report.year + 1}-${monthDay}`;
    const [mm, dd] = monthDay.split('-').map(Number);
    const deadlineText = `${report.year + 1}年${mm}月${dd}日`;
    const out: Draft[] = [];
    const seen = new Set<string>();
    for (const d of report.dates) {
      if (d.date <= deadline || seen.has(`${d.kind}:${d.date}`)) continue;
      seen.add(`${d.kind}:${d.date}`);
      const label = d.kind === 'published' ? '发布日期' : '落款日期';
      const para = report.paragraphs.find((p) => p.pos.block === d.pos.block);
      const start = para ? para.text.indexOf(d.quote) : -1;
      const message = `报告的${label}为「${d.quote}」，晚于${government ? '人民政府' : '部门'}年度报告的发布期限${deadlineText}。`;
      out.push(
        para && start >= 0 && d.pos.start === undefined
          ? quoteDraft(para, start, start + d.quote.length, { message })
          : { quote: d.quote, pos: d.pos, message },
      );
    }
    return out;
  },
};
