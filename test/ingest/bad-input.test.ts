/**
 * Bad input never crashes or hangs a reader: every case below must end in an IngestError with a
 * Chinese message (or, for an unrelated but valid document, a SourceDocument). A hang fails by the
 * test's timeout; no case measures time itself (a busy machine would make that flaky).
 */
import { deflateRawSync } from 'node:zlib';
import * as CFB from 'cfb';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract';
import { readBytes } from '../../src/core/ingest';
import { IngestError, type IngestErrorCode } from '../../src/core/ingest/errors';
import { defaultSpec, specToDocx, specToXlsx } from '../fixtures';

const CHINESE = /[\u4e00-\u9fff]/;

/** Reads the bytes, expecting a refusal with the given reason code and a Chinese message. */
async function expectIngestError(
  bytes: Buffer,
  name: string,
  code: IngestErrorCode,
): Promise<string> {
  let caught: unknown;
  try {
    await readBytes(bytes, name);
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof IngestError)) throw new Error(`${name} should be refused`);
  expect(caught.code, name).toBe(code);
  expect(caught.message).toMatch(CHINESE);
  return caught.message;
}

/** A zip holding the given entries, stored or deflated as asked. */
function makeZip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.deflate ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Rewrites the declared uncompressed size of one entry, in the central directory and local header. */
function patchDeclaredSize(zip: Buffer, entryName: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entryName);
  for (let i = 0; i < out.length - 46; i++) {
    if (
      out.readUInt32LE(i) === 0x02014b50 &&
      out.subarray(i + 46, i + 46 + name.length).equals(name)
    ) {
      out.writeUInt32LE(size, i + 24);
      out.writeUInt32LE(size, out.readUInt32LE(i + 42) + 22);
    }
  }
  return out;
}

let docx: Buffer;
let xlsx: Buffer;

beforeAll(async () => {
  docx = await specToDocx(defaultSpec());
  xlsx = await specToXlsx(defaultSpec());
});

