/**
 * Workspace files of earlier builds: written by sql.js (the whole database exported at each save),
 * with a journal of unsaved decisions beside them after a crash, or a .bak a crashed save left.
 * They open with the node:sqlite store; the journal is replayed once and removed.
 */
import { copyFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import { Journal, WorkspaceStore, reportKeyOf } from '../../src/core/store';
import type { StoredDecision } from '../../src/core/store';
import { DEFAULT_SETTINGS } from '../../src/core/rules/types';
import { finding, imported, tempDir } from './helpers';

/** The schema of the sql.js builds (schema version 1), as they created it. */
const OLD_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, audited_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY,
  file_id INTEGER NOT NULL UNIQUE REFERENCES files(id) ON DELETE CASCADE,
  model TEXT NOT NULL, html TEXT NOT NULL, notes TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS findings (report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, fingerprint TEXT NOT NULL, location TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (report_id, seq));
CREATE INDEX IF NOT EXISTS findings_fingerprint ON findings(fingerprint);
CREATE TABLE IF NOT EXISTS decisions (fingerprint TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'dismissed')), note TEXT NOT NULL,
  updated_at TEXT NOT NULL, rule_id TEXT NOT NULL, report_key TEXT NOT NULL,
  report_id TEXT NOT NULL DEFAULT '', last_message TEXT NOT NULL, last_location TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, message TEXT NOT NULL, at TEXT NOT NULL);
`;

const WS = 'old-workspace-id';

/** A workspace as the sql.js build saved it: one report, three findings, one decision, settings. */
async function oldWorkspace(path: string): Promise<string[]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(OLD_SCHEMA);
  db.run(
    `INSERT INTO meta VALUES ('workspace_id', '${WS}'), ('app', 'nianbao-audit'), ('schema_version', '1'), ('created_at', '2024-01-01T00:00:00.000Z')`,
  );
  const file = imported('/docs/a.docx', 'h1');
  const model = { ...file.model, id: 'r1', file: file.path };
  db.run('INSERT INTO files(path, sha256, size, audited_at) VALUES (?, ?, ?, ?)', [
    file.path,
    file.sha256,
    file.size,
    file.auditedAt,
  ]);
  db.run('INSERT INTO reports VALUES (?, 1, ?, ?, ?)', [
    'r1',
    JSON.stringify(model),
    file.html,
    '[]',
  ]);
  const fps = ['newReceived', 'carriedOver', 'granted'].map((row, seq) => {
    const f = finding(row);
    const fp = findingFingerprint(model, f);
    db.run('INSERT INTO findings VALUES (?, ?, ?, ?, ?)', ['r1', seq, fp, row, JSON.stringify(f)]);
    return fp;
  });
  db.run('INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    fps[0] ?? '',
    'confirmed',
    '已保存的',
    '2024-01-02T00:00:00.000Z',
    'applications/balance',
    reportKeyOf(model),
    'r1',
    'm',
    'l',
  ]);
  db.run('INSERT INTO settings VALUES (1, ?)', [
    JSON.stringify({ ...DEFAULT_SETTINGS, disabled: ['text/typos'] }),
  ]);
  writeFileSync(path, db.export());
  return fps;
}

const entry = (fingerprint: string, status: StoredDecision['status'], note: string) => ({
  fingerprint,
  status,
  note,
  updatedAt: '2024-01-03T00:00:00.000Z',
  ruleId: 'applications/balance',
  reportKey: '测试区财政局#2023',
  reportId: 'r1',
  lastMessage: 'm',
  lastLocation: 'l',
});

describe('workspace files of the sql.js builds', () => {
  it('open with everything in them, and take new decisions in place', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.nianbao');
    const [fp0, fp1] = await oldWorkspace(path);
    const { store, notes } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(notes).toEqual([]);
    expect(store.id).toBe(WS);
    expect(store.listReports().map((r) => r.id)).toEqual(['r1']);
    expect(store.findings('r1')).toHaveLength(3);
    expect(store.decision(fp0 ?? '')).toMatchObject({ status: 'confirmed', note: '已保存的' });
    expect(store.settings().disabled).toEqual(['text/typos']);
    store.decide(entry(fp1 ?? '', 'dismissed', '新版本中'));
    await store.close();
    const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(again.decision(fp1 ?? '')?.note).toBe('新版本中');
    await again.close();
    expect(readdirSync(dir)).toEqual(['old.nianbao']);
  });

  it('replay the journal a crash of the old build left, once, and remove it', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.nianbao');
    const [fp0, fp1, fp2] = await oldWorkspace(path);
    const journal = new Journal(`${path}.journal`);
    journal.append({ v: 1, ws: WS, t: 'decision', d: entry(fp1 ?? '', 'dismissed', '日志一') });
    journal.append({
      v: 1,
      ws: 'someone-else',
      t: 'decision',
      d: entry(fp2 ?? '', 'confirmed', 'x'),
    });
    journal.append({
      v: 1,
      ws: WS,
      t: 'settings',
      s: { ...DEFAULT_SETTINGS, disabled: ['text/typos', 'structure/title'] },
    });
    // Lines that do not pass the file's own checks are skipped, like torn ones.
    writeFileSync(
      `${path}.journal`,
      JSON.stringify({ v: 1, ws: WS, t: 'decision', d: entry(fp2 ?? '', 'pending', 'x'), x: 0 })
        .replace('"pending"', '"maybe"')
        .concat('\n'),
      { flag: 'a' },
    );
    writeFileSync(
      `${path}.journal`,
      JSON.stringify({
        v: 1,
        ws: WS,
        t: 'settings',
        s: { ...DEFAULT_SETTINGS, deadlines: { department: '13-45', government: '03-31' } },
      }).concat('\n'),
      { flag: 'a' },
    );
    // A crash half-way through an append: a torn last line.
    writeFileSync(`${path}.journal`, `{"v":1,"ws":"${WS}","t":"decision","d":{"fingerp`, {
      flag: 'a',
    });

    const { store, notes } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(notes.join('')).toContain('2 项');
    expect(store.decision(fp0 ?? '')?.note).toBe('已保存的');
    expect(store.decision(fp1 ?? '')).toMatchObject({ status: 'dismissed', note: '日志一' });
    expect(store.decision(fp2 ?? '')).toBeNull(); // another workspace's entry
    expect(store.settings().disabled).toEqual(['text/typos', 'structure/title']);
    expect(existsSync(`${path}.journal`)).toBe(false);
    await store.close();

    const { store: again, notes: none } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(none).toEqual([]);
    expect(again.decision(fp1 ?? '')?.note).toBe('日志一');
    await again.close();
  });

  it('use the .bak a crashed old save left when the file itself is torn or missing', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.nianbao');
    const [fp0] = await oldWorkspace(path);
    copyFileSync(path, `${path}.bak`);
    writeFileSync(path, Buffer.from('SQLite format 3\u0000garbage'));
    const { store, notes } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(notes.join('')).toContain('备份');
    expect(store.decision(fp0 ?? '')?.status).toBe('confirmed');
    await store.close();
    expect(readdirSync(dir)).toEqual(['old.nianbao']);

    copyFileSync(path, `${path}.bak`);
    rmSync(path);
    const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(again.decision(fp0 ?? '')?.status).toBe('confirmed');
    await again.close();
    expect(readdirSync(dir)).toEqual(['old.nianbao']);
  });
});
