export { AppService } from './service';
export type { Dialogs, EventSink, ServiceOptions, ServiceHandlers } from './service';
export type {
  CompareHandlers,
  CoverageHandlers,
  ExportHandlers,
  Handlers,
  ImportHandlers,
  IndicatorHandlers,
  ReviewHandlers,
  SessionHandlers,
  SettingsHandlers,
} from './handlers';
export { invokeMethod, createInvoker, errorMessage } from './invoke';
export { UserError } from './errors';
export { collect as collectPaths } from '../pipeline';
export { extractFile, inProcessRunner } from './pipeline';
export type { ExtractOutcome, ExtractRunner, RunProgress } from './pipeline';
export { loadConfig, saveConfig } from './config';
export type { AppConfig } from './config';
