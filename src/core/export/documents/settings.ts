/**
 * What the office sets once for its letters and its briefing (设置 → 审查意见与通报): who issues
 * them, the wording of the title, opening and closing, the deadline for corrections. Defaults
 * follow the usual 公文 wording; {placeholders} are filled per letter.
 *
 * Dates are ISO yyyy-mm-dd. The core never reads the clock: the CLI and the app pass the issue
 * date (today, unless set), and an empty deadline means issue date + DEFAULT_DEADLINE_DAYS.
 */
import { isIsoDate } from '../../model/dates';

export interface DocumentSettings {
  /** 发文机关 (signature of letters and briefing). */
  office: string;
  /** Letter title; placeholders {单位} {年度}. */
  letterTitle: string;
  /** First paragraph; placeholders {单位} {年度} {报告} {文件}. */
  letterOpening: string;
  /** Closing paragraph; placeholders {期限} {发文机关}. */
  letterClosing: string;
  /** Deadline for corrections (ISO date); '' = issue date + DEFAULT_DEADLINE_DAYS. */
  deadline: string;
  /** Issue date (ISO date); '' = the day the documents are written. */
  issueDate: string;
  /** Briefing title; placeholder {年度}. */
  briefingTitle: string;
  /** Closing section of the briefing (下一步工作要求); placeholder {期限}. */
  briefingClosing: string;
}

export const DEFAULT_DEADLINE_DAYS = 15;

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  office: '县人民政府办公室',
  letterTitle: '关于{单位}{年度}年政府信息公开工作年度报告审查意见的函',
  letterOpening:
    '根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，我们对你单位报送的{报告}（文件：{文件}）进行了审查，发现以下问题：',
  letterClosing:
    '请对照上述问题逐项核实整改，于{期限}前将修改后的年度报告在政府信息公开专栏重新发布，并将整改情况书面报送{发文机关}。',
  deadline: '',
  issueDate: '',
  briefingTitle: '关于{年度}年度政府信息公开工作年度报告审查情况的通报',
  briefingClosing:
    '请各单位对照本通报指出的问题，举一反三、认真整改，于{期限}前完成年度报告的修改和重新发布工作。今后报送年度报告前，要严格按照国办公开办函〔2021〕30号规定的格式逐项核对，确保数据准确、表述规范、按时公开。',
};

const TEXT_KEYS = [
  'office',
  'letterTitle',
  'letterOpening',
  'letterClosing',
  'briefingTitle',
  'briefingClosing',
] as const;
export const MAX_DOCUMENT_TEXT = 2000;

export { isIsoDate };

/** Settings from untrusted JSON (a workspace file, the renderer): unknown keys dropped, bad values replaced by defaults. */
export function normaliseDocumentSettings(raw: unknown): DocumentSettings {
  const out: DocumentSettings = { ...DEFAULT_DOCUMENT_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return out;
  for (const k of TEXT_KEYS) {
    const v: unknown = Reflect.get(raw, k);
    if (typeof v === 'string' && v.trim() && v.length <= MAX_DOCUMENT_TEXT) out[k] = v.trim();
  }
  for (const k of ['deadline', 'issueDate'] as const) {
    const v: unknown = Reflect.get(raw, k);
    if (typeof v === 'string' && (v === '' || isIsoDate(v))) out[k] = v;
  }
  return out;
}

/** Fills {placeholders}; unknown ones stay as written so a typo shows in the document instead of vanishing. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value !== undefined && Object.prototype.hasOwnProperty.call(values, name)
      ? value
      : whole;
  });
}

/** 2025年4月30日 (公文 dates use Arabic numerals, GB/T 9704-2012 7.3.5.1). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Issue date and deadline as used in the documents, from the settings and today's date. */
export function documentDates(
  settings: DocumentSettings,
  today: string,
): { issueDate: string; deadline: string } {
  const issueDate = settings.issueDate || today;
  const deadline = settings.deadline || addDays(issueDate, DEFAULT_DEADLINE_DAYS);
  return { issueDate, deadline };
}

/** A calendar day as yyyy-mm-dd in local time (the CLI and the app pass `new Date()`: "today"). */
export function isoDay(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
