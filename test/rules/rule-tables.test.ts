/**
 * Every rule of the registry has its table in the rule tester: its test file calls
 * `ruleTester.run(<export>, { valid: [...], invalid: [...] })` with at least one case on each side,
 * and the export is named after the rule's id (`structure/missing-section` → structureMissingSection).
 * The files are read as TypeScript syntax, not run, so the cases are counted as written (a spread
 * `...cases.map(...)` counts as one or more).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/registry';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Rules that are tested elsewhere, not by a table, and why. None today: the engine's own
 * `engine/rule-failed` is not in the registry; test/rules/rule-tester.test.ts makes a rule throw.
 */
const NO_TABLE: Readonly<Record<string, string>> = {};

/** `group/kebab-name` → groupKebabName. */
function exportNameOf(id: string): string {
  const [group = '', name = ''] = id.split('/');
  return group + name.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

interface Table {
  exported: string;
  valid: number;
  invalid: number;
}

function arrayCount(obj: ts.ObjectLiteralExpression, key: string): number {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === key) {
      return ts.isArrayLiteralExpression(p.initializer) ? p.initializer.elements.length : 0;
    }
  }
  return 0;
}

function tablesIn(file: string): Table[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const out: Table[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      node.expression.getText() === 'ruleTester.run' &&
      node.arguments.length === 2
    ) {
      const [rule, table] = node.arguments;
      if (rule && table && ts.isObjectLiteralExpression(table)) {
        out.push({
          exported: rule.getText(),
          valid: arrayCount(table, 'valid'),
          invalid: arrayCount(table, 'invalid'),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('rule tables', () => {
  it('export names follow the ids', () => {
    expect(exportNameOf('structure/missing-section')).toBe('structureMissingSection');
    expect(exportNameOf('table/blank-cell')).toBe('tableBlankCell');
    expect(exportNameOf('timeliness/late')).toBe('timelinessLate');
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    it(`${id}: exported as ${exportNameOf(id)}, with a table of valid and invalid cases`, async () => {
      const module: Record<string, unknown> = await import(
        /* @vite-ignore */ path.join(ROOT, 'src/core/rules', `${id}.ts`)
      );
      expect(module[exportNameOf(id)], `src/core/rules/${id}.ts exports ${exportNameOf(id)}`).toBe(
        rule,
      );
      if (id in NO_TABLE) return;
      const tables = tablesIn(path.join(ROOT, 'test/rules', `${id}.test.ts`));
      expect(tables.map((t) => t.exported)).toEqual([exportNameOf(id)]);
      const [table] = tables;
      expect(table?.valid, 'valid cases').toBeGreaterThan(0);
      expect(table?.invalid, 'invalid cases').toBeGreaterThan(0);
    });
  }
});
