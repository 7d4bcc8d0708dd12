import type { RuleMeta } from './types';

/** The engine's own finding: a rule threw. Not part of rules.md; it reports a defect of the auditor. */
export const engineMeta: RuleMeta = {
  id: 'engine/rule-failed',
  severity: 'warning',
  title: '规则执行失败',
  description: '某条规则在检查本报告时出错，本条规则的结果不完整，请人工核对相应内容。',
};
