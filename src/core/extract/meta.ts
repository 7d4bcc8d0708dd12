/**
 * Title, agency, year, publication/signature dates and the statistics period. The year reported
 * on comes from the title ("2023年政府信息公开工作年度报告"), else from the statistics period,
 * else from the file name; never from the publication date, which falls in the following year.
 */
import { at } from '../model/checked';
import type { ReportModel, SourcePos } from '../model/types';
import { chineseSmallNumber, chineseYear, norm, squeeze } from './text';

export interface Para {
  text: string;
  block: number;
  headingLevel?: number;
}

export interface TitleInfo {
  title: string;
  pos: SourcePos;
  agency: string | null;
  year: number | null;
}

/** Web pages put chrome before the title: "标题: …", breadcrumbs, 索引号. */
const CHROME_PREFIX = /^(?:标\s*题|题\s*名|名\s*称|文件名称)\s*[:：]\s*/;
const TITLE_WORDS = /年度报告|年报/;
const YEAR_IN_TITLE = /((?:19|20)\d{2}|[〇零Oo一二三四五六七八九]{4})\s*年/;

function titleYear(s: string): { year: number; index: number } | null {
  const m = YEAR_IN_TITLE.exec(s);
  if (!m || m[1] === undefined) return null;
  const y = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseYear(m[1]);
  return y === null ? null : { year: y, index: m.index };
}

