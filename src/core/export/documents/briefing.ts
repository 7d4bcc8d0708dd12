/**
 * The briefing (年报审查情况通报): what the office reports to its leadership and to every unit.
 * Every figure comes from briefingFacts(), a pure function of the reports, the selected findings
 * (select.ts: the same findings the letters list) and the coverage; the document only words them.
 *
 * Coverage: the briefing takes the roster's coverage exactly as cli-contract.md shapes it
 * (`coverage: [{ year, expected, submitted, onTime, late, missing, notOnRoster }]`). Without one
 * it infers a coverage from the reports given — submitted = the units that sent a report, expected
 * unknown (no 应报/未报 figures), late = units with an undismissed timeliness/late finding — and
 * the text says it is inferred.
 *
 * Charts are native Word charts (docx's ChartRun: DrawingML with an embedded workbook), not
 * pictures: Word, WPS and LibreOffice draw them with the document's fonts, the office can edit
 * them, and no rasteriser (and no native dependency) is needed to make them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  ruleGroupLabel,
  OUTPUT_CREATOR,
  OUTPUT_MARKER,
} from '../../model/glossary';
import type { CoverageYear, Severity } from '../../model/types';
import { catalogue } from '../../rules/registry';
import {
  INDICATOR_DEFS,
  formatIndicator,
  indicatorInputs,
  indicatorsOf,
  sumInputs,
  type IndicatorInputs,
} from '../../indicators';
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  agencyKind,
  type AgencyKind,
} from '../../workspace/agency-kind';
import { agencyKey, pairYears } from '../../workspace/pairing';
import { chineseNumeral } from '../location';
import { chineseDate, documentDates, fillTemplate, type DocumentSettings } from './settings';
import {
  selectReport,
  type DocumentReport,
  type SelectOptions,
  type SelectedFinding,
} from './select';
import {
  DOCUMENT_STYLES,
  FONTS,
  SIZE,
  TEXT_WIDTH,
  bodyParagraph,
  heading1,
  heading2,
  patchFontTable,
  run,
  sectionOptions,
  signature,
  titleParagraph,
} from './style';

/** One year of the roster's coverage, exactly as cli-contract.md's JSON `coverage` entries. */
export type CoverageEntry = CoverageYear;

export interface BriefingInput extends SelectOptions {
  /**
   * The reports: current versions only (one per unit and year). The briefing covers one year
   * (`year`, default the latest year present); the previous year's reports, when given, only feed
   * the year-on-year comparison; other reports are counted as left out.
   */
  reports: readonly DocumentReport[];
  year?: number;
  /** The roster's coverage (cli-contract.md); absent → inferred from the reports. */
  coverage?: readonly CoverageEntry[];
  /** Unit kinds from the roster's 类别, by unit name; names not listed are classified by agencyKind(). */
  unitKinds?: ReadonlyMap<string, AgencyKind>;
  settings: DocumentSettings;
  today: string;
}

export interface CoverageFacts {
  year: number;
  /** null when inferred (no roster: nobody knows who should have reported). */
  expected: number | null;
  submitted: number;
  onTime: number;
  late: number;
  missing: string[];
  notOnRoster: string[];
  /** Units found late (inferred coverage only: from timeliness/late findings). */
  lateUnits: string[];
  inferred: boolean;
}

export interface GroupCount {
  group: string;
  problems: number;
  /** Units with at least one problem of the group. */
  units: number;
}

export interface UnitRank {
  unit: string;
  kind: AgencyKind;
  error: number;
  warning: number;
  info: number;
  total: number;
  pending: number;
}

export interface TypicalProblem {
  unit: string;
  year: number | null;
  ruleId: string;
  location: string;
  message: string;
  note: string;
  pending: boolean;
}

export interface YearOnYearFacts {
  /** Units with a report in both years (paired as the cross-year rules pair them). */
  units: number;
  newReceived: { now: number | null; previous: number | null; change: number | null };
  review: { now: number | null; previous: number | null; change: number | null };
  litigation: { now: number | null; previous: number | null; change: number | null };
}

