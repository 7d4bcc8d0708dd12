/** The preload (src/preload/index.ts) against a stand-in electron module: what it exposes and how it calls main. */
import { describe, expect, it, vi } from 'vitest';
import { IPC_METHODS } from '../../src/shared/ipc';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  sent: [] as unknown[][],
  listeners: new Map<string, ((event: unknown, payload: unknown) => void)[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => void fake.exposed.set(key, api),
  },
  ipcRenderer: {
    send: (...args: unknown[]) => void fake.sent.push(args),
    invoke: async (...args: unknown[]) => {
      fake.invoked.push(args);
      return { ok: true, value: 'v' };
    },
    on: (channel: string, l: (event: unknown, payload: unknown) => void) =>
      void fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), l]),
    removeListener: (channel: string, l: (event: unknown, payload: unknown) => void) =>
      void fake.listeners.set(
        channel,
        (fake.listeners.get(channel) ?? []).filter((x) => x !== l),
      ),
  },
  webUtils: {
    getPathForFile: (file: { path?: string }) => {
      if (!file.path) throw new Error('not a file');
      return file.path;
    },
  },
}));

describe('preload', () => {
  it('exposes only window.nianbao: one function per method, events, and dropped-file paths', async () => {
    await import('../../src/preload/index');
    expect([...fake.exposed.keys()]).toEqual(['nianbao']);
    const api = fake.exposed.get('nianbao') as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual(
      [...IPC_METHODS, 'on', 'onProgress', 'getPathForFile'].sort(),
    );
    expect(await api['importPaths']!({ paths: ['C:\\a.docx'] })).toEqual({ ok: true, value: 'v' });
    expect(fake.invoked).toEqual([['nb:importPaths', { paths: ['C:\\a.docx'] }]]);
    const got: unknown[] = [];
    const off = api['onProgress']!((p: unknown) => got.push(p)) as () => void;
    for (const l of fake.listeners.get('nb-event:progress') ?? [])
      l({ sender: 'ipc event, not passed on' }, { done: 1 });
    off();
    expect(fake.listeners.get('nb-event:progress')).toEqual([]);
    expect(got).toEqual([{ done: 1 }]);
    expect(api['getPathForFile']!({ path: 'D:\\报告.docx' })).toBe('D:\\报告.docx');
    expect(api['getPathForFile']!({})).toBe('');
    // The dropped path is reported to main (and only that one), so main lets it be imported.
    expect(fake.sent).toEqual([['nb-grant:path', 'D:\\报告.docx']]);
  });
});
