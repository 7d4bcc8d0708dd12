/**
 * Writes the sample reports shipped with the app (resources/samples/): each seed report (read and
 * extracted with the project's own code) as a Word document, a plausible 2022 report for two of
 * the same agencies (so the cross-year rules have a pair to chain), and one saved web page.
 *
 *   npx tsx scripts/make-samples.ts
 *
 * The 2022 reports come from previousYearSpec (test/fixtures/series.ts): carry-over and
 * 现行有效件数 chain into 2023, every identity holds, and each agency words its own section 五.
 *
 * One more 2022 report is deliberately the classic copy-forward case, so that the demo shows the
 * cross-year checks at work (resources/SAMPLES.md says so): 樟树市工信局 2022 keeps the
 * same section 五 as 2023 (series/repeated-problems), states the same 现行有效件数 although 2023
 * repealed a document (series/effective-unchanged), and carries 2 applications forward that the
 * 2023 report does not carry over (series/carry-over).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractReport } from '../src/core/extract';
import { readBytes } from '../src/core/ingest';
import { previousYearSpec, specFromModel, specToDocx, specToHtml } from '../test/fixtures';
import type { ReportSpec } from '../test/fixtures';

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
/** Agency whose 2022 report is made the copy-forward case described above. */
const COPIED_FORWARD_FOR = '樟树市工信局';
/** Agency whose report is also written as a saved web page (it was published as one). */
const HTML_FOR = '淄博市临淄区人民政府';

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  const write = (name: string, bytes: Buffer): void => {
    writeFileSync(join(OUT, name), bytes);
    written.push(`${name}（${(bytes.length / 1024).toFixed(1)} KB）`);
  };
  for (const file of readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const doc = await readBytes(readFileSync(join(SEEDS, file)), file);
    const model = extractReport(doc, { id: file, file });
    const agency = model.agency ?? file.replace(/\.txt$/, '');
    const year = model.year ?? 2023;
    const spec = specFromModel(model);
    const base = `${agency}${year}年政府信息公开工作年度报告`;
    write(`${base}.docx`, await specToDocx(spec, { headingNumerals: 'auto' }));
    if (agency === HTML_FOR)
      write(`${base}.html`, specToHtml(spec, {}, { encoding: 'gbk', chrome: true }));
    if (PRIOR_YEAR_FOR.includes(agency) && year === 2023) {
      write(
        `${agency}2022年政府信息公开工作年度报告.docx`,
        await specToDocx(
          previousYearSpec(spec, { problems: PROBLEMS_2022[PRIOR_YEAR_FOR.indexOf(agency)] ?? [] }),
        ),
      );
    }
    if (agency === COPIED_FORWARD_FOR && year === 2023) {
      write(`${agency}2022年政府信息公开工作年度报告.docx`, await specToDocx(copiedForward(spec)));
    }
  }
  console.log(`已写入 ${OUT}：\n  ${written.join('\n  ')}`);
}

/** The previous year as a copy-forward of this year's report (see the header comment). */
function copiedForward(spec: ReportSpec): ReportSpec {
  const prev = previousYearSpec(spec); // section 五 kept, years shifted: a copy-paste case
  const docs = prev.tables.activeDisclosure.normativeDocuments;
  docs.effective = spec.tables.activeDisclosure.normativeDocuments.effective; // unchanged stock
  const app = prev.tables.applications;
  // A year with 5 applications: 3 granted, 2 carried forward (which 2023 does not carry over).
  const set = (
    row: 'newReceived' | 'granted' | 'totalProcessed' | 'carriedForward',
    n: number,
  ): void => {
    app[row].naturalPerson = n;
    app[row].total = n;
  };
  set('newReceived', 5);
  set('granted', 3);
  set('totalProcessed', 3);
  set('carriedForward', 2);
  return prev;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