export interface BriefingFacts {
  /** The year the briefing covers (one entry; empty when no report has a year). */
  years: number[];
  /** Reports given but not covered: other years (the previous one included) or year unknown. */
  leftOut: number;
  yearOnYear: YearOnYearFacts | null;
  reportCount: number;
  unitCount: number;
  coverage: CoverageFacts[];
  reportsWithProblems: number;
  unitsWithProblems: number;
  problems: number;
  bySeverity: Record<Severity, number>;
  pending: number;
  /** Undecided errors and warnings left out (decisions given, pending not included): said in the text, never silently dropped. */
  unreviewed: number;
  byGroup: GroupCount[];
  /** Rule id → count, for the chart of problems by rule (top rules). */
  byRule: { ruleId: string; title: string; count: number }[];
  ranking: UnitRank[];
  typical: TypicalProblem[];
  indicators: {
    scope: 'all' | AgencyKind;
    label: string;
    reports: number;
    inputs: IndicatorInputs;
  }[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const collator = new Intl.Collator('zh-Hans-CN');

function unitName(r: DocumentReport): string {
  return r.model.agency ?? r.model.file.split(/[\\/]/).pop() ?? r.model.file;
}

function inferCoverage(input: BriefingInput): CoverageFacts[] {
  const years = new Map<number, Map<string, { name: string; late: boolean }>>();
  for (const r of input.reports) {
    if (r.model.year === null) continue;
    const units = years.get(r.model.year) ?? new Map<string, { name: string; late: boolean }>();
    const key = agencyKey(r.model.agency, input.aliases ?? {}) ?? `file:${r.model.file}`;
    const selectedLate =
      selectReport(
        { model: r.model, findings: r.findings.filter((f) => f.ruleId === 'timeliness/late') },
        { ...input, includePending: true },
      ).items.length > 0;
    const unit = units.get(key) ?? { name: unitName(r), late: false };
    unit.late ||= selectedLate;
    units.set(key, unit);
    years.set(r.model.year, units);
  }
  return [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, units]) => {
      const list = [...units.values()];
      const lateUnits = list
        .filter((u) => u.late)
        .map((u) => u.name)
        .sort(collator.compare);
      return {
        year,
        expected: null,
        submitted: list.length,
        onTime: list.length - lateUnits.length,
        late: lateUnits.length,
        missing: [],
        notOnRoster: [],
        lateUnits,
        inferred: true,
      };
    });
}

function yearOnYear(
  current: readonly DocumentReport[],
  previous: readonly DocumentReport[],
  aliases: Record<string, string>,
): YearOnYearFacts | null {
  if (previous.length === 0) return null;
  const pairs = pairYears(
    [...current, ...previous].map((r) => r.model),
    { aliases },
  );
  const currentModels = new Set(current.map((r) => r.model));
  const used = pairs.filter((p) => currentModels.has(p.report));
  if (used.length === 0) return null;
  const now = sumInputs(used.map((p) => indicatorInputs(p.report)));
  const last = sumInputs(used.map((p) => indicatorInputs(p.previous)));
  const entry = (a: number | null, b: number | null) => ({
    now: a,
    previous: b,
    change: a === null || b === null || b === 0 ? null : (a - b) / b,
  });
  return {
    units: used.length,
    newReceived: entry(now.newReceived, last.newReceived),
    review: entry(now.reviewTotal, last.reviewTotal),
    litigation: entry(now.litigationTotal, last.litigationTotal),
  };
}

