/**
 * The roster (单位名单): the units that must report — name, kind, optional parent and aliases.
 *
 * Offices keep it as a spreadsheet or a plain list: one unit a row, the name in the first column
 * (or the column headed 单位/名称), and optionally 类别, 上级单位, 别名 recognised by their headers.
 * Without a roster the units are inferred from the reports themselves (`inferred: true`), so that
 * every screen still works; the inferred list is said to be inferred wherever it is shown.
 */
import { extname } from 'node:path';
import { decodeText } from '../ingest/encoding';
import { IngestError } from '../ingest/errors';
import { isKeyOf } from '../model/checked';
import { UNIT_KIND_LABELS } from '../model/glossary';
import type { UnitKind } from '../model/glossary';
import type { Roster, RosterUnit } from '../model/types';
import { agencyKind } from './agency-kind';
import { normaliseName, shortKeyOf } from './identity';

/** The kind a name suggests (agency-kind.ts: one reading of names for the roster and the briefing). */
export const kindOfName = (name: string): UnitKind => agencyKind(name);

const KIND_WORDS: [RegExp, UnitKind][] = [
  [/乡镇|街道|镇|乡/, 'township'],
  [/政府/, 'government'],
  [/部门|单位|局|委/, 'department'],
  [/其他/, 'other'],
];

function kindOfLabel(label: string, name: string): UnitKind {
  const l = label.trim();
  if (!l) return kindOfName(name);
  for (const [kind, text] of Object.entries(UNIT_KIND_LABELS))
    if (l === text && isKeyOf(UNIT_KIND_LABELS, kind)) return kind;
  for (const [re, kind] of KIND_WORDS) if (re.test(l)) return kind;
  return kindOfName(name);
}

function splitAliases(s: string): string[] {
  return s
    .split(/[、,，;；/|\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

type Column = 'name' | 'kind' | 'parent' | 'aliases';
const HEADERS: [RegExp, Column][] = [
  [/^(别名|曾用名|简称|其他名称)/, 'aliases'],
  [/^(上级|主管|所属)/, 'parent'],
  [/^(类别|类型|性质|单位类别|单位类型)$/, 'kind'],
  [/(单位|名称|机关)/, 'name'],
];

/** Builds a roster from rows of cells (the first row may be a header). */
export function rosterFromRows(
  rows: readonly (readonly string[])[],
  source: string | null,
): Roster {
  const clean = rows
    .map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim()))
    .filter((r) => r.some(Boolean));
  let columns: Partial<Record<Column, number>> = { name: 0 };
  let start = 0;
  const first = clean[0];
  if (first) {
    const found: Partial<Record<Column, number>> = {};
    first.forEach((cell, i) => {
      const hit = HEADERS.find(([re]) => re.test(cell.replace(/\s/g, '')));
      if (hit && found[hit[1]] === undefined) found[hit[1]] = i;
    });
    // A header row names at least the unit column, or two known columns.
    if (found.name !== undefined || Object.keys(found).length >= 2) {
      columns = { name: 0, ...found };
      start = 1;
    }
  }
  const units: RosterUnit[] = [];
  const seen = new Set<string>();
  for (const row of clean.slice(start)) {
    const name = (row[columns.name ?? 0] ?? '').replace(/^\d+[.、．]\s*/, '').trim();
    const key = normaliseName(name);
    // Serial-number-only rows and repeated names are skipped (a list pasted twice stays one list).
    if (!key || /^\d+$/.test(key) || seen.has(key)) continue;
    seen.add(key);
    const get = (c: Column) => {
      const i = columns[c];
      return i === undefined ? '' : (row[i] ?? '');
    };
    units.push({
      id: `u${units.length + 1}`,
      name,
      kind: kindOfLabel(get('kind'), name),
      parent: get('parent') || null,
      aliases: splitAliases(get('aliases')),
    });
  }
  return { source, inferred: false, units };
}

/** Reads a roster file: .xlsx (first sheet with names), .csv or .txt (one name a line). */
export async function readRoster(bytes: Buffer, fileName: string): Promise<Roster> {
  const ext = extname(fileName).toLowerCase();
  let rows: string[][];
  if (ext === '.xlsx') {
    // exceljs is loaded only when a roster is a workbook (it takes ~0.3 s to load; the rules import this module).
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      // exceljs types its input as its own `Buffer extends ArrayBuffer`, which a Node Buffer is
      // not: hand it a copy as a plain ArrayBuffer (a roster is small).
      await wb.xlsx.load(new Uint8Array(bytes).buffer);
    } catch {
      throw new IngestError('无法读取名单文件：不是有效的 .xlsx 工作簿。', 'corrupt');
    }
    rows = [];
    const ws = wb.worksheets.find((s) => s.actualRowCount > 0);
    ws?.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text ?? '';
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
  } else if (ext === '.csv' || ext === '.txt' || ext === '') {
    const text = decodeText(bytes).text;
    rows = text
      .split(/\r?\n/)
      .map((line) => (ext === '.csv' ? parseCsvLine(line) : line.split('\t')));
  } else {
    throw new IngestError(
      `名单文件的类型「${ext}」不受支持，请提供 .xlsx、.csv 或 .txt 文件（每行一个单位）。`,
      'unsupported',
    );
  }
  const roster = rosterFromRows(rows, fileName);
  if (roster.units.length === 0)
    throw new IngestError(
      '名单文件中没有找到任何单位名称（每行一个单位，第一列为单位名称）。',
      'no-text',
    );
  return roster;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Infers the units from the names found in the reports: names that differ only by a leading
 * province / city ("淮安市洪泽区人民政府" and "洪泽区人民政府") are one unit when that is unambiguous.
 * The unit takes its most complete (longest) name; the others become aliases. Ids are stable for
 * the same set of names (sorted), independent of file order.
 */
export function inferRoster(
  names: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): Roster {
  const canonical = new Map<string, string>(); // normalised key → name as written (first seen)
  for (const n of names) {
    let key = normaliseName(n);
    for (const [a, c] of Object.entries(aliases))
      if (normaliseName(a) === key) key = normaliseName(c);
    if (key && !canonical.has(key))
      canonical.set(key, key === normaliseName(n) ? n.replace(/\s+/g, '') : key);
  }
  const keys = [...canonical].sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  const groups: { name: string; key: string; short: string; members: string[] }[] = [];
  for (const [key, name] of keys) {
    const short = shortKeyOf(key);
    // Only a name without its leading city joins a longer one; two full names never merge.
    const hits = key === short ? groups.filter((g) => g.short === short) : [];
    if (hits.length === 1 && hits[0]) hits[0].members.push(name);
    else groups.push({ name, key, short, members: [] });
  }
  groups.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    source: null,
    inferred: true,
    units: groups.map((g, i) => ({
      id: `u${i + 1}`,
      name: g.name,
      kind: kindOfName(g.name),
      parent: null,
      aliases: g.members,
    })),
  };
}
