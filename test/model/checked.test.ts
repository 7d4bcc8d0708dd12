import { describe, expect, it } from 'vitest';
import { at, atOr, isKeyOf, must, recordOf } from '../../src/core/model/checked';

describe('checked access', () => {
  it('at() returns in-range elements, counts negative from the end and throws out of range', () => {
    const a = [10, 20, 30];
    expect(at(a, 0)).toBe(10);
    expect(at(a, -1)).toBe(30);
    expect(() => at(a, 3)).toThrow(RangeError);
    expect(() => at([], 0)).toThrow(/out of range/);
    expect(at(new Uint8Array([7]), 0)).toBe(7);
    expect(at('ab', 1)).toBe('b');
  });
  it('at() keeps an undefined that is really stored in range', () => {
    expect(at([undefined], 0)).toBeUndefined();
  });
  it('must() passes values through, including 0 and empty strings, and throws on null or undefined', () => {
    expect(must(0)).toBe(0);
    expect(must('')).toBe('');
    expect(() => must(undefined, 'table')).toThrow('table is missing');
    expect(() => must(null)).toThrow();
  });
  it('atOr() falls back out of range', () => {
    expect(atOr([1], 1, -1)).toBe(-1);
    expect(atOr([1], 0, -1)).toBe(1);
  });
  it('isKeyOf() knows own keys only', () => {
    const labels = { a: 'A', b: '' };
    expect(isKeyOf(labels, 'a')).toBe(true);
    expect(isKeyOf(labels, 'b')).toBe(true);
    expect(isKeyOf(labels, 'c')).toBe(false);
    expect(isKeyOf(labels, 'toString')).toBe(false);
    expect(isKeyOf(labels, undefined)).toBe(false);
    expect(isKeyOf(labels, null)).toBe(false);
    expect(isKeyOf(labels, 1)).toBe(false);
  });
  it("recordOf() gives one fresh value per key, in the keys' order", () => {
    const r = recordOf(['x', 'y'] as const, (k) => ({ k }));
    expect(r).toEqual({ x: { k: 'x' }, y: { k: 'y' } });
    expect(Object.keys(r)).toEqual(['x', 'y']);
    expect(r.x).not.toBe(r.y);
  });
});
