/**
 * Node 22 prints "ExperimentalWarning: SQLite is an experimental feature and might change at any
 * time" on stderr the first time node:sqlite loads (the workspace store): an English line a user of
 * the command line or of the app takes for a fault. quietSqliteWarning drops that one warning and lets
 * every other warning through unchanged; the store calls it itself before it loads node:sqlite
 * (schema.ts, nodeSqlite), in every process.
 */

/** Node's own words for the warning (lib/sqlite.js, emitExperimentalWarning('SQLite')). */
const SQLITE_WARNING = /^SQLite is an experimental feature/;

/** The type a process.emitWarning call gives: its second argument, its options' type, or the Error's name. */
function warningType(warning: string | Error, rest: readonly unknown[]): string | undefined {
  if (warning instanceof Error) return warning.name;
  const [second] = rest;
  if (typeof second === 'string') return second;
  if (typeof second === 'object' && second !== null && 'type' in second) {
    const { type } = second;
    return typeof type === 'string' ? type : undefined;
  }
  return undefined;
}

/** True for node:sqlite's ExperimentalWarning, and for nothing else. */
export function isSqliteExperimentalWarning(
  warning: string | Error,
  rest: readonly unknown[] = [],
): boolean {
  const message = warning instanceof Error ? warning.message : warning;
  return warningType(warning, rest) === 'ExperimentalWarning' && SQLITE_WARNING.test(message);
}

let installed = false;

/** Drops node:sqlite's ExperimentalWarning from this process; call before the store loads. */
export function quietSqliteWarning(): void {
  if (installed) return;
  installed = true;
  const emit = process.emitWarning;
  const filtered = (warning: string | Error, ...rest: unknown[]): void => {
    if (isSqliteExperimentalWarning(warning, rest)) return;
    Reflect.apply(emit, process, [warning, ...rest]);
  };
  process.emitWarning = filtered;
}
