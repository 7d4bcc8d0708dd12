/**
 * The app's letters, briefing, document settings and indicators, through the real service with
 * fake dialogs: decisions taken in the app decide what the documents list.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/core/export/documents/settings';
import { INDICATOR_DEFS } from '../../src/core/indicators';
import { docxText } from '../support/docx-text';
import { startService, tempDir } from './harness';

describe('letters and briefing from the app', () => {
  it('writes letters for confirmed findings only, asks before replacing existing ones', async () => {
    const { service, dialogs } = await startService();
    await service.openSamples();
    const reports = await service.listReports();
    const linzi = reports.find((r) => r.agency === '淄博市临淄区人民政府')!;
    const detail = await service.getReport({ id: linzi.id });
    const [keep, drop] = detail.findings.filter((f) => f.severity !== 'info');
    await expect(service.exportLetters({ oneFile: false, includePending: false })).rejects.toThrow(
      '还没有已确认的问题',
    );
    await service.decide({ fingerprint: keep!.fingerprint, status: 'confirmed', note: '请补充' });
    await service.decide({ fingerprint: drop!.fingerprint, status: 'dismissed', note: '' });
    await service.setDocumentSettings({
      ...DEFAULT_DOCUMENT_SETTINGS,
      office: '临淄区人民政府办公室',
      issueDate: '2024-04-30',
    });

    expect(await service.exportLetters({ oneFile: false, includePending: false })).toMatchObject({
      path: null,
    }); // cancelled
    const dir = tempDir('nb-letters-');
    dialogs.letterFolders.push(dir);
    expect(await service.exportLetters({ oneFile: false, includePending: false })).toEqual({
      path: dir,
      letters: 1,
      written: 1,
      kept: 0,
    });
    const file = join(dir, '淄博市临淄区人民政府-审查意见.docx');
    const doc = await docxText(readFileSync(file));
    expect(doc.text).toContain(keep!.message);
    expect(doc.text).toContain('（审查备注：请补充）');
    expect(doc.text).not.toContain(drop!.message);
    expect(doc.paragraphs.slice(-2)).toEqual(['临淄区人民政府办公室', '2024年4月30日']);

    // Again into the same folder: the reviewer is asked; 'keep' leaves the file alone.
    writeFileSync(file, 'edited');
    dialogs.letterFolders.push(dir);
    dialogs.replaceLetters.push('keep');
    expect(await service.exportLetters({ oneFile: false, includePending: false })).toEqual({
      path: dir,
      letters: 1,
      written: 0,
      kept: 1,
    });
    expect(readFileSync(file, 'utf8')).toBe('edited');
    expect(dialogs.asked.filter((a) => a === 'confirmReplaceLetters')).toHaveLength(1);
    dialogs.letterFolders.push(dir);
    dialogs.replaceLetters.push('cancel');
    expect(await service.exportLetters({ oneFile: false, includePending: true })).toMatchObject({
      path: null,
      written: 0,
    });
    expect(readFileSync(file, 'utf8')).toBe('edited');

    // With pending ones, in one file.
    const one = join(dir, '全部.docx');
    dialogs.documents.push(one);
    const res = await service.exportLetters({ oneFile: true, includePending: true });
    expect(res.letters).toBeGreaterThan(1);
    const all = await docxText(readFileSync(one));
    expect(all.sections).toBe(res.letters);
    expect(all.text).toContain('【待核实】');
    expect(all.text).not.toContain(drop!.message);

    const brief = join(dir, '通报');
    dialogs.documents.push(brief);
    expect(await service.exportBriefing({ includePending: false })).toEqual({
      path: `${brief}.docx`,
    });
    const b = await docxText(readFileSync(`${brief}.docx`));
    expect(b.text).toContain('1 家单位的 1 份年度报告存在问题，共 1 个');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the document settings in the workspace and lists indicators per report', async () => {
    const { service } = await startService();
    expect(await service.getDocumentSettings()).toEqual(DEFAULT_DOCUMENT_SETTINGS);
    const saved = await service.setDocumentSettings({
      ...DEFAULT_DOCUMENT_SETTINGS,
      deadline: '2025-04-30',
    });
    expect(saved.deadline).toBe('2025-04-30');
    expect(service.workspace.documentSettings().deadline).toBe('2025-04-30');
    await service.openSamples();
    const rows = await service.listIndicators();
    expect(rows).toHaveLength(5);
    const linzi = rows.find((r) => r.agency === '淄博市临淄区人民政府')!;
    expect(linzi.kind).toBe('government');
    expect(linzi.values).toHaveLength(INDICATOR_DEFS.length);
    expect(linzi.values[0]).toBeCloseTo(168 / 175, 10);
    const dept = rows.find((r) => r.kind === 'department')!;
    expect(dept.values[0]).toBeNull();
  });
});
