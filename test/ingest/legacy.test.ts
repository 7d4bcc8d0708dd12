/**
 * Legacy and mislabelled files, read by content: the seed reports saved as .doc by LibreOffice
 * (committed, test/fixtures/legacy, made by scripts/make-legacy-fixtures.ts) and the same bytes
 * named .wps extract exactly what their .docx extracts; a tables-only .xls/.et what the .xlsx
 * extracts; a web archive (.mht, UTF-8 and GBK) what the .html extracts. Encrypted, damaged and
 * unreadable legacy files each fail with their own Chinese message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { IngestError } from '../../src/core/ingest/errors';
import { numericValue } from '../../src/core/model/factory';
import {
  APPLICANT_COLUMN_KEYS,
  APPLICATION_ROW_KEYS,
  DOCUMENT_COLUMN_KEYS,
  REVIEW_COLUMN_KEYS,
  REVIEW_GROUP_KEYS,
} from '../../src/core/model/glossary';
import type { ReportModel, SourceDocument } from '../../src/core/model/types';
import {
  htmlToMht,
  specFromModel,
  specToDocx,
  specToHtml,
  specToXlsx,
  stressWorkbook,
  type ReportSpec,
} from '../fixtures';
import { mulberry32 } from '../support/random';

const SEEDS = join(__dirname, '../../../shared/corpus/seeds');
const LEGACY = join(__dirname, '../fixtures/legacy');
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Every table value of a model, by path, as numbers (null for blank). */
function values(m: ReportModel): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const ad = m.tables.activeDisclosure;
  if (ad) {
    for (const r of ['regulations', 'normativeDocuments'] as const)
      for (const c of DOCUMENT_COLUMN_KEYS) out[`二.${r}.${c}`] = numericValue(ad[r][c]);
    for (const r of ['licensing', 'punishment', 'coercion', 'administrativeFees'] as const)
      out[`二.${r}`] = numericValue(ad[r]);
  }
  const ap = m.tables.applications;
  if (ap)
    for (const r of APPLICATION_ROW_KEYS)
      for (const c of APPLICANT_COLUMN_KEYS) out[`三.${r}.${c}`] = numericValue(ap[r][c]);
  const rl = m.tables.reviewLitigation;
  if (rl)
    for (const g of REVIEW_GROUP_KEYS)
      for (const c of REVIEW_COLUMN_KEYS) out[`四.${g}.${c}`] = numericValue(rl[g][c]);
  return out;
}

function summary(m: ReportModel): object {
  return {
    agency: m.agency,
    year: m.year,
    template: m.template,
    sections: m.sections.filter((s) => s.found).map((s) => s.key),
    numerals: m.headingsInOrder.map((h) => h.numeral),
    values: values(m),
  };
}

const extract = (doc: SourceDocument): ReportModel =>
  extractReport(doc, { id: doc.fileName, file: doc.fileName });

const specs = new Map<string, ReportSpec>();
async function specOf(seedFile: string): Promise<ReportSpec> {
  let s = specs.get(seedFile);
  if (!s) {
    const doc = await readBytes(readFileSync(join(SEEDS, seedFile)), seedFile);
    s = specFromModel(extract(doc));
    specs.set(seedFile, s);
  }
  return s;
}

/** Refused with an IngestError (a hang would be caught by the test's own timeout, not a clock). */
async function refused(bytes: Buffer, name: string): Promise<string> {
  let caught: unknown;
  try {
    await readBytes(bytes, name);
  } catch (e) {
    caught = e;
  }
  expect(caught, `${name} should be refused`).toBeInstanceOf(IngestError);
  return (caught as IngestError).message;
}

/** Rewrites one stream of a compound file (cfb), keeping the rest. */
function withStream(bytes: Buffer, name: string, edit: (b: Buffer) => Buffer): Buffer {
  const c = CFB.read(bytes, { type: 'buffer' });
  const e = CFB.find(c, name);
  if (!e?.content) throw new Error(`no stream ${name}`);
  e.content = edit(Buffer.from(e.content as Uint8Array));
  e.size = (e.content as Buffer).length;
  return Buffer.from(CFB.write(c, { type: 'buffer' }) as Uint8Array);
}

const seedDoc = (seedFile: string): Buffer =>
  readFileSync(join(LEGACY, 'seeds', seedFile.replace(/\.txt$/, '.doc')));

