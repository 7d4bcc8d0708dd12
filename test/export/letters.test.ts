/**
 * Feedback letters: generated .docx opened with JSZip, word/document.xml read as a reader would.
 * One letter per unit with problems (none for clean units); exactly the confirmed findings, with
 * their locations and notes; dismissed ones never; pending ones only when asked, marked 待核实.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingFingerprint } from '../../src/core/model/fingerprint';
import type { Finding, ReportModel } from '../../src/core/model/types';
import type { ReviewDecision } from '../../src/core/export/types';
import {
  combinedLettersDocx,
  letterDocx,
  planLetters,
  type LettersInput,
} from '../../src/core/export/documents/letters';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../src/core/export/documents/settings';
import { writeLetters } from '../../src/core/export/documents/write';
import { SaveError } from '../../src/core/export/save';
import { buildReport } from '../support/builders';
import { docxText } from '../support/docx-text';

const balance: Finding = {
  ruleId: 'applications/balance',
  severity: 'error',
  message: '表三「总计」列：一 + 二 = 175，（七）总计 + 四 = 174，相差 1。',
  table: 'applications',
  row: 'totalProcessed',
  column: 'total',
  expected: 175,
  actual: 174,
};
const brackets: Finding = {
  ruleId: 'text/unbalanced-brackets',
  severity: 'warning',
  message: '括号不配对：「（三)」。',
  section: 'overview',
  quote: '（三)',
  pos: { block: 3 },
};
const missingFee: Finding = {
  ruleId: 'other/missing-fee-statement',
  severity: 'error',
  message: '第六部分未说明信息处理费收取情况。',
  section: 'otherMatters',
};
const late: Finding = {
  ruleId: 'timeliness/late',
  severity: 'error',
  message: '报告的发布日期为「2024年2月5日」，晚于期限。',
  quote: '2024年2月5日',
};
const optional: Finding = {
  ruleId: 'other/optional-item-missing',
  severity: 'info',
  message: '第六部分缺少建议提案办理情况。',
  section: 'otherMatters',
};
const review: Finding = {
  ruleId: 'review/group-sum',
  severity: 'error',
  message: '表四「行政复议」：总计 4 ≠ 3。',
  table: 'reviewLitigation',
  row: 'review',
  column: 'total',
};

interface Case {
  a: ReportModel;
  b: ReportModel;
  clean: ReportModel;
  input: LettersInput;
  decisions: Map<string, ReviewDecision>;
}

function setUp(): Case {
  const a = buildReport({ agency: '临淄区工业和信息化局', year: 2023, id: 'a' });
  const b = buildReport({ agency: '博山区教育局', year: 2023, id: 'b' });
  const clean = buildReport({ agency: '张店区科学技术局', year: 2023, id: 'c' });
  const decisions = new Map<string, ReviewDecision>();
  const decide = (m: ReportModel, f: Finding, status: ReviewDecision['status'], note = '') =>
    decisions.set(findingFingerprint(m, f), { status, note });
  decide(a, balance, 'confirmed', '请核对（七）总计');
  decide(a, brackets, 'confirmed');
  decide(a, missingFee, 'dismissed', '第六部分已写明不收费');
  decide(a, late, 'confirmed');
  // a: optional (info) stays undecided.
  decide(b, review, 'dismissed');
  // b: brackets undecided (pending warning).
  decide(clean, missingFee, 'dismissed');
  const input: LettersInput = {
    reports: [
      { model: a, findings: [balance, brackets, missingFee, late, optional] },
      { model: b, findings: [review, { ...brackets, pos: { block: 2 } }] },
      { model: clean, findings: [missingFee] },
    ],
    decisions,
    settings: {
      ...DEFAULT_DOCUMENT_SETTINGS,
      office: '淄博市临淄区人民政府办公室',
      deadline: '2024-05-31',
      issueDate: '2024-04-30',
    },
    today: '2024-04-01',
  };
  return { a, b, clean, input, decisions };
}

describe('feedback letters', () => {
  it('one letter per unit with confirmed problems, none for clean units or units whose problems were all dismissed', () => {
    const { input } = setUp();
    const letters = planLetters(input);
    expect(letters.map((l) => l.unit.name)).toEqual(['临淄区工业和信息化局']);
    expect(letters[0]?.fileName).toBe('临淄区工业和信息化局-审查意见.docx');
    expect(letters[0]?.problems).toBe(3);
  });

  it('lists exactly the confirmed findings, grouped by part, with location, message and note; dismissed ones absent', async () => {
    const { input } = setUp();
    const [letter] = planLetters(input);
    const doc = await docxText(await letterDocx(letter!, input));
    const p = doc.paragraphs;
    expect(p[0]).toBe('关于临淄区工业和信息化局2023年政府信息公开工作年度报告审查意见的函');
    expect(p[1]).toBe('临淄区工业和信息化局：');
    expect(doc.text).toContain(
      '《临淄区工业和信息化局2023年政府信息公开工作年度报告》（文件：a.docx）',
    );
    const headings = p.filter((x) => /^[一二三四五六七]、/.test(x));
    expect(headings).toEqual([
      '一、第一部分「总体情况」',
      '二、第三部分「收到和处理政府信息公开申请情况」',
      '三、报告整体',
    ]);
    const items = p.filter((x) => /^\d+\./.test(x));
    expect(items).toHaveLength(3);
    // Table finding: the reviewer's location, the message with its numbers, the note.
    expect(items).toContain(
      `1.表三「（七）总计」行「总计」列：${balance.message}（审查备注：请核对（七）总计）`,
    );
    // A text finding: the part is in the heading, the paragraph under it.
    expect(items.some((x) => x.startsWith('1.') && x.includes(brackets.message))).toBe(true);
    expect(items.some((x) => x.includes(late.message))).toBe(true);
    expect(doc.text).not.toContain(missingFee.message);
    expect(doc.text).not.toContain('第六部分已写明不收费');
    expect(doc.text).not.toContain(optional.message);
    expect(doc.text).not.toContain('待核实');
    expect(doc.text).toContain('于2024年5月31日前');
    expect(p.slice(-2)).toEqual(['淄博市临淄区人民政府办公室', '2024年4月30日']);
  });

  it('with includePending, undecided errors and warnings join marked 待核实 (undecided 提示 never)', async () => {
    const { input } = setUp();
    const withPending = { ...input, includePending: true };
    const letters = planLetters(withPending);
    expect(letters.map((l) => l.unit.name)).toEqual(['博山区教育局', '临淄区工业和信息化局']);
    const bo = await docxText(await letterDocx(letters[0]!, withPending));
    expect(bo.text).toContain(`【待核实】`);
    expect(bo.text).toContain(brackets.message);
    expect(bo.text).not.toContain(review.message);
    const lin = await docxText(await letterDocx(letters[1]!, withPending));
    expect(lin.text).not.toContain(optional.message);
    // All of 临淄's findings were decided: nothing in its letter is pending.
    expect(lin.text).not.toContain('【待核实】');
  });

  it('without decisions (CLI alone) every error and warning is listed as 待核实, 提示 left out', async () => {
    const { input } = setUp();
    const { decisions: _omit, ...noReview } = input;
    // A rule that failed is the auditor's problem: never in a letter.
    noReview.reports[0]!.findings.push({
      ruleId: 'engine/rule-failed',
      severity: 'warning',
      message: '规则执行出错。',
    });
    const letters = planLetters(noReview);
    expect(letters.map((l) => l.unit.name)).toEqual([
      '博山区教育局',
      '临淄区工业和信息化局',
      '张店区科学技术局',
    ]);
    const lin = await docxText(await letterDocx(letters[1]!, noReview));
    const items = lin.paragraphs.filter((x) => /^\d+\./.test(x));
    expect(items).toHaveLength(4);
    expect(items.every((x) => x.includes('【待核实】'))).toBe(true);
    expect(lin.text).not.toContain(optional.message);
    expect(lin.text).not.toContain('规则执行出错');
  });

  it('one document for all letters: a section per letter, page numbers restarting at 1', async () => {
    const { input } = setUp();
    const bytes = await combinedLettersDocx({ ...input, includePending: true });
    const doc = await docxText(bytes!);
    expect(doc.sections).toBe(2);
    expect(doc.xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(2);
    expect(doc.paragraphs.filter((x) => x.startsWith('关于'))).toHaveLength(2);
    expect(await combinedLettersDocx({ ...input, reports: [] })).toBeNull();
  });

  it('公文 page: A4, GB/T 9704 margins, 仿宋 body with a fallback Word ships, page numbers — n —', async () => {
    const { input } = setUp();
    const bytes = await letterDocx(planLetters(input)[0]!, input);
    const doc = await docxText(bytes);
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.xml).toContain('w:eastAsia="方正小标宋简体"');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBe(2);
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(footer).toContain('— ');
    expect(footer).toContain('PAGE');
  });
});

describe('writing letters', () => {
  it('keeps existing letters unless told to overwrite', async () => {
    const { input } = setUp();
    const dir = mkdtempSync(join(tmpdir(), 'nb-letters-'));
    const target = join(dir, '临淄区工业和信息化局-审查意见.docx');
    writeFileSync(target, 'mine');
    const kept = await writeLetters(dir, input, 'keep');
    expect(kept.kept).toEqual([target]);
    expect(kept.written).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('mine');
    const over = await writeLetters(dir, input, 'overwrite');
    expect(over.written).toEqual([target]);
    expect((await docxText(readFileSync(target))).text).toContain(balance.message);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a letter held open by Word gets the workbook’s clear message, and the old file stays', async () => {
    const { input } = setUp();
    const dir = mkdtempSync(join(tmpdir(), 'nb-letters-'));
    const target = join(dir, '临淄区工业和信息化局-审查意见.docx');
    writeFileSync(target, 'open in Word');
    // Word holds the target: the atomic writer's rename step fails as Windows makes it fail.
    const locked = {
      afterBackup: async () => {
        throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      },
    };
    const err = await writeLetters(dir, input, 'overwrite', locked).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SaveError);
    expect((err as SaveError).message).toBe(
      `无法写入 ${target}：文件可能正在被 Word 或其他程序打开，或没有写入权限，请关闭后重试。`,
    );
    expect(readFileSync(target, 'utf8')).toBe('open in Word');
    expect(readdirSync(dir)).toEqual(['临淄区工业和信息化局-审查意见.docx']);
  });
});
