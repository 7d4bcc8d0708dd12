/** The table/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { tableBlankCell } from './blank-cell';

export const tableRules: Rule[] = [tableBlankCell];
