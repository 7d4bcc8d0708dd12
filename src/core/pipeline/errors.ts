/**
 * One vocabulary for what goes wrong with a file or folder, for the command line and the app alike
 * (they used to word errno codes four ways). Readers throw IngestError with their own message;
 * everything else is an operating-system error, worded here.
 */
import { IngestError } from '../ingest/errors';

/** The Chinese sentence for a file that could not be read. */
export function failureMessage(err: unknown): string {
  if (err instanceof IngestError) return err.message;
  const code =
    typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
      ? err.code
      : undefined;
  switch (code) {
    case 'ENOENT':
      return '找不到该文件或文件夹，可能已被移动或删除。';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限，无法读取。';
    case 'EBUSY':
      return '文件正被其他程序占用，请关闭后重试。';
    case 'EISDIR':
      return '这是一个文件夹，不是文件。';
    case 'ELOOP':
      return '链接指向自身（循环链接），无法读取。';
    case 'ENAMETOOLONG':
      return '路径过长，无法读取。';
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return `读取失败：${detail}`;
    }
  }
}
