/**
 * `npm run audit -- … --letters DIR --briefing FILE [--workspace FILE]` end to end: the real
 * command line over the seed reports; letters and briefing read back from their document.xml.
 */
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import type { Finding } from '../../src/core/model/types';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/core/export/documents/settings';
import { WorkspaceStore } from '../../src/core/store';
import { docxText } from '../support/docx-text';
import { repoRoot, runCli } from './run-cli';

const seeds = resolve(repoRoot, '../shared/corpus/seeds');

describe('letters and briefing from the command line', () => {
  let dir = '';
  let json: JsonResult;

  beforeAll(() => {
    if (!existsSync(seeds)) throw new Error(`种子报告目录不存在：${seeds}`);
    dir = mkdtempSync(join(tmpdir(), 'nb-cli-docs-'));
    const run = runCli([seeds, '--json', join(dir, 'r.json'), '--letters', join(dir, '审查意见')]);
    expect(run.status, run.stderr).toBe(0);
    json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonResult;
  }, 180_000);

  it('without a workspace: one letter per unit with errors or warnings, every problem 待核实', async () => {
    const withProblems = json.reports.filter((r) => r.findings.some((f) => f.severity !== 'info'));
    const files = readdirSync(join(dir, '审查意见')).sort();
    expect(files).toEqual(withProblems.map((r) => `${r.agency}-审查意见.docx`).sort());
    for (const r of withProblems) {
      const doc = await docxText(readFileSync(join(dir, '审查意见', `${r.agency}-审查意见.docx`)));
      const items = doc.paragraphs.filter((p) => /^\d+\./.test(p));
      expect(items).toHaveLength(r.findings.filter((f) => f.severity !== 'info').length);
      expect(items.every((p) => p.includes('【待核实】'))).toBe(true);
      for (const f of r.findings) expect(doc.text.includes(f.message)).toBe(f.severity !== 'info');
    }
  });

  it('--letters FILE.docx puts all letters in one document, one section each', async () => {
    const file = join(dir, '合并', '全部审查意见.docx');
    const run = runCli([seeds, '--letters', file]);
    expect(run.status, run.stderr).toBe(0);
    const units = json.reports.filter((r) => r.findings.some((f) => f.severity !== 'info')).length;
    expect(run.stdout).toContain(`审查意见已写入：${file}（${units} 个单位）`);
    const doc = await docxText(readFileSync(file));
    expect(doc.sections).toBe(units);
    expect(doc.paragraphs.filter((p) => /^关于.+审查意见的函$/.test(p))).toHaveLength(units);
  }, 180_000);

  it('keeps existing letters unless --force', () => {
    const file = readdirSync(join(dir, '审查意见'))[0]!;
    const path = join(dir, '审查意见', file);
    writeFileSync(path, 'edited by hand');
    const kept = runCli([seeds, '--letters', join(dir, '审查意见')]);
    expect(kept.status).toBe(0);
    expect(kept.stderr).toContain(`已存在，未覆盖：${path}`);
    expect(readFileSync(path, 'utf8')).toBe('edited by hand');
    const forced = runCli([seeds, '--letters', join(dir, '审查意见'), '--force']);
    expect(forced.status).toBe(0);
    expect(statSync(path).size).toBeGreaterThan(1000);
  }, 180_000);

  it('with --workspace: the reviewer’s decisions, notes and document settings apply; the workspace is not touched', async () => {
    const linzi = json.reports.find((r) => r.agency === '淄博市临淄区人民政府')!;
    const model = { agency: linzi.agency, year: linzi.year, file: linzi.file };
    const [confirmed, dismissed, ...rest] = linzi.findings.filter(
      (f) => f.severity !== 'info',
    ) as Finding[];
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    const decide = (f: Finding, status: 'confirmed' | 'dismissed', note: string) =>
      store.decide({
        fingerprint: findingFingerprint(model, f),
        status,
        note,
        updatedAt: '2024-04-01T00:00:00.000Z',
        ruleId: f.ruleId,
        reportKey: '',
        reportId: '',
        lastMessage: f.message,
        lastLocation: '',
      });
    decide(confirmed!, 'confirmed', '经核实属实');
    decide(dismissed!, 'dismissed', '');
    store.setDocumentSettings({
      ...DEFAULT_DOCUMENT_SETTINGS,
      office: '淄博市临淄区人民政府办公室',
      issueDate: '2024-04-30',
    });
    const ws = join(dir, '审查.nianbao');
    await store.save(ws);
    await store.close();
    const before = readFileSync(ws);
    const out = join(dir, '复核后');
    const run = runCli([
      seeds,
      '--workspace',
      ws,
      '--letters',
      out,
      '--briefing',
      join(dir, '通报.docx'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    // node:sqlite's ExperimentalWarning (an English line on stderr) is not shown to the user.
    expect(run.stderr).not.toMatch(/ExperimentalWarning|SQLite is an experimental/);
    expect(readdirSync(out)).toEqual(['淄博市临淄区人民政府-审查意见.docx']);
    const doc = await docxText(readFileSync(join(out, '淄博市临淄区人民政府-审查意见.docx')));
    expect(doc.text).toContain(confirmed!.message);
    expect(doc.text).toContain('（审查备注：经核实属实）');
    expect(doc.text).not.toContain(dismissed!.message);
    for (const f of rest) expect(doc.text).not.toContain(f.message);
    expect(doc.text).not.toContain('待核实');
    expect(doc.paragraphs.slice(-2)).toEqual(['淄博市临淄区人民政府办公室', '2024年4月30日']);
    const brief = await docxText(readFileSync(join(dir, '通报.docx')));
    expect(brief.text).toContain('1 家单位的 1 份年度报告存在问题，共 1 个');
    // Read-only: the workspace file is byte for byte unchanged and nothing was written beside it.
    expect(readFileSync(ws).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('审查.nianbao'))).toEqual(['审查.nianbao']);
    // With --include-pending the undecided ones join, marked 待核实.
    const pendingOut = join(dir, '含待核实');
    expect(
      runCli([seeds, '--workspace', ws, '--include-pending', '--letters', pendingOut]).status,
    ).toBe(0);
    expect(readdirSync(pendingOut).length).toBeGreaterThan(1);
  }, 240_000);

  it('usage errors: --briefing must be .docx, --include-pending needs --workspace, a broken workspace is refused', () => {
    expect(runCli([seeds, '--briefing', join(dir, 'x.pdf')]).status).toBe(2);
    expect(runCli([seeds, '--include-pending', '--letters', join(dir, 'y')]).status).toBe(2);
    writeFileSync(join(dir, 'bad.nianbao'), 'not a workspace');
    const bad = runCli([
      seeds,
      '--workspace',
      join(dir, 'bad.nianbao'),
      '--letters',
      join(dir, 'z'),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('无法打开工作区');
    expect(existsSync(join(dir, 'z'))).toBe(false);
  }, 180_000);
});
