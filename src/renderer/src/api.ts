/** The one way to main: window.nianbao, typed by the shared contract. Failures become thrown Errors for the UI to show. */
import type { NianbaoApi, Result } from '../../shared/ipc';

declare global {
  interface Window {
    nianbao: NianbaoApi;
  }
}

export function api(): NianbaoApi {
  return window.nianbao;
}

export class ApiError extends Error {}

/** Unwraps a Result: the Chinese message of a failure becomes an ApiError. */
export async function unwrap<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new ApiError(r.message);
  return r.value;
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return `操作失败：${e.message}`;
  return '操作失败。';
}
