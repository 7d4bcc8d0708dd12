/** The other/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { otherMissingFeeStatement } from './missing-fee-statement';
import { otherOptionalItemMissing } from './optional-item-missing';

export const otherRules: Rule[] = [otherMissingFeeStatement, otherOptionalItemMissing];