/** Every figure the briefing states. Pure. */
export function briefingFacts(given: BriefingInput): BriefingFacts {
  const presentYears = [
    ...new Set(given.reports.map((r) => r.model.year).filter((y): y is number => y !== null)),
  ].sort((a, b) => a - b);
  const year = given.year ?? presentYears.at(-1) ?? given.coverage?.at(-1)?.year ?? null;
  const input: BriefingInput = {
    ...given,
    reports: year === null ? given.reports : given.reports.filter((r) => r.model.year === year),
    ...(given.coverage
      ? { coverage: given.coverage.filter((c) => year === null || c.year === year) }
      : {}),
  };
  const previousReports =
    year === null ? [] : given.reports.filter((r) => r.model.year === year - 1);
  const titles = new Map(catalogue().map((m) => [m.id, m.title]));
  const kindOf = (name: string, agency: string | null): AgencyKind =>
    input.unitKinds?.get(name) ?? agencyKind(agency);
  const selected = input.reports.map((r) => ({ report: r, selection: selectReport(r, input) }));
  const unitKey = (r: DocumentReport): string =>
    agencyKey(r.model.agency, input.aliases ?? {}) ?? `file:${r.model.file}`;

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const groups = new Map<string, { problems: number; units: Set<string> }>();
  const rules = new Map<string, number>();
  const ranks = new Map<string, UnitRank>();
  let pending = 0;
  const all: { item: SelectedFinding; unit: string; year: number | null }[] = [];
  for (const { report, selection } of selected) {
    const key = unitKey(report);
    for (const item of selection.items) {
      const f = item.finding;
      bySeverity[f.severity]++;
      if (item.pending) pending++;
      const label = ruleGroupLabel(f.ruleId);
      const g = groups.get(label) ?? { problems: 0, units: new Set<string>() };
      g.problems++;
      g.units.add(key);
      groups.set(label, g);
      rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
      const name = unitName(report);
      const rank = ranks.get(key) ?? {
        unit: name,
        kind: kindOf(name, report.model.agency),
        error: 0,
        warning: 0,
        info: 0,
        total: 0,
        pending: 0,
      };
      rank[f.severity]++;
      rank.total++;
      if (item.pending) rank.pending++;
      ranks.set(key, rank);
      all.push({ item, unit: name, year: report.model.year });
    }
  }

  // Typical problems: the most serious, confirmed before pending, with a reviewer's note first;
  // one per rule and per unit so the examples show the range of problems, 3 to 5 of them.
  const candidates = [...all].sort(
    (a, b) =>
      Number(a.item.pending) - Number(b.item.pending) ||
      SEVERITY_RANK[a.item.finding.severity] - SEVERITY_RANK[b.item.finding.severity] ||
      Number(!a.item.note) - Number(!b.item.note),
  );
  const typical: TypicalProblem[] = [];
  const pick = (distinctUnits: boolean): void => {
    for (const c of candidates) {
      if (typical.length >= 5) return;
      if (typical.some((t) => t.ruleId === c.item.finding.ruleId)) continue;
      if (distinctUnits && typical.some((t) => t.unit === c.unit)) continue;
      if (typical.some((t) => t.message === c.item.finding.message && t.unit === c.unit)) continue;
      typical.push({
        unit: c.unit,
        year: c.year,
        ruleId: c.item.finding.ruleId,
        location: c.item.location,
        message: c.item.finding.message,
        note: c.item.note,
        pending: c.item.pending,
      });
    }
  };
  pick(true);
  if (typical.length < 3) pick(false);

  const kinds = new Map<AgencyKind, IndicatorInputs[]>();
  const allInputs: IndicatorInputs[] = [];
  for (const r of input.reports) {
    const inputs = indicatorInputs(r.model);
    allInputs.push(inputs);
    const kind = kindOf(unitName(r), r.model.agency);
    kinds.set(kind, [...(kinds.get(kind) ?? []), inputs]);
  }

  const reportsWithProblems = selected.filter((s) => s.selection.items.length > 0).length;
  let unreviewed = 0;
  if (input.decisions && !input.includePending) {
    for (const r of input.reports) {
      const withPending = selectReport(r, { ...input, includePending: true }).items.filter(
        (x) => x.pending,
      ).length;
      unreviewed += withPending;
    }
  }
  const inferred = inferCoverage(input);
  // The roster's coverage counts late units without naming them; the reports' own late findings
  // name them, used only when they account for exactly the roster's count.
  const coverage: CoverageFacts[] = input.coverage
    ? input.coverage.map((c) => {
        const names = inferred.find((x) => x.year === c.year)?.lateUnits ?? [];
        return {
          ...c,
          missing: [...c.missing],
          notOnRoster: [...c.notOnRoster],
          lateUnits: names.length === c.late ? names : [],
          inferred: false,
        };
      })
    : inferred;
  return {
    years: year === null ? [] : [year],
    leftOut: given.reports.length - input.reports.length,
    yearOnYear: yearOnYear(input.reports, previousReports, input.aliases ?? {}),
    reportCount: input.reports.length,
    unitCount: new Set(input.reports.map(unitKey)).size,
    coverage,
    reportsWithProblems,
    unitsWithProblems: ranks.size,
    problems: all.length,
    bySeverity,
    pending,
    unreviewed,
    byGroup: [...groups.entries()]
      .map(([group, g]) => ({ group, problems: g.problems, units: g.units.size }))
      .sort((a, b) => b.problems - a.problems || collator.compare(a.group, b.group)),
    byRule: [...rules.entries()]
      .map(([ruleId, count]) => ({ ruleId, title: titles.get(ruleId) ?? ruleId, count }))
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    ranking: [...ranks.values()].sort(
      (a, b) => b.error - a.error || b.total - a.total || collator.compare(a.unit, b.unit),
    ),
    typical,
    indicators: [
      {
        scope: 'all' as const,
        label: '全部单位',
        reports: allInputs.length,
        inputs: sumInputs(allInputs),
      },
      ...AGENCY_KINDS.filter((k) => kinds.has(k)).map((k) => ({
        scope: k,
        label: AGENCY_KIND_LABELS[k],
        reports: kinds.get(k)?.length ?? 0,
        inputs: sumInputs(kinds.get(k) ?? []),
      })),
    ],
  };
}