describe.each(seedFiles)('%s saved as .doc and .wps', (seedFile) => {
  it('extracts the same agency, year, template, sections and every table value as its .docx', async () => {
    const docx = extract(
      await readBytes(
        await specToDocx(await specOf(seedFile), { headingNumerals: 'auto' }),
        '报告.docx',
      ),
    );
    const bytes = seedDoc(seedFile);
    const doc = await readBytes(bytes, '报告.doc');
    expect(doc.format).toBe('doc');
    expect(doc.notes).toEqual(['已根据 Word 自动编号恢复标题编号（如“一、”）。']);
    expect(summary(extract(doc))).toEqual(summary(docx));
    // Paragraph by paragraph, auto-numbering labels included, the text a reader sees is the same.
    const texts = (d: SourceDocument): string[] =>
      d.blocks.flatMap((b) =>
        b.kind === 'paragraph' ? [`${b.numberingLabel ?? ''}${b.text}`] : [],
      );
    const docxDoc = await readBytes(
      await specToDocx(await specOf(seedFile), { headingNumerals: 'auto' }),
      '报告.docx',
    );
    expect(texts(doc)).toEqual(texts(docxDoc));
    // And every table grid: same shape, same merges, same cell texts.
    const grids = (d: SourceDocument): unknown[] =>
      d.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
    expect(grids(doc)).toEqual(grids(docxDoc));
    const wps = await readBytes(bytes, '报告.wps');
    expect(wps.format).toBe('doc');
    expect(wps.notes).toEqual(doc.notes); // a .wps holding a Word binary is what a .wps is: no extension note
    expect(summary(extract(wps))).toEqual(summary(docx));
  });
});

