import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveError, saveFileAtomic } from '../../src/core/export/save';
import type { SaveHooks } from '../../src/core/store/atomic';
import { writeAuditWorkbook } from '../../src/core/export/workbook';
import { workspace } from './fixtures';

let dir: string;
const OLD = Buffer.from('the previous workbook');

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nb-save-'));
});
afterEach(async () => {
  await fs.chmod(dir, 0o755).catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/**
 * The real file system, except that one step fails as it does on Windows when Excel holds the file:
 * the atomic writer's fault-injection hooks throw the error the operating system would.
 */
function failing(step: 'writeNew' | 'rename', code: string): SaveHooks {
  const fail = (): never => {
    throw fsError(code);
  };
  // afterPartialWrite leaves a partial temp file behind it, as a write failing half-way does.
  return step === 'writeNew' ? { afterPartialWrite: fail } : { afterBackup: fail };
}

async function rejection(p: Promise<unknown>): Promise<SaveError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(SaveError);
    return err as SaveError;
  }
  throw new Error('expected the write to fail');
}

describe('atomic save', () => {
  it('a target locked by Excel (EBUSY on rename) keeps the old file, removes the temp file, says why in Chinese', async () => {
    const target = path.join(dir, '审查结果.xlsx');
    await fs.writeFile(target, OLD);
    const err = await rejection(
      writeAuditWorkbook(target, workspace().input, failing('rename', 'EBUSY')),
    );
    expect(err.message).toBe(
      `无法写入 ${target}：文件可能正在被 Excel 或其他程序打开，或没有写入权限，请关闭后重试。`,
    );
    expect(err.code).toBe('EBUSY');
    expect(await fs.readFile(target)).toEqual(OLD);
    expect(await fs.readdir(dir)).toEqual(['审查结果.xlsx']);
  });

  it('EPERM on rename (Windows sharing violation) is reported the same way', async () => {
    const target = path.join(dir, 'a.xlsx');
    await fs.writeFile(target, OLD);
    const err = await rejection(
      saveFileAtomic(target, Buffer.from('new'), failing('rename', 'EPERM')),
    );
    expect(err.message).toMatch(/^无法写入 .*a\.xlsx：文件可能正在被 Excel/);
    expect(await fs.readFile(target)).toEqual(OLD);
    expect(await fs.readdir(dir)).toEqual(['a.xlsx']);
  });

  it('a failure while writing the temp file (read-only folder) removes what was written and keeps the old file', async () => {
    const target = path.join(dir, 'b.xlsx');
    await fs.writeFile(target, OLD);
    const err = await rejection(
      saveFileAtomic(target, Buffer.from('new'), failing('writeNew', 'EACCES')),
    );
    expect(err.message).toBe(`无法写入 ${target}：没有该文件夹的写入权限，请另选保存位置。`);
    expect(await fs.readFile(target)).toEqual(OLD);
    expect(await fs.readdir(dir)).toEqual(['b.xlsx']);
  });

  it('a really read-only folder fails cleanly (where permissions apply: not as root)', async () => {
    const target = path.join(dir, 'c.xlsx');
    await fs.writeFile(target, OLD);
    await fs.chmod(dir, 0o555);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot) {
      // root ignores directory permissions: the write succeeds, which is the honest outcome to assert here.
      console.log(
        '[export] running as root: directory permissions do not apply; the EACCES path is covered by the simulated test above',
      );
      await saveFileAtomic(target, Buffer.from('new'));
      expect((await fs.readFile(target)).toString()).toBe('new');
    } else {
      const err = await rejection(saveFileAtomic(target, Buffer.from('new')));
      expect(err.message).toMatch(/^无法写入 .*：没有该文件夹的写入权限/);
      expect(await fs.readFile(target)).toEqual(OLD);
    }
    expect(await fs.readdir(dir)).toEqual(['c.xlsx']);
  });

  it('a target that is a folder is refused with a clear message and left alone', async () => {
    const target = path.join(dir, '结果.xlsx');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside.txt'), 'keep');
    const err = await rejection(writeAuditWorkbook(target, workspace().input));
    expect(err.message).toBe(`无法写入 ${target}：该位置已有同名文件夹，请换一个文件名。`);
    expect((await fs.stat(target)).isDirectory()).toBe(true);
    expect(await fs.readdir(target)).toEqual(['inside.txt']);
    expect(await fs.readdir(dir)).toEqual(['结果.xlsx']);
  });

  it('a folder that does not exist is reported, nothing is created', async () => {
    const target = path.join(dir, '不存在', 'x.xlsx');
    const err = await rejection(saveFileAtomic(target, Buffer.from('new')));
    expect(err.message).toBe(`无法写入 ${target}：保存位置的文件夹不存在。`);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('an unknown failure still gives a Chinese message with the code', async () => {
    const target = path.join(dir, 'd.xlsx');
    const err = await rejection(saveFileAtomic(target, Buffer.from('x'), failing('rename', 'EIO')));
    expect(err.message).toBe(`无法写入 ${target}：写入时出错（EIO）。`);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
