import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceError, WorkspaceStore } from '../../src/core/store';
import { DEFAULT_SETTINGS } from '../../src/core/rules/types';
import { decision, finding, imported, putFindings, tempDir } from './helpers';

describe('WorkspaceStore', () => {
  it('stores files, models, html, findings and decisions, and reads them back after save/reopen', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    const { id, status } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    expect(status).toBe('added');
    expect(id).toMatch(/^r\d+$/);
    const [fp1, fp2] = putFindings(store, id, [finding('newReceived'), finding('carriedOver')]);
    decision(store, fp1!, 'confirmed', '已核实');
    decision(store, fp2!, 'dismissed', '表格说明已解释');
    store.setSettings({ ...DEFAULT_SETTINGS, disabled: ['text/typos'] });
    await store.save(path);
    expect(store.path).toBe(path);
    expect(store.dirty).toBe(false);
    await store.close();

    const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    const reports = again.listReports();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ id, path: '/docs/a.docx', sha256: 'h1', size: 100 });
    expect(reports[0]!.model.id).toBe(id);
    expect(again.reportContent(id)?.html).toContain('data-nb-block');
    expect(again.findings(id).map((f) => f.fingerprint)).toEqual([fp1, fp2]);
    const d = again.decisions();
    expect(d.get(fp1!)).toMatchObject({
      status: 'confirmed',
      note: '已核实',
      ruleId: 'applications/balance',
      reportKey: '测试区财政局#2023',
    });
    expect(d.get(fp2!)?.status).toBe('dismissed');
    expect(again.settings().disabled).toEqual(['text/typos']);
    expect(again.id).toBe(store.id);
    await again.close();
  });

  it('reports an unchanged file as unchanged and a changed file (same path, new hash) as updated with the same id', async () => {
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    const a = store.upsertReport(imported('/docs/a.docx', 'h1'));
    expect(store.upsertReport(imported('/docs/a.docx', 'h1'))).toEqual({
      id: a.id,
      status: 'unchanged',
    });
    const b = store.upsertReport(imported('/docs/a.docx', 'h2'));
    expect(b).toEqual({ id: a.id, status: 'updated' });
    expect(store.listReports()).toHaveLength(1);
    expect(store.listReports()[0]?.sha256).toBe('h2');
    const c = store.upsertReport(imported('/docs/b.docx', 'h3', { year: 2022 }));
    expect(c.status).toBe('added');
    expect(c.id).not.toBe(a.id);
    await store.close();
  });

  it('keeps decisions across re-import of a changed file; a decision whose finding disappeared shows as resolved', async () => {
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    const [fpKept, fpGone] = putFindings(store, id, [
      finding('newReceived'),
      finding('carriedOver'),
    ]);
    decision(store, fpKept!, 'confirmed', '保留');
    decision(store, fpGone!, 'dismissed', '会消失');
    expect(store.resolvedDecisions()).toEqual([]);

    // The office fixes one number: the file changes, the model is replaced, the rules run again.
    store.upsertReport(imported('/docs/a.docx', 'h2'));
    expect(store.findings(id)).toEqual([]); // cleared until the rules run
    const [fpAgain] = putFindings(store, id, [
      finding('newReceived', { message: '换了措辞和数字', expected: 9, actual: 8 }),
    ]);
    expect(fpAgain).toBe(fpKept); // fingerprint ignores wording and numbers
    expect(store.decision(fpKept!)).toMatchObject({ status: 'confirmed', note: '保留' });

    const resolved = store.resolvedDecisions();
    expect(resolved.map((d) => d.fingerprint)).toEqual([fpGone]);
    expect(resolved[0]).toMatchObject({
      status: 'dismissed',
      note: '会消失',
      lastMessage: '第carriedOver行不平',
    });
    expect(
      store.resolvedDecisions({ reportKey: '测试区财政局#2023', reportId: 'none' }),
    ).toHaveLength(1);
    expect(store.resolvedDecisions({ reportKey: '别的单位#2023', reportId: 'none' })).toHaveLength(
      0,
    );
    // The file now reads as another agency (say, extraction improved): still found by report id.
    expect(store.resolvedDecisions({ reportKey: '别的单位#2023', reportId: id })).toHaveLength(1);
    // Never silently dropped: the decision itself is still there.
    expect(store.decisions().size).toBe(2);
    await store.close();
  });

  it('keeps decisions when a report is removed (after a save) and imported again from another folder', async () => {
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    await store.save(join(tempDir(), 'x.nianbao'));
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    const [fp] = putFindings(store, id, [finding('newReceived')]);
    decision(store, fp!, 'confirmed', 'x');
    expect(store.removeReport(id)).toBe(true);
    expect(store.listReports()).toEqual([]);
    expect(store.findings()).toEqual([]);
    expect(store.resolvedDecisions().map((d) => d.fingerprint)).toEqual([fp]);
    // The same file moved to another folder: decisions follow the file name (a renamed file is another version).
    const { id: id2 } = store.upsertReport(imported('/elsewhere/a.docx', 'h1'));
    putFindings(store, id2, [finding('newReceived')]);
    expect(store.resolvedDecisions()).toEqual([]);
    expect(store.decision(fp!)?.status).toBe('confirmed');
    await store.close();
  });

  it('records and lists read failures; a later successful import clears them', async () => {
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    store.recordFailure('/docs/a.docx', '文件已损坏');
    expect(store.failures()).toEqual([{ file: '/docs/a.docx', message: '文件已损坏' }]);
    store.upsertReport(imported('/docs/a.docx', 'h1'));
    expect(store.failures()).toEqual([]);
    await store.close();
  });

  it('refuses a file that is not a workspace, with a Chinese message', async () => {
    const dir = tempDir();
    const bogus = join(dir, 'x.nianbao');
    writeFileSync(bogus, 'this is not sqlite at all');
    await expect(WorkspaceStore.open(bogus)).rejects.toBeInstanceOf(WorkspaceError);
    await expect(WorkspaceStore.open(bogus)).rejects.toThrow(/工作区/);
    await expect(WorkspaceStore.open(join(dir, 'missing.nianbao'))).rejects.toThrow(
      '工作区文件不存在',
    );
  });

  it('autosaves shortly after a change', async () => {
    const dir = tempDir();
    const path = join(dir, 'auto.nianbao');
    const saved: string[] = [];
    const store = await WorkspaceStore.create({ autosaveMs: 30, onSaved: (p) => saved.push(p) });
    await store.save(path);
    saved.length = 0;
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    const [fp] = putFindings(store, id, [finding('newReceived')]);
    decision(store, fp!, 'confirmed');
    expect(store.dirty).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(saved).toEqual([path]);
    expect(store.dirty).toBe(false);
    // Nothing lies beside the file: no journal, no -journal, no temporary file.
    expect(readdirSync(dir)).toEqual(['auto.nianbao']);
    store.abandon();
    const { store: again } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(again.decision(fp!)?.status).toBe('confirmed');
  });

  it('an untitled workspace lives in its recovery file and reopens from it after a crash', async () => {
    const dir = tempDir();
    const recoveryPath = join(dir, 'untitled.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0, recoveryPath });
    expect(existsSync(recoveryPath)).toBe(true);
    expect(store.path).toBeNull();
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    const [fp] = putFindings(store, id, [finding('newReceived')]);
    decision(store, fp!, 'dismissed', '未保存即崩溃'); // committed when acknowledged, no save needed
    store.abandon();
    const { store: again, notes } = await WorkspaceStore.open(
      recoveryPath,
      { autosaveMs: 0, recoveryPath },
      true,
    );
    expect(again.path).toBeNull();
    expect(again.decision(fp!)).toMatchObject({ status: 'dismissed', note: '未保存即崩溃' });
    expect(notes).toEqual([]);
    expect(readdirSync(dir)).toEqual(['untitled.nianbao']);
  });

  it('save-as moves the workspace to the new file and leaves no temporary files', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.nianbao');
    const b = join(dir, 'b.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    await store.save(a);
    store.upsertReport(imported('/docs/a.docx', 'h1')); // committed into a.nianbao
    await store.save(b);
    expect(store.path).toBe(b);
    store.upsertReport(imported('/docs/b.docx', 'h2')); // only into b.nianbao
    await store.save();
    expect(readdirSync(dir).sort()).toEqual(['a.nianbao', 'b.nianbao']);
    const { store: sa } = await WorkspaceStore.open(a, { autosaveMs: 0 });
    const { store: sb } = await WorkspaceStore.open(b, { autosaveMs: 0 });
    expect(sa.listReports().map((r) => r.path)).toEqual(['/docs/a.docx']);
    expect(sb.listReports().map((r) => r.path)).toEqual(['/docs/a.docx', '/docs/b.docx']);
    expect(sb.id).toBe(store.id);
    expect(readFileSync(b).subarray(0, 15).toString()).toBe('SQLite format 3');
    await Promise.all([store.close(), sa.close(), sb.close()]);
    expect(readdirSync(dir).sort()).toEqual(['a.nianbao', 'b.nianbao']);
  });

  it('writes each change into the file at once: a copy taken while the app is open holds it', async () => {
    const dir = tempDir();
    const path = join(dir, 'live.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    await store.save(path);
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    const [fp] = putFindings(store, id, [finding('newReceived')]);
    decision(store, fp!, 'confirmed', '未点保存');
    // The user copies the file in Explorer (or mails it) without saving: nothing is missing.
    const copy = join(dir, 'copy.nianbao');
    copyFileSync(path, copy);
    const ro = await WorkspaceStore.openReadOnly(copy);
    expect(ro.decision(fp!)).toMatchObject({ status: 'confirmed', note: '未点保存' });
    await ro.close();
    await store.close();
  });
});

