/**
 * Issue 8 through the app's handlers: the same messy folder as the command-line test, a roster
 * imported through the dialog, decisions that stay on their version, the 整改 comparison, the
 * reviewer's version choice and an alias taken from a suggestion.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_UNIT, writeMessyFolder } from '../fixtures/messy-folder';
import { startService, tempDir } from './harness';

describe('units, versions and the roster in the app', () => {
  it('imports a messy folder like the command line, keeps decisions on their version, carries them as 整改 evidence', async () => {
    const folder = await writeMessyFolder(tempDir('nb-messy-app-'));
    const { service, dialogs } = await startService({ samplesDir: null });
    const imported = await service.importPaths({ paths: [folder.dir] });
    expect(imported.failures).toEqual([]);
    expect(imported.skipped.map((s) => [basename(s.file), s.reason]).sort()).toEqual(
      [
        ['Thumbs.db', 'clutter'],
        ['上次审查结果.xlsx', 'own-output'],
        ['关于报送2023年度政府信息公开工作年度报告的通知.docx', 'not-a-report'],
      ].sort(),
    );

    // Without a roster: inferred units, the renamed government one unit.
    let coverage = await service.getCoverage();
    expect(coverage.roster.inferred).toBe(true);
    const gov = coverage.rows.filter((r) => r.name.includes('洪泽区人民政府'));
    expect(gov).toHaveLength(1);
    expect(gov[0]!.cells.map((c) => c.status)).toEqual(['onTime', 'onTime']);

    dialogs.rosters.push(folder.rosterFile);
    coverage = (await service.importRoster())!;
    expect(coverage.roster.inferred).toBe(false);
    expect(coverage.coverage.find((c) => c.year === 2023)).toMatchObject({
      expected: 8,
      submitted: 7,
      missing: [MISSING_UNIT],
    });

    const list = await service.listReports();
    const byName = (n: string) => list.find((s) => s.fileName === basename(n))!;
    const original = byName(folder.files.original);
    const v2 = byName(folder.files.v2);
    const copy = byName(folder.files.copy);
    expect([original.current, v2.current, copy.current]).toEqual([false, true, false]);
    expect(copy.duplicateOf).toBe(original.id);
    expect(v2.versionCount).toBe(2);
    expect(
      new Set([byName(folder.files.gov2023).agencyKey, byName(folder.files.gov2024).agencyKey])
        .size,
    ).toBe(1);
    const series = await service.listSeries();
    expect(
      series.find((s) => s.agency === '淮安市洪泽区人民政府')?.years.map((y) => y.year),
    ).toEqual([2023, 2024]);

    // A decision on the original's row-sum finding stays there; v2 shows it as carried, not as its own.
    const origDetail = await service.getReport({ id: original.id });
    const rowSum = origDetail.findings.find((f) => f.ruleId === 'applications/row-sum')!;
    await service.decide({
      fingerprint: rowSum.fingerprint,
      status: 'confirmed',
      note: '原稿第一行合计错',
    });
    const v2Detail = await service.getReport({ id: v2.id });
    const v2RowSum = v2Detail.findings.find(
      (f) => f.ruleId === 'applications/row-sum' && f.row === rowSum.row,
    )!;
    expect(v2RowSum.fingerprint).not.toBe(rowSum.fingerprint);
    expect(v2RowSum.decision.status).toBe('pending');
    expect(v2RowSum.carried).toMatchObject({
      status: 'confirmed',
      note: '原稿第一行合计错',
      fromFile: basename(folder.files.original),
    });
    expect(v2RowSum.versionDiff).toBe('persists');
    // The 表四 total fixed in v2 is listed as 已整改.
    expect(v2Detail.versions?.fixed.map((f) => f.ruleId)).toContain('review/group-sum');
    expect(v2Detail.versions?.versions.map((v) => [v.fileName, v.current])).toEqual([
      [basename(folder.files.v2), true],
      [basename(folder.files.original), false],
    ]);
    expect(v2Detail.versions?.versions[1]?.duplicates).toEqual([basename(folder.files.copy)]);
    // The copy's own finding is not decided either.
    const copyDetail = await service.getReport({ id: copy.id });
    expect(
      copyDetail.findings.find((f) => f.ruleId === 'applications/row-sum')!.decision.status,
    ).toBe('pending');

    // The reviewer chooses the original as current: the choice holds and is said.
    await service.chooseVersion({ submissionKey: v2.submissionKey!, reportId: original.id });
    const after = await service.listReports();
    expect(after.find((s) => s.id === original.id)!.current).toBe(true);
    expect(after.find((s) => s.id === v2.id)!.current).toBe(false);
    const chosen = await service.getReport({ id: original.id });
    expect(chosen.versions?.currentReason).toBe('审查人员选定');
    expect(chosen.findings.find((f) => f.fingerprint === rowSum.fingerprint)?.decision.status).toBe(
      'confirmed',
    );
    await service.shutdown();
  });

  it('an unmatched name gets suggestions; the reviewer\u2019s choice is remembered as an alias', async () => {
    const folder = await writeMessyFolder(tempDir('nb-messy-alias-'));
    const { service } = await startService({ samplesDir: null });
    await service.importPaths({ paths: [folder.dir] });
    const units = (await service.getCoverage()).rows.filter((r) => r.unitId !== null);
    // A roster that names the finance bureau differently from its reports.
    await service.setRoster({
      units: units.map((u) => ({
        id: '',
        name: u.name === '洪泽区财政局' ? '淮安市洪泽区财政局（国资办）' : u.name,
        kind: u.kind ?? 'other',
        parent: u.parent,
        aliases: [],
      })),
    });
    let coverage = await service.getCoverage();
    const miss = coverage.unmatched.find((u) => u.name === '洪泽区财政局');
    expect(miss?.suggestions[0]).toBe('淮安市洪泽区财政局（国资办）');
    coverage = await service.addAlias({
      alias: '洪泽区财政局',
      unitName: '淮安市洪泽区财政局（国资办）',
    });
    expect(coverage.unmatched).toEqual([]);
    expect((await service.getSettings()).aliases).toEqual({
      洪泽区财政局: '淮安市洪泽区财政局（国资办）',
    });
    await service.shutdown();
  });
});
