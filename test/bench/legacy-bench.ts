/**
 * Benchmark of the legacy readers against the .docx/.xlsx path on the same reports: the five seed
 * reports as committed .doc (saved by LibreOffice, test/fixtures/legacy/seeds) and as .docx made
 * from the same specs, each read + extracted `--rounds` times (default 40, so 200 reports per
 * format); likewise the tables-only .xls against its .xlsx. Prints reports per second.
 *
 *   npx tsx test/bench/legacy-bench.ts --rounds 40
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { specFromModel, specToDocx, specToXlsx } from '../fixtures';

const SEEDS = join(__dirname, '../../../shared/corpus/seeds');
const LEGACY = join(__dirname, '../fixtures/legacy');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

async function time(
  label: string,
  files: readonly { bytes: Buffer; name: string }[],
  rounds: number,
): Promise<number> {
  // One warm-up round (JIT, lazy module loading) outside the timing.
  for (const f of files)
    extractReport(await readBytes(f.bytes, f.name), { id: f.name, file: f.name });
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const f of files)
      extractReport(await readBytes(f.bytes, f.name), { id: f.name, file: f.name });
  const s = (performance.now() - t0) / 1000;
  const rate = (files.length * rounds) / s;
  console.log(
    `${label.padEnd(34)} ${String(files.length * rounds).padStart(5)} 份  ${s.toFixed(2).padStart(7)} s  ${rate.toFixed(1).padStart(7)} 份/秒`,
  );
  return rate;
}

async function main(): Promise<void> {
  const rounds = arg('rounds', 40);
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const doc: { bytes: Buffer; name: string }[] = [];
  const docx: { bytes: Buffer; name: string }[] = [];
  let xlsx: { bytes: Buffer; name: string } | null = null;
  for (const f of seeds) {
    const base = f.replace(/\.txt$/, '');
    const model = extractReport(await readBytes(readFileSync(join(SEEDS, f)), f), {
      id: f,
      file: f,
    });
    const spec = specFromModel(model);
    docx.push({ bytes: await specToDocx(spec, { headingNumerals: 'auto' }), name: `${base}.docx` });
    doc.push({ bytes: readFileSync(join(LEGACY, 'seeds', `${base}.doc`)), name: `${base}.doc` });
    if (!xlsx)
      xlsx = { bytes: await specToXlsx(spec, {}, { layout: 'sheets' }), name: `${base}.xlsx` };
  }
  const xls = {
    bytes: readFileSync(join(LEGACY, `${seeds[0]?.replace(/\.txt$/, '')}-sheets.xls`)),
    name: 'r.xls',
  };
  const a = await time('.docx（mammoth 路径）读取+提取', docx, rounds);
  const b = await time('.doc（Word 二进制）读取+提取', doc, rounds);
  console.log(`.doc / .docx = ${(b / a).toFixed(2)}×`);
  const c = await time(
    '.xlsx（exceljs）读取+提取',
    [xlsx as { bytes: Buffer; name: string }],
    rounds * 5,
  );
  const d = await time('.xls（BIFF8）读取+提取', [xls], rounds * 5);
  console.log(`.xls / .xlsx = ${(d / c).toFixed(2)}×`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
