/** The consistency/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { applicationCount } from './application-count';
import { effectiveCount } from './effective-count';
import { noApplicationsClaim } from './no-applications-claim';
import { noReviewLitigationClaim } from './no-review-litigation-claim';
import { repealedCount } from './repealed-count';

export const consistencyRules: Rule[] = [
  applicationCount,
  effectiveCount,
  noApplicationsClaim,
  noReviewLitigationClaim,
  repealedCount,
];
