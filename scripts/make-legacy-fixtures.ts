/**
 * Writes the committed binary fixtures of test/fixtures/legacy/ (run once, where LibreOffice is
 * installed; CI never runs this, it reads the committed files):
 *
 *   npx tsx scripts/make-legacy-fixtures.ts
 *
 * - seeds/<seed>.doc: each seed report written as .docx exactly as the parity tests do
 *   (specToDocx of specFromModel, Word auto-numbered headings), then saved by LibreOffice as
 *   Word 97–2003. File names keep the seed name so check-seeds.py can match them.
 * - <seed0>.xls: the tables-only workbook of the first seed (specToXlsx, one sheet per table and
 *   a single-sheet variant) saved by LibreOffice as Excel 97–2003.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractReport } from '../src/core/extract';
import { readBytes } from '../src/core/ingest';
import { specFromModel, specToDocx, specToXlsx } from '../test/fixtures';

const ROOT = resolve(__dirname, '..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const OUT = join(ROOT, 'test/fixtures/legacy');

function soffice(to: string, files: readonly string[], outDir: string): void {
  // A private profile: other LibreOffice users on the machine must not share (and lock) ours.
  const profile = `file://${join(tmpdir(), 'nb-legacy-lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, ...files], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'nb-legacy-'));
  mkdirSync(join(OUT, 'seeds'), { recursive: true });
  const docx: string[] = [];
  const xlsx: string[] = [];
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  for (const file of seeds) {
    const model = extractReport(await readBytes(readFileSync(join(SEEDS, file)), file), { id: file, file });
    const spec = specFromModel(model);
    const base = file.replace(/\.txt$/, '');
    const p = join(work, `${base}.docx`);
    writeFileSync(p, await specToDocx(spec, { headingNumerals: 'auto' }));
    docx.push(p);
    if (file === seeds[0]) {
      for (const layout of ['sheets', 'single'] as const) {
        const x = join(work, `${base}-${layout}.xlsx`);
        writeFileSync(x, await specToXlsx(spec, {}, { layout }));
        xlsx.push(x);
      }
    }
  }
  soffice('doc:MS Word 97', docx, join(OUT, 'seeds'));
  soffice('xls:MS Excel 97', xlsx, work);
  for (const x of xlsx) {
    const name = x.replace(/\.xlsx$/, '.xls').split('/').pop() as string;
    renameSync(join(work, name), join(OUT, name));
  }
  rmSync(work, { recursive: true, force: true });
  console.log(readdirSync(OUT, { recursive: true }).join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
