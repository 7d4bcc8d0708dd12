import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPaths } from '../../src/core/app';
import { startService, tempDir } from './harness';

describe('collectPaths', () => {
  it('walks folders for readable reports, skips other kinds, hidden and Office lock files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub', '深层'), { recursive: true });
    for (const name of [
      'a.docx',
      'b.XLSX',
      'c.htm',
      'sub/d.txt',
      'sub/深层/e.md',
      'notes.rar',
      '~$a.docx',
      '.hidden.txt',
      'sub/.git/x.txt',
      'Thumbs.db',
    ]) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), 'x');
    }
    const other = tempDir();
    writeFileSync(join(other, 'scan.rar'), 'x');
    // a.docx named twice (in the folder and on its own) is read once.
    const res = await collectPaths([
      dir,
      join(dir, 'a.docx'),
      join(dir, 'missing.docx'),
      join(other, 'scan.rar'),
    ]);
    expect(res.files.map((f) => f.slice(dir.length + 1).replace(/\\/g, '/')).sort()).toEqual([
      'a.docx',
      'b.XLSX',
      'c.htm',
      'sub/d.txt',
      'sub/深层/e.md',
    ]);
    // Unsupported files are skipped with their reason, whether found in a folder or named explicitly
    // (the command line and the app alike); clutter is skipped as clutter; .git is never entered.
    const skipped = res.skipped.map((f) => [
      f.file.startsWith(dir) ? f.file.slice(dir.length + 1) : f.file,
      f.reason,
    ]);
    expect(skipped.sort()).toEqual(
      [
        ['.hidden.txt', 'clutter'],
        ['Thumbs.db', 'clutter'],
        ['notes.rar', 'unsupported'],
        [join(other, 'scan.rar'), 'unsupported'],
        ['~$a.docx', 'clutter'],
      ].sort(),
    );
    expect(res.skipped.find((f) => f.reason === 'unsupported')!.message).toContain(
      '不是可审查的文件类型',
    );
    expect(res.failures.map((f) => f.file)).toEqual([join(dir, 'missing.docx')]);
    expect(res.failures[0]!.message).toContain('找不到');
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

describe('one collector for the command line and the app', () => {
  it('never follows a link back to a parent folder; a file reached twice is read once', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'a.txt'), 'x');
    symlinkSync(dir, join(dir, 'sub', 'loop')); // a link to the parent: would loop forever
    symlinkSync(join(dir, 'sub', 'a.txt'), join(dir, 'link-to-a.txt')); // a link to a file already there
    const res = await collectPaths([dir]);
    expect(res.files).toHaveLength(1);
    expect(res.failures).toEqual([]);
  });
});
