/**
 * Checked access. With `noUncheckedIndexedAccess`, `arr[i]` is `T | undefined`; code that knows the
 * index is in range says so with `at(arr, i)` — which throws a named error if it is not — instead of
 * `arr[i] as T` or `arr[i]!`, which would let an `undefined` through silently.
 */

/** The element at `i` (negative counts from the end); throws if there is none. */
export function at<T>(arr: ArrayLike<T>, i: number): T {
  const k = i < 0 ? arr.length + i : i;
  const v = arr[k];
  if (v === undefined && !(k >= 0 && k < arr.length)) {
    throw new RangeError(`index ${i} out of range (length ${arr.length})`);
  }
  return v as T;
}

/** `v`, which the caller knows is there; throws with `what` if it is null or undefined. */
export function must<T>(v: T | null | undefined, what = 'value'): T {
  if (v === null || v === undefined) throw new Error(`${what} is missing`);
  return v;
}

/** The element at `i`, or `fallback` when out of range (for loops that read one past the end). */
export function atOr<T>(arr: ArrayLike<T>, i: number, fallback: T): T {
  const v = i >= 0 && i < arr.length ? arr[i] : undefined;
  return v === undefined ? fallback : v;
}

/** Whether `key` is a string and an own key of `record` (a key like 'toString' does not count). */
export function isKeyOf<K extends string>(
  record: Readonly<Record<K, unknown>>,
  key: unknown,
): key is K {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * A record with one entry per key, in the keys' order: `Object.fromEntries(keys.map(...))` with
 * its type. The one place that asserts what fromEntries cannot know: every key got its value.
 */
export function recordOf<K extends string, V>(
  keys: readonly K[],
  value: (k: K) => V,
): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}
