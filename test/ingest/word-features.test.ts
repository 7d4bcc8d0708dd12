/**
 * .docx exactly as Word displays it. Each case takes a generated report, rewrites its
 * document.xml the way Word or WPS stores a feature clerks use (a field result, hidden text, a
 * footnote mark, a DrawingML-only text box, a non-breaking hyphen, a table pasted as a picture),
 * and checks that the displayed values are extracted and that the findings are exactly those of
 * the same report typed plainly: no false alarm.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/core/audit';
import { readBytes } from '../../src/core/ingest';
import type { SourceDocument, AuditedReport, ParagraphBlock } from '../../src/core/model/types';
import { defaultSpec, specToDocx, type ReportSpec } from '../fixtures';
import { PICTURE_PARAGRAPH, addPicture } from '../fixtures/docx-picture';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The report with a few distinctive values, so each edited cell can be found by its text. */
function spec(): ReportSpec {
  const s = defaultSpec({ agency: '某某县发展和改革局', year: 2023 });
  const ad = s.tables.activeDisclosure;
  ad.licensing = 59807;
  ad.punishment = 4321;
  ad.coercion = 777;
  ad.administrativeFees = 88;
  ad.normativeDocuments.repealed = '—';
  return s;
}

/** The audited report through the CLI's path, with the reader's own document beside it. */
async function audit(bytes: Buffer): Promise<AuditedReport & { source: SourceDocument }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nb-word-'));
  dirs.push(dir);
  const file = path.join(dir, '某某县发展和改革局2023年政府信息公开工作年度报告.docx');
  await writeFile(file, bytes);
  const run = await auditFiles([file]);
  expect(run.failures).toEqual([]);
  return { ...(run.reports[0] as AuditedReport), source: await readBytes(bytes, file) };
}

const findings = (r: AuditedReport): string[] =>
  r.findings.map((f) => [f.ruleId, f.table ?? '', f.row ?? '', f.column ?? ''].join(' ')).sort();

