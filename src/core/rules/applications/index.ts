/** The applications/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { applicationsBalance } from './balance';
import { applicationsInvalidValue } from './invalid-value';
import { applicationsResultsSum } from './results-sum';
import { applicationsRowSum } from './row-sum';

export const applicationsRules: Rule[] = [
  applicationsBalance,
  applicationsInvalidValue,
  applicationsResultsSum,
  applicationsRowSum,
];
