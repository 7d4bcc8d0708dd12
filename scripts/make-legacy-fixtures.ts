/**
 * Writes the committed binary fixtures of test/fixtures/legacy/ (run once, where LibreOffice is
 * installed; CI never runs this, it reads the committed files):
 *
 *   npx tsx scripts/make-legacy-fixtures.ts
 *
 * - seeds/<seed>.doc: each seed report written as .docx exactly as the parity tests do
 *   (specToDocx of specFromModel, Word auto-numbered headings), then saved by LibreOffice as
 *   Word 97–2003. File names keep the seed name so check-seeds.py can match them.
 * - <seed0>.xls: the tables-only workbook of the first seed (specToXlsx, one sheet per table and
 *   a single-sheet variant) saved by LibreOffice as Excel 97–2003.
 * - stress.xls: test/fixtures/workbook-stress.ts (strings across CONTINUE records, dates,
 *   decimals, a formula, merges) saved by LibreOffice as Excel 97–2003.
 * - features.doc: a generated report whose document.xml carries Word features (a simple field
 *   =SUM(ABOVE) showing 59807, a hidden stale figure 61200 before the visible 777, a nested table
 *   in a table of section 六), saved by LibreOffice as Word 97–2003.
 * - table-picture.doc: a generated report whose table 三 is replaced by a picture (a table pasted as
 *   an image), saved by LibreOffice as Word 97–2003.
 * - textbox-title.doc: a generated report whose two title lines are replaced by one DrawingML
 *   text box holding the title, saved by LibreOffice as Word 97–2003.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractReport } from '../src/core/extract';
import { readBytes } from '../src/core/ingest';
import JSZip from 'jszip';
import {
  defaultSpec,
  specFromModel,
  specToDocx,
  specToXlsx,
  stressWorkbook,
} from '../test/fixtures';
import { PICTURE_PARAGRAPH, addPicture } from '../test/fixtures/docx-picture';

const ROOT = resolve(__dirname, '..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const OUT = join(ROOT, 'test/fixtures/legacy');

function soffice(to: string, files: readonly string[], outDir: string): void {
  // A private profile: other LibreOffice users on the machine must not share (and lock) ours.
  const profile = `file://${join(tmpdir(), 'nb-legacy-lo-profile')}`;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'inherit' },
  );
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'nb-legacy-'));
  mkdirSync(join(OUT, 'seeds'), { recursive: true });
  const docx: string[] = [];
  const xlsx: string[] = [];
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of seeds) {
    const model = extractReport(await readBytes(readFileSync(join(SEEDS, file)), file), {
      id: file,
      file,
    });
    const spec = specFromModel(model);
    const base = file.replace(/\.txt$/, '');
    const p = join(work, `${base}.docx`);
    writeFileSync(
      p,
      await withoutNoopOverrides(await specToDocx(spec, { headingNumerals: 'auto' })),
    );
    docx.push(p);
    if (file === seeds[0]) {
      for (const layout of ['sheets', 'single'] as const) {
        const x = join(work, `${base}-${layout}.xlsx`);
        writeFileSync(x, await specToXlsx(spec, {}, { layout }));
        xlsx.push(x);
      }
    }
  }
  soffice('doc:MS Word 97', docx, join(OUT, 'seeds'));
  const features = join(work, 'features.docx');
  writeFileSync(features, await featuresDocx());
  const picture = join(work, 'table-picture.docx');
  writeFileSync(picture, await tablePictureDocx());
  const box = join(work, 'textbox-title.docx');
  writeFileSync(box, await textBoxTitleDocx());
  soffice('doc:MS Word 97', [features, picture, box], OUT);
  const stress = join(work, 'stress.xlsx');
  writeFileSync(stress, await stressWorkbook());
  xlsx.push(stress);
  soffice('xls:MS Excel 97', xlsx, work);
  for (const x of xlsx) {
    const name = x
      .replace(/\.xlsx$/, '.xls')
      .split('/')
      .pop() as string;
    renameSync(join(work, name), join(OUT, name));
  }
  rmSync(work, { recursive: true, force: true });
  console.log(readdirSync(OUT, { recursive: true }).join('\n'));
}

/**
 * LibreOffice 7.4 exports every w:num that carries a level override as a list of its own, so the
 * first auto-numbered heading restarts at "一、" in the .doc while Word shows "一、…六、" in the
 * .docx. An override to start at 1 changes nothing in Word: drop those before converting, so that
 * the .doc shows the numbering the .docx shows.
 */
