/**
 * Where a finding sits, written the way a reviewer would write it in a memo:
 *   表三「（七）总计」行「自然人」列 · 表二「行政规范性文件」行「现行有效件数」列 · 表四「行政复议」「总计」
 *   第五部分「存在的主要问题及改进情况」 · 第一部分（三）小标题下第 2 段 · 第一部分第 8 段
 * Pure (model in, string out) so the Excel export and the desktop UI show the same words.
 *
 * Paragraphs are counted with Arabic numerals and no brackets: 「第（八）段」 read as sub-heading
 * （八）. Where a section has sub-headings (paragraphs opening with 「（三）」), a paragraph is counted
 * under the nearest one before it, as a reviewer finds it on the page.
 */
import { findColumnLabel, findRowLabel } from '../model/cells';
import {
  SECTIONS,
  SECTION_NUMERALS,
  TABLE_KEYS,
  TABLE_SHORT,
  type TableKey,
} from '../model/glossary';
import type { Finding, ReportModel, TextParagraph } from '../model/types';

/** Chinese numeral for an ordinal (1 → 一, 12 → 十二, 35 → 三十五); digits beyond 99, where numerals stop reading well. */
export function chineseNumeral(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return digits.charAt(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

/** 「row」行「column」列 for tables 二 and 三; a part is left out when the finding does not name it. */
function rowColumn(row: string | undefined, column: string | undefined): string {
  return `${row ? `「${row}」行` : ''}${column ? `「${column}」列` : ''}`;
}

function describeTable(
  table: TableKey,
  row: string | undefined,
  column: string | undefined,
): string {
  const name = TABLE_SHORT[table];
  // Keys the glossary does not know are left out rather than shown in English to an office user
  // (the find* lookups give undefined for them). A table-三 row may also be a whole group (`denied`).
  const rowName = findRowLabel(table, row);
  const columnName = findColumnLabel(table, column);
  if (table !== 'reviewLitigation') return name + rowColumn(rowName, columnName);
  // Table 四 has groups, not rows in the reader's eye: 表四「行政复议」「总计」.
  return name + (rowName ? `「${rowName}」` : '') + (columnName ? `「${columnName}」` : '');
}

const normalise = (s: string): string => s.replace(/\s+/g, '');

/** The paragraph a finding points at: by source block first, by quoted text second. */
function findParagraph(
  paragraphs: readonly TextParagraph[],
  finding: Finding,
): TextParagraph | undefined {
  const block = finding.pos?.block;
  if (block !== undefined) {
    const byPos = paragraphs.find((p) => p.pos.block === block);
    if (byPos) return byPos;
  }
  const quote = finding.quote ? normalise(finding.quote) : '';
  if (quote) return paragraphs.find((p) => normalise(p.text).includes(quote));
  return undefined;
}

/** 「（三）」 / 「(3)」 opening a paragraph (after Markdown heading marks): a sub-heading label. */
const SUB_LABEL = /^\s*(?:#+\s*)?[（(]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]/;
/** A sub-heading standing alone as a paragraph is short and is not a sentence. */
const HEADING_ONLY_MAX = 30;

function subLabel(p: TextParagraph): { label: string; headingOnly: boolean } | null {
  const m = SUB_LABEL.exec(p.text);
  if (!m?.[1]) return null;
  const rest = p.text.slice(m[0].length).trim();
  return {
    label: `（${m[1]}）`,
    headingOnly: rest.length <= HEADING_ONLY_MAX && !/[。；;]./.test(rest),
  };
}

/**
 * Where paragraph `index` of `paragraphs` sits: 「（三）小标题下第 2 段」 under the nearest sub-heading
 * before it, 「（三）小标题」 for a heading standing alone, else 「第 8 段」 from the start. A heading
 * that runs on into its text (「（三）政府信息管理情况。区工信局……」) is itself 第 1 段 under it.
 */
function paragraphPlace(paragraphs: readonly TextParagraph[], index: number): string {
  for (let i = index; i >= 0; i--) {
    const p = paragraphs[i];
    const sub = p ? subLabel(p) : null;
    if (!sub) continue;
    if (sub.headingOnly && i === index) return `${sub.label}小标题`;
    const n = index - i + (sub.headingOnly ? 0 : 1);
    return `${sub.label}小标题下第 ${n} 段`;
  }
  return `第 ${index + 1} 段`;
}

/** The standard table whose block the finding's position falls in, if any. */
function tableAt(report: ReportModel, finding: Finding): TableKey | undefined {
  const block = finding.pos?.block;
  if (block === undefined) return undefined;
  return TABLE_KEYS.find((k) => report.tablePos[k]?.block === block);
}

export function describeLocation(finding: Finding, report: ReportModel): string {
  if (finding.table) {
    const cell = describeTable(finding.table, finding.row, finding.column);
    // Narrative-against-table findings point at a sentence and name a cell: give both, text first.
    // Only a position that is a paragraph counts (a quote alone may be a cell's own text, e.g. "二十").
    const pos = finding.pos;
    const paragraph =
      pos && pos.row === undefined
        ? report.paragraphs.find((p) => p.pos.block === pos.block)
        : undefined;
    if (!paragraph) return cell;
    const text = describeLocation(
      {
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        pos: paragraph.pos,
      },
      report,
    );
    return text ? `${text}；${cell}` : cell;
  }

  if (finding.section) {
    const def = SECTIONS.find((s) => s.key === finding.section);
    if (!def) return '';
    const part = `第${SECTION_NUMERALS[def.number - 1]}部分`;
    const section = report.sections.find((s) => s.key === finding.section);
    const paragraphs = section?.paragraphs ?? [];
    const hit = findParagraph(paragraphs, finding);
    if (hit) return part + paragraphPlace(paragraphs, paragraphs.indexOf(hit));
    // Text inside one of the standard tables (a label with a typo, a stray bracket): name the table.
    const table = tableAt(report, finding);
    if (table) return `${part} ${TABLE_SHORT[table]}`;
    // The heading itself (numbering, order findings) or the section as a whole; the canonical title
    // reads the same whatever variant the report used.
    return `${part}「${def.title}」`;
  }

  // Outside the six sections: the title or the opening paragraphs before section 一.
  if (finding.pos || finding.quote) {
    if (finding.pos && report.titlePos && finding.pos.block === report.titlePos.block)
      return '标题';
    const preamble = report.paragraphs.filter(
      (p) => p.section === undefined && p.pos.block !== report.titlePos?.block,
    );
    const hit = findParagraph(preamble, finding);
    if (hit) {
      // Paragraphs after section 一 without a section are the closing lines (signature, date).
      const firstHeading = report.headingsInOrder[0]?.pos.block;
      const opening = firstHeading === undefined || hit.pos.block < firstHeading;
      const list = preamble.filter(
        (p) => (firstHeading === undefined || p.pos.block < firstHeading) === opening,
      );
      return `${opening ? '正文开头' : '文末'}第 ${list.indexOf(hit) + 1} 段`;
    }
    // A section found by paragraph: rules may give a pos without naming the section.
    const inSection = findParagraph(report.paragraphs, finding);
    if (inSection?.section)
      return describeLocation({ ...finding, section: inSection.section }, report);
  }
  return '';
}