describe('.doc reader output', () => {
  it('paragraphs in order, tables as rectangular grids, display HTML addressable like the other readers', async () => {
    const doc = await readBytes(seedDoc(seedFiles[0] as string), '报告.doc');
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBe(3);
    for (const t of tables) {
      const width = t.rows[0]?.length ?? 0;
      expect(t.rows.every((r) => r.length === width)).toBe(true);
    }
    // Table 三: the applicant header spans seven columns, vertical merges are covered cells.
    const t3 = tables[1]!;
    expect(
      t3.rows.some((r) => r.some((c) => c.text === '申请人情况' && !c.covered && c.colSpan === 7)),
    ).toBe(true);
    expect(
      t3.rows.some((r) => r.some((c) => c.covered && c.text.startsWith('三、本年度办理结果'))),
    ).toBe(true);
    doc.blocks.forEach((_, i) => expect(doc.html).toContain(`data-nb-block="${i}"`));
    expect(doc.html).toMatch(/data-nb-cell="3,4"/);
    const first = doc.blocks[0];
    expect(first?.kind === 'paragraph' && first.text).toBe('临淄区工业和信息化局');
  });

  it('Word features in a .doc read as displayed: a field by its result, hidden text skipped, a nested table inside its cell', async () => {
    const bytes = readFileSync(join(LEGACY, 'features.doc'));
    // The fixture really holds the field code and the hidden figure (else this test proves nothing).
    expect(bytes.includes(Buffer.from('=SUM', 'utf16le'))).toBe(true);
    expect(bytes.includes(Buffer.from('61200', 'utf16le'))).toBe(true);
    const doc = await readBytes(bytes, '报告.doc');
    const m = extract(doc);
    expect(m.tables.activeDisclosure?.licensing).toMatchObject({ value: 59807, raw: '59807' });
    expect(m.tables.activeDisclosure?.coercion).toMatchObject({ value: 777, raw: '777' });
    expect(doc.html).not.toContain('61200');
    expect(doc.html).not.toContain('SUM');
    const last = doc.blocks[doc.blocks.length - 1];
    expect(last?.kind === 'table' && last.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['联系电话', '0533-1234567'],
      ['附表', '内表甲\n内表乙'],
    ]);
  });

  it('a table pasted as a picture in a .doc (or a web page) is marked for structure/table-as-image, not missing', async () => {
    const m = extract(await readBytes(readFileSync(join(LEGACY, 'table-picture.doc')), '报告.doc'));
    expect(m.tables.applications).toBeNull();
    expect(Object.keys(m.tablesAsImages ?? {})).toEqual(['applications']);
    expect(m.tablesAsImages?.applications).toEqual(
      m.sections.find((s) => s.key === 'applications')?.heading?.pos,
    );
    // The same on a web page: the table's place holds an <img>.
    const page = specToHtml(
      await specOf(seedFiles[0] as string),
      {},
      { encoding: 'utf-8' },
    ).toString('utf8');
    const at = page.indexOf('申请人情况');
    const swapped =
      page.slice(0, page.lastIndexOf('<table', at)) +
      '<p><img src="table3.png" alt=""></p>' +
      page.slice(page.indexOf('</table>', at) + 8);
    const h = extract(await readBytes(Buffer.from(swapped, 'utf8'), '报告.html'));
    expect(h.tables.applications).toBeNull();
    expect(Object.keys(h.tablesAsImages ?? {})).toEqual(['applications']);
    // A picture beside the real table: nothing marked.
    const beside =
      page.slice(0, page.lastIndexOf('<table', at)) +
      '<p><img src="logo.png" alt=""></p>' +
      page.slice(page.lastIndexOf('<table', at));
    expect(
      extract(await readBytes(Buffer.from(beside, 'utf8'), '报告.html')).tablesAsImages,
    ).toBeUndefined();
  });

  it('a title in a text box of a .doc is read once, after the paragraph holding its anchor', async () => {
    const bytes = readFileSync(join(LEGACY, 'textbox-title.doc'));
    const doc = await readBytes(bytes, '发改局.doc');
    const title = '某某县发展和改革局2023年政府信息公开工作年度报告';
    expect(doc.blocks.filter((b) => b.kind === 'paragraph' && b.text === title).length).toBe(1);
    const m = extract(doc);
    expect([m.title, m.agency, m.agencySource, m.year]).toEqual([
      title,
      '某某县发展和改革局',
      'title',
      2023,
    ]);
  });

  it('a .doc that is a web page or a web archive (Word\'s "save as web page", portals) is read as such', async () => {
    const page = specToHtml(await specOf(seedFiles[1] as string), {}, { encoding: 'gbk' });
    const html = await readBytes(page, '报告.doc');
    expect(html.format).toBe('html');
    expect(html.notes[0]).toMatch(/扩展名为「\.doc」.*网页（HTML）/);
    const mht = await readBytes(
      htmlToMht(page, { transfer: 'base64', charset: 'gbk', style: 'ie' }),
      '报告.doc',
    );
    expect(mht.format).toBe('mht');
    expect(summary(extract(mht))).toEqual(summary(extract(html)));
    // A .doc that is really a .docx (saved by a newer Word under the old name).
    const docx = await readBytes(
      await specToDocx(await specOf(seedFiles[1] as string)),
      '报告.doc',
    );
    expect(docx.format).toBe('docx');
    expect(docx.notes[0]).toMatch(/扩展名为「\.doc」.*Word 文档（\.docx）/);
  });

  it('a .doc named .docx is read by its content, with a note', async () => {
    const doc = await readBytes(seedDoc(seedFiles[0] as string), '报告.docx');
    expect(doc.format).toBe('doc');
    expect(doc.notes[0]).toMatch(/扩展名为「\.docx」.*旧版 Word 文档（\.doc）.*按实际内容读取/);
    expect(extract(doc).tables.applications).not.toBeNull();
  });
});

describe('.xls and .et', () => {
  it.each(['sheets', 'single'] as const)(
    'the tables-only workbook (%s) reads exactly as the .xlsx',
    async (layout) => {
      const seed = seedFiles[0] as string;
      const xlsx = await readBytes(
        await specToXlsx(await specOf(seed), {}, { layout }),
        '报表.xlsx',
      );
      const bytes = readFileSync(join(LEGACY, `${seed.replace(/\.txt$/, '')}-${layout}.xls`));
      for (const name of ['报表.xls', '报表.et']) {
        const xls = await readBytes(bytes, name);
        expect(xls.format).toBe('xls');
        expect(xls.blocks).toEqual(xlsx.blocks);
        expect(xls.notes).toEqual(xlsx.notes);
        expect(summary(extract(xls))).toEqual(summary(extract(xlsx)));
        expect(xls.html).toContain('data-nb-cell="');
      }
    },
  );

  it('strings across CONTINUE records, dates (Chinese and ISO formats), decimals, a cached formula: as the .xlsx', async () => {
    const bytes = readFileSync(join(LEGACY, 'stress.xls'));
    const xls = await readBytes(bytes, '附表.xls');
    const xlsx = await readBytes(await stressWorkbook(), '附表.xlsx');
    expect(xls.blocks).toEqual(xlsx.blocks);
    const t = xls.blocks.find((b) => b.kind === 'table');
    const row = t?.kind === 'table' ? t.rows.find((r) => r[0]?.text === '4') : undefined;
    expect(row?.map((c) => c.text)).toEqual(['4', 'item-3-xxx', '2023-04-04', '13.88']);
    expect(t?.kind === 'table' && t.rows[t.rows.length - 1]?.map((c) => c.text)).toEqual([
      '合计',
      '',
      '',
      '1,131,506.25',
    ]);
  });

  it('an HTML page named .xls (a portal\'s "export to Excel") is read as HTML, with a note', async () => {
    const html = specToHtml(await specOf(seedFiles[0] as string), {}, { encoding: 'gbk' });
    const doc = await readBytes(html, '报表.xls');
    expect(doc.format).toBe('html');
    expect(doc.notes[0]).toMatch(/扩展名为「\.xls」.*网页/);
    expect(summary(extract(doc))).toEqual(summary(extract(await readBytes(html, '报告.html'))));
  });
});