/** The part of the title before the year (or before 政府信息公开), as written, whitespace removed. */
export function agencyFromTitle(title: string): string | null {
  const t = squeeze(title).replace(CHROME_PREFIX, '');
  const y = titleYear(t);
  let head = y ? t.slice(0, y.index) : (t.split(/政府信息公开|政务公开/)[0] ?? '');
  // "2023年临淄区人民政府政府信息公开工作年度报告": the agency follows the year.
  if (y && !head.replace(/[《「“"（(]/g, '')) {
    const after = t.slice(y.index).replace(YEAR_IN_TITLE, '').replace(/^度/, '');
    head = after.split(/政府信息公开|政务公开|年度报告/)[0] ?? '';
  }
  head = head
    .replace(/(?:关于)?$/, '')
    .replace(/[《「“"（(]+$/, '')
    .replace(/^[《「“"]+/, '');
  if (!head || head.length < 2 || head.length > 40) return null;
  return head;
}

/** Finds the title, possibly broken over two lines, among the first paragraphs. */
export function findTitle(paras: readonly Para[]): TitleInfo | null {
  const limit = Math.min(paras.length, 40);
  let best: number | null = null;
  for (let i = 0; i < limit; i++) {
    const p = at(paras, i);
    const n = norm(p.text);
    if (n.length > 60 || !TITLE_WORDS.test(n) || /[。；]/.test(p.text)) continue;
    // Breadcrumbs ("首页 政务公开 … 政府信息公开年度报告") name no year; a title line does, or
    // its first half on the line before does.
    const prevText = i > 0 ? at(paras, i - 1).text : '';
    if (!YEAR_IN_TITLE.test(squeeze(p.text)) && !YEAR_IN_TITLE.test(squeeze(prevText))) continue;
    if (CHROME_PREFIX.test(p.text.trim())) {
      best ??= i;
      continue;
    }
    best = i;
    break;
  }
  if (best === null) return null;
  const p = at(paras, best);
  let text = p.text.trim().replace(CHROME_PREFIX, '');
  let pos: SourcePos = { block: p.block };
  // "临淄区工业和信息化局" + "2023年政府信息公开工作年度报告", "樟树市工信局2023年政府信息公开工作" + "年度报告".
  const startsBare =
    /^(?:(?:(?:19|20)\d{2}|[〇零Oo一二三四五六七八九]{4})年度?)?(?:政府信息公开|政务公开)?(?:工作)?年度报告/.test(
      squeeze(text),
    );
  const prev = best > 0 ? paras[best - 1] : undefined;
  if (
    startsBare &&
    prev &&
    norm(prev.text).length <= 40 &&
    !/[。；:：]/.test(prev.text) &&
    !CHROME_PREFIX.test(prev.text)
  ) {
    text = `${prev.text.trim()}${text}`;
    pos = { block: prev.block };
  }
  const y = titleYear(squeeze(text));
  return { title: text, pos, agency: agencyFromTitle(text), year: y?.year ?? null };
}

/** "淄博市临淄区人民政府2023年政府信息公开工作年度报告.docx" → agency and year. */
export function fromFileName(fileName: string): { agency: string | null; year: number | null } {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const y = /((?:19|20)\d{2})/.exec(base);
  const year = y ? Number(y[1]) : null;
  const head = squeeze(
    y ? base.slice(0, y.index) : (base.split(/政府信息公开|政务公开|年度报告/)[0] ?? ''),
  ).replace(/[_\-—.·]+$/, '');
  // File names like "000_9d3f07d5fe28c571" carry no agency: require Chinese characters.
  const agency = /[\u4e00-\u9fff]{2,}/.test(head) ? head : null;
  return { agency, year };
}

const DATE_NUM = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
const DATE_CN =
  /([〇零Oo一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseDate(s: string): { date: string; index: number; length: number } | null {
  const a = DATE_NUM.exec(s);
  if (a) {
    const date = iso(Number(a[1]), Number(a[2]), Number(a[3]));
    if (date) return { date, index: a.index, length: a[0].length };
  }
  const b = DATE_CN.exec(s);
  if (b) {
    const y = chineseYear(b[1] ?? '');
    const m = chineseSmallNumber(b[2] ?? '');
    const d = chineseSmallNumber(b[3] ?? '');
    if (y !== null && m !== null && d !== null) {
      const date = iso(y, m, d);
      if (date) return { date, index: b.index, length: b[0].length };
    }
  }
  return null;
}

const PUBLISHED_LABEL = /(发布日期|发布时间|发文日期|成文日期|印发日期|公开日期)\s*[:：]?\s*/g;

/** Publication dates from page chrome and the signature date closing the report. */
export function findDates(paras: readonly Para[]): ReportModel['dates'] {
  const out: ReportModel['dates'] = [];
  const seen = new Set<string>();
  for (const p of paras.slice(0, 60)) {
    for (const m of p.text.matchAll(PUBLISHED_LABEL)) {
      const after = p.text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
      const d = parseDate(after);
      if (!d || d.index > 2) continue;
      const key = `published:${d.date}:${p.block}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const start = (m.index ?? 0) + m[0].length + d.index;
      out.push({
        date: d.date,
        kind: 'published',
        pos: { block: p.block, start, end: start + d.length },
        quote: p.text.slice(m.index ?? 0, start + d.length).trim(),
      });
    }
  }
  // The signature: a short line near the end that is (or ends with) a date.
  const tail = paras.slice(-8);
  for (let i = tail.length - 1; i >= 0; i--) {
    const p = at(tail, i);
    const t = p.text.trim();
    if (t.length > 40 || /[。；]/.test(t)) continue;
    const d = parseDate(t);
    if (!d || t.length - (d.index + d.length) > 2) continue;
    out.push({
      date: d.date,
      kind: 'signature',
      pos: { block: p.block, start: d.index, end: d.index + d.length },
      quote: t,
    });
    break;
  }
  return out;
}

const PERIOD_CUE = /统计期限|统计期间|统计时限|统计时间|统计区间|统计周期|所列数据/;
const PERIOD =
  /((?:19|20)\d{2})\s*年\s*(?:1|一|01)\s*月\s*(?:1|一|01)\s*日\s*(?:起)?\s*[，,]?\s*(?:至|到|—|－|-|~|～)\s*(?:((?:19|20)\d{2})\s*年\s*)?(?:12|十二)\s*月\s*(?:31|三十一)\s*日/;

/** "统计期限自2023年1月1日起，至2023年12月31日止", "统计期限为2023年1月1日至12月31日". */
export function findStatisticsPeriod(paras: readonly Para[]): ReportModel['statisticsPeriod'] {
  for (const p of paras) {
    if (!PERIOD_CUE.test(p.text)) continue;
    const m = PERIOD.exec(p.text);
    if (!m || m[1] === undefined) continue;
    const fromYear = Number(m[1]);
    const toYear = m[2] ? Number(m[2]) : fromYear;
    const cue = PERIOD_CUE.exec(p.text);
    const start = Math.min(cue?.index ?? m.index, m.index);
    const end = m.index + m[0].length + (p.text[m.index + m[0].length] === '止' ? 1 : 0);
    return {
      fromYear,
      toYear,
      quote: p.text.slice(start, end),
      pos: { block: p.block, start, end },
    };
  }
  return undefined;
}
