import { describe, expect, it } from 'vitest';
import { corpusCopiedSection } from '../../../src/core/rules/corpus/copied-section';
import { normaliseForSimilarity, similarAtLeast } from '../../../src/core/rules/util/similarity';
import { agencyNames, sectionText } from '../../../src/core/rules/util/similarity-sections';
import { must } from '../../../src/core/model/checked';
import { mergeSettings, runRules } from '../../../src/core/rules/engine';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport, setSectionText } from '../../support/builders';
import { sectionParagraph } from '../../support/text-builders';
import { check, ruleTester } from '../../support/rule-tester';
import { benchCopiedSection, syntheticCorpus, templateCorpus } from '../../bench/corpus-bench';

const PROBLEMS_A = [
  '（一）存在的主要问题。临淄区工业和信息化局政府信息公开工作虽然取得了一定成效，但仍存在信息公开的及时性有待提高、政策解读形式较为单一、工作人员业务能力参差不齐等问题。',
  '（二）改进情况。下一步，临淄区工业和信息化局将健全信息发布机制，丰富政策解读形式，加强业务培训，不断提升政务公开工作水平。',
];
const swap = (texts: string[], from: string, to: string) =>
  texts.map((t) => t.split(from).join(to));

/** Distinct sections 一, so that only section 五 is shared (the builder's default 一 is the same everywhere). */
const OWN_OVERVIEWS: Record<string, string> = {
  临淄区工业和信息化局:
    '围绕工业经济运行和企业服务，全年公开产业政策、技改项目申报通知和专精特新企业认定结果，发布政策解读八篇。',
  张店区科学技术局:
    '张店区科学技术局坚持以人民为中心，围绕科技创新中心工作推进政务公开，全年发布科技政策解读十二篇，开展科技政策进企业活动二十余场。',
  周村区民政局:
    '聚焦社会救助、养老服务和婚姻登记等民生事项，公开低保、特困供养标准和资金发放情况，养老机构名录按季度更新。',
};

function agencyReport(agency: string, problems: string[], year = 2023): ReportModel {
  const r = buildReport({ agency, year });
  setSectionText(r, 'problems', problems);
  setSectionText(r, 'overview', [
    OWN_OVERVIEWS[agency.replace(/\s/g, '')] ??
      `${agency}全年主动公开政府信息，依法办理政府信息公开申请。`,
  ]);
  return r;
}

const swappedA = agencyReport('临淄区工业和信息化局', PROBLEMS_A);
const swappedB = agencyReport(
  '张店区科学技术局',
  swap(PROBLEMS_A, '临淄区工业和信息化局', '张店区科学技术局'),
);

const defaultA = buildReport({ agency: '临淄区工业和信息化局' });
const defaultB = buildReport({ agency: '博山区财政局' });
setSectionText(
  defaultB,
  'overview',
  must(defaultB.sections.find((s) => s.key === 'overview')).paragraphs.map((p) =>
    p.text.replace('120', '87'),
  ),
);
setSectionText(defaultB, 'problems', [
  '（一）存在的问题：财政信息公开的精细化程度不够，预决算公开说明不够通俗，群众理解存在困难。（二）改进措施：编制通俗版预决算说明。',
]);

const boundA = agencyReport('临淄区工业和信息化局', PROBLEMS_A);
const light = swap(PROBLEMS_A, '参差不齐', '有待提升');
const heavy = swap(
  swap(light, '健全信息发布机制', '完善发布审核流程制度'),
  '丰富政策解读形式',
  '拓展图解视频等解读渠道',
);
const boundB = agencyReport('张店区科学技术局', light);
const boundC = agencyReport('周村区民政局', heavy);

const mostA = agencyReport('临淄区工业和信息化局', PROBLEMS_A);
const mostB = agencyReport(
  '张店区科学技术局',
  swap(swap(PROBLEMS_A, '临淄区工业和信息化局', '张店区科学技术局'), '参差不齐', '有待提升'),
);
const mostC = agencyReport(
  '周村区民政局',
  swap(PROBLEMS_A, '临淄区工业和信息化局', '周村区民政局'),
);

