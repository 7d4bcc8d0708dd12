/**
 * Issue 8 through the UI, in Debian's Chromium against the real handlers: a folder as an office
 * holds it — a roster of eight units, one unit with two different 2023 versions and an identical
 * copy, a unit named differently in two years (洪泽区人民政府 2023 / 淮安市洪泽区人民政府 2024), a
 * unit written by a short name in 2024, a notice, the tool's own workbook, Thumbs.db, and a roster
 * unit with no report. Screenshots at 1366×768 of 报送情况, the version bar and the roster editor
 * go to test-output/screens/ (units-*.png).
 */
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSpec, specToDocx, specToTxt } from '../fixtures';
import {
  ensureRendererBuilt,
  screenshot,
  startBrowserApp,
  type BrowserApp,
} from '../support/browser';
import { startAppFixture, type AppFixture, value } from '../support/app-fixture';
import { writeAuditWorkbook } from '../../src/core/export/workbook';
import type { CoverageView, ReportDetail, ReportSummary } from '../../src/shared/ipc';

const HONGZE = '淮安市洪泽区人民政府';
const HONGZE_2023 = '洪泽区人民政府';
const MARKET = '示例区市场监督管理局';
const HEALTH = '示例区卫生健康委员会';
const HEALTH_SHORT = '示例区卫生健康委';
const ABSENT = '示例区交通运输局';
const OTHERS = ['示例区教育局', '示例区财政局', '示例区民政局', '示例区司法局'];
const ROSTER = [HONGZE, MARKET, HEALTH, ...OTHERS, ABSENT];

const V1 = `${MARKET}2023年政府信息公开工作年度报告.docx`;
const V2 = `${MARKET}2023年政府信息公开工作年度报告（修改稿）.docx`;
const COPY = `${MARKET}2023年报-备份.docx`;
const NOTICE = '关于报送2023年度政府信息公开工作年度报告的通知.docx';
const WORKBOOK = '年报审查结果.xlsx';

let fx: AppFixture;
let app: BrowserApp;
let page: Page;
let folder: string;

async function nav(key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
}

async function reports(): Promise<ReportSummary[]> {
  return value<ReportSummary[]>(await fx.invoke('listReports', []));
}

async function byFile(name: string): Promise<ReportSummary> {
  const r = (await reports()).find((x) => x.fileName === name);
  if (!r) throw new Error(`no report ${name}`);
  return r;
}

/** The text of an antd Statistic's value inside `scope`, by its title. */
async function statistic(scope: Locator, title: string): Promise<string> {
  const stat = scope
    .locator('.ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}`) }) });
  return ((await stat.locator('.ant-statistic-content-value').textContent()) ?? '').trim();
}

/** Report bodies: the market unit's two 2023 versions share the 新收 总计 error; the 修改稿 fixed the 予以公开 总计. */
async function writeFolder(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const txt = (agency: string, year: number, file: string): void =>
    writeFileSync(join(dir, file), specToTxt(defaultSpec({ agency, year })));
  txt(HONGZE_2023, 2023, `${HONGZE_2023}2023年政府信息公开工作年度报告.txt`);
  txt(HONGZE, 2024, `${HONGZE}2024年政府信息公开工作年度报告.txt`);
  txt(HEALTH, 2023, `${HEALTH}2023年年报.txt`);
  txt(HEALTH_SHORT, 2024, `${HEALTH_SHORT}2024年年报.txt`);
  for (const a of OTHERS) {
    txt(a, 2023, `${a}2023年年报.txt`);
    txt(a, 2024, `${a}2024年年报.txt`);
  }
  txt(MARKET, 2024, `${MARKET}2024年政府信息公开工作年度报告.txt`);
  const v1 = defaultSpec({ agency: MARKET, year: 2023 });
  v1.tables.applications.newReceived.total = 4;
  v1.tables.applications.granted.total = 3; // corrected in the 修改稿: 已整改
  const v2 = defaultSpec({ agency: MARKET, year: 2023 });
  v2.tables.applications.newReceived.total = 4;
  v2.sections
    .find((s) => s.key === 'otherMatters')
    ?.paragraphs.push('（三）根据审查意见，本报告已对第二部分的表述作了修改。');
  writeFileSync(join(dir, V1), await specToDocx(v1));
  writeFileSync(join(dir, V2), await specToDocx(v2));
  copyFileSync(join(dir, V1), join(dir, COPY));
  // File times make the default rule deterministic: the 修改稿 is newer; the copy is older than the file it copies, which then stands for it.
  utimesSync(join(dir, V1), new Date('2024-01-20T09:00:00Z'), new Date('2024-01-20T09:00:00Z'));
  utimesSync(join(dir, COPY), new Date('2024-01-18T09:00:00Z'), new Date('2024-01-18T09:00:00Z'));
  utimesSync(join(dir, V2), new Date('2024-01-25T09:00:00Z'), new Date('2024-01-25T09:00:00Z'));
  const notice = new Document({
    sections: [
      {
        children: [
          new Paragraph('关于报送2023年度政府信息公开工作年度报告的通知'),
          new Paragraph('各镇人民政府、街道办事处，区政府各部门：'),
          new Paragraph(
            '根据《中华人民共和国政府信息公开条例》规定，请各单位于2024年1月31日前将本单位2023年度政府信息公开工作年度报告报送区政务公开办。',
          ),
          new Paragraph('示例区人民政府办公室'),
        ],
      },
    ],
  });
  writeFileSync(join(dir, NOTICE), await Packer.toBuffer(notice));
  await writeAuditWorkbook(join(dir, WORKBOOK), { reports: [] });
  writeFileSync(join(dir, 'Thumbs.db'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 1, 2, 3]));
}

