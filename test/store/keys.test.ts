/**
 * One unit-and-year key (model/fingerprint.ts unitYearKey): the store's report key of a decision
 * and the `<agency>#<year>` part of every finding fingerprint are the same string, whatever the
 * agency's spelling — were they to drift, decisions would silently come loose from their reports.
 */
import { describe, expect, it } from 'vitest';
import { at } from '../../src/core/model/checked';
import { findingFingerprint, unitYearKey } from '../../src/core/model/fingerprint';
import { WorkspaceStore, reportKeyOf } from '../../src/core/store';
import { decision, finding, imported, putFindings } from './helpers';

const VARIANTS: { agency: string | null; year: number | null; file: string }[] = [
  { agency: '测试区财政局', year: 2023, file: '/docs/a.docx' },
  { agency: '测试区　财政局', year: 2023, file: '/docs/a.docx' }, // full-width space
  { agency: ' 测试区 财政局\t', year: 2023, file: '/docs/a.docx' },
  { agency: '某某县（区）人民政府', year: 2024, file: 'C:\\报告\\b.docx' }, // full-width brackets
  { agency: '某某县(区)人民政府办公室', year: 2024, file: '/docs/b.docx' },
  { agency: '【某某】镇人民政府', year: null, file: '/docs/c.pdf' },
  { agency: null, year: 2022, file: 'D:\\报告\\无标题 （1）.docx' },
];

describe('the unit-and-year key', () => {
  for (const report of VARIANTS) {
    it(`is the same in the store and in the fingerprint for ${JSON.stringify(report.agency)}`, () => {
      const key = reportKeyOf(report);
      expect(key).toBe(unitYearKey(report));
      const f = finding('newReceived');
      expect(findingFingerprint(report, f).startsWith(`${f.ruleId}#${key}#`)).toBe(true);
      expect(key).not.toMatch(/[\s\u3000]/);
    });
  }

  it('spellings that differ only by spaces share one key; brackets are kept as written', () => {
    expect(reportKeyOf(at(VARIANTS, 0))).toBe('测试区财政局#2023');
    expect(new Set(VARIANTS.slice(0, 3).map(reportKeyOf)).size).toBe(1);
    expect(reportKeyOf(at(VARIANTS, 3))).toBe('某某县（区）人民政府#2024');
    expect(reportKeyOf(at(VARIANTS, 6))).toBe('file:无标题（1）.docx#2022');
  });

  it('finds a resolved decision by the key of its report, for an agency written with a full-width space', async () => {
    const store = await WorkspaceStore.create({ autosaveMs: 0 });
    const { id } = store.upsertReport(imported('/docs/a.docx', 'h1', { agency: '测试区　财政局' }));
    const [fp] = putFindings(store, id, [finding('newReceived')]);
    decision(store, fp ?? '', 'dismissed', '已解释');
    store.replaceFindings(new Map([[id, []]])); // the finding is gone after a re-audit
    const model = store.getReport(id)?.model;
    expect(model).toBeDefined();
    const key = reportKeyOf(model ?? at(VARIANTS, 0));
    expect(store.resolvedDecisions({ reportKey: key, reportId: 'other' })).toHaveLength(1);
    await store.close();
  });
});
