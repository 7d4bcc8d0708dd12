/**
 * Writes the sample reports shipped with the app (resources/samples/): each seed report (read and
 * extracted with the project's own code) as a Word document, a plausible 2022 report for two of
 * the same agencies (so the cross-year rules have a pair to chain), and one saved web page.
 *
 *   npx tsx scripts/make-samples.ts
 *
 * The 2022 reports are derived from the 2023 ones: years shifted, table 三 built so that its
 * carriedForward equals the 2023 carriedOver per column with every identity holding, table 二's
 * 现行有效件数 rolled back by the 2023 issued/repealed counts, and section 五 reworded.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractReport } from '../src/core/extract';
import { readBytes } from '../src/core/ingest';
import { numericValue } from '../src/core/model/factory';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICANT_PARTS,
  APPLICATION_ROW_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
} from '../src/core/model/glossary';
import type { ReportModel } from '../src/core/model/types';
import { specFromModel, specToDocx, specToHtml, type ReportSpec } from '../test/fixtures';

const ROOT = resolve(__dirname, '..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const OUT = join(ROOT, 'resources/samples');

/** Section 五 of the 2022 reports: each agency words its own (identical text across agencies is a finding). */
const PROBLEMS_2022: readonly string[][] = [
  [
    '（一）存在的主要问题。一是政策解读的形式还不够丰富，图解、视频等解读占比偏低；二是部分栏目信息更新不够及时。',
    '（二）改进情况。下一步将丰富政策解读形式，建立栏目更新提醒机制，定期开展自查，确保信息发布及时准确。',
  ],
  [
    '（一）存在的主要问题。工作人员业务能力有待提升，对新修订条例的理解还不够深入，依申请公开答复的规范性需要加强。',
    '（二）改进情况。我局将组织专题业务培训，学习典型案例，完善依申请公开办理流程和答复文书模板。',
  ],
];

/** Agencies that also get a 2022 report. */
const PRIOR_YEAR_FOR = ['淄博市临淄区人民政府', '临淄区工业和信息化局'];
/** Agency whose report is also written as a saved web page (it was published as one). */
const HTML_FOR = '淄博市临淄区人民政府';

function shiftYears(text: string): string {
  // 2023 → 2022 first, then 2024 → 2023, so a shifted year is never shifted twice.
  return text.replace(/2023/g, '2022').replace(/2024/g, '2023');
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(String(v).replace(/[^\d.-]/g, '')) || 0;
}

