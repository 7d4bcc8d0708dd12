/** The other/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { missingFeeStatement } from './missing-fee-statement';
import { optionalItemMissing } from './optional-item-missing';

export const otherRules: Rule[] = [missingFeeStatement, optionalItemMissing];
