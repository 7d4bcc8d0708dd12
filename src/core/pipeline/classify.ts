/**
 * What is not a report is not audited (issue 8): office clutter is ignored, the tool's own outputs
 * are recognised by their marker, and a file whose content does not look like an annual report
 * (a notice, a README, a blank page) is skipped with its reason — never audited into "a unit
 * called 关于报送 with nine errors".
 */
import { basename, extname } from 'node:path';
import { OUTPUT_MARKER, OUTPUT_CREATOR } from '../model/glossary';
import type { ReportModel, SkippedFile } from '../model/types';
import { listEntries, readText } from '../ingest/zip-guard';
import { unsupportedFileMessage } from '../ingest';

/** System and lock files that sit in every office folder: skipped without a word in the summary. */
export function isClutter(path: string): boolean {
  const name = basename(path);
  return (
    /^(thumbs\.db|desktop\.ini|ehthumbs\.db|icon\r?)$/i.test(name) ||
    name.startsWith('~$') ||
    name.startsWith('.')
  ); // dot files: .DS_Store, ._x, hidden
}

export function clutter(path: string): SkippedFile {
  return {
    file: path,
    reason: 'clutter',
    message: '系统或临时文件（如 Thumbs.db、~$ 开头的锁定文件），已忽略。',
  };
}

export function ownOutput(path: string): SkippedFile {
  return {
    file: path,
    reason: 'own-output',
    message:
      '这是本工具生成的审查结果文件，不是单位报送的年度报告，已跳过。建议将结果文件保存在报告文件夹之外。',
  };
}

/**
 * True for the files this tool writes: workbooks, letters and briefings carry OUTPUT_MARKER in
 * their document properties (workbooks of earlier builds: the creator 年报审查 and the result
 * title); the JSON result names the tool at its top.
 */
export function isOwnOutput(bytes: Buffer, path: string): boolean {
  if (extname(path).toLowerCase() === '.json') {
    const head = bytes.subarray(0, 400).toString('utf8');
    return /"tool"\s*:\s*\{\s*"name"\s*:\s*"nianbao-audit"/.test(head);
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false; // not a zip
  try {
    const kind = bytes.includes('xl/workbook.xml') ? 'xlsx' : 'docx';
    const core = readText(bytes, listEntries(bytes, kind), 'docProps/core.xml', kind);
    if (!core) return false;
    return (
      core.includes(OUTPUT_MARKER) ||
      (core.includes(`>${OUTPUT_CREATOR}<`) && core.includes('审查结果'))
    );
  } catch {
    return false; // a broken zip is for the reader to report
  }
}

const TITLE_OF_REPORT = /(政府信息公开|政务公开|信息公开).{0,12}(年度报告|年报|工作报告)/;
/** A notice, letter or plan about the reports, not a report: "关于报送2023年度政府信息公开工作年度报告的通知". */
const NOTICE_TITLE = /^关于.*(通知|函|通报|意见|方案|办法|要点|请示|报告的批复)$|(通知|通报|函)$/;

/**
 * Null when the extracted model looks like an annual report; otherwise the reason it is skipped.
 * A report shows at least one of: a title naming 政府信息公开工作年度报告 (or a standard variant),
 * one of the three standard tables, or three of the six section headings. A notice's title
 * (关于…的通知) outweighs the words it quotes, unless most of the six sections are there.
 */
export function notAReportReason(model: ReportModel): string | null {
  const sectionsFound = model.sections.filter((s) => s.found).length;
  const tables = [
    model.tables.activeDisclosure,
    model.tables.applications,
    model.tables.reviewLitigation,
  ].filter(Boolean).length;
  const heads = [model.title ?? '', ...model.paragraphs.slice(0, 6).map((p) => p.text)].map((t) =>
    t.replace(/\s+/g, ''),
  );
  const notice = heads.find((t) => t.length > 0 && t.length <= 80 && NOTICE_TITLE.test(t));
  if (notice && sectionsFound < 4) {
    return `这是一份通知或公文（「${notice.slice(0, 40)}」），不是年度报告，已跳过。`;
  }
  // A title line names the report and ends with it ("…局2023年政府信息公开工作年度报告"); prose that
  // merely mentions such reports (a README, a notice's body) does not count.
  const titled = heads.some(
    (t) => t.length <= 60 && TITLE_OF_REPORT.test(t) && /(年度报告|年报|工作报告)[)）]?$/.test(t),
  );
  if (
    titled ||
    tables > 0 ||
    sectionsFound >= 3 ||
    model.template === 'pre-2019' ||
    model.template === '2019'
  )
    return null;
  return '未找到年度报告的标题、六个部分的标题或三张统计表，不像是政府信息公开工作年度报告，已跳过。如确为年报，请检查文件内容是否完整。';
}

export function notAReport(path: string, reason: string): SkippedFile {
  return { file: path, reason: 'not-a-report', message: reason };
}

export function unsupported(path: string): SkippedFile {
  const ext = extname(path) || '无扩展名';
  return {
    file: path,
    reason: 'unsupported',
    message: `「${ext}」${unsupportedFileMessage()}`,
  };
}