describe('bad input: refused with a clear Chinese message', () => {
  it('an empty file', async () => {
    await expectIngestError(Buffer.alloc(0), '报告.docx', 'empty');
    await expectIngestError(Buffer.alloc(0), '报告.html', 'empty');
  });

  it('bytes that begin like an OLE compound file but are not one', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(4096, 0x20),
    ]);
    await expectIngestError(ole, '报告.docx', 'corrupt');
    await expectIngestError(ole, '报表.xlsx', 'corrupt');
  });

  it('a password-protected OOXML document (an OLE container with EncryptedPackage)', async () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.alloc(200, 4));
    CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(5000, 7));
    const enc = Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    // The message says, in Chinese, what is wrong and what to do about it.
    const message = await expectIngestError(enc, '报告.docx', 'encrypted');
    expect(message).toMatch(/已加密.*Word.*\.docx.*解除密码/);
    await expectIngestError(enc, '报表.xlsx', 'encrypted');
  });

  it('plain text under an Office name is refused as such; a web page named .docx is read by its content, with a note', async () => {
    const text = Buffer.from(
      '临淄区工业和信息化局2023年政府信息公开工作年度报告\n一、总体情况\n',
      'utf8',
    );
    await expectIngestError(text, '报告.docx', 'wrong-format');
    await expectIngestError(text, '报告.doc', 'wrong-format');
    await expectIngestError(text, '报表.xls', 'wrong-format');
    const page = await readBytes(
      Buffer.from('<!DOCTYPE html><html><body><p>年度报告</p></body></html>', 'utf8'),
      '报告.docx',
    );
    expect(page.format).toBe('html');
    expect(page.notes[0]).toMatch(/扩展名为「\.docx」.*网页/);
  });

  it('a Word 2003 XML file or a web archive (.mht) renamed .docx', async () => {
    await expectIngestError(
      Buffer.from(
        '<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument></w:wordDocument>',
      ),
      '报告.docx',
      'wrong-format',
    );
    await expectIngestError(
      Buffer.from(
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n',
      ),
      '报告.docx',
      'no-text',
    );
  });

  it('a PDF renamed .docx or .html', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000, 0x41)]);
    // Read as the PDF it is, which is broken.
    await expectIngestError(pdf, '报告.docx', 'corrupt');
    await expectIngestError(pdf, '报告.html', 'corrupt');
  });

  it('an .xlsx named .docx and a .docx named .xlsx are read by their content, with a note', async () => {
    const book = await readBytes(xlsx, '报告.docx');
    expect(book.format).toBe('xlsx');
    expect(book.notes[0]).toMatch(/扩展名为「\.docx」.*Excel 工作簿/);
    const word = await readBytes(docx, '报表.xlsx');
    expect(word.format).toBe('docx');
    expect(word.notes[0]).toMatch(/扩展名为「\.xlsx」.*Word 文档/);
  });

  it('a truncated .docx (download cut short)', async () => {
    await expectIngestError(docx.subarray(0, Math.floor(docx.length / 2)), '报告.docx', 'corrupt');
    await expectIngestError(
      xlsx.subarray(0, Math.floor(xlsx.length * 0.8)),
      '报表.xlsx',
      'corrupt',
    );
  });

  it('a .docx whose compressed body is corrupt', async () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'.repeat(200)), deflate: true },
    ]);
    const bad = Buffer.from(zip);
    // Overwrite the middle of the deflate stream with garbage.
    bad.fill(0xff, 60, 90);
    await expectIngestError(bad, '报告.docx', 'corrupt');
  });

  it('random bytes named .docx', async () => {
    const junk = Buffer.alloc(5000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    await expectIngestError(junk, '报告.docx', 'corrupt');
  });

  it('a zip bomb declaring a huge uncompressed size', async () => {
    const zip = patchDeclaredSize(docx, 'word/document.xml', 3_000_000_000);
    await expectIngestError(zip, '报告.docx', 'zip-bomb');
  });

  it('a zip bomb with a highly compressible entry (20 MB of zeros)', async () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x30), deflate: true },
    ]);
    expect(zip.length).toBeLessThan(200_000);
    await expectIngestError(zip, '报告.docx', 'zip-bomb');
    await expectIngestError(zip, '报表.xlsx', 'zip-bomb');
  });

  it('a zip that under-declares its sizes (inflation bounded by the declared size)', async () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: Buffer.alloc(3 * 1024 * 1024, 0x20), deflate: true },
    ]);
    await expectIngestError(
      patchDeclaredSize(zip, 'word/document.xml', 1000),
      '报告.docx',
      'zip-bomb',
    );
    const book = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(3 * 1024 * 1024, 0x20),
        deflate: true,
      },
    ]);
    await expectIngestError(
      patchDeclaredSize(book, 'xl/worksheets/sheet1.xml', 500),
      '报表.xlsx',
      'zip-bomb',
    );
  });

  it('a .docx whose body is not well-formed XML', async () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      {
        name: 'word/document.xml',
        data: Buffer.from('<w:document><w:body><w:p><w:r><w:t>未闭合'),
        deflate: true,
      },
    ]);
    const message = await expectIngestError(zip, '报告.docx', 'corrupt');
    expect(message).not.toMatch(/xmldom|Error/);
  });

  it('an .xlsx whose sheet is not well-formed XML', async () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet') },
    ]);
    await expectIngestError(zip, '报表.xlsx', 'corrupt');
  });

  it('pathologically deep nesting: no stack overflow escapes as a crash', async () => {
    const n = 3000;
    const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(n)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(n)}</w:body></w:document>`;
    const zip = makeZip([{ name: 'word/document.xml', data: Buffer.from(body), deflate: true }]);
    try {
      const doc = await readBytes(zip, '报告.docx');
      expect(doc.format).toBe('docx');
    } catch (e) {
      expect(e).toBeInstanceOf(IngestError);
    }
    // A web page nested 50 000 levels deep still reads, its text kept.
    const html = await readBytes(
      Buffer.from(`${'<div><span>'.repeat(25_000)}深层正文`),
      '报告.html',
    );
    expect(html.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['深层正文']);
  });

  it('an oversized body (40 MB of ordinary, compressible-but-not-bomb XML) is refused before parsing', async () => {
    const zip = patchDeclaredSize(docx, 'word/document.xml', 40 * 1024 * 1024);
    await expectIngestError(zip, '报告.docx', 'zip-bomb');
    const big = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      // Stored (not compressed): ratio 1, so only the size rule can refuse it.
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(31 * 1024 * 1024, 0x20) },
    ]);
    await expectIngestError(big, '报表.xlsx', 'too-large');
  });

  it('a zip with too many entries', async () => {
    const zip = makeZip(
      Array.from({ length: 5001 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })),
    );
    await expectIngestError(zip, '报告.docx', 'too-large');
  });

  it('a 5 MB text file (as .txt and as .html)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 'a');
    await expectIngestError(big, '报告.txt', 'too-large');
    await expectIngestError(big, '报告.html', 'too-large');
  });

  it('binary bytes named .html', async () => {
    await expectIngestError(
      Buffer.from([0x00, 0x01, 0x02, 0x00, 0x10, 0x00, 0x7f]),
      '报告.html',
      'wrong-format',
    );
  });

  it('an unsupported extension', async () => {
    await expectIngestError(Buffer.from('x'), '报告.ofd', 'unsupported');
  });
});

describe('bad input: readable but unrelated', () => {
  it('an unrelated Word document gives a SourceDocument whose sections are not found', async () => {
    const spec = defaultSpec();
    spec.titleLines = ['关于召开2024年春季运动会的通知'];
    spec.preamble = ['各科室：经研究，定于4月10日召开春季运动会，请各科室做好准备。'];
    spec.sections = [];
    const doc = await readBytes(await specToDocx(spec), '通知.docx');
    expect(doc.format).toBe('docx');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('春季运动会'))).toBe(
      true,
    );
    const model = extractReport(doc, { id: 'u', file: '通知.docx' });
    expect(model.sections.every((s) => !s.found)).toBe(true);
  });

  it('an empty Word document gives a SourceDocument with a note, not an error', async () => {
    const spec = defaultSpec();
    spec.titleLines = [];
    spec.preamble = [];
    spec.sections = [];
    spec.closing = [];
    const doc = await readBytes(await specToDocx(spec), '空白.docx');
    expect(doc.blocks).toEqual([]);
    expect(doc.notes.join('')).toMatch(/没有文字内容/);
  });
});
