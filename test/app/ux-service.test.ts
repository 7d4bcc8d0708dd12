/**
 * Issue 14, the service side of two app items: the Word numbering note reaches the reviewer only
 * beside a numbering finding, and an import's progress names each step after reading and moves
 * through the rules (never stuck on the last file read), and within the long cross-agency one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSpec, specToDocx, specToTxt } from '../fixtures';
import type { ProgressEvent } from '../../src/shared/ipc';
import { startService, tempDir } from './harness';

describe('Word numbering note', () => {
  it('is hidden where the numbering is fine and shown, in the reviewer’s words, beside a numbering finding', async () => {
    const dir = tempDir();
    const clean = defaultSpec({ agency: '某县教育局', year: 2023 });
    // Section 三 left out: Word numbers the following headings 三、四、五、, one short of their place.
    const gap = defaultSpec({ agency: '某县民政局', year: 2023 });
    gap.sections = gap.sections.filter((s) => s.key !== 'applications');
    writeFileSync(join(dir, 'clean.docx'), await specToDocx(clean, { headingNumerals: 'auto' }));
    writeFileSync(join(dir, 'gap.docx'), await specToDocx(gap, { headingNumerals: 'auto' }));
    const { service } = await startService({ samplesDir: null });
    await service.importPaths({ paths: [dir] });
    const reports = await service.listReports();
    const byName = new Map(reports.map((r) => [r.fileName, r.id]));
    const cleanDetail = await service.getReport({ id: byName.get('clean.docx')! });
    const gapDetail = await service.getReport({ id: byName.get('gap.docx')! });
    expect(cleanDetail.findings.some((f) => f.ruleId === 'structure/section-numbering')).toBe(
      false,
    );
    expect(cleanDetail.notes.join('')).not.toMatch(/自动编号/);
    expect(gapDetail.findings.some((f) => f.ruleId === 'structure/section-numbering')).toBe(true);
    expect(gapDetail.notes.join('')).toContain('Word 自动编号生成');
    await service.shutdown();
  });
});

describe('import progress', () => {
  it('after reading, names each step (整理, 逐份检查, 跨年度, 跨单位, 保存) and counts the rules up to the total', async () => {
    const dir = tempDir();
    for (const agency of ['某县教育局', '某县民政局']) {
      for (const year of [2022, 2023])
        writeFileSync(join(dir, `${agency}${year}.txt`), specToTxt(defaultSpec({ agency, year })));
    }
    const { service, events } = await startService({ samplesDir: null });
    await service.importPaths({ paths: [dir] });
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.payload as ProgressEvent);
    const audit = progress.filter((p) => p.phase === 'audit');
    const steps = new Set(audit.map((p) => p.step));
    expect(steps).toEqual(
      new Set([
        '正在整理报告…',
        '正在逐份检查报告…',
        '正在比对跨年度数据…',
        '正在比对跨单位报告（雷同检查）…',
        '正在核对同一单位的多个版本…',
        '正在保存工作区…',
      ]),
    );
    // The rule count moves by one from 0 to the total, in order: a bar that moves.
    // Organizing comes first, at once after reading (storing, grouping: no silent bar before the rules).
    expect(audit[0]?.step).toBe('正在整理报告…');
    const rules = audit.filter(
      (p) => p.step !== '正在整理报告…' && p.step !== '正在保存工作区…' && p.fraction === undefined,
    );
    const total = rules[0]!.total;
    expect(total).toBeGreaterThan(10);
    expect(rules.map((p) => p.done)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    // Reading first, done last.
    expect(progress[0]!.phase).toBe('read');
    expect(progress[progress.length - 1]!.phase).toBe('done');
    await service.shutdown();
  });

  it('moves within the cross-agency step: rising shares of the rule, up to the whole', async () => {
    const dir = tempDir();
    for (const agency of ['某县教育局', '某县民政局', '某县财政局', '某县交通运输局']) {
      for (const year of [2022, 2023])
        writeFileSync(join(dir, `${agency}${year}.txt`), specToTxt(defaultSpec({ agency, year })));
    }
    const { service, events } = await startService({ samplesDir: null });
    await service.importPaths({ paths: [dir] });
    const cross = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.payload as ProgressEvent)
      .filter((p) => p.phase === 'audit' && p.step === '正在比对跨单位报告（雷同检查）…');
    const within = cross.filter((p) => p.fraction !== undefined);
    expect(within.length).toBeGreaterThan(5);
    // The rule count stays at the rule's place while its share rises, to the whole at its end.
    expect(new Set(within.map((p) => p.done)).size).toBe(1);
    const shares = within.map((p) => p.fraction ?? 0);
    expect(shares.every((f, i) => i === 0 || f > (shares[i - 1] ?? 1))).toBe(true);
    expect(shares.at(-1)).toBe(1);
    await service.shutdown();
  });
});
