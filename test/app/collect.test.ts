import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPaths } from '../../src/core/app/collect';
import { startService, tempDir } from './harness';

describe('collectPaths', () => {
  it('walks folders for readable reports, skips other kinds, hidden and Office lock files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub', '深层'), { recursive: true });
    for (const name of ['a.docx', 'b.XLSX', 'c.htm', 'sub/d.txt', 'sub/深层/e.md', 'notes.ofd', '~$a.docx', '.hidden.txt', 'sub/.git/x.txt']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), 'x');
    }
    const other = tempDir();
    writeFileSync(join(other, 'scan.ofd'), 'x');
    // a.docx named twice (in the folder and on its own) is read once.
    const res = await collectPaths([dir, join(dir, 'a.docx'), join(dir, 'missing.docx'), join(other, 'scan.ofd')]);
    expect(res.files.map((f) => f.slice(dir.length + 1).replace(/\\/g, '/')).sort()).toEqual(['a.docx', 'b.XLSX', 'c.htm', 'sub/d.txt', 'sub/深层/e.md']);
    expect(res.skipped.map((f) => f.slice(dir.length + 1))).toEqual(['notes.ofd']);
    expect(res.failures.map((f) => f.file)).toEqual([join(dir, 'missing.docx'), join(other, 'scan.ofd')]);
    expect(res.failures[0]!.message).toContain('找不到');
    expect(res.failures[1]!.message).toContain('不支持');
  });
});

describe('startup', () => {
  it('says so when the last workspace has moved, and starts with a fresh one', async () => {
    const first = await startService({ samplesDir: null });
    const path = join(tempDir(), 'gone.nianbao');
    first.dialogs.saves.push(path);
    await first.service.saveWorkspaceAs();
    await first.service.shutdown();
    const { rmSync } = await import('node:fs');
    rmSync(path);
    const second = await startService({ userDataDir: first.userDataDir, samplesDir: null });
    const state = await second.service.getState();
    expect(state.notices?.join('')).toContain('gone.nianbao');
    expect(state.workspace.path).toBeNull();
  });
});
