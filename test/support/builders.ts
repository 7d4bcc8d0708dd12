/**
 * Small model builders for rule tests: a clean 2021-format report that passes every rule,
 * then one change per test case. Build models, not files.
 */
import {
  SECTIONS,
  type ApplicantColumnKey,
  type ApplicationRowKey,
  type ReviewColumnKey,
  type ReviewGroupKey,
  type SectionKey,
} from '../../src/core/model/glossary';
import {
  emptyActiveDisclosure,
  emptyApplications,
  emptyReport,
  emptyReviewLitigation,
  numberCell,
} from '../../src/core/model/factory';
import type { CellValue, ReportModel, TextParagraph } from '../../src/core/model/types';

let counter = 0;

/** Default body text of each section: covers every aspect rules look for. */
export const DEFAULT_SECTION_TEXT: Record<SectionKey, string[]> = {
  overview: [
    '2023年，本局深入贯彻落实政府信息公开条例，扎实推进政务公开工作。',
    '（一）主动公开。全年主动公开政府信息120条。',
    '（二）依申请公开。全年未收到政府信息公开申请。',
    '（三）政府信息管理。动态更新政府信息公开目录，严格落实保密审查。',
    '（四）政府信息公开平台建设。优化政府网站信息公开专栏。',
    '（五）监督保障。将政务公开纳入年度考核，开展业务培训。',
  ],
  activeDisclosure: [],
  applications: [],
  reviewLitigation: [],
  problems: [
    '（一）存在的主要问题。信息公开的及时性有待提高，政策解读形式较为单一。',
    '（二）改进情况。下一步将健全信息发布机制，丰富政策解读形式，加强业务培训。',
  ],
  otherMatters: [
    '（一）本年度未收取信息处理费。',
    '（二）人大代表建议和政协提案办理情况：共承办建议3件，均已按期办结。',
    '（三）年度工作要点落实情况：全面完成年度政务公开工作要点。',
    '（四）政务公开工作创新情况：开设政策问答专栏。',
  ],
};

export interface BuildOptions {
  agency?: string;
  year?: number;
  id?: string;
  /** Replace the body paragraphs of some sections. */
  text?: Partial<Record<SectionKey, string[]>>;
  /** Sections to leave out entirely. */
  omit?: SectionKey[];
  /** Paragraphs before section 一 (after the title). */
  preamble?: string[];
}

