import type { NianbaoApi } from './ipc';

declare global {
  interface Window {
    /** Exposed by src/preload/index.ts (contextBridge), built by buildApi (src/shared/ipc/api.ts). */
    nianbao: NianbaoApi;
  }
}
