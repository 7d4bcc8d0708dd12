/**
 * Word 97–2003 documents (.doc) and Kingsoft WPS documents (.wps, the same binary format) →
 * SourceDocument, with a small reader of the Word binary format ([MS-DOC]) on the OLE container.
 *
 * Why our own reader rather than word-extractor: word-extractor returns the body as one string in
 * which cell ends and row ends are both \x07, so a row of an empty cell and a row end cannot be told
 * apart and the three statistics tables lose their grid. The table structure lives in the
 * paragraph properties (PAPX: "in table", "table row end" = TTP, nesting depth) and the row
 * definition (sprmTDefTable: cell boundaries and merge flags), which we read here.
 *
 * What is read: the piece table (CLX in the table stream) gives the main document text in CP
 * order; paragraph properties come from the PAPX FKPs, character properties (hidden text) from
 * the CHPX FKPs. Fields show their result, not their code (\x13 code \x14 result \x15); hidden
 * text is skipped; footnote marks and pictures are not text. Auto-numbering labels come from the
 * list tables (LST/LFO) replayed by numbering.ts; text boxes are read from their own story, after
 * the paragraph holding their anchor. Headers, footers, footnotes and comments are separate
 * stories and are not read, as in the .docx reader. Whitespace and line breaks end up as the
 * .docx path leaves them, so both formats give the same blocks.
 */
import type { Block, SourceDocument } from '../model/types';
import { at } from '../model/checked';
import { IngestError, LIMITS } from './errors';
import { expandTable } from './table-grid';
import { renderBlocks } from './render';
import { computeLabels, type ScannedParagraph } from './numbering';
import type { OleFile } from './ole';
import {
  bad,
  byteOf,
  cp1252,
  docProblem,
  findRun,
  FC_CLX,
  FC_PLCF_BTE_CHPX,
  FC_PLCF_BTE_PAPX,
  readFib,
  readFkps,
  readPieces,
  type PropRun,
} from './doc-records';
import { buildTable, rowDef, type RawRow } from './doc-table';
import { lines, readLists, readTextBoxes, tidy } from './doc-stories';

