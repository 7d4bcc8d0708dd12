/**
 * The window API (src/shared/ipc/api.ts): the object built for the preload and the one the browser
 * test bridge builds are the same shape, calling the same channels, delivering the same events.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  IPC_CHANNEL_PREFIX,
  IPC_EVENT_PREFIX,
  IPC_METHODS,
  buildApi,
} from '../../../src/shared/ipc';
import { browserBridgeScript } from '../../support/bridge';

describe('window API', () => {
  function recordingTransport() {
    const calls: [string, unknown[]][] = [];
    const subs: string[] = [];
    return {
      calls,
      subs,
      transport: {
        invoke: async (channel: string, args: unknown[]) => {
          calls.push([channel, args]);
          return { ok: true, value: null };
        },
        subscribe: (channel: string) => {
          subs.push(channel);
          return () => undefined;
        },
        getPathForFile: () => '/dropped.docx',
      },
    };
  }

  it('buildApi has one function per method calling nb:<method> with the arguments', async () => {
    const { calls, subs, transport } = recordingTransport();
    const api = buildApi(transport);
    for (const name of IPC_METHODS) expect(typeof api[name], name).toBe('function');
    await api.getReport({ id: 'r7' });
    await api.getState();
    expect(calls).toEqual([
      [`${IPC_CHANNEL_PREFIX}getReport`, [{ id: 'r7' }]],
      [`${IPC_CHANNEL_PREFIX}getState`, []],
    ]);
    api.onProgress(() => undefined);
    api.on('changed', () => undefined);
    expect(subs).toEqual([`${IPC_EVENT_PREFIX}progress`, `${IPC_EVENT_PREFIX}changed`]);
    expect(() => api.on('nope' as 'menu', () => undefined)).toThrow();
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('the browser bridge script builds the identical API over window.__nbInvoke and delivers events', async () => {
    const { transport } = recordingTransport();
    const reference = buildApi(transport);
    const calls: [string, unknown[]][] = [];
    const win: Record<string, unknown> = {
      __nbInvoke: async (channel: string, args: unknown[]) => {
        calls.push([channel, args]);
        return { ok: true, value: 'pong' };
      },
    };
    vm.runInNewContext(browserBridgeScript(), { window: win });
    const api = win['nianbao'] as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(reference).sort());
    expect(await api['decide']!({ fingerprint: 'f', status: 'confirmed', note: '' })).toEqual({
      ok: true,
      value: 'pong',
    });
    expect(calls).toEqual([['nb:decide', [{ fingerprint: 'f', status: 'confirmed', note: '' }]]]);
    const got: unknown[] = [];
    const off = api['onProgress']!((p: unknown) => got.push(p)) as () => void;
    (win['__nbEmit'] as (c: string, p: unknown) => void)('nb-event:progress', {
      phase: 'read',
      done: 1,
      total: 2,
      file: 'a',
    });
    off();
    (win['__nbEmit'] as (c: string, p: unknown) => void)('nb-event:progress', {
      phase: 'done',
      done: 2,
      total: 2,
      file: '',
    });
    expect(got).toEqual([{ phase: 'read', done: 1, total: 2, file: 'a' }]);
    expect(api['getPathForFile']!({ __nbPath: '/x.docx' })).toBe('/x.docx');
  });
});