describe('.mht web archives', () => {
  it.each([
    {
      name: 'UTF-8, quoted-printable, saved by Chrome (charset only in the page)',
      encoding: 'utf-8' as const,
      transfer: 'quoted-printable' as const,
      style: 'blink' as const,
    },
    {
      name: 'GBK, quoted-printable, saved by IE/Word (charset on the part)',
      encoding: 'gbk' as const,
      transfer: 'quoted-printable' as const,
      style: 'ie' as const,
      charset: 'gb2312',
    },
    {
      name: 'GBK, base64',
      encoding: 'gbk' as const,
      transfer: 'base64' as const,
      style: 'ie' as const,
      charset: 'gbk',
    },
  ])('$name reads exactly as the .html', async ({ encoding, transfer, style, charset }) => {
    const page = specToHtml(await specOf(seedFiles[2] as string), {}, { encoding, chrome: true });
    const html = await readBytes(page, '报告.html');
    const mht = await readBytes(
      htmlToMht(page, { transfer, style, ...(charset ? { charset } : {}) }),
      '报告.mht',
    );
    expect(mht.format).toBe('mht');
    expect(mht.blocks).toEqual(html.blocks);
    expect(summary(extract(mht))).toEqual(summary(extract(html)));
    if (encoding === 'gbk') expect(mht.notes).toContain('已按 GBK 编码读取。');
  });

  it('.mhtml is the same format; an archive without a page is refused', async () => {
    const page = specToHtml(await specOf(seedFiles[2] as string), {}, { encoding: 'utf-8' });
    expect((await readBytes(htmlToMht(page, { transfer: 'base64' }), '报告.mhtml')).format).toBe(
      'mht',
    );
    const empty = Buffer.from(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n',
    );
    expect(await refused(empty, '报告.mht')).toMatch(/网页存档.*没有找到网页正文/);
  });
});