export function read(ole: OleFile, fileName: string): SourceDocument {
  const word = ole.streams.get('WordDocument');
  if (!word) throw bad('缺少 WordDocument 数据流');
  const problem = docProblem(ole);
  if (problem) throw problem;
  const fib = readFib(word);
  const table = ole.streams.get(fib.tableName);
  if (!table) throw bad(`缺少 ${fib.tableName} 数据流`);
  const clx = fib.fcLcb(FC_CLX);
  const pieces = readPieces(table, clx.fc, clx.lcb);
  const bte = fib.fcLcb(FC_PLCF_BTE_PAPX);
  const data = ole.streams.get('Data');
  const papx = readFkps(word, table, data, bte.fc, bte.lcb, true);
  const bteC = fib.fcLcb(FC_PLCF_BTE_CHPX);
  const chpx = readFkps(word, table, data, bteC.fc, bteC.lcb, false);
  const ccpText = Math.max(0, fib.ccpText);

  // Main-document characters in CP order, each with its file offset (for property lookup).
  const chars: string[] = [];
  const fcs: number[] = [];
  for (const pc of pieces) {
    if (pc.cpStart >= ccpText) break;
    const end = Math.min(pc.cpEnd, ccpText);
    const count = end - pc.cpStart;
    if (count <= 0) continue;
    const width = pc.compressed ? 1 : 2;
    if (pc.fc + count * width > word.length) throw bad('文本片段超出文件');
    const bytes = word.subarray(pc.fc, pc.fc + count * width);
    const text = pc.compressed ? cp1252.decode(bytes) : bytes.toString('utf16le');
    for (let i = 0; i < count; i++) {
      chars.push(text[i] ?? '');
      fcs.push(pc.fc + i * width);
    }
    if (chars.length > LIMITS.maxTextBytes)
      throw new IngestError('Word 文档的正文过长，不像是一份年度报告，已拒绝读取。', 'too-large');
  }

  const blocks: Block[] = [];
  const notes: string[] = [];
  const images: number[] = [];
  // Every paragraph's list membership, in order (counters run through table paragraphs too), and
  // which of them became paragraph blocks, for the numbering labels computed at the end.
  const lists = readLists(table, fib);
  const scanned: ScannedParagraph[] = [];
  const labelled = new Map<number, number>();
  const boxes = readTextBoxes(word, table, fib, pieces);
  let boxLines: string[] = [];
  let para = '';
  let cell = '';
  let rowCells: string[] = [];
  let rows: RawRow[] = [];
  const fields: boolean[] = []; // per open field: true once past the separator (showing the result)
  const showing = (): boolean => fields.every((f) => f);
  let truncated = false;

  const pushBlock = (b: Block): void => {
    if (blocks.length < LIMITS.maxBlocks) blocks.push(b);
    else truncated = true;
  };
  const flushTable = (): void => {
    if (rows.length === 0) return;
    const { rows: grid, truncated: cut } = expandTable(buildTable(rows));
    if (cut) notes.push('表格过大，已截断。');
    if (grid.length > 0) pushBlock({ kind: 'table', layout: 'grid', rows: grid });
    rows = [];
  };
  const endParagraph = (run: PropRun | undefined, inTable: boolean): void => {
    const text = para;
    para = '';
    const ilfo = run?.sprms.get(0x460b);
    const ilfoValue = ilfo && ilfo.size === 2 ? ilfo.buf.readInt16LE(ilfo.data) : 0;
    const ilvl = byteOf(run, 0x260a);
    if (lists.nums.size && scanned.length < LIMITS.maxBlocks * 2) {
      scanned.push({
        text: '',
        ...(ilfoValue > 0 ? { numId: String(ilfoValue) } : {}),
        ...(ilvl !== undefined ? { ilvl } : {}),
      });
    }
    if (inTable) {
      const withBoxes = boxLines.length ? [text, ...boxLines].join('\n') : text;
      boxLines = [];
      cell = cell ? `${cell}\n${withBoxes}` : withBoxes;
      return;
    }
    flushTable();
    const istd = run?.istd ?? 0;
    const outline = byteOf(run, 0x2640);
    const level =
      istd >= 1 && istd <= 9
        ? istd
        : outline !== undefined && outline < 9
          ? outline + 1
          : undefined;
    // A manual line break starts a new paragraph block, as <br> does on the .docx path.
    lines(text).forEach((line, i) => {
      if (i === 0 && ilfoValue > 0 && blocks.length < LIMITS.maxBlocks)
        labelled.set(blocks.length, scanned.length - 1);
      pushBlock(
        level
          ? { kind: 'paragraph', text: line, headingLevel: level }
          : { kind: 'paragraph', text: line },
      );
    });
    for (const line of boxLines) pushBlock({ kind: 'paragraph', text: line });
    boxLines = [];
  };

  for (let cp = 0; cp < chars.length; cp++) {
    const ch = at(chars, cp);
    const code = ch.charCodeAt(0);
    const box = boxes.get(cp);
    if (box) boxLines.push(...box);
    if (code === 0x13) {
      fields.push(false);
      continue;
    }
    if (code === 0x14) {
      if (fields.length) fields[fields.length - 1] = true;
      continue;
    }
    if (code === 0x15) {
      fields.pop();
      continue;
    }
    const fc = at(fcs, cp);
    if (code === 0x0d || code === 0x07 || code === 0x0c) {
      const run = findRun(papx, fc);
      const itapSprm = run?.sprms.get(0x6649);
      const itap =
        itapSprm && itapSprm.size === 4 ? itapSprm.buf.readInt32LE(itapSprm.data) : undefined;
      const inTable = byteOf(run, 0x2416) === 1 || (itap ?? 0) >= 1;
      const depth = itap ?? (inTable ? 1 : 0);
      if (code === 0x0c && !inTable) {
        endParagraph(run, false); // page or section break: ends the paragraph
        continue;
      }
      if (depth >= 2) {
        // Nested table: its cell and row ends (paragraph marks with fInnerTableCell/fInnerTtp)
        // become line breaks in the outer cell's text.
        endParagraph(run, true);
        continue;
      }
      if (code === 0x07 && inTable) {
        const ttp = byteOf(run, 0x2417) === 1;
        if (ttp) {
          endParagraph(run, true);
          rows.push({ cells: rowCells, def: rowDef(run) });
          rowCells = [];
          cell = '';
          para = '';
          continue;
        }
        endParagraph(run, true);
        rowCells.push(lines(cell).join('\n'));
        cell = '';
        continue;
      }
      endParagraph(run, inTable && code !== 0x0c);
      continue;
    }
    if (!showing()) continue;
    if (chpx.length) {
      const c = findRun(chpx, fc);
      const vanish = byteOf(c, 0x083c);
      // Hidden text (sprmCFVanish = 1, or 0x81: opposite of a style that is not hidden) is not shown.
      if (vanish === 1 || vanish === 0x81) continue;
    }
    if (code === 0x09) para += '\t';
    else if (code === 0x0b) para += '\n';
    else if (code === 0x1e)
      para += '-'; // non-breaking hyphen: shows as a dash
    else if (code === 0x1f)
      continue; // optional hyphen: shows nothing mid-line
    else if (code === 0x01 || code === 0x08) {
      // An inline picture or a drawn object: not text, but where it stands matters (table-as-image).
      if (!rows.length && !rowCells.length && images[images.length - 1] !== blocks.length)
        images.push(blocks.length);
    } else if (code < 0x20)
      continue; // note references, annotation marks
    else para += ch;
  }
  if (tidy(para)) endParagraph(undefined, false);
  if (rowCells.length) rows.push({ cells: rowCells, def: null });
  flushTable();
  if (labelled.size) {
    const labels = computeLabels(scanned, lists, new Map());
    let any = false;
    for (const [block, i] of labelled) {
      const b = blocks[block];
      const l = labels[i];
      if (b?.kind !== 'paragraph' || !l) continue;
      if (l.label) {
        b.numberingLabel = l.label;
        any = true;
      }
      if (l.level !== undefined) b.listLevel = l.level;
    }
    if (any) notes.push('已根据 Word 自动编号恢复标题编号（如“一、”）。');
  }
  if (truncated) notes.push(`文档内容过多，仅读取了前 ${LIMITS.maxBlocks} 段。`);
  if (blocks.length === 0) notes.push('文档中没有文字内容。');
  return {
    format: 'doc',
    fileName,
    blocks,
    html: renderBlocks(blocks),
    notes,
    ...(images.length ? { images } : {}),
  };
}