// ───────────────────────── the document ─────────────────────────

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cellParagraph(
  text: string,
  header: boolean,
  align: 'left' | 'center' | 'right',
): Paragraph {
  return new Paragraph({
    alignment:
      align === 'left'
        ? AlignmentType.LEFT
        : align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    spacing: { line: 300, lineRule: 'auto' },
    children: [run(text, { size: SIZE.table, font: header ? FONTS.heading1 : FONTS.body })],
  });
}

/**
 * A table the width of the text block: header row repeated on every page, rows never split
 * across pages, 小四 text; `align` per column (numbers centred).
 */
function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  align: readonly ('left' | 'center' | 'right')[],
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  // A short table stays on one page with its caption (every row kept with the next); a long one
  // may break between rows, never inside one, and repeats its header row.
  const keepTogether = rows.length <= 12;
  const makeRow = (cells: readonly string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      ...(keepTogether || header ? { keepNext: true } : {}),
      height: { value: 440, rule: HeightRule.ATLEAST },
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: cols[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { left: 80, right: 80 },
            ...(header ? { shading: { fill: 'E7E6E6', type: 'clear', color: 'auto' } } : {}),
            children: [cellParagraph(text, header, header ? 'center' : (align[i] ?? 'left'))],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
    rows: [makeRow(headers, true), ...rows.map((r) => makeRow(r, false))],
  });
}

/** A caption under a table or chart, centred, 小四. */
function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 240 },
    children: [run(text, { size: SIZE.table, font: FONTS.heading1 })],
  });
}

/** A horizontal bar chart, the text block's width; categories top to bottom in the given order. */
function barChart(
  title: string,
  categories: readonly string[],
  values: readonly number[],
  seriesName: string,
): Paragraph {
  // Word draws a bar chart's first category at the bottom: reverse so the largest is on top.
  const cats = [...categories].reverse();
  const vals = [...values].reverse();
  const height = Math.min(520, 90 + cats.length * 34);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ChartRun({
        type: 'bar',
        title: { text: title, font: { size: 12, bold: true } },
        categories: cats,
        series: [{ name: seriesName, values: vals, color: '4472C4' }],
        legend: false,
        font: { name: '黑体' },
        dataLabels: { value: true },
        gapWidth: 60,
        transformation: { width: 580, height },
      }),
    ],
  });
}

