/** The consistency/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { consistencyApplicationCount } from './application-count';
import { consistencyEffectiveCount } from './effective-count';
import { consistencyNoApplicationsClaim } from './no-applications-claim';
import { consistencyNoReviewLitigationClaim } from './no-review-litigation-claim';
import { consistencyRepealedCount } from './repealed-count';

export const consistencyRules: Rule[] = [
  consistencyApplicationCount,
  consistencyEffectiveCount,
  consistencyNoApplicationsClaim,
  consistencyNoReviewLitigationClaim,
  consistencyRepealedCount,
];