function priorYear(model: ReportModel, spec2023: ReportSpec, agencyIndex: number): ReportSpec {
  const spec: ReportSpec = JSON.parse(JSON.stringify(spec2023)) as ReportSpec;
  spec.titleLines = spec.titleLines.map(shiftYears);
  spec.preamble = spec.preamble.map(shiftYears);
  spec.closing = (spec.closing ?? []).map(shiftYears);
  for (const s of spec.sections) {
    s.paragraphs = s.paragraphs.map(shiftYears);
    if (s.key === 'problems') s.paragraphs = PROBLEMS_2022[agencyIndex % PROBLEMS_2022.length] ?? s.paragraphs;
  }

  // Table 二: roll 现行有效件数 back by this year's issued and repealed counts.
  const ad2023 = model.tables.activeDisclosure;
  for (const row of ['regulations', 'normativeDocuments'] as const) {
    const c = ad2023?.[row];
    const issued = numericValue(c?.issued) ?? 0;
    const repealed = numericValue(c?.repealed) ?? 0;
    const effective2022 = Math.max(0, (numericValue(c?.effective) ?? 0) - issued + repealed);
    const target = spec.tables.activeDisclosure[row];
    target.issued = effective2022 > 0 && row === 'normativeDocuments' ? 1 : 0;
    target.repealed = 0;
    target.effective = effective2022;
  }
  const ad = spec.tables.activeDisclosure;
  ad.licensing = Math.round(num(ad.licensing) * 0.9);
  ad.punishment = Math.round(num(ad.punishment) * 1.1);
  ad.coercion = Math.round(num(ad.coercion) * 0.8);
  ad.administrativeFees = Math.round(num(ad.administrativeFees) * 0.95 * 1000) / 1000;

  // Table 三: carriedForward(2022) = carriedOver(2023); everything else consistent by construction.
  const ap2023 = model.tables.applications;
  const ap = spec.tables.applications;
  for (const r of APPLICATION_ROW_KEYS) for (const c of APPLICANT_COLUMN_KEYS) ap[r][c] = 0;
  for (const c of APPLICANT_PARTS) {
    const carriedForward = numericValue(ap2023?.carriedOver[c]) ?? 0;
    const new2023 = numericValue(ap2023?.newReceived[c]) ?? 0;
    const granted = Math.round(new2023 * 0.6);
    const notHeld = Math.round(new2023 * 0.2);
    const carriedOver = c === 'naturalPerson' && new2023 > 0 ? 2 : 0;
    ap.granted[c] = granted;
    ap['unableToProvide.notHeld'][c] = notHeld;
    ap.totalProcessed[c] = granted + notHeld;
    ap.carriedForward[c] = carriedForward;
    ap.carriedOver[c] = carriedOver;
    ap.newReceived[c] = granted + notHeld + carriedForward - carriedOver;
  }
  for (const r of APPLICATION_ROW_KEYS) ap[r].total = APPLICANT_PARTS.reduce((s, c) => s + num(ap[r][c]), 0);

  // The narrative must tell the same application counts as the rebuilt table 三.
  const overview = spec.sections.find((s) => s.key === 'overview');
  if (overview) {
    const t = (r: (typeof APPLICATION_ROW_KEYS)[number]): number => num(ap[r].total);
    const sentence = `2022年共收到政府信息公开申请${t('newReceived')}件，上年结转${t('carriedOver')}件，办结${t('totalProcessed')}件，结转下年度继续办理${t('carriedForward')}件，均在法定期限内答复。`;
    overview.paragraphs = overview.paragraphs.map((p) => {
      if (!/依申请/.test(p) || !/\d+\s*件/.test(p)) return p;
      const numeral = /^[（(][一二三四五六七八九十\d]+[)）]/.exec(p)?.[0];
      return numeral ? `${numeral}依申请公开情况。${sentence}` : sentence;
    });
  }

  // Table 四: fewer cases, totals consistent.
  const rl = spec.tables.reviewLitigation;
  for (const g of REVIEW_GROUP_KEYS) {
    for (const c of REVIEW_COLUMN_KEYS) rl[g][c] = Math.floor(num(rl[g][c]) / 2);
    rl[g].total = num(rl[g].upheld) + num(rl[g].corrected) + num(rl[g].other) + num(rl[g].pending);
  }
  return spec;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  const write = (name: string, bytes: Buffer): void => {
    writeFileSync(join(OUT, name), bytes);
    written.push(`${name}（${(bytes.length / 1024).toFixed(1)} KB）`);
  };
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const doc = await readBytes(readFileSync(join(SEEDS, file)), file);
    const model = extractReport(doc, { id: file, file });
    const agency = model.agency ?? file.replace(/\.txt$/, '');
    const year = model.year ?? 2023;
    const spec = specFromModel(model);
    const base = `${agency}${year}年政府信息公开工作年度报告`;
    write(`${base}.docx`, await specToDocx(spec, { headingNumerals: 'auto' }));
    if (agency === HTML_FOR) write(`${base}.html`, specToHtml(spec, {}, { encoding: 'gbk', chrome: true }));
    if (PRIOR_YEAR_FOR.includes(agency) && year === 2023) {
      write(`${agency}2022年政府信息公开工作年度报告.docx`, await specToDocx(priorYear(model, spec, PRIOR_YEAR_FOR.indexOf(agency))));
    }
  }
  console.log(`已写入 ${OUT}：\n  ${written.join('\n  ')}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
