/**
 * Done means: "a test opens the workspace file after a simulated crash in the middle of a save and
 * finds every saved decision". A real child process is SIGKILLed at each point of a save (temp
 * file half-written, temp complete but not renamed, backup made but not renamed) and in the middle
 * of a journal append; the parent reopens the file and checks every acknowledged decision.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../src/core/store';
import { decision, finding, imported, putFindings, tempDir } from './helpers';

const CHILD = resolve(__dirname, 'crash-child.ts');

function runChild(
  path: string,
  phase: string,
): { acks: Map<string, string>; saved: boolean; signal: NodeJS.Signals | null } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', CHILD, path, phase], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: resolve(__dirname, '../..'),
  });
  if (res.status === 1) throw new Error(res.stderr);
  const acks = new Map<string, string>();
  for (const line of res.stdout.split('\n')) {
    const m = /^ACK (.+) (confirmed|dismissed|pending)$/.exec(line);
    if (m) acks.set(m[1]!, m[2]!); // later lines win, like the user's last click
  }
  return { acks, saved: res.stdout.includes('SAVED'), signal: res.signal };
}

describe('crash in the middle of a save', () => {
  for (const phase of ['afterPartialWrite', 'beforeRename', 'afterBackup', 'duringJournal']) {
    it(`keeps every acknowledged decision when killed ${phase}`, async () => {
      const dir = tempDir();
      const path = join(dir, 'ws.nianbao');
      const { acks, saved, signal } = runChild(path, phase);
      expect(signal).toBe('SIGKILL');
      expect(saved).toBe(false);
      expect(acks.size).toBe(6);
      const leftovers = readdirSync(dir);
      if (phase === 'afterPartialWrite')
        expect(leftovers.some((n) => n.includes('.tmp-'))).toBe(true);
      if (phase === 'afterBackup') expect(leftovers).toContain('ws.nianbao.bak');

      const { store } = await WorkspaceStore.open(path, { autosaveMs: 0 });
      const decisions = store.decisions();
      for (const [fp, status] of acks) expect(decisions.get(fp)?.status, fp).toBe(status);
      expect(store.listReports()).toHaveLength(1);
      // Stale temporaries are cleaned up on open.
      expect(readdirSync(dir).some((n) => n.includes('.tmp-'))).toBe(false);
      // Saving again folds the journal into the file.
      await store.save();
      await store.close();
      rmSync(`${path}.journal`, { force: true });
      const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
      for (const [fp, status] of acks) expect(again.decisions().get(fp)?.status).toBe(status);
    });
  }

  it('falls back to the .bak when the workspace file itself is torn or missing', async () => {
    const dir = tempDir();
    const path = join(dir, 'ws.nianbao');
    const { acks } = runChild(path, 'afterBackup');
    // The main file is replaced by a torn one (saves never write in place, so replace, not overwrite):
    // the backup must be used.
    writeFileSync(`${path}.torn`, Buffer.from('SQLite format 3\u0000garbage'));
    renameSync(`${path}.torn`, path);
    const { store, notes } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(notes.join('')).toContain('备份');
    for (const [fp, status] of acks) expect(store.decisions().get(fp)?.status).toBe(status);
    // And when the file is gone altogether (crash after the old file was moved away).
    rmSync(path);
    const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    for (const [fp, status] of acks) expect(again.decisions().get(fp)?.status).toBe(status);
  });

  it('an in-process failure between write and rename leaves the previous file intact and loses nothing', async () => {
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
    decision(store, a!, 'confirmed');
    await store.save(path);
    fail = true;
    decision(store, b!, 'dismissed', '写入失败前');
    await expect(store.save()).rejects.toThrow('disk full');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(existsSync(`${path}.journal`)).toBe(true);
    store.abandon();
    const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(again.decision(a!)?.status).toBe('confirmed');
    expect(again.decision(b!)).toMatchObject({ status: 'dismissed', note: '写入失败前' });
  });

  it('ignores the journal of a different workspace at the same path', async () => {
    const dir = tempDir();
    const path = join(dir, 'ws.nianbao');
    const other = await WorkspaceStore.create({ autosaveMs: 0 });
    const { id } = other.upsertReport(imported('/docs/a.docx', 'h1'));
    const [fp] = putFindings(other, id, [finding('newReceived')]);
    await other.save(path);
    decision(other, fp!, 'confirmed'); // journaled for `other`
    other.abandon();
    // A colleague's workspace is copied over the file; the stale journal must not leak into it.
    const theirs = await WorkspaceStore.create({ autosaveMs: 0 });
    const bytesPath = join(dir, 'theirs.nianbao');
    await theirs.save(bytesPath);
    const { copyFileSync } = await import('node:fs');
    copyFileSync(bytesPath, path);
    const { store } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(store.decisions().size).toBe(0);
  });
});
