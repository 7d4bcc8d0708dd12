/** The fixture writers themselves: other engineers build end-to-end tests on them. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_PARTS,
  APPLICATION_ROW_KEYS,
  RESULT_ROW_KEYS,
} from '../../src/core/model/glossary';
import {
  defaultSpec,
  encodeGbk,
  previousYearSpec,
  rawNumber,
  shiftYearsBack,
  specToTxt,
  tableGrids,
} from '../fixtures';

const SEEDS = join(__dirname, '../../../shared/corpus/seeds');

if (!existsSync(SEEDS))
  throw new Error(`种子报告目录不存在：${SEEDS}（本测试需要 shared/corpus/seeds，不会跳过）`);
describe('fixtures', () => {
  it('encodeGbk round-trips Chinese text and punctuation through the gb18030 decoder', () => {
    const text =
      '淄博市临淄区人民政府2023年政府信息公开工作年度报告〔2021〕30号“三安全一稳定”（一）１２３—';
    const bytes = encodeGbk(text);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text, 'utf8'));
  });

  it('template tables have the template shapes (rows × columns after merges)', () => {
    const g = tableGrids(defaultSpec());
    const width = (rows: typeof g.applications): number[] =>
      rows.map((r) => r.reduce((s, c) => s + (c.colSpan ?? 1), 0));
    expect(width(g.activeDisclosure).every((w) => w === 4)).toBe(true);
    expect(g.applications.length).toBe(28);
    // First row spans all 10 columns; data rows carry 7 values after their labels.
    expect(width(g.applications)[0]).toBe(10);
    expect(g.reviewLitigation.at(-1)?.length).toBe(15);
  });

  it('specToTxt lays out table 三 as the seeds do (one cell per tab-prefixed line)', () => {
    const seed = readFileSync(
      join(SEEDS, readdirSync(SEEDS).filter((f) => f.startsWith('000_'))[0] as string),
      'utf8',
    );
    const ours = specToTxt(defaultSpec());
    const header = (text: string): string => {
      const i = text.indexOf('\t申请人情况');
      return text.slice(i, text.indexOf('一、本年新收', i));
    };
    expect(header(ours)).toBe(header(seed));
  });

  it('previousYearSpec chains carry-over and 现行有效件数, and keeps table 三 balanced', () => {
    const cur = defaultSpec({ year: 2023 });
    cur.tables.applications.carriedOver = {
      naturalPerson: 3,
      commercial: 1,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 4,
    };
    const prev = previousYearSpec(cur, { problems: ['（一）问题。', '（二）改进。'] });
    expect(prev.titleLines[1]).toBe('2022年政府信息公开工作年度报告');
    const ap = prev.tables.applications;
    for (const c of [...APPLICANT_PARTS, 'total' as const]) {
      expect(rawNumber(ap.carriedForward[c])).toBe(
        rawNumber(cur.tables.applications.carriedOver[c]),
      );
      const results = RESULT_ROW_KEYS.reduce((s, r) => s + rawNumber(ap[r][c]), 0);
      expect(rawNumber(ap.totalProcessed[c])).toBe(results);
      expect(rawNumber(ap.newReceived[c]) + rawNumber(ap.carriedOver[c])).toBe(
        rawNumber(ap.totalProcessed[c]) + rawNumber(ap.carriedForward[c]),
      );
    }
    for (const r of APPLICATION_ROW_KEYS)
      expect(rawNumber(ap[r].total)).toBe(
        APPLICANT_PARTS.reduce((s, c) => s + rawNumber(ap[r][c]), 0),
      );
    const nd = (s: typeof cur): (typeof cur)['tables']['activeDisclosure']['normativeDocuments'] =>
      s.tables.activeDisclosure.normativeDocuments;
    expect(
      rawNumber(nd(prev).effective) + rawNumber(nd(cur).issued) - rawNumber(nd(cur).repealed),
    ).toBe(rawNumber(nd(cur).effective));
    expect(prev.sections.find((s) => s.key === 'problems')?.paragraphs).toEqual([
      '（一）问题。',
      '（二）改进。',
    ]);
  });

  it('shiftYearsBack leaves document numbers alone', () => {
    expect(
      shiftYearsBack('国办公开办函〔2021〕30号；2023年1月1日至2023 年12月31日；2024-01-20'),
    ).toBe('国办公开办函〔2021〕30号；2022年1月1日至2022 年12月31日；2023-01-20');
  });
});
