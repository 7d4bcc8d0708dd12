/** The submission/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { submissionMultipleVersions } from './multiple-versions';

export const submissionRules: Rule[] = [submissionMultipleVersions];