describe('legacy files that cannot be read: each its own message', () => {
  const doc = (): Buffer => seedDoc(seedFiles[0] as string);
  const xls = (): Buffer =>
    readFileSync(join(LEGACY, `${(seedFiles[0] as string).replace(/\.txt$/, '')}-sheets.xls`));

  it('a password-protected .doc (FIB fEncrypted)', async () => {
    const enc = withStream(doc(), 'WordDocument', (b) => {
      b.writeUInt16LE(b.readUInt16LE(0x0a) | 0x0100, 0x0a);
      return b;
    });
    const message = await refused(enc, '报告.doc');
    expect(message).toMatch(/打开密码.*Word 文档.*已加密/);
    expect(await refused(enc, '报告.wps')).toBe(message);
  });

  it('a password-protected .docx and .xlsx (OLE container with EncryptionInfo + EncryptedPackage)', async () => {
    const c = CFB.utils.cfb_new();
    CFB.utils.cfb_add(c, '/EncryptionInfo', Buffer.alloc(248, 4));
    CFB.utils.cfb_add(c, '/EncryptedPackage', Buffer.alloc(9000, 7));
    const enc = Buffer.from(CFB.write(c, { type: 'buffer' }) as Uint8Array);
    expect(await refused(enc, '报告.docx')).toMatch(/已加密.*Word 文档（\.docx）/);
    expect(await refused(enc, '报表.xlsx')).toMatch(/已加密.*Excel 工作簿（\.xlsx）/);
  });

  it('a password-protected .xls (FILEPASS after BOF)', async () => {
    const enc = withStream(xls(), 'Workbook', (b) => {
      const bofLen = 4 + b.readUInt16LE(2);
      const filepass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
      return Buffer.concat([b.subarray(0, bofLen), filepass, b.subarray(bofLen)]);
    });
    expect(await refused(enc, '报表.xls')).toMatch(/打开密码.*Excel 工作簿.*已加密/);
    expect(await refused(enc, '报表.et')).toMatch(/已加密/);
  });

  it('an RTF document named .doc', async () => {
    const rtf = Buffer.from(
      '{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\\pard 2023\\u24180;\\par}',
      'latin1',
    );
    expect(await refused(rtf, '报告.doc')).toMatch(/RTF.*\.doc.*另存为 \.docx 或 PDF/);
  });

  it('Microsoft Works, early WPS and other compound files: named, with a request for .docx or PDF', async () => {
    const make = (streams: string[]): Buffer => {
      const c = CFB.utils.cfb_new();
      for (const s of streams) CFB.utils.cfb_add(c, `/${s}`, Buffer.alloc(600, 1));
      return Buffer.from(CFB.write(c, { type: 'buffer' }) as Uint8Array);
    };
    expect(await refused(make(['CONTENTS', 'MatOST', 'SPELLING']), '报告.wps')).toMatch(
      /Microsoft Works.*\.docx 或 PDF/,
    );
    expect(await refused(make(['WpsContent']), '报告.wps')).toMatch(/早期金山 WPS.*\.docx 或 PDF/);
    expect(await refused(make(['Book']), '报表.xls')).toMatch(/Excel 5\.0\/95/);
    expect(await refused(make(['Something']), '报告.doc')).toMatch(/无法识别的 OLE 复合文档/);
    // Old binary bytes that are no compound file at all, named .wps.
    expect(
      await refused(
        Buffer.from([0xff, 0x00, 0x57, 0x50, 0x53, 0x00, 0x01, 0x02, 0x03]),
        '报告.wps',
      ),
    ).toMatch(/早期 WPS.*\.docx 或 PDF/);
  });

  it('damaged compound files fail cleanly: a sector chain loop, a size beyond the file, a truncated file', async () => {
    // The directory's first sector linked to itself in the FAT.
    const loop = doc();
    const dirStart = loop.readUInt32LE(48);
    const fatSector = loop.readUInt32LE(76);
    loop.writeUInt32LE(dirStart, (fatSector + 1) * 512 + dirStart * 4);
    expect(await refused(loop, '报告.doc')).toMatch(/已损坏.*OLE.*循环/);
    // The WordDocument stream declared far larger than the file.
    const big = doc();
    const entry = big.indexOf(Buffer.from('WordDocument', 'utf16le'));
    big.writeUInt32LE(0x7fffff00, entry + 120);
    expect(await refused(big, '报告.doc')).toMatch(/已损坏.*OLE/);
    // A download cut short.
    const cut = doc().subarray(0, 20_000);
    expect(await refused(cut, '报告.doc')).toMatch(/已损坏/);
    // A damaged piece table inside an intact container.
    const broken = withStream(doc(), '1Table', (b) => Buffer.alloc(b.length, 0xee));
    expect(await refused(broken, '报告.doc')).toMatch(/Word 文档（\.doc）.*已损坏/);
  });
});

describe('corrupted legacy files never crash a reader', () => {
  it.each([
    ['seeds/000_9d3f07d5fe28c571.doc', 'r.doc'],
    ['000_9d3f07d5fe28c571-sheets.xls', 'r.xls'],
  ])(
    '%s with random bytes overwritten (headers, directory, streams): a document or an IngestError',
    async (file, name) => {
      const base = readFileSync(join(LEGACY, file));
      const rnd = mulberry32(7);
      let refusedCount = 0;
      for (let i = 0; i < 120; i++) {
        const b = Buffer.from(base);
        for (let k = 1 + Math.floor(rnd() * 20); k > 0; k--) {
          // Mostly the structures: the header and first sectors, the directory and tables at the end.
          const zone = rnd();
          const at =
            zone < 0.4
              ? Math.floor(rnd() * 4096)
              : zone < 0.7
                ? b.length - 1 - Math.floor(rnd() * 8192)
                : Math.floor(rnd() * b.length);
          b[at] = Math.floor(rnd() * 256);
        }
        try {
          await readBytes(b, name);
        } catch (e) {
          expect(e, `mutation ${i}`).toBeInstanceOf(IngestError);
          refusedCount++;
        }
      }
      // The mutations do hit the structures (else this test would prove little).
      expect(refusedCount).toBeGreaterThan(10);
    },
  );
});
