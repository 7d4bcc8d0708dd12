/**
 * rules.md, Submissions: `submission/multiple-versions` (warning) — "a unit has two or more files
 * with different content for the same year; the finding names the versions and which one is
 * current (and why: the reviewer's choice, or the default rule)"; quiet when "the files are
 * identical (they are duplicates, listed, not versions)".
 *
 * The grouping itself (identity, content keys, the default rule) is workspace/submissions.ts; this
 * rule only words it. Attached to the current version, where the reviewer makes the choice.
 */
import type { SubmissionRule } from '../types';
import { CURRENT_REASON_LABELS } from '../../workspace/submissions';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export const submissionMultipleVersions: SubmissionRule = {
  meta: {
    id: 'submission/multiple-versions',
    severity: 'warning',
    title: '同一年度有多个版本',
    description:
      '同一单位同一年度有两份或以上内容不同的文件时报告，列出各版本及当前采用的版本（审查人员选定，或按默认规则：文件修改时间最新，其次文件名中的“最终/修改稿/v2”等标记）。内容完全相同的文件视为重复文件，不报告。',
  },
  scope: 'submission',
  check({ submission, versions }) {
    if (versions.length < 2) return [];
    const [current, ...others] = versions;
    if (!current) return [];
    const reason = CURRENT_REASON_LABELS[submission.currentReason];
    return [
      {
        message: `${submission.unitName} ${submission.year} 年度有 ${versions.length} 份内容不同的报告：当前采用「${fileName(current.file)}」（${reason}），另有${others
          .map((m) => `「${fileName(m.file)}」`)
          .join('、')}。请确认以哪一份为准；只有当前版本参与跨年度、跨单位比对和汇总。`,
        quote: fileName(current.file),
      },
    ];
  },
};
