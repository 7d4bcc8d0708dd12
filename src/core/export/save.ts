/**
 * Never a half-written file: the one atomic writer (src/core/store/atomic.ts) writes a temporary
 * file beside the target and renames it over it. This wraps it for files the user names (the
 * workbook, the CLI's JSON): a target held open by Excel (Windows refuses the rename), a read-only
 * folder or a full disk becomes one clear Chinese sentence naming the target and the cause — never
 * Node's raw text or the temporary file's name — and the user's previous file is left as it was.
 */
import { stat } from 'node:fs/promises';
import { atomicWrite, type SaveHooks } from '../store/atomic';

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
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
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

/** The SaveError for `err`, raised while writing (`write`) or replacing (`rename`) `target`. */
export function toSaveError(
  target: string,
  err: unknown,
  step: 'write' | 'rename' = 'write',
  program = 'Excel',
): SaveError {
  if (err instanceof SaveError) return err;
  const code = errorCode(err);
  return new SaveError(`无法写入 ${target}：${reason(code, step, program)}。`, code, err);
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes `data` to `target` atomically; throws a SaveError with a Chinese message when it cannot.
 * `hooks` are the atomic writer's fault-injection points (tests simulate a locked target with them).
 * `program`: what the user would have the file open in, for the locked-file message (Excel for the
 * workbook, Word for the letters and the briefing).
 */
export async function saveFileAtomic(
  target: string,
  data: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  hooks: SaveHooks = {},
  program = 'Excel',
): Promise<void> {
  if (await isDirectory(target))
    throw toSaveError(
      target,
      Object.assign(new Error('target is a folder'), { code: 'EISDIR' }),
      'write',
      program,
    );
  // Up to beforeRename the failure is the folder's (writing the temporary file); after it, the target's.
  let step: 'write' | 'rename' = 'write';
  try {
    await atomicWrite(target, data, {
      ...hooks,
      beforeRename: async (tmp) => {
        step = 'rename';
        await hooks.beforeRename?.(tmp);
      },
    });
  } catch (err) {
    throw toSaveError(target, err, step, program);
  }
}
