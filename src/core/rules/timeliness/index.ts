/** The timeliness/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { timelinessLate } from './late';

export const timelinessRules: Rule[] = [timelinessLate];
