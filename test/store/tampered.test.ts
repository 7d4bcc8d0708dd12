/**
 * Done means: "a test opens a tampered workspace file (a model with a wrong shape, settings out of
 * range) and gets a clear refusal with nothing changed on disk". The file is refused as a whole —
 * never half-loaded — and its bytes and the folder's listing stay exactly as they were.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { WorkspaceError, WorkspaceStore } from '../../src/core/store';
import { DEFAULT_SETTINGS } from '../../src/core/rules/types';
import { decision, finding, imported, putFindings, tempDir } from './helpers';

/** A good workspace, then changed behind the program's back with `sql`. */
async function tampered(sql: string): Promise<{ dir: string; path: string }> {
  const dir = tempDir();
  const path = join(dir, '同事的工作区.nianbao');
  const store = await WorkspaceStore.create({ autosaveMs: 0 });
  const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
  const [fp] = putFindings(store, id, [finding('newReceived')]);
  decision(store, fp ?? '', 'confirmed', '已核实');
  store.setSettings({ ...DEFAULT_SETTINGS, disabled: ['text/typos'] });
  await store.save(path);
  await store.close();
  const db = new DatabaseSync(path);
  db.exec(sql);
  db.close();
  return { dir, path };
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
}

async function expectRefused(sql: string, message: RegExp): Promise<void> {
  const { dir, path } = await tampered(sql);
  const before = snapshot(dir);
  expect([...before.keys()]).toEqual(['同事的工作区.nianbao']);
  for (const opening of [
    () => WorkspaceStore.open(path, { autosaveMs: 0 }),
    () => WorkspaceStore.openReadOnly(path),
  ]) {
    const err: unknown = await opening().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkspaceError);
    expect(err instanceof Error ? err.message : '').toMatch(message);
    const after = snapshot(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [n, bytes] of before) expect(after.get(n)?.equals(bytes), n).toBe(true);
  }
}

describe('a damaged or tampered workspace file', () => {
  it('the untampered file opens (the fixture is sound)', async () => {
    const { path } = await tampered('SELECT 1');
    const { store } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(store.listReports()).toHaveLength(1);
    await store.close();
  });

  it('is refused when a model has a wrong shape (a cell that is text)', async () => {
    await expectRefused(
      `UPDATE reports SET model = json_set(model, '$.tables.applications.newReceived.total', '5')`,
      /工作区文件已损坏或被改动：报告 r1（\/docs\/a\.docx）的内容不符合格式/,
    );
  });

  it('is refused when a model lacks its sections', async () => {
    await expectRefused(
      `UPDATE reports SET model = json_remove(model, '$.sections')`,
      /已损坏或被改动：报告 r1/,
    );
  });

  it('is refused when a model is not JSON at all', async () => {
    await expectRefused(`UPDATE reports SET model = '{"id": '`, /已损坏或被改动：报告 r1/);
  });

  it('is refused when the settings are out of range', async () => {
    await expectRefused(
      `UPDATE settings SET data = json_set(data, '$.deadlines.department', '13-45')`,
      /已损坏或被改动：审查设置（设置无效：公开期限应为“月-日”格式/,
    );
  });

  it('is refused when a decision has a status outside the vocabulary', async () => {
    await expectRefused(
      `PRAGMA ignore_check_constraints = ON; UPDATE decisions SET status = 'maybe'`,
      /已损坏或被改动：审查结论/,
    );
  });

  it('is refused when a finding has a wrong shape', async () => {
    await expectRefused(
      `UPDATE findings SET data = json_set(data, '$.severity', 'fatal')`,
      /已损坏或被改动：问题记录/,
    );
  });

  it('is refused when it belongs to another program', async () => {
    await expectRefused(
      `UPDATE meta SET value = 'other-app' WHERE key = 'app'`,
      /不是年报审查工作区/,
    );
  });

  it('is refused when a newer version wrote it', async () => {
    await expectRefused(
      `UPDATE meta SET value = '99' WHERE key = 'schema_version'`,
      /更新版本的年报审查创建/,
    );
  });
});