/** A clean 2021-format report: six sections, three all-zero tables, statistics period and contact stated. */
export function buildReport(opts: BuildOptions = {}): ReportModel {
  const year = opts.year ?? 2023;
  const agency = opts.agency ?? '临淄区工业和信息化局';
  const id = opts.id ?? `r${++counter}`;
  const r = emptyReport(id, `${id}.docx`, 'docx');
  r.agency = agency;
  r.agencySource = 'title';
  r.year = year;
  r.yearSource = 'title';
  r.template = '2021';
  r.title = `${agency}${year}年政府信息公开工作年度报告`;
  let block = 0;
  const para = (text: string, section?: SectionKey): TextParagraph => ({
    text,
    pos: { block: block++ },
    ...(section ? { section } : {}),
  });
  r.paragraphs.push(para(r.title));
  r.titlePos = { block: 0 };
  const preamble = opts.preamble ?? [
    `本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与本局办公室联系（地址：临淄区雪宫路101号；电话：0533-7857266）。`,
  ];
  for (const t of preamble) r.paragraphs.push(para(t));
  r.statisticsPeriod = {
    fromYear: year,
    toYear: year,
    quote: `${year}年1月1日起至${year}年12月31日止`,
    pos: { block: 1 },
  };
  for (const def of SECTIONS) {
    const section = r.sections.find((s) => s.key === def.key)!;
    if (opts.omit?.includes(def.key)) continue;
    const numeral = '一二三四五六'[def.number - 1] + '、';
    const heading = { key: def.key, text: numeral + def.title, numeral, pos: { block: block } };
    r.paragraphs.push(para(heading.text));
    section.found = true;
    section.heading = heading;
    r.headingsInOrder.push(heading);
    const body = opts.text?.[def.key] ?? DEFAULT_SECTION_TEXT[def.key];
    for (const t of body) {
      const p = para(t, def.key);
      r.paragraphs.push(p);
      section.paragraphs.push(p);
    }
    if (
      def.key === 'activeDisclosure' ||
      def.key === 'applications' ||
      def.key === 'reviewLitigation'
    ) {
      r.tablePos[def.key] = { block: block++ };
    }
  }
  const zero = () => numberCell(0);
  r.tables.activeDisclosure = emptyActiveDisclosure(zero);
  r.tables.applications = emptyApplications(zero);
  r.tables.reviewLitigation = emptyReviewLitigation(zero);
  // Give every cell a distinct position inside its table block, so tests can assert locations.
  const at = (
    table: 'activeDisclosure' | 'applications' | 'reviewLitigation',
    row: number,
    col: number,
    c: CellValue,
  ) => {
    c.pos = { block: r.tablePos[table]!.block, row, col };
  };
  const a = r.tables.applications;
  Object.values(a).forEach((cols, i) =>
    Object.values(cols).forEach((c, j) => at('applications', i + 3, j + 2, c)),
  );
  Object.values(r.tables.reviewLitigation).forEach((cols, i) =>
    Object.values(cols).forEach((c, j) => at('reviewLitigation', 2, i * 5 + j, c)),
  );
  const ad = r.tables.activeDisclosure;
  Object.values(ad.regulations).forEach((c, j) => at('activeDisclosure', 2, j + 1, c));
  Object.values(ad.normativeDocuments).forEach((c, j) => at('activeDisclosure', 3, j + 1, c));
  at('activeDisclosure', 6, 1, ad.licensing);
  at('activeDisclosure', 9, 1, ad.punishment);
  at('activeDisclosure', 10, 1, ad.coercion);
  at('activeDisclosure', 13, 1, ad.administrativeFees);
  return r;
}

/** Sets a table-三 cell, keeping its position. */
export function setApplication(
  r: ReportModel,
  row: ApplicationRowKey,
  col: ApplicantColumnKey,
  value: number | CellValue,
): void {
  const old = r.tables.applications![row][col];
  const cell = typeof value === 'number' ? numberCell(value) : value;
  r.tables.applications![row][col] = { ...cell, ...(old.pos ? { pos: old.pos } : {}) };
}

/** Sets a whole table-三 row from the six applicant values; total = their sum unless given. */
export function setApplicationRow(
  r: ReportModel,
  row: ApplicationRowKey,
  parts: number[],
  total?: number,
): void {
  const cols: ApplicantColumnKey[] = [
    'naturalPerson',
    'commercial',
    'research',
    'publicInterest',
    'legalService',
    'otherOrg',
  ];
  cols.forEach((c, i) => setApplication(r, row, c, parts[i] ?? 0));
  setApplication(r, row, 'total', total ?? parts.reduce((s, v) => s + v, 0));
}

export function setReview(
  r: ReportModel,
  group: ReviewGroupKey,
  col: ReviewColumnKey,
  value: number | CellValue,
): void {
  const old = r.tables.reviewLitigation![group][col];
  const cell = typeof value === 'number' ? numberCell(value) : value;
  r.tables.reviewLitigation![group][col] = { ...cell, ...(old.pos ? { pos: old.pos } : {}) };
}

/** Replaces the body paragraphs of one section (positions renumbered after the existing ones). */
export function setSectionText(r: ReportModel, key: SectionKey, texts: string[]): void {
  const section = r.sections.find((s) => s.key === key)!;
  r.paragraphs = r.paragraphs.filter((p) => p.section !== key);
  let block = 1000 + r.paragraphs.length;
  section.paragraphs = texts.map((text) => ({ text, pos: { block: block++ }, section: key }));
  r.paragraphs.push(...section.paragraphs);
}
