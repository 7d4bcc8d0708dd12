/**
 * The briefing (年报审查情况通报): what the office reports to its leadership and to every unit.
 * Every figure comes from briefingFacts() (briefing-facts.ts); this module only words them, with
 * the tables and charts of briefing-blocks.ts.
 */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { at } from '../../model/checked';
import { SEVERITIES, SEVERITY_LABELS, OUTPUT_CREATOR, OUTPUT_MARKER } from '../../model/glossary';
import { INDICATOR_DEFS, formatIndicator, indicatorsOf } from '../../indicators';
import { AGENCY_KIND_LABELS } from '../../workspace/agency-kind';
import { chineseNumeral } from '../location';
import {
  briefingFacts,
  type BriefingFacts,
  type BriefingInput,
  type YearOnYearFacts,
} from './briefing-facts';
import { barChart, caption, table } from './briefing-blocks';
import { chineseDate, documentDates, fillTemplate } from './settings';
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
    const top = at(facts.byGroup, 0);
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
    const first = at(facts.ranking, 0);
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
