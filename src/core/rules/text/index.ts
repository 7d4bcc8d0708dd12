/** The text/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { duplicateParagraph } from './duplicate-paragraph';
import { staleYear } from './stale-year';
import { templateLeftover } from './template-leftover';
import { unbalancedBrackets } from './unbalanced-brackets';

export const textRules: Rule[] = [
  duplicateParagraph,
  staleYear,
  templateLeftover,
  unbalancedBrackets,
];