function shortSections() {
  const a = agencyReport('临淄区工业和信息化局', ['无。']);
  const b = agencyReport('张店区科学技术局', ['无。']);
  setSectionText(a, 'overview', ['详见附件。']);
  setSectionText(b, 'overview', ['详见附件。']);
  return [a, b];
}
const verbatimA = agencyReport('临淄区工业和信息化局', PROBLEMS_A);
const verbatimB = agencyReport('周村区民政局', PROBLEMS_A);
const noAgency = agencyReport('张店区科学技术局', PROBLEMS_A);
noAgency.agency = null;

const copied = {
  ruleId: 'corpus/copied-section',
  severity: 'warning' as const,
  messageIncludes: ['相似度为', '已去除双方单位名称，达到 90% 即提示'],
};
ruleTester.run(corpusCopiedSection, {
  valid: [
    {
      name: 'different sections of different agencies',
      reports: [
        agencyReport('临淄区工业和信息化局', PROBLEMS_A),
        agencyReport('张店区科学技术局', [
          '（一）存在的主要问题。部分栏目更新频率不高，依申请公开答复的规范性仍需加强。',
          '（二）改进情况。建立栏目内容保障机制，每月检查更新情况；编制答复文书范本，组织两期专题培训。',
        ]),
      ],
    },
    {
      name: 'the same agency in two years is series/repeated-problems, not a copy',
      reports: [
        agencyReport('临淄区工业和信息化局', PROBLEMS_A, 2022),
        agencyReport('临淄区 工业和信息化局', PROBLEMS_A, 2023),
      ],
    },
    {
      name: 'the same agency under a title with and without its city is not a copy',
      reports: [
        agencyReport('淄博市临淄区工业和信息化局', PROBLEMS_A, 2022),
        agencyReport('临淄区工业和信息化局', PROBLEMS_A, 2023),
      ],
    },
    { name: 'short formulaic sections are not compared', reports: shortSections() },
    {
      name: 'a report without agency is not compared',
      reports: [agencyReport('临淄区工业和信息化局', PROBLEMS_A), noAgency],
    },
  ],
  invalid: [
    {
      name: 'section 五 copied with the agency name swapped: the finding on the copy',
      reports: [swappedA, swappedB],
      of: swappedB.id,
      findings: [
        {
          ...copied,
          section: 'problems',
          relatedReport: swappedA.id,
          actual: 100,
          pos: sectionParagraph(swappedB, 'problems').pos,
        },
      ],
    },
    {
      name: 'section 五 copied with the agency name swapped: and one on the original',
      reports: [swappedA, swappedB],
      of: swappedA.id,
      findings: [{ ...copied, section: 'problems', relatedReport: swappedB.id }],
    },
    {
      name: "section 五 copied verbatim, the other agency's name left in: compared without it",
      reports: [verbatimA, verbatimB],
      of: verbatimB.id,
      findings: [{ ...copied, section: 'problems', relatedReport: verbatimA.id, actual: 100 }],
      also: () => {
        // Without the cross removal the names alone would keep the pair under 90 %.
        const own = (r: ReportModel) =>
          normaliseForSimilarity(must(sectionText(r, 'problems')).text, agencyNames(r.agency));
        expect(similarAtLeast(own(verbatimA), own(verbatimB), 0.9)).toBeNull();
      },
    },
    {
      name: 'section 一 copied (the default text of both builders), numbers changed',
      reports: [defaultA, defaultB],
      of: defaultB.id,
      findings: [{ ...copied, section: 'overview', relatedReport: defaultA.id }],
    },
    {
      name: '90 % is the bound: a moderately edited copy is caught, a heavily edited one is not',
      reports: [boundA, boundB, boundC],
      findings: [
        { ...copied, relatedReport: boundB.id },
        { ...copied, relatedReport: boundA.id },
      ],
      also: () => {
        const names = (r: ReportModel) => [...agencyNames(boundA.agency), ...agencyNames(r.agency)];
        const sim = (r: ReportModel) =>
          similarAtLeast(
            normaliseForSimilarity(must(sectionText(boundA, 'problems')).text, names(r)),
            normaliseForSimilarity(must(sectionText(r, 'problems')).text, names(r)),
            0,
          );
        expect(sim(boundB)).toBeGreaterThanOrEqual(0.9);
        expect(sim(boundC)).toBeLessThan(0.9);
      },
    },
    {
      name: 'one finding per report and section, naming the most similar report',
      reports: [mostA, mostB, mostC],
      of: mostA.id,
      findings: [{ ...copied, section: 'problems', relatedReport: mostC.id }],
    },
  ],
});