/** Rewrites word/document.xml (and optionally adds parts) of a generated report. */
async function edited(
  edit: (xml: string) => string,
  extra: (zip: JSZip) => Promise<void> = async () => {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await specToDocx(spec()));
  const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  const out = edit(xml);
  expect(out).not.toBe(xml);
  zip.file('word/document.xml', out);
  await extra(zip);
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

const RPR = '<w:rPr><w:b w:val="false"/><w:bCs w:val="false"/></w:rPr>';
const run = (t: string): string => `<w:r>${RPR}<w:t xml:space="preserve">${t}</w:t></w:r>`;

let plain: AuditedReport;
async function baseline(): Promise<AuditedReport> {
  plain ??= await audit(await specToDocx(spec()));
  return plain;
}

describe('.docx as Word displays it', () => {
  it('the plain report (baseline): the distinctive values are read', async () => {
    const ad = (await baseline()).model.tables.activeDisclosure;
    expect([
      ad?.licensing.value,
      ad?.punishment.value,
      ad?.coercion.value,
      ad?.administrativeFees.value,
    ]).toEqual([59807, 4321, 777, 88]);
    expect(ad?.normativeDocuments.repealed.blank).toBe(true);
  });

  it('fields by their displayed result: a simple field (=SUM(ABOVE)) and a complex field', async () => {
    const bytes = await edited((xml) => {
      const simple = runOf(xml, '59807');
      let out = xml.replace(
        simple,
        `<w:fldSimple w:instr=" =SUM(ABOVE) \\# &quot;0&quot; ">${simple}</w:fldSimple>`,
      );
      const complex = runOf(out, '4321');
      const fld = (type: string): string => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
      out = out.replace(
        complex,
        `${fld('begin')}<w:r><w:instrText xml:space="preserve"> =SUM(LEFT) </w:instrText></w:r>${fld('separate')}${complex}${fld('end')}`,
      );
      return out;
    });
    const r = await audit(bytes);
    expect(r.model.tables.activeDisclosure?.licensing).toMatchObject({
      value: 59807,
      raw: '59807',
    });
    expect(r.model.tables.activeDisclosure?.punishment).toMatchObject({ value: 4321, raw: '4321' });
    expect(findings(r)).toEqual(findings(await baseline()));
  });

  it('hidden text is not read: a stale figure beside the visible one, a hidden 填报说明 paragraph', async () => {
    const bytes = await edited((xml) => {
      const visible = runOf(xml, '777');
      const hidden = `<w:r><w:rPr><w:vanish/></w:rPr><w:t>61200</w:t></w:r>`;
      // A run switched back to visible (w:val="0") stays.
      const shown = `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"></w:t></w:r>`;
      const note = `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>填报说明：本表数据由各科室汇总，提交前删除本段。</w:t></w:r></w:p>`;
      const body = xml.indexOf('<w:body>') + '<w:body>'.length;
      const out = xml.replace(visible, hidden + visible + shown);
      return out.slice(0, body) + note + out.slice(body);
    });
    const r = await audit(bytes);
    expect(r.model.tables.activeDisclosure?.coercion).toMatchObject({ value: 777, raw: '777' });
    expect(r.source.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('填报说明'))).toBe(
      false,
    );
    expect(r.source.html).not.toContain('61200');
    expect(findings(r)).toEqual(findings(await baseline()));
  });

  it('footnote and endnote marks after a figure and after a row label stay out of the values', async () => {
    const ref = (kind: 'footnote' | 'endnote'): string =>
      `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="1"/></w:r>`;
    const bytes = await edited((xml) => {
      const fig = runOf(xml, '88');
      const label = runOf(xml, '行政处罚');
      return xml.replace(fig, fig + ref('footnote')).replace(label, label + ref('endnote'));
    });
    const r = await audit(bytes);
    expect(r.model.tables.activeDisclosure?.administrativeFees).toMatchObject({
      value: 88,
      raw: '88',
    });
    expect(r.model.tables.activeDisclosure?.punishment).toMatchObject({ value: 4321 });
    expect(r.source.html).not.toMatch(/\[1\]|footnote|endnote/);
    expect(findings(r)).toEqual(findings(await baseline()));
  });

  it('a title inside a DrawingML-only text box is read; with a VML fallback as well it is read once', async () => {
    const title = '某某县发展和改革局2023年政府信息公开工作年度报告';
    const box = `<w:txbxContent><w:p>${run(title)}</w:p></w:txbxContent>`;
    const drawing =
      `<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
      `<wp:simplePos x="0" y="0"/><wp:extent cx="5000000" cy="600000"/><wp:docPr id="7" name="文本框 7"/>` +
      `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
      `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>${box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
    // The generated title is two paragraphs (agency, then year + 年度报告): both replaced by the box.
    const replaceTitle = (xml: string, inner: string): string => {
      const first = xml.indexOf('<w:p>', xml.indexOf('<w:body>'));
      const second = xml.indexOf('</w:p>', xml.indexOf('</w:p>', first) + 6) + 6;
      return `${xml.slice(0, first)}<w:p><w:r>${inner}</w:r></w:p>${xml.slice(second)}`;
    };
    const only = await edited((xml) =>
      replaceTitle(
        xml,
        `<mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice></mc:AlternateContent>`,
      ),
    );
    const both = await edited((xml) =>
      replaceTitle(
        xml,
        `<mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback><w:pict xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`,
      ),
    );
    const bare = await edited((xml) => replaceTitle(xml, drawing)); // WPS: a text box without mc:AlternateContent
    for (const bytes of [only, both, bare]) {
      const r = await audit(bytes);
      expect(r.model.title).toBe(title);
      expect([r.model.agency, r.model.year, r.model.agencySource]).toEqual([
        '某某县发展和改革局',
        2023,
        'title',
      ]);
      const copies = r.source.blocks.filter(
        (b): b is ParagraphBlock => b.kind === 'paragraph' && b.text.includes(title),
      );
      expect(copies.length).toBe(1);
      expect(findings(r)).toEqual(findings(await baseline()));
    }
  });

  it('a non-breaking hyphen (w:noBreakHyphen) and the other dashes Word produces are blank markers', async () => {
    for (const dash of [
      '<w:noBreakHyphen/>',
      '<w:t>\u2012</w:t>',
      '<w:t>\u2212</w:t>',
      '<w:t>\u2010</w:t>',
    ]) {
      const bytes = await edited((xml) => xml.replace(runOf(xml, '—'), `<w:r>${RPR}${dash}</w:r>`));
      const r = await audit(bytes);
      expect(r.model.tables.activeDisclosure?.normativeDocuments.repealed, dash).toMatchObject({
        value: null,
        blank: true,
      });
      expect(findings(r), dash).toEqual(findings(await baseline()));
    }
  });

  it('a table pasted as a picture: structure/table-as-image, not structure/missing-table', async () => {
    /** Table 三 (the one holding 申请人情况) as [start, end) in the XML. */
    const table3 = (xml: string): [number, number] => {
      const at = xml.indexOf('申请人情况');
      return [xml.lastIndexOf('<w:tbl>', at), xml.indexOf('</w:tbl>', at) + '</w:tbl>'.length];
    };
    const asPicture = await edited((xml) => {
      const [s, e] = table3(xml);
      return xml.slice(0, s) + PICTURE_PARAGRAPH + xml.slice(e);
    }, addPicture);
    const r = await audit(asPicture);
    expect(r.model.tables.applications).toBeNull();
    const ids = r.findings.filter((f) => f.ruleId.startsWith('structure/'));
    expect(ids.filter((f) => f.ruleId === 'structure/table-as-image').map((f) => f.table)).toEqual([
      'applications',
    ]);
    expect(ids.some((f) => f.ruleId === 'structure/missing-table')).toBe(false);

    // The same picture beside the real table: quiet.
    const beside = await edited((xml) => {
      const [s] = table3(xml);
      return xml.slice(0, s) + PICTURE_PARAGRAPH + xml.slice(s);
    }, addPicture);
    const q = await audit(beside);
    expect(q.model.tables.applications).not.toBeNull();
    expect(findings(q)).toEqual(findings(await baseline()));

    // The table simply removed (no picture): still structure/missing-table.
    const gone = await edited((xml) => {
      const [s, e] = table3(xml);
      return xml.slice(0, s) + xml.slice(e);
    });
    const g = await audit(gone);
    expect(
      g.findings.filter((f) => f.ruleId === 'structure/missing-table').map((f) => f.table),
    ).toEqual(['applications']);
    expect(g.findings.some((f) => f.ruleId === 'structure/table-as-image')).toBe(false);
  });

  it('the same features read the same through the format sniffing entry point', async () => {
    const bytes = await edited((xml) =>
      xml.replace(
        runOf(xml, '777'),
        `<w:r><w:rPr><w:vanish/></w:rPr><w:t>61200</w:t></w:r>${runOf(xml, '777')}`,
      ),
    );
    const doc = await readBytes(bytes, 'r.docx');
    expect(doc.html).toContain('777');
    expect(doc.html).not.toContain('61200');
  });
});
