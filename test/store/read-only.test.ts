/** WorkspaceStore.openReadOnly (the CLI's --workspace): sees unsaved journal entries, writes nothing. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../src/core/store';
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

describe('WorkspaceStore.openReadOnly', () => {
  it('applies decisions and document settings entered after the last save, and leaves every file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, '审查.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    store.decide(decision('a', 'confirmed', '已保存的'));
    await store.save(path);
    // Entered after the save: only in the journal (the app crashed or is still open).
    store.decide(decision('b', 'dismissed', '日志中的'));
    store.setDocumentSettings({ ...DEFAULT_DOCUMENT_SETTINGS, office: '日志中的机关' });
    store.abandon();
    const before = new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
    expect([...before.keys()].sort()).toEqual(['审查.nianbao', '审查.nianbao.journal']);

    const ro = await WorkspaceStore.openReadOnly(path);
    expect(ro.decision('a')?.note).toBe('已保存的');
    expect(ro.decision('b')).toMatchObject({ status: 'dismissed', note: '日志中的' });
    expect(ro.documentSettings().office).toBe('日志中的机关');
    ro.decide(decision('c', 'confirmed', ''));
    await new Promise((r) => setTimeout(r, 50));
    const after = new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [n, bytes] of before) expect(after.get(n)?.equals(bytes), n).toBe(true);
  });

  it('refuses a file that is not a workspace', async () => {
    const dir = tempDir();
    const path = join(dir, 'x.nianbao');
    writeFileSync(path, 'nope');
    await expect(WorkspaceStore.openReadOnly(path)).rejects.toThrow('工作区');
  });
});
