/**
 * Atomic file replacement: write a temporary file in the same directory, fsync it, keep the
 * previous file as `<target>.bak` until the rename succeeds, rename over the target, fsync the
 * directory (POSIX), then drop the .bak. A crash at any point leaves either the old or the new
 * file complete at `<target>` (or, at worst, the old one at `<target>.bak`), never a torn file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { copyFile, link, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Fault-injection points for tests (simulated crashes in the middle of a save). */
export interface SaveHooks {
  /** Called after the first half of the bytes is written to the temporary file. */
  afterPartialWrite?: (tmpPath: string) => void | Promise<void>;
  /** Called after the temporary file is complete and synced, before the rename. */
  beforeRename?: (tmpPath: string) => void | Promise<void>;
  /** Called after the previous file was copied to `.bak`, just before the rename. */
  afterBackup?: (bakPath: string) => void | Promise<void>;
}

export const TMP_MARK = '.tmp-';

/** True when something is at `path` (file or folder). */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Windows may refuse a rename for a moment while an antivirus or indexer holds the file. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? err.code : undefined;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Best effort: some file systems refuse fsync on directories.
  }
}

export async function atomicWrite(
  target: string,
  bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  hooks: SaveHooks = {},
): Promise<void> {
  const tmp = `${target}${TMP_MARK}${process.pid}-${Date.now()}`;
  const fh = await open(tmp, 'w');
  try {
    if (bytes instanceof Uint8Array) {
      const half = Math.floor(bytes.length / 2);
      await fh.write(bytes, 0, half, 0);
      if (hooks.afterPartialWrite) await hooks.afterPartialWrite(tmp);
      await fh.write(bytes, half, bytes.length - half, half);
    } else {
      // Written as it is produced (the command line's JSON of thousands of reports), so the whole
      // text never sits in memory, or streamed (the workbook); the same temporary file, sync and
      // rename make it as safe.
      let first = true;
      for await (const chunk of bytes) {
        await fh.write(chunk);
        if (first && hooks.afterPartialWrite) await hooks.afterPartialWrite(tmp);
        first = false;
      }
    }
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fh.close();
  const bak = `${target}.bak`;
  let madeBak = false;
  let renamed = false;
  try {
    if (hooks.beforeRename) await hooks.beforeRename(tmp);
    if (await exists(target)) {
      await rm(bak, { force: true });
      // A hard link keeps the previous bytes without copying them (tens of MB for a large
      // workspace); file systems without links (FAT, some network shares) get a copy.
      await link(target, bak).catch(() => copyFile(target, bak));
      madeBak = true;
    }
    if (hooks.afterBackup) await hooks.afterBackup(bak);
    await renameWithRetry(tmp, target);
    renamed = true;
    await syncDir(dirname(target));
    await rm(bak, { force: true });
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    // A failed rename (a target Excel holds open) left the target as it was: the backup made for
    // this save is then only clutter beside the user's file. A crash never gets here, so it keeps it.
    if (madeBak && !renamed) await rm(bak, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Removes temporary files a crashed save left behind next to `target`. They are never trusted. */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const dir = dirname(target);
  const prefix = basename(target) + TMP_MARK;
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => n.startsWith(prefix));
  for (const n of stale) await rm(join(dir, n), { force: true }).catch(() => undefined);
  return stale;
}

/** Flushes a file's bytes to the disk (fsync), synchronously. */
export function syncFileSync(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Puts the complete, synced file `tmp` in place of `target` by one rename (retried while Windows
 * holds the target for a moment), then syncs the directory. Synchronous, so that nothing else runs
 * between the copy and the switch to it (the workspace's save-as). On failure `tmp` is removed.
 */
export function replaceFileSync(tmp: string, target: string): void {
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        renameSync(tmp, target);
        break;
      } catch (err) {
        const code = err instanceof Error && 'code' in err ? err.code : undefined;
        if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw err;
        sleepSync(50 * (attempt + 1));
      }
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dirname(target), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: some file systems refuse fsync on directories.
  }
}
