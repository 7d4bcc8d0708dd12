import type { ExtractOutcome } from '../core/app/pipeline';

export interface WorkerRequest {
  paths: string[];
  known: Record<string, string>;
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'outcome'; index: number; outcome: ExtractOutcome }
  | { type: 'done' };
