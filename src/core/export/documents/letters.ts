/**
 * Feedback letters (审查意见): one letter per unit with problems, as separate .docx files or as one
 * document with each letter in its own section (page numbers restart at 1 for each letter).
 *
 * A letter: title, the unit as addressee, an opening that names the report (title, file), the
 * problems grouped by the report's part (一、第三部分「…」), each as "1.位置：说明（审查备注：…）"
 * with 【待核实】 before the ones no reviewer confirmed, a closing paragraph asking for correction
 * by the deadline, and the issuing office and date. Which findings and how they are grouped:
 * select.ts.
 */
import { Document, Packer, type ISectionOptions, type Paragraph } from 'docx';
import { chineseNumeral } from '../location';
import { chineseDate, documentDates, fillTemplate, type DocumentSettings } from './settings';
import { at } from '../../model/checked';
import { SECTION_NUMERALS, OUTPUT_CREATOR, OUTPUT_MARKER } from '../../model/glossary';
import {
  partTitle,
  selectUnits,
  type DocumentReport,
  type PartNumber,
  type PartGroup,
  type SelectOptions,
  type SelectedFinding,
  type SelectedReport,
  type UnitSelection,
} from './select';
import {
  DOCUMENT_STYLES,
  bodyParagraph,
  heading1,
  heading2,
  patchFontTable,
  sectionOptions,
  signature,
  titleParagraph,
} from './style';

export interface LettersInput extends SelectOptions {
  reports: readonly DocumentReport[];
  settings: DocumentSettings;
  /** Today (ISO date): the issue date when the settings leave it empty. */
  today: string;
}

export interface Letter {
  unit: UnitSelection;
  /** Suggested file name: 〈单位〉-审查意见.docx (characters Windows refuses replaced). */
  fileName: string;
  /** Number of problems listed (pending ones included). */
  problems: number;
}

export const PENDING_MARK = '【待核实】';

function fileBase(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** A name safe as a file name on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned.slice(0, 120) || '未识别单位';
}

export function letterFileName(unit: UnitSelection): string {
  return `${safeFileName(unit.name)}-审查意见.docx`;
}

function reportName(report: SelectedReport): string {
  const m = report.model;
  const title = m.title?.replace(/\s+/g, '');
  if (title) return `《${title.replace(/^《|》$/g, '')}》`;
  return `《${m.agency ?? ''}${m.year ?? ''}年政府信息公开工作年度报告》`;
}

function years(unit: UnitSelection): string {
  const list = [
    ...new Set(unit.reports.map((r) => r.model.year).filter((y): y is number => y !== null)),
  ];
  return list.join('、');
}

/**
 * The location as the letter shows it under its part's heading: the part is already named there,
 * so 「第二部分 第（三）段」 becomes 「第（三）段」 and a location that is the part itself is left out.
 */
export function locationUnderPart(location: string, part: PartNumber): string {
  if (part === 7) return location;
  const prefix = `第${SECTION_NUMERALS[part - 1]}部分`;
  if (location === partTitle(part) || location === prefix) return '';
  if (location.startsWith(`${prefix} `)) return location.slice(prefix.length + 1);
  return location;
}

/** "1.表三「（七）总计」行「总计」列：说明（审查备注：…）" — the words tests and readers look for. */
export function itemText(n: number, item: SelectedFinding, part?: PartNumber): string {
  const location = part === undefined ? item.location : locationUnderPart(item.location, part);
  const where = location ? `${location}：` : '';
  const note = item.note ? `（审查备注：${item.note}）` : '';
  return `${n}.${item.pending ? PENDING_MARK : ''}${where}${item.finding.message}${note}`;
}

function groupParagraphs(groups: readonly PartGroup[], level: 1 | 2): Paragraph[] {
  const out: Paragraph[] = [];
  groups.forEach((g, i) => {
    const label =
      level === 1
        ? `${chineseNumeral(i + 1)}、${g.title}`
        : `（${chineseNumeral(i + 1)}）${g.title}`;
    out.push(level === 1 ? heading1(label) : heading2(label));
    g.items.forEach((item, k) => out.push(bodyParagraph(itemText(k + 1, item, g.part))));
  });
  return out;
}

function letterChildren(unit: UnitSelection, input: LettersInput): Paragraph[] {
  const { settings } = input;
  const { issueDate, deadline } = documentDates(settings, input.today);
  const reports = unit.reports;
  const children: Paragraph[] = [
    titleParagraph(fillTemplate(settings.letterTitle, { 单位: unit.name, 年度: years(unit) })),
    bodyParagraph(`${unit.name}：`, { indent: false }),
  ];
  const opening = (r: SelectedReport): string =>
    fillTemplate(settings.letterOpening, {
      单位: unit.name,
      年度: String(r.model.year ?? ''),
      报告: reportName(r),
      文件: fileBase(r.model.file),
    });
  if (reports.length === 1) {
    const r = at(reports, 0);
    children.push(bodyParagraph(opening(r)));
    children.push(...groupParagraphs(r.groups, 1));
  } else {
    // Several reports of one unit (years, or versions): one block per report, parts one level down.
    children.push(
      bodyParagraph(
        fillTemplate(settings.letterOpening, {
          单位: unit.name,
          年度: years(unit),
          报告: reports.map(reportName).join('、'),
          文件: reports.map((r) => fileBase(r.model.file)).join('、'),
        }),
      ),
    );
    reports.forEach((r, i) => {
      children.push(
        heading1(`${chineseNumeral(i + 1)}、${reportName(r)}（文件：${fileBase(r.model.file)}）`),
      );
      children.push(...groupParagraphs(r.groups, 2));
    });
  }
  const pending = reports.some((r) => r.items.some((x) => x.pending));
  const closing = fillTemplate(settings.letterClosing, {
    期限: chineseDate(deadline),
    发文机关: settings.office,
    单位: unit.name,
  });
  if (pending)
    children.push(
      bodyParagraph(`标注${PENDING_MARK}的问题由软件检查发现，尚未经审查人员确认，请一并核实。`),
    );
  children.push(bodyParagraph(closing, { keepNext: true }));
  children.push(...signature(settings.office, chineseDate(issueDate)));
  return children;
}

async function pack(sections: ISectionOptions[], title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: OUTPUT_CREATOR,
    // Marks the file as the tool's own output, so a later audit of the same folder skips it.
    keywords: OUTPUT_MARKER,
    title,
    styles: DOCUMENT_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections,
  });
  return patchFontTable(new Uint8Array(await Packer.toBuffer(doc)));
}

/** The letters to write (units with problems only): unit, file name, count. */
export function planLetters(input: LettersInput): Letter[] {
  return selectUnits(input.reports, input).map((unit) => ({
    unit,
    fileName: letterFileName(unit),
    problems: unit.reports.reduce((n, r) => n + r.items.length, 0),
  }));
}

/** One letter as .docx bytes. */
export async function letterDocx(letter: Letter, input: LettersInput): Promise<Uint8Array> {
  return pack(
    [sectionOptions(letterChildren(letter.unit, input))],
    letter.fileName.replace(/\.docx$/, ''),
  );
}

/** All letters in one document, each in its own section (new page, page numbers from 1). Null when no unit has problems. */
export async function combinedLettersDocx(input: LettersInput): Promise<Uint8Array | null> {
  const letters = planLetters(input);
  if (letters.length === 0) return null;
  return pack(
    letters.map((l) => sectionOptions(letterChildren(l.unit, input))),
    '年报审查意见',
  );
}