beforeAll(async () => {
  await ensureRendererBuilt();
  fx = await startAppFixture({ samples: false });
  folder = join(fx.dir, '2023年度年报');
  await writeFolder(folder);
  writeFileSync(
    join(fx.dir, '应报单位名单.txt'),
    [
      '单位名称\t类别',
      ...ROSTER.map((n) => `${n}\t${n.endsWith('人民政府') ? '人民政府' : '部门'}`),
    ].join('\n'),
  );
  app = await startBrowserApp(fx, { viewport: { width: 1366, height: 768 } });
  page = app.page;
}, 240_000);

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

describe('units, submissions and versions in the UI (issue 8)', () => {
  it('imports the folder: the notice and the own workbook skipped with their reasons, clutter only counted', async () => {
    await nav('import');
    fx.dialogs.openFolder.push(folder);
    await page.getByTestId('import-folder').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('count-added').textContent()).toBe('16');
    const skipped = page.getByTestId('skipped-table');
    const row = (name: string): Locator => skipped.locator('tr', { hasText: name });
    await row(NOTICE).waitFor();
    expect(await row(NOTICE).getByTestId('skip-reason').textContent()).toBe('不是年度报告');
    expect(await row(WORKBOOK).getByTestId('skip-reason').textContent()).toBe(
      '本工具生成的结果文件',
    );
    expect(await skipped.locator('tr', { hasText: 'Thumbs.db' }).count()).toBe(0);
    expect(await page.getByTestId('skipped-clutter').textContent()).toContain(
      '另有 1 个系统或临时文件',
    );
    expect(await page.getByTestId('import-versions').textContent()).toContain(
      '1 份与另一份文件内容完全相同',
    );
    await screenshot(page, 'units-01-import');
  });

  it('without a roster, 报送情况 says its units are inferred', async () => {
    await nav('coverage');
    await page.getByTestId('roster-inferred').waitFor();
    expect(await page.getByTestId('coverage-page').textContent()).toContain('从已导入的报告推断');
  });

  it('imports the roster in 设置 and shows it in the editor', async () => {
    await nav('settings');
    await page.getByTestId('settings-tab-roster').click();
    await page.getByTestId('roster-editor-inferred').waitFor();
    fx.dialogs.openRoster.push(join(fx.dir, '应报单位名单.txt'));
    await page.getByTestId('roster-import').click();
    await page.getByTestId('roster-editor').getByText('来自 应报单位名单.txt').waitFor();
    const names = await page
      .getByTestId('roster-name')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toEqual(ROSTER);
    await screenshot(page, 'units-02-roster-editor');
  });

  it('报送情况: per-year counts, the short name offered as the roster unit, 缺报 exactly the unit without a report', async () => {
    await nav('coverage');
    const y2024 = page.getByTestId('coverage-year-2024');
    await y2024.waitFor();
    expect(await statistic(y2024, '应报')).toBe('8');
    expect(await statistic(y2024, '未报')).toBe('2');
    expect(await statistic(y2024, '名单外')).toBe('1');
    const unmatched = page.getByTestId('unmatched-row').filter({ hasText: HEALTH_SHORT });
    expect(await unmatched.textContent()).toContain(`≈ ${HEALTH}？`);
    await screenshot(page, 'units-03-coverage-unmatched');
    await unmatched.getByTestId('alias-accept').click();
    await page.getByTestId('coverage-unmatched').waitFor({ state: 'detached' });
    await page.getByTestId('coverage-missing-units').getByText('缺报单位 1 个').waitFor();
    for (const y of ['2023', '2024']) {
      const card = page.getByTestId(`coverage-year-${y}`);
      expect(await statistic(card, '应报')).toBe('8');
      expect(await statistic(card, '已报')).toBe('7');
      expect(await statistic(card, '未报')).toBe('1');
      expect(await statistic(card, '名单外')).toBe('0');
    }
    // The one missing unit, in the table too; the renamed unit is one row with both years.
    const table = page.getByTestId('coverage-table');
    const missingRows = table
      .locator('.ant-table-row')
      .filter({ has: page.locator('[data-testid="coverage-status"]', { hasText: '未报' }) });
    expect(await missingRows.count()).toBe(1);
    expect(await missingRows.first().textContent()).toContain(ABSENT);
    const hongze = table.locator('.ant-table-row', { hasText: HONGZE });
    expect(await hongze.count()).toBe(1);
    expect(await hongze.getByTestId('coverage-file').count()).toBe(2);
    expect(
      await table
        .locator('.ant-table-row', { hasText: MARKET })
        .getByTestId('coverage-multi')
        .textContent(),
    ).toContain('多版本 2');
    expect(await table.locator('.ant-table-row').count()).toBe(8);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="coverage-chart"]')?.getAttribute('data-nb-shown') ===
        '2023:7/0/1/0,2024:7/0/1/0',
    );
    await screenshot(page, 'units-04-coverage');
  });

  it('总览: current versions counted, the copy hidden and named, the renamed unit as one unit, 缺报 as in 报送情况', async () => {
    await nav('overview');
    await page.locator('.nb-report-table .ant-table-row').first().waitFor();
    expect(await statistic(page.getByTestId('stat-missing'), '缺报单位')).toBe('1');
    // 16 files: one copy (hidden) and one other version; 14 current reports.
    expect(await statistic(page.getByTestId('stat-reports'), '报告')).toBe('14');
    await page.getByText('显示 15 / 16 份').waitFor();
    expect(await page.getByTestId('badge-duplicate').count()).toBe(0);
    expect(await page.getByTestId('badge-other-version').count()).toBe(1);
    await page.getByTestId('show-duplicates').click();
    await page.getByText('显示 16 / 16 份').waitFor();
    expect(await page.getByTestId('badge-duplicate').getAttribute('aria-label')).toContain(
      `与「${V1}」内容完全相同`,
    );
    await screenshot(page, 'units-07-overview');
    await page.getByTestId('show-duplicates').click();
    const hongze = page.getByTestId('overview-unit').filter({ hasText: HONGZE });
    expect(await hongze.count()).toBe(2);
    // Exactly one current version per unit and year.
    const list = await reports();
    const bySubmission = new Map<string, number>();
    for (const r of list)
      if (r.submissionKey)
        bySubmission.set(
          r.submissionKey,
          (bySubmission.get(r.submissionKey) ?? 0) + (r.current ? 1 : 0),
        );
    expect([...bySubmission.values()].every((n) => n === 1)).toBe(true);
    expect(bySubmission.size).toBe(14);
    const hz = list.filter((r) => r.unitName === HONGZE);
    expect(new Set(hz.map((r) => r.agencyKey)).size).toBe(1);
    expect(hz.map((r) => r.agency).sort()).toEqual([HONGZE, HONGZE_2023].sort());
  });

  it('年度对比 pairs the renamed unit', async () => {
    await nav('compare');
    await page.getByTestId('compare-agency').click();
    await page.keyboard.type('洪泽');
    const option = page.locator('.ant-select-item-option', { hasText: HONGZE });
    expect(await option.textContent()).toContain('2023、2024');
    await option.click();
    await page.getByTestId('cmp-table-applications').waitFor();
    const heads = await page.locator('.nb-cmp-head').allTextContents();
    expect(heads).toHaveLength(2);
    expect(heads[0]).toContain('2023 年度');
    expect(heads[1]).toContain('2024 年度');
    for (const h of heads) expect(h).toContain(HONGZE);
  });

  it('打开年度对比 on a cross-year finding opens the pair it is about', async () => {
    const list = await reports();
    const later = list.find((r) => r.unitName === HONGZE && r.year === 2024) as ReportSummary;
    const earlier = list.find((r) => r.unitName === HONGZE && r.year === 2023) as ReportSummary;
    const d = value<ReportDetail>(await fx.invoke('getReport', [{ id: later.id }]));
    const f = d.findings.find(
      (x) => x.ruleId.startsWith('series/') && x.relatedReport === earlier.id,
    );
    expect(f, 'a cross-year finding of 2024 against the renamed 2023 report').toBeDefined();
    // 年度对比 shows another unit first, so the pair must come from the finding.
    await page.getByTestId('compare-agency').click();
    await page.keyboard.type('财政局');
    await page.locator('.ant-select-item-option', { hasText: '示例区财政局' }).click();
    await page.locator('.nb-cmp-head', { hasText: '示例区财政局' }).first().waitFor();
    await nav('review');
    await page.getByTestId('report-select').click();
    await page.keyboard.type(`${HONGZE} · 2024`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((rid) => document.body.dataset.nbOpened === rid, later.id);
    await page
      .locator(
        `[data-testid="finding"][data-fingerprint="${(f as NonNullable<typeof f>).fingerprint}"] .nb-finding-related`,
      )
      .click();
    await page.locator('.nb-cmp-head', { hasText: HONGZE }).first().waitFor();
    const heads = await page.locator('.nb-cmp-head').allTextContents();
    expect(heads[0]).toContain('2023 年度');
    expect(heads[1]).toContain('2024 年度');
    expect(heads.every((h) => h.includes(HONGZE))).toBe(true);
  });

  it('审查: the version bar, decisions stay on their version, carried as such, and 设为当前版本 switches', async () => {
    const v1 = await byFile(V1);
    const v2 = await byFile(V2);
    expect(v2.current).toBe(true);
    expect(v1.current).toBe(false);
    await nav('overview');
    // The table is virtual: narrow it to the unit's 2023 files so the row is rendered.
    await page.getByPlaceholder('按单位或文件名查找').fill(`${MARKET}2023`);
    await page.getByText('显示 2 / 16 份').waitFor();
    await page.getByTestId(`open-${v1.id}`).click();
    await page.waitForFunction((rid) => document.body.dataset.nbOpened === rid, v1.id);
    const bar = page.getByTestId('version-bar');
    await bar.waitFor();
    expect(await bar.getByTestId('version-row').count()).toBe(2);
    expect(
      await bar
        .locator('[data-testid="version-row"][data-current="1"]')
        .getAttribute('data-report'),
    ).toBe(v2.id);
    expect(await bar.getByTestId('current-reason').textContent()).toContain('文件修改时间最新');
    expect(
      await bar
        .locator(`[data-testid="version-row"][data-report="${v1.id}"]`)
        .getByTestId('version-duplicates')
        .textContent(),
    ).toContain(COPY);
    await screenshot(page, 'units-05-version-bar');

    // Confirm the 新收 总计 error on the older version: the next pending finding is selected.
    const d1 = value<ReportDetail>(await fx.invoke('getReport', [{ id: v1.id }]));
    const f1 = d1.findings.find((f) => f.ruleId === 'applications/row-sum');
    expect(f1).toBeDefined();
    const item = page.locator(
      `[data-testid="finding"][data-fingerprint="${(f1 as NonNullable<typeof f1>).fingerprint}"]`,
    );
    await item.click();
    await item.getByTestId('decision-note').fill('已与单位核实');
    await item.getByTestId('decide-confirm').click();
    await page
      .locator(
        `[data-testid="finding"][data-fingerprint="${(f1 as NonNullable<typeof f1>).fingerprint}"][data-status="confirmed"]`,
      )
      .waitFor();
    if (d1.findings.length > 1) {
      const sel = page.locator('.nb-finding-selected');
      await page.waitForFunction(
        (fp) => {
          const el = document.querySelector('.nb-finding-selected');
          return !!el && el.getAttribute('data-fingerprint') !== fp;
        },
        (f1 as NonNullable<typeof f1>).fingerprint,
      );
      expect(await sel.getAttribute('data-status')).toBe('pending');
    }

    // The current version: the same finding is still pending there, the earlier decision shown as carried.
    await bar.locator(`[data-testid="version-row"][data-report="${v2.id}"] a`).click();
    await page.waitForFunction((rid) => document.body.dataset.nbOpened === rid, v2.id);
    const same = page.locator('[data-testid="finding"][data-rule="applications/row-sum"]');
    await same.first().waitFor();
    expect(await same.first().getAttribute('data-status')).toBe('pending');
    expect(await same.first().getByTestId('carried').textContent()).toContain(
      '沿用上一版本的结论：已确认 · 备注：已与单位核实',
    );
    expect(await same.first().getByTestId('carried').textContent()).toContain(`来自 ${V1}`);
    expect(await same.first().getByTestId('version-diff').textContent()).toBe('仍存在');
    const d2 = value<ReportDetail>(await fx.invoke('getReport', [{ id: v2.id }]));
    expect(d2.findings.filter((f) => f.decision.status !== 'pending')).toEqual([]);
    // What the 修改稿 corrected: listed as 已整改, gone from its own findings.
    expect(d2.versions?.fixed.length).toBeGreaterThan(0);
    const fixed = page.getByTestId('fixed-list');
    expect(await fixed.textContent()).toContain(`已整改 ${d2.versions?.fixed.length} 项`);
    await fixed.locator('.ant-collapse-header').click();
    await fixed.getByTestId('fixed-item').first().waitFor();
    expect(await fixed.textContent()).toContain(`上一版本：${V1}`);
    expect(await fixed.getByTestId('fixed-item').count()).toBe(d2.versions?.fixed.length);
    expect(await fixed.getByTestId('fixed-item').first().textContent()).toContain('表三');
    await screenshot(page, 'units-06-current-version');

    // 设为当前版本 on the older file.
    await bar
      .locator(`[data-testid="version-row"][data-report="${v1.id}"]`)
      .getByTestId('version-choose')
      .click();
    await bar
      .locator(`[data-testid="version-row"][data-report="${v1.id}"][data-current="1"]`)
      .waitFor();
    expect(await bar.getByTestId('current-reason').textContent()).toContain('审查人员选定');
    expect((await byFile(V1)).current).toBe(true);
    expect((await byFile(V2)).current).toBe(false);
    // The decision on the older version is still its own.
    const again = value<ReportDetail>(await fx.invoke('getReport', [{ id: v1.id }]));
    expect(
      again.findings.find((f) => f.fingerprint === (f1 as NonNullable<typeof f1>).fingerprint)
        ?.decision.status,
    ).toBe('confirmed');

    // 与当前版本对比: the two-column comparison of the two files.
    await bar
      .locator(`[data-testid="version-row"][data-report="${v2.id}"]`)
      .getByTestId('version-compare')
      .click();
    await page.getByTestId('cmp-table-applications').waitFor();
    const heads = await page.locator('.nb-cmp-head').allTextContents();
    expect(heads.join('|')).toContain(V2);
    expect(heads.join('|')).toContain(V1);
  });

  it('审查 follows 总览 order and keeps an unsaved note', async () => {
    await nav('overview');
    await page.getByPlaceholder('按单位或文件名查找').fill('');
    await page.getByText('显示 15 / 16 份').waitFor();
    await page.locator('.nb-report-table .ant-table-row').first().waitFor();
    const first = page.locator('.nb-report-table .ant-table-row').first();
    await first.getByTestId('overview-unit').click();
    await page.getByTestId('review-position').getByText('1 / 15 · 按总览顺序').waitFor();
    const findings = page.getByTestId('finding');
    if ((await findings.count()) >= 2) {
      await findings.nth(0).click();
      await findings.nth(0).getByTestId('decision-note').fill('待与单位确认');
      await findings.nth(1).click();
      expect(await findings.nth(0).getByTestId('note-draft').textContent()).toContain(
        '待与单位确认',
      );
      await page.getByTestId('unsaved-notes').waitFor();
    }
    expect(app.errors).toEqual([]);
  });

  it('设置 → 单位名单: an accepted alias removable, a unit added and saved, the roster cleared back to inferred', async () => {
    await nav('settings');
    await page.getByTestId('settings-tab-roster').click();
    const alias = page.getByTestId('reviewer-alias');
    await alias.first().waitFor();
    expect(await alias.count()).toBe(1);
    expect(await alias.textContent()).toContain(`${HEALTH_SHORT} → ${HEALTH}`);
    await alias.getByRole('button').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await alias.first().waitFor({ state: 'detached' });
    const cov = value<CoverageView>(await fx.invoke('getCoverage', []));
    expect(cov.unmatched.map((u) => u.name)).toEqual([HEALTH_SHORT]);

    await page.getByTestId('roster-add').click();
    await page.getByTestId('roster-name').first().fill('示例区应急管理局');
    await page.getByTestId('roster-save').click();
    await page.getByTestId('roster-editor').getByText('9 个单位，来自 应报单位名单.txt').waitFor();
    const after = value<CoverageView>(await fx.invoke('getCoverage', []));
    expect(after.roster.units.map((u) => u.name)).toContain('示例区应急管理局');
    expect(after.coverage.find((y) => y.year === 2023)?.missing.sort()).toEqual(
      ['示例区交通运输局', '示例区应急管理局'].sort(),
    );

    await page.getByTestId('roster-clear').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /清\s*空/ })
      .click();
    await page.getByTestId('roster-editor-inferred').waitFor();
    expect(value<CoverageView>(await fx.invoke('getCoverage', [])).roster.inferred).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
