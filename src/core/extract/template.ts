/**
 * Which template a report follows (report-format.md, "Outdated templates"). Tell-tale labels are
 * looked for among table cells and short lines only: a 2021 report may well mention
 * 政府集中采购 in its prose without using the old table.
 */
import type { TemplateVersion } from '../model/types';
import type { Token } from './tokens';

const OLD_2019: readonly [string, RegExp][] = [
  ['本年新制作数量', /本年新制作数量/],
  ['本年新公开数量', /本年新公开数量/],
  ['对外公开总数量', /对外公开总数量/],
  ['上一年项目数量', /上一年项目数量/],
  ['本年增/减', /本年增\/?减/],
  ['其他对外管理服务事项', /其他对外管理服务事项/],
  ['第二十条第（九）项', /第二十条第?\(九\)项/],
  ['政府集中采购', /政府集中采购/],
];
const PRE_2019: readonly [string, RegExp][] = [
  ['概述', /^(?:[一二三四五六七八九十]+[、.])?概述$/],
  ['咨询处理情况', /咨询处理情况/],
  ['收费及减免情况', /收费及减免情况/],
  ['统计附表', /统计附表/],
];
const NEW_2021 = /本年制发件数|现行有效件数|本年处理决定数量|逾期不补正|收费通知/;

export interface TemplateResult {
  template: TemplateVersion;
  evidence: string[];
}

/**
 * `singleRowOtherHandling`: table 三 has a （六）其他处理 row with its own values and no
 * sub-rows, as in the 2019 format.
 */
export function detectTemplate(
  tokens: readonly Token[],
  tablesFound: boolean,
  singleRowOtherHandling: boolean,
): TemplateResult {
  // A label fills its cell; a sentence that mentions one is prose.
  const cells = tokens.filter((t) => t.n.length <= 24 && !/[。，,；]/.test(t.n));
  const hits = (list: readonly [string, RegExp][]) =>
    list.filter(([, re]) => cells.some((t) => re.test(t.n))).map(([label]) => label);
  const old = hits(OLD_2019);
  if (singleRowOtherHandling) old.push('（六）其他处理（单行，无细分项）');
  const pre = hits(PRE_2019);
  const modern = cells.some((t) => NEW_2021.test(t.n));
  if (old.length >= 2 || (old.length === 1 && !modern)) return { template: '2019', evidence: old };
  if (pre.length >= 2 || (pre.length === 1 && !tablesFound && !modern))
    return { template: 'pre-2019', evidence: pre };
  if (modern || tablesFound) return { template: '2021', evidence: [] };
  return { template: 'unknown', evidence: [] };
}
