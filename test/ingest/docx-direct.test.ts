/**
 * The direct .docx reader (src/core/ingest/docx-direct.ts, used when no display HTML is wanted)
 * gives the same SourceDocument as the mammoth path, apart from the display HTML, on every .docx
 * the repository holds or generates: the samples, LibreOffice's .docx of the legacy fixtures, generated reports with every docx quirk, the
 * messy folder, and edits of a generated report with the Word features clerks' documents carry.
 * It must read the ordinary ones itself (not fall back) and leave to mammoth what it does not
 * reproduce (text boxes, pictures, symbols, nested tables, deleted paragraphs).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { directFallback, read } from '../../src/core/ingest/docx';
import { defaultSpec, specToDocx, type Quirks } from '../fixtures';
import { writeMessyFolder } from '../fixtures/messy-folder';
import { must } from '../../src/core/model/checked';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Both paths agree (deep equal, display HTML aside); returns why the direct reader fell back, or null. */
async function same(
  bytes: Buffer,
  name = '某某局2023年政府信息公开工作年度报告.docx',
): Promise<string | null> {
  const settle = async (p: Promise<unknown>): Promise<unknown> =>
    p.then(
      (v) => v,
      (e: unknown) => ({ error: String(e) }),
    );
  const viaMammoth = await settle(read(bytes, name).then((d) => ({ ...d, html: '' })));
  const direct = await settle(read(bytes, name, { html: false }).then((d) => ({ ...d, html: '' })));
  expect(direct).toEqual(viaMammoth);
  return directFallback(bytes);
}

const spec = () => defaultSpec({ agency: '某某县发展和改革局', year: 2023 });

async function edited(edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await specToDocx(spec(), { headingNumerals: 'auto' }));
  const xml = await must(zip.file('word/document.xml'), 'document.xml').async('string');
  const out = edit(xml);
  expect(out).not.toBe(xml);
  zip.file('word/document.xml', out);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The whole run (<w:r>…</w:r>) whose text is exactly `text`. */
function runOf(xml: string, text: string): string {
  const t = xml.indexOf(`>${text}</w:t>`);
  if (t < 0) throw new Error(`no run with text ${text}`);
  const start = xml.lastIndexOf('<w:r>', t);
  const end = xml.indexOf('</w:r>', t) + '</w:r>'.length;
  return xml.slice(start, end);
}
const run = (t: string): string => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (inner: string, pPr = ''): string => `<w:p>${pPr}${inner}</w:p>`;
/** Inserts paragraphs (or tables) before the first paragraph of the body. */
const atStart = (xml: string, body: string): string => xml.replace('<w:body>', `<w:body>${body}`);

const QUIRKS: Quirks[] = [
  {},
  { headingNumerals: 'auto' },
  { headingNumerals: 'auto', subNumerals: 'auto' },
  { headingNumerals: 'none' },
  { headingStyle: 'heading' },
  { headingStyle: 'plain', headingNumerals: 'auto' },
  { splitSpans: true },
  { splitLabels: true, fullWidthDigits: true },
  { zeros: 'blank', trailingSpaces: true },
  { zeros: 'dash', flatReviewTable: true },
];

