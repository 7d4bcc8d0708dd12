/** The problems/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { problemsMissingImprovements } from './missing-improvements';

export const problemsRules: Rule[] = [problemsMissingImprovements];
