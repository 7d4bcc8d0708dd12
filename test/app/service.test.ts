/**
 * The application service (the real IPC handlers) on the real seed reports: import, review,
 * re-import, settings, year comparison, export, workspace files, restart after a crash.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { invokeMethod } from '../../src/core/app';
import type { FindingView, ProgressEvent, ReportDetail, ReportSummary } from '../../src/shared/ipc';
import { SEEDS, copySeeds, seedFiles, startService, tempDir } from './harness';

interface Expected {
  agency: string;
  year: number;
  template: string;
}
function expectedOf(file: string): Expected {
  return JSON.parse(
    readFileSync(join(SEEDS, 'expected', basename(file).replace(/\.\w+$/, '.json')), 'utf8'),
  ) as Expected;
}

async function firstWithFindings(
  service: Awaited<ReturnType<typeof startService>>['service'],
): Promise<ReportDetail> {
  for (const s of await service.listReports()) {
    const d = await service.getReport({ id: s.id });
    if (d.findings.length > 0) return d;
  }
  throw new Error('no seed report has a finding');
}

describe('AppService on the seed reports', () => {
  it('offers the samples on first start, imports them with progress, and stops offering them', async () => {
    const { service, events } = await startService();
    const before = await service.getState();
    expect(before).toMatchObject({
      firstRun: true,
      samplesAvailable: true,
      reportCount: 0,
      busy: false,
      appVersion: '9.9.9',
    });
    expect(before.workspace).toMatchObject({ path: null, name: '未命名工作区' });

    const result = await service.openSamples();
    const seeds = seedFiles();
    expect(result.added).toHaveLength(seeds.length);
    expect(result.failures).toEqual([]);
    expect(
      result.skipped.every((p) => p.file.endsWith('.json') && p.reason === 'unsupported'),
    ).toBe(true); // expected/*.json is not a report

    const list = await service.listReports();
    expect(list.map((s) => s.fileName).sort()).toEqual(seeds);
    for (const s of list) {
      const exp = expectedOf(s.file);
      expect(s.year, s.fileName).toBe(exp.year);
      expect(s.template, s.fileName).toBe(exp.template);
      expect(s.format).toBe('txt');
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(s.review.total).toBe(s.counts.error + s.counts.warning + s.counts.info);
      expect(s.review.pending).toBe(s.review.total);
    }
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.payload as ProgressEvent);
    const reads = progress.filter((p) => p.phase === 'read' && p.file !== '');
    expect(reads.map((p) => basename(p.file)).sort()).toEqual(seeds);
    expect(reads.every((p) => p.total === seeds.length)).toBe(true);
    expect(progress.at(-1)).toMatchObject({
      phase: 'done',
      done: seeds.length,
      total: seeds.length,
    });
    expect((await service.getState()).firstRun).toBe(false);
    // Importing the same files again changes nothing.
    const again = await service.openSamples();
    expect(again.added).toEqual([]);
    expect(again.unchanged.sort()).toEqual(result.added.sort());
  });

  it('dismissing the offer persists across restarts', async () => {
    const first = await startService({ samplesDir: tempDir() });
    expect((await first.service.dismissSamplesOffer()).firstRun).toBe(false);
    await first.service.shutdown();
    const second = await startService({ userDataDir: first.userDataDir });
    expect((await second.service.getState()).firstRun).toBe(false);
  });

  it('returns each report with display HTML, findings with fingerprints, locations and pending decisions', async () => {
    const { service } = await startService();
    await service.openSamples();
    const d = await firstWithFindings(service);
    expect(d.html).toContain('data-nb-block');
    expect(d.model.id).toBe(d.summary.id);
    for (const f of d.findings) {
      expect(f.fingerprint.startsWith(`${f.ruleId}#`)).toBe(true);
      expect(f.ruleTitle).not.toBe('');
      expect(f.decision).toEqual({ status: 'pending', note: '', updatedAt: null });
    }
    expect(new Set(d.findings.map((f) => f.fingerprint)).size).toBeGreaterThan(0);
    expect(d.resolvedDecisions).toEqual([]);
  });

  it("summaries count findings by rule: the seeds' known anomalies, equal to the findings, kept up to date by settings", async () => {
    const { service } = await startService();
    await service.openSamples();
    const list = await service.listReports();
    const byPrefix = (prefix: string): ReportSummary => {
      const s = list.find((x) => x.fileName.startsWith(prefix));
      if (!s) throw new Error(`no seed ${prefix}`);
      return s;
    };
    // The known anomalies of the seeds (end of shared/spec/rules.md): at least these, per report.
    const known: Record<string, Record<string, number>> = {
      '001_': {
        'structure/statistics-period': 1,
        'structure/missing-contact': 1,
        'other/optional-item-missing': 1,
      },
      '002_': { 'text/unbalanced-brackets': 3, 'structure/government-accountability-missing': 1 },
      '003_': {
        'structure/outdated-basis': 1,
        'structure/section-numbering': 1,
        'text/unbalanced-brackets': 2,
      },
      '004_': { 'structure/subnumbering-inconsistent': 1, 'text/duplicate-paragraph': 1 },
    };
    for (const [prefix, rules] of Object.entries(known)) {
      const s = byPrefix(prefix);
      for (const [rule, atLeast] of Object.entries(rules))
        expect(s.ruleCounts[rule] ?? 0, `${s.fileName} ${rule}`).toBeGreaterThanOrEqual(atLeast);
    }
    const clean = byPrefix('000_');
    expect(clean.counts.error + clean.counts.warning).toBe(0);
    for (const s of list) {
      // Balanced tables on every seed: a table rule here would be a false alarm.
      expect(
        Object.keys(s.ruleCounts).filter((id) => /^(applications|review|active)\//.test(id)),
        s.fileName,
      ).toEqual([]);
      // Only rules that fired, and exactly the report's findings (the same summary getReport returns).
      const sum = Object.values(s.ruleCounts).reduce((a, n) => a + n, 0);
      expect(sum, s.fileName).toBe(s.review.total);
      expect(Object.values(s.ruleCounts).every((n) => n > 0)).toBe(true);
      const d = await service.getReport({ id: s.id });
      const tally: Record<string, number> = {};
      for (const f of d.findings) tally[f.ruleId] = (tally[f.ruleId] ?? 0) + 1;
      expect(s.ruleCounts, s.fileName).toEqual(tally);
      expect(d.summary.ruleCounts).toEqual(s.ruleCounts);
    }

    // A decision changes the review progress, not the findings by rule.
    const s002 = byPrefix('002_');
    const fp = (await service.getReport({ id: s002.id })).findings.find(
      (f) => f.ruleId === 'text/unbalanced-brackets',
    )!.fingerprint;
    await service.decide({ fingerprint: fp, status: 'confirmed', note: '' });
    const decided = (await service.listReports()).find((x) => x.id === s002.id)!;
    expect(decided.review.confirmed).toBe(1);
    expect(decided.ruleCounts).toEqual(s002.ruleCounts);

    // Switching a rule off re-audits: the rule leaves every summary, the others stay.
    const base = await service.getSettings();
    await service.setSettings({ ...base, disabled: ['text/unbalanced-brackets'] });
    for (const s of await service.listReports()) {
      const before = list.find((x) => x.id === s.id)!;
      const { ['text/unbalanced-brackets']: _gone, ...rest } = before.ruleCounts;
      expect(s.ruleCounts, s.fileName).toEqual(rest);
    }
  });

  it('keeps decisions when a changed file is re-imported, and shows a decision whose finding disappeared as resolved', async () => {
    const { dir } = copySeeds();
    const { service, dialogs } = await startService();
    dialogs.folders.push(dir);
    const imported = await service.importFiles({ kind: 'folder' });
    expect(imported.added.length).toBe(seedFiles().length);
    const d = await firstWithFindings(service);
    const target: FindingView = d.findings[0]!;
    const saved = await service.decide({
      fingerprint: target.fingerprint,
      status: 'confirmed',
      note: '已与单位核实',
    });
    expect(saved.status).toBe('confirmed');
    expect((await service.listReports()).find((s) => s.id === d.summary.id)?.review.confirmed).toBe(
      1,
    );

    // The office edits the file: new bytes, same report → updated, decision kept.
    appendFileSync(d.summary.file, '\n');
    const re = await service.importPaths({ paths: [d.summary.file] });
    expect(re.updated).toEqual([d.summary.id]);
    const after = await service.getReport({ id: d.summary.id });
    expect(after.summary.sha256).not.toBe(d.summary.sha256);
    expect(
      after.findings.find((f) => f.fingerprint === target.fingerprint)?.decision,
    ).toMatchObject({ status: 'confirmed', note: '已与单位核实' });

    // The finding disappears (its rule switched off): the decision shows as resolved, not dropped.
    const settings = await service.getSettings();
    await service.setSettings({ ...settings, disabled: [...settings.disabled, target.ruleId] });
    const gone = await service.getReport({ id: d.summary.id });
    expect(gone.findings.some((f) => f.fingerprint === target.fingerprint)).toBe(false);
    expect(gone.resolvedDecisions).toEqual([
      expect.objectContaining({
        fingerprint: target.fingerprint,
        status: 'confirmed',
        note: '已与单位核实',
        lastMessage: target.message,
      }),
    ]);
    expect((await service.getState()).resolvedCount).toBe(1);
    // A resolved decision can still be revised.
    expect(
      (
        await service.decide({
          fingerprint: target.fingerprint,
          status: 'dismissed',
          note: '已整改',
        })
      ).status,
    ).toBe('dismissed');

    // Back on: the finding returns with its (revised) decision.
    await service.setSettings(settings);
    const back = await service.getReport({ id: d.summary.id });
    expect(back.findings.find((f) => f.fingerprint === target.fingerprint)?.decision).toMatchObject(
      { status: 'dismissed', note: '已整改' },
    );
    expect(back.resolvedDecisions).toEqual([]);
  });

  it('compares two years of one agency and lists the cross-year findings', async () => {
    const { dir, files } = copySeeds();
    const source = files[0]!;
    const exp = expectedOf(source);
    const previous = join(dir, 'previous-year.txt');
    writeFileSync(
      previous,
      readFileSync(source, 'utf8').replaceAll(String(exp.year), String(exp.year - 1)),
    );
    const { service } = await startService();
    await service.importPaths({ paths: [source, previous] });
    const series = await service.listSeries();
    expect(series).toHaveLength(1);
    expect(series[0]!.years.map((y) => y.year)).toEqual([exp.year - 1, exp.year]);
    const cmp = await service.compareYears({ agencyKey: series[0]!.agencyKey });
    expect(cmp.earlier.model.year).toBe(exp.year - 1);
    expect(cmp.later.model.year).toBe(exp.year);
    expect(cmp.findings.length).toBeGreaterThan(0); // identical tables two years running
    expect(cmp.findings.every((f) => f.relatedReport === cmp.earlier.summary.id)).toBe(true);
    expect(cmp.findings.some((f) => f.ruleId.startsWith('series/'))).toBe(true);
    const byIds = await service.compareYears({
      reportIds: [cmp.later.summary.id, cmp.earlier.summary.id],
    });
    expect(byIds.earlier.summary.id).toBe(cmp.earlier.summary.id);
    await expect(service.compareYears({ agencyKey: 'nobody' })).rejects.toThrow('无法对比');
  });

  it('exports the workbook through the save dialog with the review decisions', async () => {
    const { service, dialogs } = await startService();
    await service.openSamples();
    const d = await firstWithFindings(service);
    await service.decide({
      fingerprint: d.findings[0]!.fingerprint,
      status: 'dismissed',
      note: '说明合理',
    });
    expect(await service.exportWorkbook()).toEqual({ path: null }); // cancelled
    const out = join(tempDir(), '结果.xlsx');
    dialogs.workbooks.push(out);
    expect(await service.exportWorkbook()).toEqual({ path: out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '问题清单',
      '数据',
      '规则说明',
      '报送情况',
      '指标',
    ]);
    const sheet = wb.getWorksheet('问题清单')!;
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    );
    const header = rows[0]!;
    const status = header.indexOf('审查状态');
    const note = header.indexOf('备注');
    expect(rows.some((r) => r[status] === '已排除' && r[note] === '说明合理')).toBe(true);
  });

  it('saves the workspace, reopens it after a restart, and keeps a decision entered just before a crash', async () => {
    const userDataDir = tempDir();
    const first = await startService({ userDataDir });
    await first.service.openSamples();
    const file = join(tempDir(), '我的工作区');
    first.dialogs.saves.push(file);
    const state = await first.service.saveWorkspace();
    expect(state.workspace.path).toBe(`${file}.nianbao`);
    expect(existsSync(`${file}.nianbao`)).toBe(true);
    const d = await firstWithFindings(first.service);
    const fp = d.findings[0]!.fingerprint;
    await first.service.decide({ fingerprint: fp, status: 'confirmed', note: '崩溃前' });
    // Crash: no save, no shutdown.
    first.service.workspace.abandon();

    const second = await startService({ userDataDir });
    const st = await second.service.getState();
    expect(st.workspace.path).toBe(`${file}.nianbao`);
    expect(st.reportCount).toBe(seedFiles().length);
    // Nothing to recover: the decision was committed to the file when it was acknowledged.
    expect(st.notices).toBeUndefined();
    expect(
      second.events.every(
        (e) =>
          e.event !== 'changed' || !('notices' in (e.payload as object as { state: object }).state),
      ),
    ).toBe(true);
    const again = await second.service.getReport({ id: d.summary.id });
    expect(again.findings.find((f) => f.fingerprint === fp)?.decision).toMatchObject({
      status: 'confirmed',
      note: '崩溃前',
    });
  });

  it('an untitled workspace survives a restart; new workspace asks before discarding it', async () => {
    const userDataDir = tempDir();
    const first = await startService({ userDataDir });
    await first.service.openSamples();
    first.service.workspace.abandon();
    const second = await startService({ userDataDir });
    expect((await second.service.getState()).reportCount).toBe(seedFiles().length);
    second.dialogs.discard = false;
    const kept = await second.service.newWorkspace();
    expect(second.dialogs.asked).toContain('confirmDiscard');
    expect(kept.reportCount).toBe(seedFiles().length);
    second.dialogs.discard = true;
    expect((await second.service.newWorkspace()).reportCount).toBe(0);
  });

  it('opens a workspace file through the dialog and refuses a file that is not one', async () => {
    const a = await startService();
    await a.service.openSamples();
    const path = join(tempDir(), 'shared.nianbao');
    a.dialogs.saves.push(path);
    await a.service.saveWorkspaceAs();
    const b = await startService({ samplesDir: null });
    b.dialogs.workspaces.push(path);
    expect((await b.service.openWorkspace()).reportCount).toBe(seedFiles().length);
    const bogus = join(tempDir(), 'bogus.nianbao');
    writeFileSync(bogus, 'not a workspace');
    b.dialogs.workspaces.push(bogus);
    const res = await invokeMethod(b.service, 'openWorkspace', []);
    expect(res).toEqual({ ok: false, message: expect.stringContaining('工作区') });
    expect((await b.service.getState()).workspace.path).toBe(path);
  });

  it('returns failures as values through the boundary', async () => {
    const { service } = await startService({ samplesDir: null });
    expect(await invokeMethod(service, 'getReport', [{ id: 'r999' }])).toEqual({
      ok: false,
      message: '找不到该报告，可能已被移除。',
    });
    expect(
      await invokeMethod(service, 'decide', [
        { fingerprint: 'x#y', status: 'confirmed', note: '' },
      ]),
    ).toMatchObject({ ok: false });
    expect(await invokeMethod(service, 'openSamples', [])).toEqual({
      ok: false,
      message: '未找到随软件提供的示例报告。',
    });
    expect(await invokeMethod(service, 'exportWorkbook', [])).toMatchObject({
      ok: false,
      message: expect.stringContaining('没有报告'),
    });
    expect(
      await invokeMethod(service, 'setSettings', [
        {
          disabled: ['no/such-rule'],
          severities: {},
          deadlines: { department: '01-31', government: '03-31' },
          aliases: {},
        },
      ]),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('no/such-rule'),
    });
    const broken = join(tempDir(), '损坏.docx');
    writeFileSync(broken, 'not a zip');
    const res = await invokeMethod(service, 'importPaths', [{ paths: [broken] }]);
    expect(res.ok).toBe(true);
    if (res.ok)
      expect((res.value as { failures: unknown[] }).failures).toEqual([
        { file: broken, message: expect.any(String) },
      ]);
    expect((await service.getState()).failures).toHaveLength(1);
    expect(await invokeMethod(service, 'getState', [])).toMatchObject({
      ok: true,
      value: { reportCount: 0 },
    });
  });

  it('concurrent settings changes end with the findings of the last settings', async () => {
    const { service } = await startService();
    await service.openSamples();
    const d = await firstWithFindings(service);
    const rule = d.findings[0]!.ruleId;
    const base = await service.getSettings();
    await Promise.all([
      service.setSettings({ ...base, disabled: [rule] }),
      service.setSettings(base),
      service.setSettings({ ...base, disabled: [rule] }),
    ]);
    const after = await service.getReport({ id: d.summary.id });
    expect(after.findings.some((f) => f.ruleId === rule)).toBe(false);
    expect((await service.getSettings()).disabled).toEqual([rule]);
  });

  it('file-system errors become clear Chinese messages (read-only folder → 另存为)', async () => {
    const { errorMessage } = await import('../../src/core/app');
    const err = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(errorMessage(err)).toContain('另存为');
    expect(errorMessage(new Error('x'))).toBe('操作失败：x');
  });

  it('lists the rule catalogue with the effective settings', async () => {
    const { service } = await startService({ samplesDir: null });
    const before = await service.catalogue();
    expect(before.length).toBeGreaterThan(10);
    const rule = before[0]!;
    await service.setSettings({
      ...(await service.getSettings()),
      disabled: [rule.id],
      severities: { [rule.id]: 'info' },
    });
    const after = (await service.catalogue()).find((r) => r.id === rule.id)!;
    expect(after).toMatchObject({
      enabled: false,
      effectiveSeverity: 'info',
      severity: rule.severity,
    });
  });
});