const names = (list: readonly string[]): string => list.join('、');

function coverageParagraphs(facts: BriefingFacts): Paragraph[] {
  const out: Paragraph[] = [];
  for (const c of facts.coverage) {
    const y = `${c.year}年度`;
    if (c.inferred) {
      let text = `本次审查未提供应报单位名单，以下情况根据收到的报告推断：${y}共收到 ${c.submitted} 家单位的年度报告，应报、未报单位数无法统计。`;
      text +=
        c.late > 0
          ? `根据报告中的发布或落款日期，按时公开 ${c.onTime} 家，逾期公开 ${c.late} 家（${names(c.lateUnits)}）；未注明日期的报告按按时公开计。`
          : `根据报告中的发布或落款日期，未发现逾期公开的报告（未注明日期的报告按按时公开计）。`;
      out.push(bodyParagraph(text));
      continue;
    }
    const rate =
      c.expected && c.expected > 0
        ? `，报送率 ${formatIndicator(c.submitted / c.expected, 'rate')}`
        : '';
    const lateNames =
      c.late > 0 && c.lateUnits.length === c.late ? `（${names(c.lateUnits)}）` : '';
    let text = `${y}应报送年度报告的单位 ${c.expected ?? 0} 家，已报送 ${c.submitted} 家${rate}；其中按时公开 ${c.onTime} 家，逾期公开 ${c.late} 家${lateNames}；未报送 ${c.missing.length} 家`;
    text += c.missing.length ? `（${names(c.missing)}）。` : '。';
    if (c.notOnRoster.length)
      text += `另收到名单外单位的报告 ${c.notOnRoster.length} 份（${names(c.notOnRoster)}），未计入报送率。`;
    out.push(bodyParagraph(text));
  }
  if (facts.coverage.length === 0)
    out.push(bodyParagraph('本次审查的报告均未能识别报告年度，报送情况无法统计。'));
  return out;
}

function severityText(facts: BriefingFacts): string {
  const parts = SEVERITIES.filter((s) => facts.bySeverity[s] > 0).map(
    (s) => `${SEVERITY_LABELS[s]} ${facts.bySeverity[s]} 个`,
  );
  return parts.length
    ? `（其中${parts.join('、')}${facts.pending ? `；尚待核实 ${facts.pending} 个` : ''}）`
    : '';
}

const INDICATOR_ROWS = INDICATOR_DEFS.filter((d) => d.kind === 'rate');

