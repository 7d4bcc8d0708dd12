/**
 * The direct .docx reader (src/core/ingest/docx-direct.ts) against mammoth, on every .docx under
 * the given folders, one thread:
 *
 *   npx tsx test/bench/docx-direct-bench.ts /tmp/nianbao-scale-v2-2000 resources/samples
 *
 * Per file it reads the document through the mammoth path (with display HTML, as the app does)
 * and through the direct path (as the command line does), asserts both give the same
 * SourceDocument apart from the display HTML, and tallies why the direct reader left a file to
 * mammoth. Then it times, each over all files: mammoth.convertToHtml alone (the bench's floor),
 * the mammoth path and the direct path (zip guard, display rewrite, numbering labels, blocks).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import mammoth from 'mammoth';
import { directFallback, read } from '../../src/core/ingest/docx';

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.toLowerCase().endsWith('.docx')) out.push(p);
  }
}

async function settle(p: Promise<{ html: string }>): Promise<unknown> {
  return p.then(
    (d) => ({ ...d, html: '' }),
    (e: unknown) => ({ error: String(e) }),
  );
}

async function timed(
  files: readonly Buffer[],
  f: (b: Buffer) => Promise<unknown>,
): Promise<number> {
  for (const b of files.slice(0, 3)) await f(b).catch(() => undefined);
  const t = performance.now();
  for (const b of files) await f(b).catch(() => undefined);
  return (performance.now() - t) / files.length;
}

async function main(): Promise<void> {
  const paths: string[] = [];
  for (const d of process.argv.slice(2)) walk(d, paths);
  const files = paths.map((p) => readFileSync(p));
  const fallbacks = new Map<string, number>();
  const mismatched: string[] = [];
  for (const [i, bytes] of files.entries()) {
    const name = path.basename(paths[i] ?? 'x.docx');
    const viaMammoth = await settle(read(bytes, name));
    const direct = await settle(read(bytes, name, { html: false }));
    if (!isDeepStrictEqual(viaMammoth, direct)) mismatched.push(paths[i] ?? '');
    let why: string | null;
    try {
      why = directFallback(bytes);
    } catch (e) {
      why = `refused: ${String(e)}`;
    }
    if (why !== null) fallbacks.set(why, (fallbacks.get(why) ?? 0) + 1);
  }
  const floor = await timed(files, (b) => mammoth.convertToHtml({ buffer: b }));
  const viaMammoth = await timed(files, (b) => read(b, 'x.docx'));
  const direct = await timed(files, (b) => read(b, 'x.docx', { html: false }));
  console.log(
    JSON.stringify(
      {
        files: files.length,
        identical: files.length - mismatched.length,
        mismatched: mismatched.slice(0, 20),
        fallbacks: Object.fromEntries(fallbacks),
        msPerDocx: {
          mammothAlone: +floor.toFixed(2),
          mammothPath: +viaMammoth.toFixed(2),
          directPath: +direct.toFixed(2),
        },
      },
      null,
      2,
    ),
  );
  if (mismatched.length > 0) process.exitCode = 1;
}

void main();
