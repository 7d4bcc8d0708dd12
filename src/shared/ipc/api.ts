/**
 * The window API (`window.nianbao`) built from the contract over a transport: one function per
 * method, event subscriptions, the path of a dropped file. The preload passes ipcRenderer; the
 * browser test bridge (test/support/bridge.ts) ships createApi's own source into a page.
 */
import {
  IPC_CHANNEL_PREFIX,
  IPC_EVENTS,
  IPC_EVENT_PREFIX,
  IPC_METHODS,
  type NianbaoApi,
} from './contract';

/**
 * The transport under the window API. The preload passes ipcRenderer.invoke /
 * ipcRenderer.on; a browser test passes functions bound with page.exposeFunction. Same object both ways.
 */
export interface ApiTransport {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
  getPathForFile(file: File): string;
}

/**
 * Self-contained (references nothing outside its parameters), so that the test bridge (test/support/bridge.ts) can ship
 * its source text into a page: the browser harness then runs the very same code as the preload.
 */
export function createApi(
  transport: ApiTransport,
  methods: readonly string[],
  events: readonly string[],
  channelPrefix: string,
  eventPrefix: string,
): NianbaoApi {
  const api: Record<string, unknown> = {};
  for (const name of methods) {
    api[name] = (...args: unknown[]) => transport.invoke(channelPrefix + name, args);
  }
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!events.includes(event)) throw new Error('unknown event ' + String(event));
    return transport.subscribe(eventPrefix + event, (payload) => listener(payload));
  };
  api.on = on;
  api.onProgress = (listener: (payload: unknown) => void) => on('progress', listener);
  api.getPathForFile = (file: File) => transport.getPathForFile(file);
  // Every method is there: checked, so the object is the API's type without a cast.
  const complete = (x: Record<string, unknown>): x is NianbaoApi =>
    methods.every((m) => typeof x[m] === 'function');
  if (!complete(api)) throw new Error('incomplete API');
  return Object.freeze(api);
}

export function buildApi(transport: ApiTransport): NianbaoApi {
  return createApi(transport, IPC_METHODS, IPC_EVENTS, IPC_CHANNEL_PREFIX, IPC_EVENT_PREFIX);
}