function briefingChildren(facts: BriefingFacts, input: BriefingInput): (Paragraph | Table)[] {
  const { settings } = input;
  const { issueDate, deadline } = documentDates(settings, input.today);
  const yearText = facts.years.join('、');
  const out: (Paragraph | Table)[] = [
    titleParagraph(fillTemplate(settings.briefingTitle, { 年度: yearText })),
    bodyParagraph('各有关单位：', { indent: false }),
    bodyParagraph(
      `根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号文件要求，${settings.office}对${yearText}年度 ${facts.unitCount} 家单位报送的 ${facts.reportCount} 份政府信息公开工作年度报告进行了审查${
        facts.leftOut
          ? `（另有其他年度或未能识别年度的报告 ${facts.leftOut} 份，未纳入本通报${facts.yearOnYear ? '，上一年度报告仅用于同比' : ''}）`
          : ''
      }。现将审查情况通报如下：`,
    ),
  ];
  let section = 0;
  const h1 = (text: string): Paragraph => heading1(`${chineseNumeral(++section)}、${text}`);

  out.push(h1('报送情况'), ...coverageParagraphs(facts));

  out.push(h1('审查发现的问题'));
  const unreviewed = facts.unreviewed
    ? `另有 ${facts.unreviewed} 个软件检查发现的错误或警告尚未经审查确认，未计入本通报。`
    : '';
  if (facts.problems === 0) {
    out.push(
      bodyParagraph(
        `经审查，本次审查的年度报告未发现${facts.unreviewed ? '经确认' : ''}需要整改的问题。${unreviewed}`,
      ),
    );
  } else {
    out.push(
      bodyParagraph(
        `经审查，${facts.unitsWithProblems} 家单位的 ${facts.reportsWithProblems} 份年度报告存在问题，共 ${facts.problems} 个${severityText(facts)}；其余 ${facts.reportCount - facts.reportsWithProblems} 份报告未发现需要整改的问题。${unreviewed}`,
      ),
    );
    out.push(heading2('（一）问题类别'));
    const top = facts.byGroup[0] as GroupCount;
    out.push(
      bodyParagraph(
        `按问题类别统计，“${top.group}”方面的问题最多，共 ${top.problems} 个，涉及 ${top.units} 家单位。`,
      ),
    );
    out.push(
      table(
        ['序号', '问题类别', '问题数', '涉及单位数'],
        facts.byGroup.map((g, i) => [String(i + 1), g.group, String(g.problems), String(g.units)]),
        [1, 4, 2, 2],
        ['center', 'left', 'center', 'center'],
      ),
    );
    out.push(caption('表1  问题类别统计'));
    const rules = facts.byRule.slice(0, 10);
    out.push(
      barChart(
        '问题数量（按规则）',
        rules.map((r) => r.title),
        rules.map((r) => r.count),
        '问题数',
      ),
    );
    out.push(caption(`图1  问题数量前 ${rules.length} 位的检查规则`));

    out.push(heading2('（二）各单位问题情况'));
    const first = facts.ranking[0] as UnitRank;
    out.push(
      bodyParagraph(
        first.error > 0
          ? `按错误数量排序，${first.unit}的错误最多（错误 ${first.error} 个，问题合计 ${first.total} 个）。各单位问题数量见表2。`
          : `各单位均未发现错误，问题数量最多的是${first.unit}（${first.total} 个）。各单位问题数量见表2。`,
      ),
    );
    out.push(
      table(
        ['序号', '单位', '类别', ...SEVERITIES.map((s) => SEVERITY_LABELS[s]), '合计'],
        facts.ranking.map((u, i) => [
          String(i + 1),
          u.unit,
          AGENCY_KIND_LABELS[u.kind],
          String(u.error),
          String(u.warning),
          String(u.info),
          String(u.total),
        ]),
        [1, 6, 2, 1.2, 1.2, 1.2, 1.2],
        ['center', 'left', 'center', 'center', 'center', 'center', 'center'],
      ),
    );
    out.push(caption('表2  各单位问题数量（按错误数排序）'));
    const units = facts.ranking.slice(0, 10);
    out.push(
      barChart(
        '问题数量（按单位）',
        units.map((u) => u.unit),
        units.map((u) => u.total),
        '问题数',
      ),
    );
    out.push(caption(`图2  问题数量前 ${units.length} 位的单位`));

    out.push(heading2('（三）典型问题'));
    facts.typical.forEach((t, i) => {
      const where = t.location ? `${t.location}：` : '';
      const note = t.note ? `（审查备注：${t.note}）` : '';
      out.push(
        bodyParagraph(
          `${i + 1}.${t.unit}${t.year ? `${t.year}年度报告` : '报告'}${t.pending ? '（待核实）' : ''}，${where}${t.message}${note}`,
        ),
      );
    });
  }

  out.push(h1('主要指标'));
  const all = facts.indicators[0];
  if (all) {
    const ind = indicatorsOf(all.inputs);
    const said: string[] = [];
    if (all.inputs.newReceived !== null)
      said.push(`本年新收政府信息公开申请 ${all.inputs.newReceived} 件`);
    if (ind.completionRate !== null)
      said.push(`依申请公开办结率 ${formatIndicator(ind.completionRate, 'rate')}`);
    if (ind.outcomeShares.granted !== null)
      said.push(`予以公开占办理结果总计的 ${formatIndicator(ind.outcomeShares.granted, 'rate')}`);
    if (all.inputs.reviewTotal !== null)
      said.push(
        `因政府信息公开被申请行政复议 ${all.inputs.reviewTotal} 件${ind.reviewCorrectionRate !== null ? `，纠错率 ${formatIndicator(ind.reviewCorrectionRate, 'rate')}` : ''}`,
      );
    if (all.inputs.litigationTotal !== null)
      said.push(
        `被提起行政诉讼 ${all.inputs.litigationTotal} 件${ind.litigationCorrectionRate !== null ? `，纠错率 ${formatIndicator(ind.litigationCorrectionRate, 'rate')}` : ''}`,
      );
    out.push(
      bodyParagraph(
        said.length
          ? `根据各单位年度报告的统计表，${said.join('；')}。分单位类别的指标见表3（分母为零的指标空白）。`
          : '各单位年度报告均未能提取统计表数据，指标无法计算。',
      ),
    );
    const yoy = facts.yearOnYear;
    if (yoy) {
      const change = (
        label: string,
        e: YearOnYearFacts['newReceived'],
        unit: string,
      ): string | null => {
        if (e.now === null || e.previous === null) return null;
        const how =
          e.change === null
            ? ''
            : e.change > 0
              ? `，增长 ${formatIndicator(e.change, 'rate')}`
              : e.change < 0
                ? `，下降 ${formatIndicator(-e.change, 'rate')}`
                : '，持平';
        return `${label} ${e.now} ${unit}（上年 ${e.previous} ${unit}${how}）`;
      };
      const parts = [
        change('本年新收申请', yoy.newReceived, '件'),
        change('行政复议', yoy.review, '件'),
        change('行政诉讼', yoy.litigation, '件'),
      ].filter((x): x is string => x !== null);
      if (parts.length)
        out.push(
          bodyParagraph(
            `与上年相比，在两个年度均有报告的 ${yoy.units} 家单位中，${parts.join('；')}。`,
          ),
        );
    }
    const scopes = facts.indicators;
    const rows = INDICATOR_ROWS.map((d) => [
      d.label,
      ...scopes.map((s) => formatIndicator(d.get(indicatorsOf(s.inputs)), d.kind)),
    ]);
    rows.unshift(['报告数（份）', ...scopes.map((s) => String(s.reports))]);
    rows.push([
      '本年新收申请（件）',
      ...scopes.map((s) => (s.inputs.newReceived === null ? '' : String(s.inputs.newReceived))),
    ]);
    out.push(
      table(
        ['指标', ...scopes.map((s) => s.label)],
        rows,
        [4, ...scopes.map(() => 2)],
        ['left', ...scopes.map(() => 'center' as const)],
      ),
    );
    out.push(caption('表3  主要指标（按单位类别汇总）'));
  }

  out.push(h1('工作要求'));
  out.push(
    bodyParagraph(
      fillTemplate(settings.briefingClosing, {
        期限: chineseDate(deadline),
        发文机关: settings.office,
      }),
      { keepNext: true },
    ),
  );
  out.push(...signature(settings.office, chineseDate(issueDate)));
  return out;
}

/** The briefing as .docx bytes, and the facts it states (for the caller's summary and tests). */
export async function briefingDocx(
  input: BriefingInput,
): Promise<{ bytes: Uint8Array; facts: BriefingFacts }> {
  const facts = briefingFacts(input);
  const doc = new Document({
    creator: OUTPUT_CREATOR,
    // Marks the file as the tool's own output, so a later audit of the same folder skips it.
    keywords: OUTPUT_MARKER,
    title: fillTemplate(input.settings.briefingTitle, { 年度: facts.years.join('、') }),
    styles: DOCUMENT_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [sectionOptions(briefingChildren(facts, input))],
  });
  return { bytes: await patchFontTable(new Uint8Array(await Packer.toBuffer(doc))), facts };
}