describe('WorkspaceStore writes', () => {
  it('commits imports in a batch, without waiting for a save, and a decision at once', async () => {
    const dir = tempDir();
    const path = join(dir, 'w.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    await store.save(path);
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    // Another reader (the command line) sees the import once its batch is committed.
    let seen = 0;
    for (let i = 0; i < 100 && seen === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const ro = await WorkspaceStore.openReadOnly(path);
      seen = ro.reportCount();
      await ro.close();
    }
    expect(seen).toBe(1);
    // A decision commits the batch before it (here: the findings) together with itself.
    const [fp] = putFindings(store, id, [finding('newReceived')]);
    decision(store, fp ?? '', 'confirmed', '立即写入');
    const ro = await WorkspaceStore.openReadOnly(path);
    expect(ro.findings(id)).toHaveLength(1);
    expect(ro.decision(fp ?? '')?.note).toBe('立即写入');
    await ro.close();
    await store.close();
  });

  it('saving the workspace in its own file writes nothing: every change is in it already', async () => {
    const dir = tempDir();
    const path = join(dir, 's.nianbao');
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    await store.save(path);
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
    const [fp] = putFindings(store, id, [finding('newReceived')]);
    decision(store, fp ?? '', 'confirmed');
    expect(store.dirty).toBe(true);
    const before = readFileSync(path);
    await store.save();
    expect(store.dirty).toBe(false);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['s.nianbao']);
    await store.close();
  });
});

describe('WorkspaceStore migration', () => {
  it('opens a file whose decisions table predates the report_id column', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('app', 'nianbao-audit'), ('schema_version', '1'), ('workspace_id', 'old');
      CREATE TABLE decisions (fingerprint TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL, updated_at TEXT NOT NULL,
        rule_id TEXT NOT NULL, report_key TEXT NOT NULL, last_message TEXT NOT NULL, last_location TEXT NOT NULL);
      INSERT INTO decisions VALUES ('a#b#2023#', 'confirmed', '旧', '2024-01-01T00:00:00Z', 'a', 'b#2023', 'm', 'l');`);
    const path = join(tempDir(), 'old.nianbao');
    writeFileSync(path, db.export());
    const { store } = await WorkspaceStore.open(path, { autosaveMs: 0 });
    expect(store.decision('a#b#2023#')).toMatchObject({
      status: 'confirmed',
      note: '旧',
      reportId: '',
    });
    store.decide({ ...store.decision('a#b#2023#')!, note: '新', reportId: 'r1' });
    expect(store.decision('a#b#2023#')?.reportId).toBe('r1');
    expect(store.listReports()).toEqual([]);
  });
});
