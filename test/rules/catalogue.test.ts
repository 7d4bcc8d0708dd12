/**
 * Meta-test (ESLint style): the catalogue of rules.md, the registry, the rule files and their
 * tests agree. rules.md lives in shared/ beside the repository (as in CI); its absence is a
 * failure, not a skip — the catalogue is the contract this test guards.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/registry';

const ROOT = path.resolve(__dirname, '../..');
const RULES_MD = path.resolve(ROOT, '../shared/spec/rules.md');

interface CatalogueEntry {
  id: string;
  severity: string;
}

/** Rows of the catalogue tables: | `group/name` | sev | fires when | quiet when |. */
function readCatalogue(): CatalogueEntry[] {
  const text = readFileSync(RULES_MD, 'utf8');
  const out: CatalogueEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\|\s*`([a-z0-9-]+\/[a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (!m) continue;
    // "info / error" (structure/statistics-period): the first is the default.
    out.push({ id: m[1] as string, severity: (m[2] as string).split('/')[0]!.trim() });
  }
  return out;
}

describe('rule catalogue', () => {
  it('rules.md is present beside the repository', () => {
    expect(existsSync(RULES_MD), `${RULES_MD} 不存在`).toBe(true);
  });

  const catalogue = existsSync(RULES_MD) ? readCatalogue() : [];
  const registered = new Map(RULES.map((r) => [r.meta.id, r]));

  it('rules.md lists rules, each once', () => {
    expect(catalogue.length).toBeGreaterThan(30);
    expect(new Set(catalogue.map((e) => e.id)).size).toBe(catalogue.length);
  });

  it('registered ids are unique', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('every catalogue id is registered with its default severity', () => {
    const wrong = catalogue
      .filter((e) => registered.get(e.id)?.meta.severity !== e.severity)
      .map(
        (e) =>
          `${e.id}: rules.md ${e.severity}, registry ${registered.get(e.id)?.meta.severity ?? '未注册'}`,
      );
    expect(wrong).toEqual([]);
  });

  it('no registered rule is outside the catalogue', () => {
    const known = new Set(catalogue.map((e) => e.id));
    expect(RULES.map((r) => r.meta.id).filter((id) => !known.has(id))).toEqual([]);
  });

  it('every catalogue rule has its file and its test file', () => {
    const absent: string[] = [];
    for (const { id } of catalogue) {
      const file = path.join(ROOT, 'src/core/rules', `${id}.ts`);
      const test = path.join(ROOT, 'test/rules', `${id}.test.ts`);
      if (!existsSync(file)) absent.push(path.relative(ROOT, file));
      if (!existsSync(test)) absent.push(path.relative(ROOT, test));
    }
    expect(absent).toEqual([]);
  });

  it('every rule file defines the rule its path names', () => {
    const wrong: string[] = [];
    for (const { id } of catalogue) {
      const file = path.join(ROOT, 'src/core/rules', `${id}.ts`);
      if (existsSync(file) && !readFileSync(file, 'utf8').includes(`id: '${id}'`)) wrong.push(id);
    }
    expect(wrong).toEqual([]);
  });

  it('titles and descriptions are non-empty Chinese', () => {
    const han = /\p{Script=Han}/u;
    const bad = RULES.filter(
      (r) => !han.test(r.meta.title) || r.meta.title.trim() === '' || !han.test(r.meta.description),
    ).map((r) => r.meta.id);
    expect(bad).toEqual([]);
  });

  it('the registry keeps each group in id order', () => {
    const groups = new Map<string, string[]>();
    for (const r of RULES) {
      const g = r.meta.id.split('/')[0]!;
      groups.set(g, [...(groups.get(g) ?? []), r.meta.id]);
    }
    for (const [, ids] of groups) expect(ids).toEqual([...ids].sort());
  });
});
