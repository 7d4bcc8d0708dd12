/** The series/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { seriesCarryOver } from './carry-over';
import { seriesEffectiveChain } from './effective-chain';
import { seriesEffectiveUnchanged } from './effective-unchanged';
import { seriesIdenticalTables } from './identical-tables';
import { seriesRepeatedProblems } from './repeated-problems';

export const seriesRules: Rule[] = [
  seriesCarryOver,
  seriesEffectiveChain,
  seriesEffectiveUnchanged,
  seriesIdenticalTables,
  seriesRepeatedProblems,
];
