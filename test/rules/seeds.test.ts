/**
 * The text-facing rule groups (structure, text, consistency, problems, other, timeliness) on the
 * five real seed reports, through the real pipeline (read → extract → rules). rules.md's last
 * section lists what each seed must produce; apart from those, no error or warning of these
 * groups may appear (the seeds are otherwise the model of a passing report). The table groups are
 * checked the same way in seeds-tables.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/core/audit';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest/index';
import type { AuditedReport, Finding } from '../../src/core/model/types';
import { runRules } from '../../src/core/rules/engine';
import { specFromModel, specToDocx, type Quirks } from '../fixtures';

const repoRoot = resolve(__dirname, '../..');
const seedsDir = resolve(repoRoot, '../shared/corpus/seeds');
const GROUPS = ['structure/', 'text/', 'consistency/', 'problems/', 'other/', 'timeliness/'];

interface Expectation {
  /** Every finding of these ids must be present (at least one each); other errors/warnings of our groups are false alarms. */
  rules: string[];
  /** Further checks on the findings. */
  detail?: (findings: Finding[]) => void;
}

const quotes = (fs: Finding[], id: string) =>
  fs.filter((f) => f.ruleId === id).map((f) => f.quote ?? '');

const EXPECTED: Record<string, Expectation> = {
  '000': { rules: [] },
  '001': {
    rules: [
      'structure/statistics-period',
      'structure/missing-contact',
      'other/optional-item-missing',
    ],
    detail: (fs) => {
      expect(fs.find((f) => f.ruleId === 'structure/statistics-period')?.severity).toBe('info');
      expect(fs.find((f) => f.ruleId === 'structure/missing-contact')?.severity).toBe('info');
      expect(fs.find((f) => f.ruleId === 'other/optional-item-missing')).toMatchObject({
        severity: 'info',
        section: 'otherMatters',
      });
    },
  },
  '002': {
    rules: ['text/unbalanced-brackets', 'structure/government-accountability-missing'],
    detail: (fs) => {
      const q = quotes(fs, 'text/unbalanced-brackets');
      for (const needle of ['〔202130号', '(六 项', '(单位 :万元'])
        expect(
          q.some((x) => x.includes(needle)),
          needle,
        ).toBe(true);
    },
  },
  '003': {
    rules: ['structure/outdated-basis', 'structure/section-numbering', 'text/unbalanced-brackets'],
    detail: (fs) => {
      expect(quotes(fs, 'structure/outdated-basis').join()).toContain('2019〕60号');
      expect(fs.filter((f) => f.ruleId === 'structure/section-numbering')).toEqual([
        expect.objectContaining({ section: 'problems', quote: expect.stringContaining('5、') }),
      ]);
      const q = quotes(fs, 'text/unbalanced-brackets');
      for (const needle of ['放管服”改革', '（三)'])
        expect(
          q.some((x) => x.includes(needle)),
          needle,
        ).toBe(true);
    },
  },
  '004': {
    rules: ['structure/subnumbering-inconsistent', 'text/duplicate-paragraph'],
    detail: (fs) => {
      expect(
        fs.some(
          (f) =>
            f.ruleId === 'structure/subnumbering-inconsistent' &&
            f.section === 'overview' &&
            f.quote === '（1）',
        ),
      ).toBe(true);
      // Section 五's improvements repeated in 六.
      expect(
        fs.some(
          (f) =>
            f.ruleId === 'text/duplicate-paragraph' &&
            f.section === 'otherMatters' &&
            (f.quote ?? '').includes('科技局重点加强政务公开信息化建设') &&
            f.message.includes('第五部分'),
        ),
      ).toBe(true);
    },
  },
};

describe('text-facing rules on the seed reports', () => {
  const bySeed = new Map<string, AuditedReport>();

  beforeAll(async () => {
    // Fail, not skip: without the seeds this test would prove nothing.
    if (!existsSync(seedsDir)) throw new Error(`种子报告目录不存在：${seedsDir}`);
    const files = readdirSync(seedsDir)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .sort();
    const run = await auditFiles(files.map((f) => join(seedsDir, f)));
    for (const r of run.reports) bySeed.set(basename(r.model.file).slice(0, 3), r);
  });

  it('reads all five seeds', () => {
    expect([...bySeed.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [seed, expected] of Object.entries(EXPECTED)) {
    it(`seed ${seed}: ${expected.rules.join(', ') || 'no error or warning'}`, () => {
      const report = bySeed.get(seed);
      expect(report, `seed ${seed} was not read`).toBeDefined();
      const ours = report!.findings.filter((f) => GROUPS.some((g) => f.ruleId.startsWith(g)));
      for (const id of expected.rules)
        expect(
          ours.map((f) => f.ruleId),
          id,
        ).toContain(id);
      const unexpected = ours.filter(
        (f) => f.severity !== 'info' && !expected.rules.includes(f.ruleId),
      );
      expect(unexpected.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(report!.findings.filter((f) => f.ruleId === 'engine/rule-failed')).toEqual([]);
      expected.detail?.(ours);
    });
  }

  // The same seeds written as Word documents (the fixtures' writer, Word auto-numbering for the
  // headings): the text anomalies must survive the change of format.
  const ourWarnings = (fs: Finding[]) =>
    [
      ...new Set(
        fs
          .filter((f) => f.severity !== 'info' && GROUPS.some((g) => f.ruleId.startsWith(g)))
          .map((f) => f.ruleId),
      ),
    ].sort();

  async function asDocx(
    seed: string,
    quirks: Quirks,
    edit?: (spec: ReturnType<typeof specFromModel>) => void,
  ): Promise<Finding[]> {
    const spec = specFromModel(bySeed.get(seed)!.model);
    edit?.(spec);
    const doc = await readBytes(await specToDocx(spec, quirks), `${seed}.docx`);
    const model = extractReport(doc, { id: seed, file: `${seed}.docx` });
    return runRules([model]).get(seed) ?? [];
  }

  it('seed 004 as .docx with auto-numbered headings: same subnumbering and duplicate findings', async () => {
    const found = await asDocx('004', { headingNumerals: 'auto' });
    expect(ourWarnings(found)).toEqual([
      'structure/subnumbering-inconsistent',
      'text/duplicate-paragraph',
    ]);
  });

  it('seed 003 as .docx: outdated basis and brackets; "5、" typed on section 五 with no other numerals', async () => {
    expect(ourWarnings(await asDocx('003', { headingNumerals: 'auto' }))).toEqual([
      'structure/outdated-basis',
      'text/unbalanced-brackets',
    ]);
    const found = await asDocx(
      '003',
      { headingNumerals: 'none', headingStyle: 'plain' },
      (spec) => {
        const five = spec.sections.find((s) => s.key === 'problems')!;
        five.heading = `5、 ${five.heading}`;
      },
    );
    expect(ourWarnings(found)).toEqual([
      'structure/outdated-basis',
      'structure/section-numbering',
      'text/unbalanced-brackets',
    ]);
    expect(found.find((f) => f.ruleId === 'structure/section-numbering')).toMatchObject({
      section: 'problems',
    });
  });

  it('seed 000 as .docx stays free of errors and warnings', async () => {
    expect(
      ourWarnings(await asDocx('000', { headingNumerals: 'auto', splitLabels: true })),
    ).toEqual([]);
  });
});
