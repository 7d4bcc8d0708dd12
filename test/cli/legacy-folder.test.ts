/**
 * `npm run audit` on a folder that mixes what offices actually send: the seeds as .doc and .wps,
 * a tables-only .xls and .et, web archives, a .doc named .docx, an HTML page named .xls, and the
 * files that cannot be read (an encrypted .doc, an encrypted .docx, an RTF named .doc, a damaged
 * compound file). One line per failed file, the rest read, and the workbook lists every report.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as CFB from 'cfb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../../src/core/audit';
import { defaultSpec, htmlToMht, specToHtml } from '../fixtures';
import { runCli } from './run-cli';

const LEGACY = join(__dirname, '../fixtures/legacy');
const SEED = '000_9d3f07d5fe28c571';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nb-legacy-cli-'));
  const d = join(dir, 'mixed');
  mkdirSync(join(d, 'sub'), { recursive: true });
  const seedDoc = (s: string): string => join(LEGACY, 'seeds', `${s}.doc`);
  copyFileSync(seedDoc(SEED), join(d, `${SEED}.doc`));
  copyFileSync(seedDoc('001_5cbb82ac5aa5eb0a'), join(d, '001_5cbb82ac5aa5eb0a.wps'));
  copyFileSync(seedDoc('002_09c47aeb36cb05e4'), join(d, 'sub', '002_09c47aeb36cb05e4.docx')); // a .doc named .docx
  copyFileSync(join(LEGACY, `${SEED}-sheets.xls`), join(d, '表格.xls'));
  copyFileSync(join(LEGACY, `${SEED}-single.xls`), join(d, '表格.et'));
  const page = specToHtml(
    defaultSpec({ agency: '某县科学技术局', year: 2023 }),
    {},
    { encoding: 'gbk' },
  );
  writeFileSync(
    join(d, '某县科学技术局2023年报.mht'),
    htmlToMht(page, { transfer: 'quoted-printable', charset: 'gb2312', style: 'ie' }),
  );
  writeFileSync(
    join(d, 'sub', '某县农业农村局2023年报导出.xls'),
    specToHtml(defaultSpec({ agency: '某县农业农村局', year: 2023 }), {}, { encoding: 'utf-8' }),
  );
  // The unreadable ones.
  const c = CFB.read(readFileSync(seedDoc(SEED)), { type: 'buffer' });
  const word = CFB.find(c, 'WordDocument');
  const w = Buffer.from(word?.content as Uint8Array);
  w.writeUInt16LE(w.readUInt16LE(0x0a) | 0x0100, 0x0a);
  (word as CFB.CFB$Entry).content = w;
  writeFileSync(join(d, '加密.doc'), Buffer.from(CFB.write(c, { type: 'buffer' }) as Uint8Array));
  const enc = CFB.utils.cfb_new();
  CFB.utils.cfb_add(enc, '/EncryptionInfo', Buffer.alloc(248, 4));
  CFB.utils.cfb_add(enc, '/EncryptedPackage', Buffer.alloc(9000, 7));
  writeFileSync(
    join(d, '加密.docx'),
    Buffer.from(CFB.write(enc, { type: 'buffer' }) as Uint8Array),
  );
  writeFileSync(join(d, 'sub', '富文本.doc'), Buffer.from('{\\rtf1\\ansi 2023\\par}', 'latin1'));
  writeFileSync(join(d, 'sub', '损坏.doc'), readFileSync(seedDoc(SEED)).subarray(0, 9000));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit on a folder of legacy and mislabelled files', () => {
  it('prints one line per failed file, reads the rest, and the workbook lists every report', async () => {
    const out = join(dir, 'r.json');
    const xlsx = join(dir, 'r.xlsx');
    const r = runCli([join(dir, 'mixed'), '--json', out, '--xlsx', xlsx]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
    const rel = (f: string): string => f.replace(`${dir}/mixed/`, '');
    expect(json.failures.map((f) => rel(f.file)).sort()).toEqual(
      ['sub/富文本.doc', 'sub/损坏.doc', '加密.doc', '加密.docx'].sort(),
    );
    const messages = json.failures.map((f) => f.message);
    expect(new Set(messages).size).toBe(4);
    for (const f of json.failures)
      expect(r.stdout.split('\n').filter((l) => l.includes(`${f.file}：`)).length, f.file).toBe(1);
    const reports = json.reports.map((x) => [rel(String(x.file)), x.format, x.agency]).sort();
    expect(reports).toEqual(
      [
        [`${SEED}.doc`, 'doc', '临淄区工业和信息化局'],
        ['001_5cbb82ac5aa5eb0a.wps', 'doc', '孟津区科技和工业信息化局'],
        ['sub/002_09c47aeb36cb05e4.docx', 'doc', '淄博市临淄区人民政府'],
        ['表格.xls', 'xls', '临淄区工业和信息化局'],
        ['表格.et', 'xls', '临淄区工业和信息化局'],
        ['某县科学技术局2023年报.mht', 'mht', '某县科学技术局'],
        ['sub/某县农业农村局2023年报导出.xls', 'html', '某县农业农村局'],
      ].sort(),
    );
    expect(r.stdout).toMatch(/共读取 7 份报告（4 个读取失败/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const summary = wb.getWorksheet('汇总');
    const listed: string[] = [];
    summary?.eachRow((row, n) => {
      if (n > 1) listed.push(String(row.getCell(3).value ?? ''));
    });
    expect(listed.length).toBeGreaterThanOrEqual(json.reports.length);
    for (const rep of json.reports)
      expect(
        listed.some(
          (l) =>
            String(rep.file).endsWith(l) ||
            l.endsWith(rel(String(rep.file)).split('/').pop() as string),
        ),
        String(rep.file),
      ).toBe(true);
  });
});
