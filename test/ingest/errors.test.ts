import { describe, expect, it } from 'vitest';
import { INGEST_ERROR_CODES, IngestError } from '../../src/core/ingest/errors';

describe('IngestError', () => {
  it('carries its reason code beside the Chinese message', () => {
    const e = new IngestError('文件为空（0 字节），无法读取。', 'empty');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('IngestError');
    expect(e.code).toBe('empty');
    expect(e.message).toBe('文件为空（0 字节），无法读取。');
  });

  it('has a closed list of distinct codes in kebab case', () => {
    expect(new Set(INGEST_ERROR_CODES).size).toBe(INGEST_ERROR_CODES.length);
    for (const c of INGEST_ERROR_CODES) expect(c).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
