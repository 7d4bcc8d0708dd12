/** The active/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { activeEffectiveBelowNetIssued } from './effective-below-net-issued';
import { activeInvalidValue } from './invalid-value';
import { activeRegulationsAtCountyLevel } from './regulations-at-county-level';

export const activeRules: Rule[] = [
  activeEffectiveBelowNetIssued,
  activeInvalidValue,
  activeRegulationsAtCountyLevel,
];
