/**
 * Compares the direct .docx reader with the mammoth path on every .docx under the given
 * folders: npx tsx test/ingest/docx-direct-compare.ts DIR... (prints counts, per-file ms, mismatches).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { read } from '../../src/core/ingest/docx';

async function walk(dir: string, out: string[]): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.name.toLowerCase().endsWith('.docx')) out.push(p);
  }
}

async function main(): Promise<void> {
  const files: string[] = [];
  for (const d of process.argv.slice(2)) await walk(d, files);
  let same = 0;
  let errorsSame = 0;
  let tDirect = 0;
  let tMammoth = 0;
  const bad: string[] = [];
  for (const f of files) {
    const bytes = await readFile(f);
    const name = path.basename(f);
    let a: unknown;
    let b: unknown;
    let t = performance.now();
    try {
      a = { ...(await read(bytes, name)), html: '' };
    } catch (e) {
      a = { error: String(e) };
    }
    tMammoth += performance.now() - t;
    t = performance.now();
    try {
      b = await read(bytes, name, { html: false });
    } catch (e) {
      b = { error: String(e) };
    }
    tDirect += performance.now() - t;
    if (isDeepStrictEqual(a, b)) {
      same++;
      if (typeof a === 'object' && a && 'error' in a) errorsSame++;
    } else bad.push(f);
  }
  console.log(
    JSON.stringify({
      files: files.length,
      same,
      errorsSame,
      mismatched: bad.length,
      msPerFileMammothPath: tMammoth / files.length,
      msPerFileDirectPath: tDirect / files.length,
    }),
  );
  for (const f of bad.slice(0, 20)) console.log('MISMATCH', f);
}

void main();
