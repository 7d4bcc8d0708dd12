/**
 * Expands dropped or chosen paths into the files the auditor reads: folders are searched
 * recursively; files of other kinds are listed as skipped; unreadable paths become failures.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileFailure } from '../model/types';
import { formatOf } from '../ingest';

export interface Collected {
  files: string[];
  skipped: string[];
  failures: FileFailure[];
}

/** Bounds a folder walk so that dropping a whole drive cannot hang the app. */
export const MAX_COLLECTED_FILES = 5000;

export async function collectPaths(paths: readonly string[]): Promise<Collected> {
  const out: Collected = { files: [], skipped: [], failures: [] };
  const seen = new Set<string>();
  const visit = async (path: string, fromFolder: boolean): Promise<void> => {
    if (out.files.length >= MAX_COLLECTED_FILES) return;
    let info;
    try {
      info = await stat(path);
    } catch {
      out.failures.push({ file: path, message: '找不到该文件或没有读取权限。' });
      return;
    }
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(path)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      } catch {
        out.failures.push({ file: path, message: '无法读取该文件夹。' });
        return;
      }
      for (const name of names) {
        if (name.startsWith('.') || name.startsWith('~$')) continue; // hidden files, Office lock files
        await visit(join(path, name), true);
      }
      return;
    }
    if (!info.isFile()) return;
    if (seen.has(path)) return;
    seen.add(path);
    if (formatOf(path)) out.files.push(path);
    else if (fromFolder) out.skipped.push(path);
    else out.failures.push({ file: path, message: '不支持的文件类型，请提供 .docx、.doc、.wps、.xlsx、.xls、.et、.html、.mht、.txt 或 .md 文件。' });
  };
  for (const p of paths) await visit(p, false);
  return out;
}
