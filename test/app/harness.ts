import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppService } from '../../src/core/app';
import type { Dialogs } from '../../src/core/app';
import type { EventName, IpcEvents } from '../../src/shared/ipc';

/** The real seed reports (shared corpus). Tests fail — never skip — when they are absent. */
export const SEEDS = resolve(__dirname, '../../../shared/corpus/seeds');

export function seedFiles(): string[] {
  if (!existsSync(SEEDS)) throw new Error(`seed corpus missing at ${SEEDS}`);
  const files = readdirSync(SEEDS)
    .filter((n) => /\.(txt|docx|xlsx|html?|md)$/i.test(n))
    .sort();
  if (files.length === 0) throw new Error(`no seed reports in ${SEEDS}`);
  return files;
}

export function tempDir(prefix = 'nb-app-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies the seeds into a fresh folder the test may modify. */
export function copySeeds(): { dir: string; files: string[] } {
  const dir = tempDir('nb-seeds-');
  const files = seedFiles().map((n) => {
    copyFileSync(join(SEEDS, n), join(dir, n));
    return join(dir, n);
  });
  mkdirSync(join(dir, 'expected'), { recursive: true });
  return { dir, files };
}

/** Fake dialogs: each answer is taken from a queue the test fills; an empty queue means "cancelled". */
export class FakeDialogs implements Dialogs {
  files: (string[] | null)[] = [];
  folders: (string | null)[] = [];
  workspaces: (string | null)[] = [];
  saves: (string | null)[] = [];
  workbooks: (string | null)[] = [];
  rosters: (string | null)[] = [];
  discard = true;
  asked: string[] = [];
  async openFiles(): Promise<string[] | null> {
    this.asked.push('openFiles');
    return this.files.shift() ?? null;
  }
  async openFolder(): Promise<string | null> {
    this.asked.push('openFolder');
    return this.folders.shift() ?? null;
  }
  async openWorkspace(): Promise<string | null> {
    this.asked.push('openWorkspace');
    return this.workspaces.shift() ?? null;
  }
  async saveWorkspace(): Promise<string | null> {
    this.asked.push('saveWorkspace');
    return this.saves.shift() ?? null;
  }
  async saveWorkbook(): Promise<string | null> {
    this.asked.push('saveWorkbook');
    return this.workbooks.shift() ?? null;
  }
  async openRoster(): Promise<string | null> {
    this.asked.push('openRoster');
    return this.rosters.shift() ?? null;
  }
  async confirmDiscard(): Promise<boolean> {
    this.asked.push('confirmDiscard');
    return this.discard;
  }
  letterFolders: (string | null)[] = [];
  documents: (string | null)[] = [];
  replaceLetters: ('overwrite' | 'keep' | 'cancel')[] = [];
  async chooseLettersFolder(): Promise<string | null> {
    this.asked.push('chooseLettersFolder');
    return this.letterFolders.shift() ?? null;
  }
  async saveDocument(): Promise<string | null> {
    this.asked.push('saveDocument');
    return this.documents.shift() ?? null;
  }
  async confirmReplaceLetters(): Promise<'overwrite' | 'keep' | 'cancel'> {
    this.asked.push('confirmReplaceLetters');
    return this.replaceLetters.shift() ?? 'cancel';
  }
}

export interface Started {
  service: AppService;
  dialogs: FakeDialogs;
  events: { event: EventName; payload: IpcEvents[EventName] }[];
  userDataDir: string;
}

export async function startService(
  opts: { userDataDir?: string; samplesDir?: string | null; dialogs?: FakeDialogs } = {},
): Promise<Started> {
  const userDataDir = opts.userDataDir ?? tempDir();
  const dialogs = opts.dialogs ?? new FakeDialogs();
  const events: Started['events'] = [];
  const service = await AppService.start({
    userDataDir,
    samplesDir: opts.samplesDir === undefined ? SEEDS : opts.samplesDir,
    dialogs,
    autosaveMs: 0,
    appVersion: '9.9.9',
    events: { emit: (event, payload) => events.push({ event, payload }) },
  });
  return { service, dialogs, events, userDataDir };
}
