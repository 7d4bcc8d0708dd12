/**
 * Never a half-written workbook: the bytes go to a temporary file beside the target, which is then
 * renamed over it in one step. A target held open by Excel (Windows refuses the rename), a
 * read-only folder or a full disk becomes a clear Chinese message, and the temporary file is
 * removed, so the user's previous file is left exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

/** The few file operations the write needs; injectable so tests can simulate a locked target. */
export interface SaveFs {
  /** Creates `file` (must not exist), writes `data` and flushes it to disk. */
  writeNew(file: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Whether `file` exists and is a directory (false when it does not exist). */
  isDirectory(file: string): Promise<boolean>;
}

export const nodeSaveFs: SaveFs = {
  async writeNew(file, data) {
    const handle = await fsp.open(file, 'wx');
    try {
      await handle.writeFile(data);
      // Flushed before the rename, so a power cut cannot leave a renamed but empty workbook.
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  async isDirectory(file) {
    try {
      return (await fsp.stat(file)).isDirectory();
    } catch {
      return false;
    }
  },
};

/** A write that failed for a reason the user can act on; `message` is Chinese and names the file. */
export class SaveError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SaveError';
    this.code = code;
  }
}

function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function reason(code: string | undefined, step: 'write' | 'rename', program: string): string {
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      // Writing the temporary file fails only for the folder; replacing the target fails when it is open.
      return step === 'write'
        ? '没有该文件夹的写入权限，请另选保存位置'
        : `文件可能正在被 ${program} 或其他程序打开，或没有写入权限，请关闭后重试`;
    case 'EROFS':
      return '该位置是只读的，请另选保存位置';
    case 'ENOENT':
    case 'ENOTDIR':
      return '保存位置的文件夹不存在';
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return '该位置已有同名文件夹，请换一个文件名';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'ENAMETOOLONG':
      return '文件名或路径过长';
    default:
      return `写入时出错（${code ?? '未知错误'}）`;
  }
}

/**
 * `program`: what the user would have the file open in, for the locked-file message (Excel for the
 * workbook, Word for the letters and the briefing).
 */
export async function saveFileAtomic(target: string, data: Uint8Array, fs: SaveFs = nodeSaveFs, program = 'Excel'): Promise<void> {
  if (await fs.isDirectory(target)) {
    throw new SaveError(`无法写入 ${target}：该位置已有同名文件夹，请换一个文件名`, 'EISDIR');
  }
  const dir = path.dirname(target);
  // Same directory as the target, so the rename stays on one volume and is atomic.
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let step: 'write' | 'rename' = 'write';
  try {
    await fs.writeNew(temp, data);
    step = 'rename';
    await fs.rename(temp, target);
  } catch (err) {
    const code = errorCode(err);
    // Only remove the temporary file if we may have created it.
    if (step === 'rename' || code !== 'EEXIST') {
      await fs.unlink(temp).catch(() => undefined);
    }
    throw new SaveError(`无法写入 ${target}：${reason(code, step, program)}`, code, err);
  }
}
