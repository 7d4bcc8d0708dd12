import type { ExtractOutcome } from '../core/app/pipeline';
import type { Finding, ReportModel } from '../core/model/types';
import type { ReportFindingsAhead } from '../core/rules/engine';
import type { AuditSettings, Rule } from '../core/rules/types';

export type WorkerRequest =
  | { type: 'extract'; paths: string[]; known: Record<string, string>; settings?: AuditSettings }
  | { type: 'audit'; models: ReportModel[]; settings: AuditSettings; ahead?: ReportFindingsAhead };

export type WorkerReply =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'outcome'; index: number; outcome: ExtractOutcome }
  | { type: 'done' }
  | { type: 'audited'; findings: [string, Finding[]][] }
  | {
      type: 'audit-progress';
      done: number;
      total: number;
      scope: Rule['scope'];
      /** Share of the running rule done, when it reports it (RuleProgress). */
      fraction?: number;
    }
  | { type: 'failed'; message: string };
