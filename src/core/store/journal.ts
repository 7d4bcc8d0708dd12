/**
 * The journal of earlier builds: `<workspace>.journal` beside the file, one JSON object per line
 * (review decisions, settings), written before each change was acknowledged and folded into the
 * file at the next whole-file save. Since the workspace commits each change to the database file
 * itself, nothing writes it any more; a journal left by a crash of an earlier build is replayed
 * once when its workspace is opened, then removed (workspace-store.ts).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { AuditSettings } from '../rules/types';
import type { DocumentSettings } from '../export/documents/settings';
import type { StoredDecision } from './types';

export type JournalEntry =
  | { v: 1; ws: string; t: 'decision'; d: StoredDecision }
  | { v: 1; ws: string; t: 'settings'; s: AuditSettings }
  | { v: 1; ws: string; t: 'documents'; s: DocumentSettings };

function isEntry(e: unknown, workspaceId: string): e is JournalEntry {
  if (typeof e !== 'object' || e === null) return false;
  const o: Record<string, unknown> = { ...e };
  return (
    o.v === 1 &&
    o.ws === workspaceId &&
    ((o.t === 'decision' && typeof o.d === 'object' && o.d !== null) ||
      ((o.t === 'settings' || o.t === 'documents') && typeof o.s === 'object' && o.s !== null))
  );
}

export class Journal {
  constructor(readonly path: string) {}

  /** Appends one entry durably, in the earlier builds' format (tests make such journals with it). */
  append(entry: JournalEntry): void {
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, JSON.stringify(entry) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Entries of this workspace, in order. A torn last line (crash during an append) is ignored. */
  read(workspaceId: string): JournalEntry[] {
    if (!existsSync(this.path)) return [];
    const out: JournalEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e: unknown = JSON.parse(line);
        if (isEntry(e, workspaceId)) out.push(e);
      } catch {
        // torn line
      }
    }
    return out;
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}
