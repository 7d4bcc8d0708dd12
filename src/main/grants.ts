/**
 * Paths the user actually chose by drag-and-drop. The page may only import paths it received from
 * the preload's getPathForFile (Electron's webUtils), which yields a path only for File objects
 * the user dropped or picked — a page cannot forge one. The preload reports each such path to main
 * (IPC_GRANT_CHANNEL); importPaths then accepts only granted paths or files inside granted folders.
 * Pure (no electron import).
 */
import { isAbsolute, relative, resolve } from 'node:path';

export class PathGrants {
  private readonly granted = new Set<string>();

  constructor(private readonly caseInsensitive = process.platform === 'win32') {}

  private norm(path: string): string {
    const p = resolve(path);
    return this.caseInsensitive ? p.toLowerCase() : p;
  }

  grant(path: string): void {
    if (this.granted.size > 20_000) this.granted.clear(); // bounded: a drop session never needs this many
    this.granted.add(this.norm(path));
  }

  isGranted(path: string): boolean {
    const p = this.norm(path);
    if (this.granted.has(p)) return true;
    for (const g of this.granted) {
      const rel = relative(g, p);
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return true;
    }
    return false;
  }
}
