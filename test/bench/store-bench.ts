/**
 * What one review decision costs the workspace file: a workspace of N reports (default 500, made
 * of the seed reports under distinct paths, so each holds a real model and display HTML), then 20
 * decisions, each followed by a save as the autosave would do it. Prints the file size, the bytes
 * the process wrote per decision + save (write(2) bytes from /proc/self/io, journal included) and
 * the time per decision + save.
 *
 *   npx tsx test/bench/store-bench.ts [--n 500] [--store <dir of a store's index.ts>]
 *
 * `--store` runs the same against another build's store, to compare: e.g. the sql.js store, which
 * kept the database in memory and rewrote the whole file at each save —
 *   git worktree add /tmp/old-store e5d3cde && ln -s $PWD/node_modules /tmp/old-store/
 *   npx tsx test/bench/store-bench.ts --store /tmp/old-store/src/core/store
 * Bytes are read from /proc/self/io (Linux).
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { collect, processFile } from '../../src/core/pipeline';
import type { ImportedFile } from '../../src/core/store';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import type { Finding } from '../../src/core/model/types';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function written(): number {
  const m = /wchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
  return Number(m?.[1] ?? 0);
}

interface Store {
  upsertReport(f: ImportedFile): { id: string };
  replaceFindings(
    m: Map<string, { fingerprint: string; finding: Finding; location: string }[]>,
  ): void;
  decide(d: Record<string, string>): unknown;
  save(target?: string): Promise<void>;
  close(): Promise<void>;
}
interface StoreModule {
  WorkspaceStore: { create(o: { autosaveMs: number; recoveryPath: string }): Promise<Store> };
}

async function main(): Promise<void> {
  const n = Number(arg('n') ?? 500);
  const storeDir = resolve(arg('store') ?? join(__dirname, '../../src/core/store'));
  const mod: StoreModule = await import(join(storeDir, 'index.ts'));
  const seeds: ImportedFile[] = [];
  for (const f of (await collect([join(__dirname, '../../../shared/corpus/seeds')])).files) {
    const o = await processFile(f);
    if (o.kind === 'report') seeds.push(o.file);
  }
  if (seeds.length === 0) throw new Error('no seed reports');
  const dir = mkdtempSync(join(tmpdir(), 'nb-store-bench-'));
  // As in the app: an untitled workspace lives in (autosaves to) its recovery file during the import.
  const store = await mod.WorkspaceStore.create({
    autosaveMs: 0,
    recoveryPath: join(dir, 'untitled.nianbao'),
  });
  const path = join(dir, 'bench.nianbao');
  const fps: string[] = [];
  let t = performance.now();
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length] ?? seeds[0];
    if (!seed) continue;
    const file = {
      ...seed,
      path: `/bench/${i}/${seed.path.split('/').pop() ?? ''}`,
      sha256: `s${i}`,
    };
    const { id } = store.upsertReport(file);
    const f: Finding = {
      ruleId: 'applications/balance',
      severity: 'error',
      message: '不平',
      row: 'total',
    };
    const fp = findingFingerprint({ ...file.model, file: file.path }, f);
    store.replaceFindings(new Map([[id, [{ fingerprint: fp, finding: f, location: '' }]]]));
    fps.push(fp);
  }
  await store.save();
  const importMs = performance.now() - t;
  await store.save(path);
  const size = statSync(path).size;
  const rounds = 20;
  const decide = (i: number, note: string): unknown =>
    store.decide({
      fingerprint: fps[i] ?? '',
      status: 'confirmed',
      note,
      updatedAt: new Date().toISOString(),
      ruleId: 'applications/balance',
      reportKey: 'x#2023',
      reportId: '',
      lastMessage: '不平',
      lastLocation: '',
    });
  let w0 = written();
  t = performance.now();
  for (let i = 0; i < rounds; i++) decide(i, `备注 ${i}`);
  const decideMs = (performance.now() - t) / rounds;
  const decideBytes = (written() - w0) / rounds;
  w0 = written();
  t = performance.now();
  for (let i = 0; i < rounds; i++) {
    decide(i, `再改 ${i}`);
    await store.save();
  }
  const ms = (performance.now() - t) / rounds;
  const bytes = (written() - w0) / rounds;
  t = performance.now();
  await store.save(`${path}.copy.nianbao`);
  const saveAsMs = performance.now() - t;
  await store.close();
  const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`;
  console.log(`store: ${storeDir}`);
  console.log(
    `reports: ${n}; workspace file: ${mb(size)}; import into the recovery file (store only, with one save at the end): ${(importMs / 1000).toFixed(1)} s`,
  );
  const size2 = (b: number): string => (b < 1024 * 1024 ? `${(b / 1024).toFixed(1)} KB` : mb(b));
  console.log(
    `per decision (acknowledged): ${size2(decideBytes)} written, ${decideMs.toFixed(1)} ms`,
  );
  console.log(`per decision + save: ${size2(bytes)} written, ${ms.toFixed(1)} ms`);
  console.log(`save as (a copy of the whole workspace): ${saveAsMs.toFixed(0)} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
