/**
 * Append-only journal of what the user enters (review decisions, settings), one JSON object per
 * line, written and fsynced synchronously BEFORE the change is acknowledged. Replayed on open, so
 * a crash between autosaves loses nothing entered. After a save that includes the first N bytes,
 * those bytes are cut from the journal (the tail written during the save is kept).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { AuditSettings } from '../rules/types';
import type { DocumentSettings } from '../export/documents/settings';
import type { StoredDecision } from './types';

export type JournalEntry =
  | { v: 1; ws: string; t: 'decision'; d: StoredDecision }
  | { v: 1; ws: string; t: 'settings'; s: AuditSettings }
  | { v: 1; ws: string; t: 'documents'; s: DocumentSettings };

export class Journal {
  constructor(readonly path: string) {}

  /** Appends one entry durably (write + fsync) and returns the journal size afterwards. */
  append(entry: JournalEntry): number {
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, JSON.stringify(entry) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return this.size();
  }

  size(): number {
    try {
      return statSync(this.path).size;
    } catch {
      return 0;
    }
  }

  /** Entries of this workspace, in order. A torn last line (crash during an append) is ignored. */
  read(workspaceId: string): JournalEntry[] {
    if (!existsSync(this.path)) return [];
    const out: JournalEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as JournalEntry;
        if (
          e &&
          e.v === 1 &&
          e.ws === workspaceId &&
          (e.t === 'decision' || e.t === 'settings' || e.t === 'documents')
        )
          out.push(e);
      } catch {
        // torn line
      }
    }
    return out;
  }

  /** Drops the first `bytes` bytes (already in the saved file), keeping anything appended since. */
  discardPrefix(bytes: number): void {
    if (!existsSync(this.path)) return;
    const all = readFileSync(this.path);
    if (bytes >= all.length) {
      rmSync(this.path, { force: true });
      return;
    }
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, all.subarray(bytes));
    renameSync(tmp, this.path);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}
