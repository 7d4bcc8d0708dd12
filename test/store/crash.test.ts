/**
 * Done means: "a test opens the workspace file after a simulated crash in the middle of a save and
 * finds every saved decision". A real child process is SIGKILLed inside a write transaction (a
 * small one, and one big enough to have spilled pages into the file), inside a save, in the middle
 * of a save-as copy, and at a random moment while deciding; the parent reopens the file and checks
 * every acknowledged decision.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../src/core/store';
import { decision, finding, imported, putFindings, tempDir } from './helpers';

const CHILD = resolve(__dirname, 'crash-child.ts');
const ROOT = resolve(__dirname, '../..');
const ARGS = ['--no-warnings', '--import', 'tsx', CHILD];

interface Ack {
  seq: number;
  status: string;
}

/** The last acknowledged decision per fingerprint (later lines win, like the user's last click). */
function parseAcks(stdout: string): Map<string, Ack> {
  const acks = new Map<string, Ack>();
  for (const line of stdout.split('\n')) {
    const m = /^ACK (\d+) (.+) (confirmed|dismissed|pending)$/.exec(line);
    if (m) acks.set(m[2] ?? '', { seq: Number(m[1]), status: m[3] ?? '' });
  }
  return acks;
}

function runChild(path: string, phase: string) {
  const res = spawnSync(process.execPath, [...ARGS, path, phase], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: ROOT,
  });
  if (res.status === 1) throw new Error(res.stderr);
  return { acks: parseAcks(res.stdout), saved: res.stdout.includes('SAVED'), signal: res.signal };
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
}

/** Every acknowledged decision is in the file, as acknowledged (or as a later click the kill interrupted). */
async function expectAcks(path: string, acks: Map<string, Ack>): Promise<void> {
  const { store } = await WorkspaceStore.open(path, { autosaveMs: 0 });
  const decisions = store.decisions();
  for (const [fp, ack] of acks) {
    const d = decisions.get(fp);
    const seq = Number(/^#(\d+)$/.exec(d?.note ?? '')?.[1] ?? -1);
    expect(seq, fp).toBeGreaterThanOrEqual(ack.seq);
    if (seq === ack.seq) expect(d?.status, fp).toBe(ack.status);
  }
  expect(store.listReports().map((r) => r.path)).toEqual(['/docs/a.docx']);
  await store.close();
}

describe('crash in the middle of a write or a save', () => {
  for (const phase of [
    'inTransaction',
    'inLargeTransaction',
    'duringSave',
    'afterCopy',
    'beforeRename',
  ]) {
    it(`keeps every acknowledged decision when killed ${phase}`, async () => {
      const dir = tempDir();
      const path = join(dir, 'ws.nianbao');
      const { acks, saved, signal } = runChild(path, phase);
      expect(signal).toBe('SIGKILL');
      expect(saved).toBe(false);
      expect(acks.size).toBe(6);
      const leftovers = readdirSync(dir);
      if (phase === 'inLargeTransaction') expect(leftovers).toContain('ws.nianbao-journal'); // a hot journal
      if (phase === 'afterCopy' || phase === 'beforeRename') {
        expect(leftovers.some((n) => n.startsWith('ws-copy.nianbao.tmp-'))).toBe(true);
        expect(leftovers).not.toContain('ws-copy.nianbao'); // never a half-made copy in place
      }

      // Reading it (the command line's --workspace) changes nothing, even with a hot journal.
      const before = snapshot(dir);
      const ro = await WorkspaceStore.openReadOnly(path);
      for (const [fp, ack] of acks) expect(ro.decision(fp)?.note).toBe(`#${ack.seq}`);
      await ro.close();
      const after = snapshot(dir);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [n, bytes] of before) expect(after.get(n)?.equals(bytes), n).toBe(true);

      await expectAcks(path, acks);
      // SQLite rolled a hot journal back when the file was opened for work (a journal that was
      // never made hot is ignored, and goes with the next write).
      if (phase === 'inLargeTransaction') expect(existsSync(`${path}-journal`)).toBe(false);
      const { store } = await WorkspaceStore.open(path, { autosaveMs: 0 });
      decision(store, [...acks.keys()][0] ?? '', 'confirmed', `#${1000}`);
      await store.close();
      expect(readdirSync(dir).filter((n) => n.startsWith('ws.nianbao'))).toEqual(['ws.nianbao']);
    });
  }

  it('keeps every acknowledged decision when killed at a random moment while deciding', async () => {
    const dir = tempDir();
    const path = join(dir, 'ws.nianbao');
    const child = spawn(process.execPath, [...ARGS, path, 'whileDeciding'], { cwd: ROOT });
    let out = '';
    const done = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, s) => res(s)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if ((out.match(/^ACK /gm)?.length ?? 0) >= 40) child.kill('SIGKILL');
    });
    expect(await done).toBe('SIGKILL');
    const acks = parseAcks(out);
    expect(acks.size).toBe(6);
    await expectAcks(path, acks);
  });

  it('an in-process failure of a save-as leaves the workspace where it was and loses nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'ws.nianbao');
    let fail = false;
    const store = await WorkspaceStore.create({
      autosaveMs: 0,
      hooks: {
        beforeRename: () => {
          if (fail) throw new Error('disk full');
        },
      },
    });
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    const [a, b] = putFindings(store, id, [finding('newReceived'), finding('carriedOver')]);
    decision(store, a ?? '', 'confirmed');
    await store.save(path);
    fail = true;
    await expect(store.save(join(dir, 'other.nianbao'))).rejects.toThrow('disk full');
    expect(store.path).toBe(path);
    decision(store, b ?? '', 'dismissed', '另存失败后');
    expect(readdirSync(dir)).toEqual(['ws.nianbao']);
    store.abandon();
    const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(again.decision(a ?? '')?.status).toBe('confirmed');
    expect(again.decision(b ?? '')).toMatchObject({ status: 'dismissed', note: '另存失败后' });
  });
});