describe('direct .docx reader ≡ mammoth path (display HTML aside)', () => {
  it('the samples', async () => {
    const dir = path.resolve(__dirname, '../../resources/samples');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.docx'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await same(await readFile(path.join(dir, f)), f)).toBeNull();
  });

  it('documents written by an office suite (LibreOffice "save as .docx" of the legacy .doc fixtures)', async () => {
    // Made with: soffice --headless --convert-to docx test/fixtures/legacy/{seeds/*,*}.doc
    const dir = path.resolve(__dirname, '../fixtures/legacy/docx');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.docx')).sort();
    const fallbacks: Record<string, string | null> = {};
    for (const f of files) fallbacks[f] = await same(await readFile(path.join(dir, f)), f);
    expect(files).toHaveLength(8);
    // The seeds are read directly; a nested table, a picture and a text box are left to mammoth.
    expect(fallbacks).toEqual({
      '000_9d3f07d5fe28c571.docx': null,
      '001_5cbb82ac5aa5eb0a.docx': null,
      '002_09c47aeb36cb05e4.docx': null,
      '003_d5aa6a7852a4f00f.docx': null,
      '004_6cbb2642fb3f7fdc.docx': null,
      'features.docx': expect.any(String),
      'table-picture.docx': expect.any(String),
      'textbox-title.docx': expect.any(String),
    });
  });

  it('generated reports with every docx quirk (auto-numbering, merged cells, split runs)', async () => {
    for (const q of QUIRKS) expect(await same(await specToDocx(spec(), q))).toBeNull();
  });

  it('the messy folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nb-direct-'));
    dirs.push(dir);
    await writeMessyFolder(dir);
    const found: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.name.toLowerCase().endsWith('.docx')) found.push(p);
      }
    };
    await walk(dir);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) await same(await readFile(f), path.basename(f));
  });

  const READ_DIRECTLY: [string, (xml: string) => string][] = [
    [
      'tabs, line and page breaks',
      (x) =>
        atStart(
          x,
          para(
            `${run('甲')}<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/><w:t>丁</w:t></w:r>`,
          ),
        ),
    ],
    [
      'a break before the first text of a numbered paragraph',
      (x) => x.replace(/(<w:p>(?:(?!<\/w:p>).)*?<w:numPr>(?:(?!<\/w:p>).)*?<w:r>)/s, '$1<w:br/>'),
    ],
    [
      'hyperlinks (relationship, anchor, HYPERLINK field) and bookmarks',
      (x) =>
        atStart(
          x,
          para(
            `<w:bookmarkStart w:id="9" w:name="b1"/><w:hyperlink w:anchor="b1">${run('见附件')}</w:hyperlink><w:bookmarkEnd w:id="9"/><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x.gov.cn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('网站')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
          ),
        ),
    ],
    [
      'simple and complex fields',
      (x) => {
        const r = runOf(x, '59');
        const fld = (t: string): string => `<w:r><w:fldChar w:fldCharType="${t}"/></w:r>`;
        const c = runOf(x, '12');
        return x
          .replace(r, `<w:fldSimple w:instr=" =SUM(ABOVE) ">${r}</w:fldSimple>`)
          .replace(
            c,
            `${fld('begin')}<w:r><w:instrText> =SUM(LEFT) </w:instrText></w:r>${fld('separate')}${c}${fld('end')}`,
          );
      },
    ],
    [
      'hidden text and footnote marks',
      (x) => {
        const r = runOf(x, '12');
        return x.replace(
          r,
          `${r}<w:r><w:rPr><w:vanish/></w:rPr><w:t>999</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>`,
        );
      },
    ],
    [
      'tracked insertions and deletions, moves',
      (x) =>
        atStart(
          x,
          para(
            `<w:ins w:id="1" w:author="a">${run('新增')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del><w:moveTo w:id="3">${run('移入')}</w:moveTo><w:moveFrom w:id="4">${run('移出')}</w:moveFrom>`,
          ),
        ),
    ],
    [
      'content controls, smart tags, custom XML, non-breaking hyphens',
      (x) =>
        atStart(
          x,
          `<w:sdt><w:sdtPr/><w:sdtContent>${para(`<w:smartTag w:element="x">${run('控件')}</w:smartTag><w:customXml w:element="y">${run('甲')}</w:customXml><w:r><w:t>1</w:t><w:noBreakHyphen/><w:t>2</w:t></w:r>`)}</w:sdtContent></w:sdt>`,
        ),
    ],
    [
      'empty paragraphs, empty runs, unknown w: elements',
      (x) =>
        atStart(
          x,
          `${para('')}${para('<w:r></w:r>')}${para(`<w:permStart w:id="1"/>${run('  ')}<w:permEnd w:id="1"/>`)}`,
        ),
    ],
    [
      'a table with empty cells, vMerge and gridSpan',
      (x) =>
        atStart(
          x,
          `<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${para(run('合并'))}</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${para('')}</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${para('')}</w:tc><w:tc>${para(run('1'))}</w:tc><w:tc>${para(`${run('2')}<w:r><w:br/></w:r>${run('3')}`)}</w:tc></w:tr></w:tbl>`,
        ),
    ],
    [
      'a one-cell layout table, a heading style by id, a Title',
      (x) =>
        atStart(
          x,
          `<w:tbl><w:tr><w:tc>${para(run('框内'))}${para(run('第二段'))}</w:tc></w:tr></w:tbl>${para(run('大标题'), '<w:pPr><w:pStyle w:val="Title"/></w:pPr>')}${para(run('小标题'), '<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>')}`,
        ),
    ],
    [
      'list levels by numPr (with and without ilvl, unknown numId)',
      (x) => {
        const id = /<w:numId w:val="(\d+)"\/>/.exec(x)?.[1] ?? '1';
        return atStart(
          x,
          ['0', '1', '2', '5', '8']
            .map((l) =>
              para(
                run(`第${l}级`),
                `<w:pPr><w:numPr><w:ilvl w:val="${l}"/><w:numId w:val="${id}"/></w:numPr></w:pPr>`,
              ),
            )
            .join('') +
            para(run('无级'), `<w:pPr><w:numPr><w:numId w:val="${id}"/></w:numPr></w:pPr>`) +
            para(
              run('未知'),
              '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="999"/></w:numPr></w:pPr>',
            ),
        );
      },
    ],
    [
      'numbered paragraphs in note, list and heading styles (mammoth maps note styles to p before lists)',
      (x) => {
        const id = /<w:numId w:val="(\d+)"\/>/.exec(x)?.[1] ?? '1';
        const styled = (style: string, t: string): string =>
          para(
            run(t),
            `<w:pPr><w:pStyle w:val="${style}"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="${id}"/></w:numPr></w:pPr>`,
          );
        return atStart(
          x,
          styled('FootnoteText', '脚注样式') +
            styled('EndnoteText', '尾注样式') +
            styled('ListParagraph', '列表样式') +
            styled('Heading3', '标题样式') +
            styled('Missing', '未定义样式'),
        );
      },
    ],
  ];
  for (const [what, edit] of READ_DIRECTLY)
    it(`read directly: ${what}`, async () => {
      expect(await same(await edited(edit))).toBeNull();
    });

  const FALL_BACK: [string, (xml: string) => string][] = [
    [
      'a text box',
      (x) =>
        atStart(
          x,
          para(
            `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${para(run('框'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`,
          ),
        ),
    ],
    ['a symbol', (x) => atStart(x, para(`<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`))],
    [
      'a nested table',
      (x) =>
        atStart(
          x,
          `<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>${para(run('内'))}</w:tc><w:tc>${para(run('表'))}</w:tc></w:tr></w:tbl></w:tc><w:tc>${para(run('外'))}</w:tc></w:tr></w:tbl>`,
        ),
    ],
    [
      'a deleted paragraph mark',
      (x) =>
        atStart(
          x,
          para(run('并入下段'), '<w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>'),
        ),
    ],
    [
      'a check box',
      (x) =>
        atStart(
          x,
          para(
            `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>${run('是')}`,
          ),
        ),
    ],
    [
      'a bookmark between table rows',
      (x) =>
        atStart(
          x,
          `<w:tbl><w:tr><w:tc>${para(run('1'))}</w:tc><w:tc>${para(run('2'))}</w:tc></w:tr><w:bookmarkStart w:id="5" w:name="r"/><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${para('')}</w:tc><w:tc>${para(run('4'))}</w:tc></w:tr></w:tbl>`,
        ),
    ],
  ];
  it('left to mammoth, which refuses them as before: XML that is not well-formed', async () => {
    const broken = async (name: string, edit: (xml: string) => string): Promise<Buffer> => {
      const zip = await JSZip.loadAsync(await specToDocx(spec(), { headingNumerals: 'auto' }));
      const xml = await must(zip.file(name), name).async('string');
      zip.file(name, edit(xml));
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    const cases = [
      await broken('word/document.xml', (x) => x.replace('</w:body>', '')),
      await broken('word/document.xml', (x) => x.replace('<w:body>', '<w:body><w:p>&nbsp;</w:p>')),
      await broken('word/document.xml', (x) =>
        x.replace('<w:body>', '<w:body><w:p w:rsidR=00AB></w:p>'),
      ),
      await broken('word/document.xml', (x) => x.replace('<w:body>', '<w:body></w:r>')),
      await broken('word/styles.xml', (x) => x.slice(0, x.length - 20)),
      await broken('word/numbering.xml', (x) => x.replace('</w:numbering>', '')),
      await broken('[Content_Types].xml', (x) => x.replace('<Types', '<Types a="1" a="2"')),
    ];
    for (const bytes of cases) expect(await same(bytes)).toBe('XML not checked well-formed');
  });

  it('left to mammoth: XML the strict check does not vouch for (read by mammoth or refused by it)', async () => {
    const edit = async (name: string, change: (xml: string) => string): Promise<Buffer> => {
      const zip = await JSZip.loadAsync(await specToDocx(spec(), { headingNumerals: 'auto' }));
      const xml = await must(zip.file(name), name).async('string');
      const out = change(xml);
      expect(out).not.toBe(xml);
      zip.file(name, out);
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    const body = (inner: string) => (x: string) => x.replace('<w:body>', `<w:body>${inner}`);
    const cases: [string, (xml: string) => string][] = [
      ['word/document.xml', body('<w:p><w:r></w:p></w:r>')],
      ['word/document.xml', body('<w:p><w:r><w:t>甲/>乙</w:t></w:r></w:p>')],
      ['word/document.xml', body('<w:p w:rsidR="1" w:rsidR="2"></w:p>')],
      ['word/document.xml', (x) => `${x}<w:document/>`],
      ['word/document.xml', (x) => `${x}甲`],
      ['word/document.xml', (x) => `${x}&#32;`],
      ['word/document.xml', body('<!-- 注释 --><w:p></w:p>')],
      ['word/document.xml', body('<w:p>&#xZ;</w:p>')],
      ['word/styles.xml', (x) => x.replace('<w:styles', '<!DOCTYPE w:styles><w:styles')],
      ['word/styles.xml', (x) => x.replace('</w:styles>', '<w:x><![CDATA[甲]]></w:x></w:styles>')],
      ['word/styles.xml', (x) => x.replace('</w:styles>', '</w:styles></w:styles>')],
      ['word/numbering.xml', (x) => x.replace('</w:numbering>', '</w:numbering>x')],
      ['word/_rels/document.xml.rels', (x) => x.replace('</Relationships>', '')],
    ];
    for (const [name, change] of cases)
      expect(await same(await edit(name, change))).toBe('XML not checked well-formed');
  });

  for (const [what, edit] of FALL_BACK)
    it(`left to mammoth: ${what}`, async () => {
      expect(await same(await edited(edit))).not.toBeNull();
    });
});
