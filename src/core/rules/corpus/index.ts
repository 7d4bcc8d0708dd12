/** The corpus/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { corpusCopiedSection } from './copied-section';

export const corpusRules: Rule[] = [corpusCopiedSection];
