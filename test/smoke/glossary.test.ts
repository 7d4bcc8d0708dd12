import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ROW_KEYS,
  RESULT_ROW_KEYS,
  APPLICANT_PARTS,
  REVIEW_PARTS,
} from '../../src/core/model/glossary';

describe('glossary', () => {
  it('has the 25 rows of table 三 and the 21 result rows between granted and otherHandling.other', () => {
    expect(APPLICATION_ROW_KEYS).toHaveLength(25);
    expect(RESULT_ROW_KEYS).toHaveLength(21);
    expect(RESULT_ROW_KEYS[0]).toBe('granted');
    expect(RESULT_ROW_KEYS[20]).toBe('otherHandling.other');
    expect(APPLICANT_PARTS).toHaveLength(6);
    expect(REVIEW_PARTS).toEqual(['upheld', 'corrected', 'other', 'pending']);
  });
});
