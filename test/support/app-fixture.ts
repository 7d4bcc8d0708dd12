/**
 * The real handler service (src/core/app) set up for a browser test: a temporary user-data
 * folder, the seed reports as the shipped samples, fake dialogs answering from a queue, and
 * events forwarded to the page.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppService, invokeMethod, type Dialogs } from '../../src/core/app';
import type { EventName, IpcEvents, MethodName, Result } from '../../src/shared/ipc';
import { ROOT } from './browser';

export const SEEDS_DIR = resolve(ROOT, '../shared/corpus/seeds');

export interface DialogQueue {
  openFiles: (string[] | null)[];
  openFolder: (string | null)[];
  saveWorkbook: (string | null)[];
  openWorkspace: (string | null)[];
  saveWorkspace: (string | null)[];
  openRoster: (string | null)[];
  chooseLettersFolder: (string | null)[];
  saveDocument: (string | null)[];
  /** Answers to "some letters exist already"; empty = cancel. */
  confirmReplaceLetters: ('overwrite' | 'keep' | 'cancel')[];
}

export interface AppFixture {
  dir: string;
  service: AppService;
  dialogs: DialogQueue;
  invoke(name: MethodName, args: unknown[]): Promise<unknown>;
  /** Where events go once a page is bound. */
  setSink(sink: (<E extends EventName>(event: E, payload: IpcEvents[E]) => void) | null): void;
  close(): Promise<void>;
}

export async function startAppFixture(opts: { samples?: boolean } = {}): Promise<AppFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'nb-e2e-'));
  let samplesDir: string | null = null;
  if (opts.samples !== false) {
    if (!existsSync(SEEDS_DIR))
      throw new Error(
        `种子报告目录不存在：${SEEDS_DIR}（浏览器测试需要 shared/corpus/seeds，不会跳过）`,
      );
    samplesDir = join(dir, 'samples');
    for (const name of readdirSync(SEEDS_DIR)) {
      if (/\.(txt|docx|xlsx|html?|md)$/i.test(name))
        cpSync(join(SEEDS_DIR, name), join(samplesDir, name));
    }
  }
  const queue: DialogQueue = {
    openFiles: [],
    openFolder: [],
    saveWorkbook: [],
    openWorkspace: [],
    saveWorkspace: [],
    openRoster: [],
    chooseLettersFolder: [],
    saveDocument: [],
    confirmReplaceLetters: [],
  };
  const take = <K extends keyof DialogQueue>(k: K): DialogQueue[K][number] =>
    queue[k].length ? (queue[k].shift() as DialogQueue[K][number]) : null;
  const dialogs: Dialogs = {
    openFiles: async () => take('openFiles'),
    openFolder: async () => take('openFolder'),
    openWorkspace: async () => take('openWorkspace'),
    saveWorkspace: async () => take('saveWorkspace'),
    saveWorkbook: async () => take('saveWorkbook'),
    openRoster: async () => take('openRoster'),
    confirmDiscard: async () => true,
    chooseLettersFolder: async () => take('chooseLettersFolder'),
    saveDocument: async () => take('saveDocument'),
    confirmReplaceLetters: async () => queue.confirmReplaceLetters.shift() ?? 'cancel',
  };
  let sink: (<E extends EventName>(event: E, payload: IpcEvents[E]) => void) | null = null;
  const service = await AppService.start({
    userDataDir: join(dir, 'user'),
    samplesDir,
    dialogs,
    appVersion: '0.1.0',
    autosaveMs: 200,
    events: { emit: (event, payload) => sink?.(event, payload) },
  });
  return {
    dir,
    service,
    dialogs: queue,
    invoke: (name, args) => invokeMethod(service, name, args),
    setSink: (s) => {
      sink = s;
    },
    close: async () => {
      sink = null;
      await service.shutdown().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of a handler's Result, or the handler's Chinese message as a thrown error. */
export function value<T>(r: unknown): T {
  const res = r as Result<T>;
  if (!res.ok) throw new Error(res.message);
  return res.value;
}
