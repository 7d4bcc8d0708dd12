/** The text/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { textDuplicateParagraph } from './duplicate-paragraph';
import { textStaleYear } from './stale-year';
import { textTemplateLeftover } from './template-leftover';
import { textUnbalancedBrackets } from './unbalanced-brackets';

export const textRules: Rule[] = [
  textDuplicateParagraph,
  textStaleYear,
  textTemplateLeftover,
  textUnbalancedBrackets,
];
