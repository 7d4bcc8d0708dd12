/**
 * Per-user application config (not part of a workspace): whether the samples were offered, and
 * which workspace to reopen on start. A small JSON file in the user-data folder, written atomically.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { atomicWrite } from '../store/atomic';

export interface AppConfig {
  samplesOffered: boolean;
  lastWorkspace: string | null;
}

export const DEFAULT_CONFIG: AppConfig = { samplesOffered: false, lastWorkspace: null };

export async function loadConfig(path: string): Promise<AppConfig> {
  try {
    const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_CONFIG };
    const samplesOffered = 'samplesOffered' in raw ? raw.samplesOffered : undefined;
    const lastWorkspace = 'lastWorkspace' in raw ? raw.lastWorkspace : undefined;
    return {
      samplesOffered: samplesOffered === true,
      lastWorkspace: typeof lastWorkspace === 'string' ? lastWorkspace : null,
    };
  } catch {
    return { ...DEFAULT_CONFIG };
  }
}

export async function saveConfig(path: string, config: AppConfig): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await atomicWrite(path, Buffer.from(JSON.stringify(config, null, 2), 'utf8'));
}
