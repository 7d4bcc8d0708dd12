/**
 * End to end in Debian's Chromium: the reviewer decides findings in 审查, sets the issuing office
 * in 设置, looks at the indicators in 总览, and exports the letters and the briefing from 导出;
 * the documents are read back from their word/document.xml. Screenshots go to
 * test-output/screens/ (20-… to 24-…).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRendererBuilt,
  screenshot,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startAppFixture, type AppFixture, value } from '../support/app-fixture';
import { docxText } from '../support/docx-text';
import type { FindingView, ReportDetail, ReportSummary } from '../../src/shared/ipc';

let fx: AppFixture;
let app: BrowserApp;
let page: Page;
let confirmed: FindingView;
let dismissed: FindingView;

beforeAll(async () => {
  await ensureRendererBuilt();
  fx = await startAppFixture();
  app = await startBrowserApp(fx);
  page = app.page;
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /打开示例报告/ }).click();
  await page.getByTestId('report-table').waitFor();
}, 240_000);

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

describe('letters and briefing from the 导出 screen', () => {
  it('decides two findings of 淄博市临淄区人民政府 in 审查', async () => {
    const list = value<ReportSummary[]>(await fx.invoke('listReports', []));
    const linzi = list.find((r) => r.agency === '淄博市临淄区人民政府')!;
    const detail = value<ReportDetail>(await fx.invoke('getReport', [{ id: linzi.id }]));
    [confirmed, dismissed] = detail.findings.filter((f) => f.severity !== 'info') as [
      FindingView,
      FindingView,
    ];
    await page.getByTestId(`open-${linzi.id}`).click();
    await page.waitForFunction((rid) => document.body.dataset.nbOpened === rid, linzi.id);
    const decide = async (
      f: FindingView,
      how: 'confirm' | 'dismiss',
      note: string,
    ): Promise<void> => {
      const item = page.locator(`[data-testid="finding"][data-fingerprint="${f.fingerprint}"]`);
      await item.click();
      await item.getByTestId('decision-note').fill(note);
      await item.getByTestId(`decide-${how}`).click();
      await page
        .locator(
          `[data-testid="finding"][data-fingerprint="${f.fingerprint}"][data-status="${how === 'confirm' ? 'confirmed' : 'dismissed'}"]`,
        )
        .waitFor();
    };
    await decide(confirmed, 'confirm', '请在第一部分补充社会评议和责任追究情况');
    await decide(dismissed, 'dismiss', '原文无误');
  });

  it('sets the issuing office and the issue date in 设置', async () => {
    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('document-settings');
    await card.waitFor();
    await page.getByTestId('doc-office').fill('淄博市临淄区人民政府办公室');
    await page.getByTestId('doc-issueDate').fill('2024-04-30');
    await page.getByTestId('doc-deadline').fill('2024-05-31');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '20-settings-documents');
    await page.getByTestId('document-settings-save').click();
    await page.getByTestId('document-settings-save').and(page.locator('[disabled]')).waitFor();
    const saved = value<{ office: string }>(await fx.invoke('getDocumentSettings', []));
    expect(saved.office).toBe('淄博市临淄区人民政府办公室');
  });

  it('shows the indicators in 总览, blank where undefined', async () => {
    await page.getByTestId('nav-overview').click();
    await page.getByRole('tab', { name: '指标' }).click();
    const table = page.getByTestId('indicators-table');
    await table.waitFor();
    const row = table.locator('.ant-table-row', { hasText: '淄博市临淄区人民政府' });
    await row.waitFor();
    expect(await row.textContent()).toContain('96.0%');
    const dept = table.locator('.ant-table-row', { hasText: '张店区科学技术局' });
    expect(await dept.textContent()).not.toContain('%');
    // 合计: sums first, then the ratio — only the 人民政府 handled applications, so 96.0 % again.
    expect(await page.getByTestId('indicators-total').textContent()).toContain('96.0%');
    await page.getByTestId('chart-outcomes').locator('canvas').waitFor();
    await screenshot(page, '21-overview-indicators');
  });

  it('exports one letter per unit with confirmed problems and reads it back', async () => {
    await page.getByTestId('nav-export').click();
    await page.getByTestId('documents-card').waitFor();
    const dir = join(fx.dir, '审查意见');
    fx.dialogs.chooseLettersFolder.push(dir);
    await page.getByTestId('export-letters').click();
    await page.getByTestId('letters-path').waitFor();
    expect(await page.getByTestId('letters-path').textContent()).toContain('已写入 1 份审查意见');
    await screenshot(page, '22-export-letters');
    expect(readdirSync(dir)).toEqual(['淄博市临淄区人民政府-审查意见.docx']);
    const doc = await docxText(readFileSync(join(dir, '淄博市临淄区人民政府-审查意见.docx')));
    expect(doc.paragraphs[1]).toBe('淄博市临淄区人民政府：');
    expect(doc.text).toContain(confirmed.message);
    expect(doc.text).toContain('（审查备注：请在第一部分补充社会评议和责任追究情况）');
    expect(doc.text).not.toContain(dismissed.message);
    expect(doc.text).not.toContain('原文无误');
    expect(doc.text).toContain('于2024年5月31日前');
    expect(doc.paragraphs.slice(-2)).toEqual(['淄博市临淄区人民政府办公室', '2024年4月30日']);

    // Again into the same folder: the reviewer is asked, and keeps the existing letter.
    fx.dialogs.chooseLettersFolder.push(dir);
    fx.dialogs.confirmReplaceLetters.push('keep');
    await page.getByTestId('export-letters').click();
    await page.getByTestId('letters-path').getByText('保留已有文件 1 份').waitFor();
  });

  it('exports the briefing, with pending problems when asked, and reads it back', async () => {
    await page.getByTestId('include-pending').click();
    const out = join(fx.dir, '通报.docx');
    fx.dialogs.saveDocument.push(out);
    await page.getByTestId('export-briefing').click();
    await page.getByTestId('briefing-path').waitFor();
    await screenshot(page, '23-export-briefing');
    const doc = await docxText(readFileSync(out));
    expect(doc.paragraphs[0]).toBe('关于2023年度政府信息公开工作年度报告审查情况的通报');
    expect(doc.text).toContain('2023年度共收到 5 家单位的年度报告');
    expect(doc.text).toContain('依申请公开办结率 96.0%');
    expect(doc.text).toContain('尚待核实');
    expect(doc.text).not.toContain(dismissed.message);
    expect(doc.paragraphs.slice(-2)).toEqual(['淄博市临淄区人民政府办公室', '2024年4月30日']);

    // All letters in one file, pending ones included: one section per unit.
    await page.getByTestId('letters-mode').getByText('全部合并为一个文件').click();
    const one = join(fx.dir, '全部审查意见.docx');
    fx.dialogs.saveDocument.push(one);
    await page.getByTestId('export-letters').click();
    await page.getByTestId('letters-path').getByText('全部审查意见.docx').waitFor();
    const all = await docxText(readFileSync(one));
    expect(all.sections).toBeGreaterThan(1);
    expect(all.text).toContain('【待核实】');
    await screenshot(page, '24-export-done');
  });
});
