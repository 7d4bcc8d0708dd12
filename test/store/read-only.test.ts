/** WorkspaceStore.openReadOnly (the CLI's --workspace): sees what the app would show, writes nothing. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, WorkspaceError, WorkspaceStore } from '../../src/core/store';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/core/export/documents/settings';
import { tempDir } from './helpers';

const decision = (fingerprint: string, status: 'confirmed' | 'dismissed', note: string) => ({
  fingerprint,
  status,
  note,
  updatedAt: '2024-04-01T00:00:00.000Z',
  ruleId: 'applications/balance',
  reportKey: '某局#2023',
  reportId: 'r1',
  lastMessage: '不平衡',
  lastLocation: '',
});

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
}
function expectUnchanged(dir: string, before: Map<string, Buffer>): void {
  const after = snapshot(dir);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [n, bytes] of before) expect(after.get(n)?.equals(bytes), n).toBe(true);
}

describe('WorkspaceStore.openReadOnly', () => {
  it('reads decisions and document settings, refuses writes, and leaves every file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, '审查.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    await store.save(path);
    store.decide(decision('a', 'confirmed', '已记录的'));
    store.setDocumentSettings({ ...DEFAULT_DOCUMENT_SETTINGS, office: '某机关' });
    store.abandon(); // the app is still open, or crashed
    const before = snapshot(dir);
    expect([...before.keys()]).toEqual(['审查.nianbao']);

    const ro = await WorkspaceStore.openReadOnly(path);
    expect(ro.decision('a')?.note).toBe('已记录的');
    expect(ro.documentSettings().office).toBe('某机关');
    expect(() => ro.decide(decision('c', 'confirmed', ''))).toThrow(WorkspaceError);
    await expect(ro.save()).rejects.toThrow('只读');
    await ro.close();
    expectUnchanged(dir, before);
  });

  it('applies the journal an earlier build left beside the file, in a working copy', async () => {
    const dir = tempDir();
    const path = join(dir, '审查.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    await store.save(path);
    store.decide(decision('a', 'confirmed', '文件中的'));
    const journal = new Journal(`${path}.journal`);
    journal.append({
      v: 1,
      ws: store.id,
      t: 'decision',
      d: decision('b', 'dismissed', '日志中的'),
    });
    journal.append({
      v: 1,
      ws: store.id,
      t: 'documents',
      s: { ...DEFAULT_DOCUMENT_SETTINGS, office: '日志中的机关' },
    });
    store.abandon();
    const before = snapshot(dir);
    expect([...before.keys()].sort()).toEqual(['审查.nianbao', '审查.nianbao.journal']);

    const ro = await WorkspaceStore.openReadOnly(path);
    expect(ro.decision('a')?.note).toBe('文件中的');
    expect(ro.decision('b')).toMatchObject({ status: 'dismissed', note: '日志中的' });
    expect(ro.documentSettings().office).toBe('日志中的机关');
    await ro.close();
    expectUnchanged(dir, before);
  });

  it('refuses a file that is not a workspace', async () => {
    const dir = tempDir();
    const path = join(dir, 'x.nianbao');
    writeFileSync(path, 'nope');
    await expect(WorkspaceStore.openReadOnly(path)).rejects.toThrow('工作区');
    expect(readdirSync(dir)).toEqual(['x.nianbao']);
  });
});
