import type { NianbaoApi } from './ipc';

declare global {
  interface Window {
    /** Exposed by src/preload/index.ts (contextBridge), built from src/shared/ipc.ts. */
    nianbao: NianbaoApi;
  }
}
