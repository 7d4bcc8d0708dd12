export {
  WorkspaceStore,
  WorkspaceError,
  reportKeyOf,
  APP_ID,
  SCHEMA_VERSION,
  WORKSPACE_EXTENSION,
} from './workspace-store';
export type { StoreOptions, StoreHooks, OpenReport } from './workspace-store';
export { atomicWrite, removeStaleTemps } from './atomic';
export type { SaveHooks } from './atomic';
export { Journal } from './journal';
export type { JournalEntry } from './journal';
export type {
  StoredDecision,
  StoredFinding,
  StoredReport,
  StoredReportContent,
  ImportedFile,
  UpsertStatus,
} from './types';
