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
import { normaliseDocumentSettings } from '../export/documents/settings';
import type { DocumentSettings } from '../export/documents/settings';
import { validateSettings } from '../../shared/ipc';
import { isReviewStatus } from '../model/glossary';
import type { StoredDecision } from './types';

export type JournalEntry =
  | { v: 1; ws: string; t: 'decision'; d: StoredDecision }
  | { v: 1; ws: string; t: 'settings'; s: AuditSettings }
  | { v: 1; ws: string; t: 'documents'; s: DocumentSettings };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A journaled decision, checked field by field (reportId is absent in the earliest journals). */
function decisionOf(v: unknown): StoredDecision | null {
  if (!isObj(v) || !isReviewStatus(v.status)) return null;
  const fingerprint = str(v.fingerprint);
  const note = str(v.note);
  const updatedAt = str(v.updatedAt);
  const ruleId = str(v.ruleId);
  const reportKey = str(v.reportKey);
  const lastMessage = str(v.lastMessage);
  if (
    fingerprint === null ||
    note === null ||
    updatedAt === null ||
    ruleId === null ||
    reportKey === null ||
    lastMessage === null
  )
    return null;
  return {
    fingerprint,
    status: v.status,
    note,
    updatedAt,
    ruleId,
    reportKey,
    reportId: str(v.reportId) ?? '',
    lastMessage,
    lastLocation: str(v.lastLocation) ?? '',
  };
}

/**
 * One line of the journal as an entry of this workspace, checked like the file itself (statuses
 * against the vocabulary, settings with the settings validator); null for anything else, which is
 * skipped like a torn line.
 */
function entryOf(e: unknown, workspaceId: string): JournalEntry | null {
  if (!isObj(e) || e.v !== 1 || e.ws !== workspaceId) return null;
  if (e.t === 'decision') {
    const d = decisionOf(e.d);
    return d && { v: 1, ws: workspaceId, t: 'decision', d };
  }
  if (e.t === 'settings') {
    const checked = validateSettings(e.s);
    return checked.ok ? { v: 1, ws: workspaceId, t: 'settings', s: checked.args[0] } : null;
  }
  if (e.t === 'documents' && isObj(e.s))
    return { v: 1, ws: workspaceId, t: 'documents', s: normaliseDocumentSettings(e.s) };
  return null;
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

  /** Entries of this workspace, in order, checked. A torn last line (crash during an append) is ignored. */
  read(workspaceId: string): JournalEntry[] {
    if (!existsSync(this.path)) return [];
    const out: JournalEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = entryOf(JSON.parse(line), workspaceId);
        if (e) out.push(e);
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
