/**
 * Reading a roster file: a workbook with a header row (name, kind label, parent, aliases), a CSV
 * with quoted cells, and a list inferred from report names.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inferRoster, readRoster } from '../../src/core/workspace/roster';

describe('readRoster', () => {
  it('reads a workbook by its header labels, kinds by their label', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['序号', '单位名称', '单位类型', '上级单位', '别名']);
    ws.addRow(['1', '淄博市临淄区人民政府', '政府', '', '临淄区政府']);
    ws.addRow(['2', '淄博市临淄区教育局', '部门', '淄博市临淄区人民政府', '区教育局、教体局']);
    ws.addRow(['3', '辛店街道办事处', '乡镇（街道）', '', '']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const roster = await readRoster(bytes, '名单.xlsx');
    expect(roster.units.map((u) => [u.name, u.kind, u.parent, u.aliases])).toEqual([
      ['淄博市临淄区人民政府', 'government', null, ['临淄区政府']],
      ['淄博市临淄区教育局', 'department', '淄博市临淄区人民政府', ['区教育局', '教体局']],
      ['辛店街道办事处', 'township', null, []],
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readRoster(Buffer.from('not a zip'), '名单.xlsx')).rejects.toThrow(/不是有效的/);
  });

  it('reads a CSV with quoted cells and a doubled quote', async () => {
    const csv = '单位名称,别名\n"某市""数据""局",数据局\n某市财政局,\n';
    const roster = await readRoster(Buffer.from(csv), '名单.csv');
    expect(roster.units.map((u) => [u.name, u.aliases])).toEqual([
      ['某市"数据"局', ['数据局']],
      ['某市财政局', []],
    ]);
  });
});

describe('inferRoster', () => {
  it('joins a name without its leading city to the longer one, which names the unit', () => {
    const roster = inferRoster(['洪泽区人民政府', '淮安市洪泽区人民政府', '淮安市人民政府']);
    expect(roster.inferred).toBe(true);
    expect(roster.units.map((u) => [u.name, u.aliases])).toEqual([
      ['淮安市洪泽区人民政府', ['洪泽区人民政府']],
      ['淮安市人民政府', []],
    ]);
  });
});
