/**
 * The findings workbook (cli-contract.md, "Excel workbook"): 汇总, 问题清单, 数据, 规则说明.
 * Minimal first version so the CLI (--xlsx) and the app can wire to the final signatures.
 */
import ExcelJS from 'exceljs';
import type { WorkbookInput } from './types';

export async function buildAuditWorkbook(input: WorkbookInput): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('汇总');
  summary.addRow(['单位', '年度', '文件', '模板', '错误', '警告', '提示', '审查状态']);
  for (const { model, findings } of input.reports) {
    const count = (s: string): number => findings.filter((f) => f.severity === s).length;
    summary.addRow([model.agency ?? '', model.year ?? '', model.file, model.template, count('error'), count('warning'), count('info'), '待审查']);
  }
  wb.addWorksheet('问题清单');
  wb.addWorksheet('数据');
  wb.addWorksheet('规则说明');
  return wb;
}

export async function auditWorkbookBuffer(input: WorkbookInput): Promise<Buffer> {
  const wb = await buildAuditWorkbook(input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeAuditWorkbook(target: string, input: WorkbookInput): Promise<void> {
  const wb = await buildAuditWorkbook(input);
  await wb.xlsx.writeFile(target);
}