describe('corpus/copied-section at scale', () => {
  describe('scale', () => {
    it('finds exactly the pairs an all-pairs comparison finds (60 synthetic reports)', () => {
      const { reports, planted } = syntheticCorpus(60);
      const brute = new Set<string>();
      for (const key of ['overview', 'problems'] as const) {
        for (let i = 0; i < reports.length; i++) {
          for (let j = i + 1; j < reports.length; j++) {
            const a = reports[i]!;
            const b = reports[j]!;
            const names = [...agencyNames(a.agency), ...agencyNames(b.agency)];
            const x = normaliseForSimilarity(sectionText(a, key)!.text, names).replace(
              /[0-9]+/g,
              '#',
            );
            const y = normaliseForSimilarity(sectionText(b, key)!.text, names).replace(
              /[0-9]+/g,
              '#',
            );
            if (similarAtLeast(x, y, 0.9) !== null)
              brute.add(`${a.id}|${b.id}|${key}`).add(`${b.id}|${a.id}|${key}`);
          }
        }
      }
      const found = check(corpusCopiedSection, reports).map((f) => f.section);
      expect(brute.size).toBe(planted.length * 2);
      expect(found).toHaveLength(brute.size);
    });
    it('one template shared by 200 agencies: every report gets one finding for section 五', () => {
      const reports = templateCorpus(200);
      const out = check(corpusCopiedSection, reports).filter((f) => f.section === 'problems');
      expect(out).toHaveLength(200);
      expect(out.every((f) => f.relatedReport !== undefined && (f.actual ?? 0) >= 90)).toBe(true);
    });
    // Its time is printed by test/bench/corpus-bench.ts; a test asserts what is found, not how fast.
    it('500 reports: exactly the planted copies', () => {
      const { found, planted } = benchCopiedSection(500);
      expect(found).toHaveLength(planted.length * 2);
      for (const [copy, original, key] of planted) {
        expect(found).toContainEqual([copy, original, key]);
        expect(found).toContainEqual([original, copy, key]);
      }
    });
  });
});

describe('corpus/copied-section reports its progress', () => {
  it('through runRules: rising shares of the rule, the last at the whole, the findings unchanged', () => {
    const { reports } = syntheticCorpus(60);
    const calls: { done: number; total: number; fraction: number }[] = [];
    const followed = runRules(reports, {}, [corpusCopiedSection], {
      onRule: (done, total, _scope, fraction) => {
        if (fraction !== undefined) calls.push({ done, total, fraction });
      },
    });
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.every((c) => c.done === 0 && c.total === 1)).toBe(true);
    const fractions = calls.map((c) => c.fraction);
    for (const [i, f] of fractions.entries())
      if (i > 0) expect(f).toBeGreaterThan(fractions[i - 1]!);
    expect(fractions.at(-1)).toBe(1);
    expect([...followed]).toEqual([...runRules(reports, {}, [corpusCopiedSection])]);
  });

  it('calls the context progress with rising values that end at the total', () => {
    const { reports } = syntheticCorpus(30);
    const seen: [number, number][] = [];
    corpusCopiedSection.check({
      reports,
      settings: mergeSettings(),
      progress: (done, total) => seen.push([done, total]),
    });
    expect(seen.length).toBeGreaterThan(30);
    for (const [i, [done]] of seen.entries())
      if (i > 0) expect(done).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(seen.at(-1)).toEqual([2, 2]);
  });
});
