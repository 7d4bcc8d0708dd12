/** The review/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { reviewGroupSum } from './group-sum';
import { reviewInvalidValue } from './invalid-value';

export const reviewRules: Rule[] = [reviewGroupSum, reviewInvalidValue];
