/**
 * The explicit registry of every rule, grouped as in rules.md. A meta-test ties this registry,
 * the rule files, their tests and rules.md together.
 */
import type { Rule } from './types';
import { structureRules } from './structure';
import { textRules } from './text';
import { activeRules } from './active';
import { applicationsRules } from './applications';
import { reviewRules } from './review';
import { tableRules } from './table';
import { consistencyRules } from './consistency';
import { problemsRules } from './problems';
import { otherRules } from './other';
import { seriesRules } from './series';
import { corpusRules } from './corpus';
import { submissionRules } from './submission';
import { timelinessRules } from './timeliness';
import { engineMeta } from './engine-meta';

export const RULES: readonly Rule[] = [
  ...structureRules,
  ...textRules,
  ...activeRules,
  ...applicationsRules,
  ...reviewRules,
  ...tableRules,
  ...consistencyRules,
  ...problemsRules,
  ...otherRules,
  ...seriesRules,
  ...corpusRules,
  ...submissionRules,
  ...timelinessRules,
];

/** Every rule's metadata, plus the engine's own `engine/rule-failed`. */
export function catalogue(): {
  id: string;
  severity: string;
  title: string;
  description: string;
}[] {
  return [...RULES.map((r) => r.meta), engineMeta].map((m) => ({ ...m }));
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
