import { describe, expect, it } from 'vitest';
import { submissionMultipleVersions } from '../../../src/core/rules/submission/multiple-versions';
import { numberCell } from '../../../src/core/model/factory';
import type { ReportModel } from '../../../src/core/model/types';
import { buildReport } from '../../support/builders';
import { check } from '../../support/rule-tester';

function file(
  id: string,
  name: string,
  modifiedMs: number | null,
  change?: (r: ReportModel) => void,
): ReportModel {
  const r = buildReport({ id, agency: '临淄区工业和信息化局', year: 2023 });
  r.file = `D:/年报/${name}`;
  r.fileInfo = { sha256: id, size: 1, modifiedMs };
  change?.(r);
  return r;
}
const changeLicensing = (r: ReportModel) => {
  if (r.tables.activeDisclosure) r.tables.activeDisclosure.licensing = numberCell(12345);
};

describe('submission/multiple-versions', () => {
  it('is quiet for one file, and for identical copies (duplicates, not versions)', () => {
    expect(check(submissionMultipleVersions, [file('a', '报告.docx', 1000)])).toEqual([]);
    expect(
      check(submissionMultipleVersions, [
        file('a', '报告.docx', 1000),
        file('b', '报告 - 副本.docx', 900_000),
      ]),
    ).toEqual([]);
  });

  it('fires once, on the current version, naming every version and why it is current', () => {
    const old = file('old', '报告.docx', 1_000_000);
    const v2 = file('v2', '报告修改稿v2.docx', 2_000_000, changeLicensing);
    const findings = check(submissionMultipleVersions, [old, v2]);
    expect(findings).toHaveLength(1);
    expect(check(submissionMultipleVersions, [old, v2], undefined, 'v2')).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'submission/multiple-versions',
      severity: 'warning',
      quote: '报告修改稿v2.docx',
    });
    expect(findings[0]!.message).toContain('「报告.docx」');
    expect(findings[0]!.message).toContain('文件修改时间最新');
  });

  it('the reviewer\u2019s choice wins over the default rule and is said to be the reason', () => {
    const old = file('old', '报告.docx', 1_000_000);
    const v2 = file('v2', '报告修改稿v2.docx', 2_000_000, changeLicensing);
    const findings = check(
      submissionMultipleVersions,
      [old, v2],
      { versionChoices: { '临淄区工业和信息化局#2023': 'D:/年报/报告.docx' } },
      'old',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('审查人员选定');
  });
});
