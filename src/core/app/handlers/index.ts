/**
 * The handlers of the IPC contract, by job (Actual Budget's way): each module exports its handler
 * type and builds its handlers over the shared AppContext; the contract's handler type is their
 * merge, and the compiler checks that the merge is exactly the contract (no method missing, none
 * extra, every signature the contract's).
 */
import type { IpcHandlers } from '../../../shared/ipc';
import type { AppContext } from '../context';
import { compareHandlers, type CompareHandlers } from './compare';
import { coverageHandlers, type CoverageHandlers } from './coverage';
import { exportHandlers, type ExportHandlers } from './export';
import { importHandlers, type ImportHandlers } from './import';
import { indicatorHandlers, type IndicatorHandlers } from './indicators';
import { reviewHandlers, type ReviewHandlers } from './review';
import { sessionHandlers, type SessionHandlers } from './session';
import { settingsHandlers, type SettingsHandlers } from './settings';

export type {
  CompareHandlers,
  CoverageHandlers,
  ExportHandlers,
  ImportHandlers,
  IndicatorHandlers,
  ReviewHandlers,
  SessionHandlers,
  SettingsHandlers,
};

export type Handlers = SessionHandlers &
  ImportHandlers &
  ReviewHandlers &
  CompareHandlers &
  CoverageHandlers &
  SettingsHandlers &
  ExportHandlers &
  IndicatorHandlers;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time: the merged handler type is the contract's (a type error here names the drift). */
export const HANDLERS_MATCH_CONTRACT: Same<Handlers, IpcHandlers> = true;

/** Every handler, over one context. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...sessionHandlers(ctx),
    ...importHandlers(ctx),
    ...reviewHandlers(ctx),
    ...compareHandlers(ctx),
    ...coverageHandlers(ctx),
    ...settingsHandlers(ctx),
    ...exportHandlers(ctx),
    ...indicatorHandlers(ctx),
  };
}