async function withoutNoopOverrides(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/numbering.xml');
  if (!file) return docx;
  const xml = await file.async('string');
  zip.file(
    'word/numbering.xml',
    xml.replace(/<w:lvlOverride w:ilvl="\d+"><w:startOverride w:val="1"\/><\/w:lvlOverride>/g, ''),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The Word features of features.doc, written into a generated report's document.xml. */
async function featuresDocx(): Promise<Buffer> {
  const spec = defaultSpec({ agency: '某某县发展和改革局', year: 2023 });
  spec.tables.activeDisclosure.licensing = 59807;
  spec.tables.activeDisclosure.coercion = 777;
  const zip = await JSZip.loadAsync(await specToDocx(spec));
  let xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  const runOf = (text: string): string => {
    const t = xml.indexOf(`>${text}</w:t>`);
    return xml.slice(xml.lastIndexOf('<w:r>', t), xml.indexOf('</w:r>', t) + 6);
  };
  const field = runOf('59807');
  xml = xml.replace(field, `<w:fldSimple w:instr=" =SUM(ABOVE) ">${field}</w:fldSimple>`);
  const visible = runOf('777');
  xml = xml.replace(visible, `<w:r><w:rPr><w:vanish/></w:rPr><w:t>61200</w:t></w:r>${visible}`);
  const cell = (t: string): string =>
    `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const inner = `<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>${cell('内表甲')}${cell('内表乙')}</w:tr></w:tbl>`;
  const outer =
    `<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>` +
    `<w:tr>${cell('联系电话')}${cell('0533-1234567')}</w:tr>` +
    `<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>附表</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${inner}<w:p/></w:tc></w:tr></w:tbl><w:p/>`;
  const end = xml.lastIndexOf('<w:sectPr');
  xml = xml.slice(0, end) + outer + xml.slice(end);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A generated report whose table 三 is a pasted picture instead of a table. */
async function tablePictureDocx(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(
    await specToDocx(defaultSpec({ agency: '某某县发展和改革局', year: 2023 })),
  );
  let xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  const at = xml.indexOf('申请人情况');
  xml =
    xml.slice(0, xml.lastIndexOf('<w:tbl>', at)) +
    PICTURE_PARAGRAPH +
    xml.slice(xml.indexOf('</w:tbl>', at) + '</w:tbl>'.length);
  zip.file('word/document.xml', xml);
  await addPicture(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A generated report whose title sits in a DrawingML text box (no VML fallback). */
async function textBoxTitleDocx(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(
    await specToDocx(defaultSpec({ agency: '某某县发展和改革局', year: 2023 })),
  );
  let xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  const title = '某某县发展和改革局2023年政府信息公开工作年度报告';
  const drawing =
    `<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="5000000" cy="600000"/><wp:wrapTopAndBottom/><wp:docPr id="7" name="文本框 7"/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
    `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>` +
    `<wps:txbx><w:txbxContent><w:p><w:r><w:t>${title}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
  const first = xml.indexOf('<w:p>', xml.indexOf('<w:body>'));
  const second = xml.indexOf('</w:p>', xml.indexOf('</w:p>', first) + 6) + 6;
  xml = `${xml.slice(0, first)}<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice></mc:AlternateContent></w:r></w:p>${xml.slice(second)}`;
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
