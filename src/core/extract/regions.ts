/**
 * Where tables 二, 三 and 四 lie in the token stream: each from its anchor label to the first break
 * (a long paragraph or a heading) or the anchor of another table.
 */
import { at } from '../model/checked';
import type { SourcePos } from '../model/types';
import type { Token } from './tokens';

const T2_ANCHOR = /^第二十条|^信息内容$|^规章$/;
const T3_ANCHOR = /勾稽关系|^申请人情况$|本年新收.*申请/;
const T4_ANCHOR = /^行政复议(?:行政诉讼)?$/;

export interface Region {
  start: number;
  end: number;
}

function findIndex(tokens: readonly Token[], re: RegExp, from = 0): number {
  for (let i = from; i < tokens.length; i++) {
    const t = at(tokens, i);
    if (!t.isBreak && re.test(t.n)) return i;
  }
  return -1;
}

/** From the anchor to the first break or the first anchor of another table. */
function regionFrom(tokens: readonly Token[], start: number, stops: readonly RegExp[]): Region {
  let end = start + 1;
  while (end < tokens.length) {
    const t = at(tokens, end);
    if (t.isBreak || stops.some((re) => re.test(t.n))) break;
    end++;
  }
  return { start, end };
}

export interface TableRegions {
  activeDisclosure?: Region;
  applications?: Region;
  reviewLitigation?: Region;
}

export function findRegions(tokens: readonly Token[]): TableRegions {
  const out: TableRegions = {};
  const t3 = findIndex(tokens, T3_ANCHOR);
  const t2 = findIndex(tokens, T2_ANCHOR);
  const t4 = findIndex(tokens, T4_ANCHOR, t3 >= 0 ? t3 : 0);
  if (t2 >= 0 && (t3 < 0 || t2 < t3))
    out.activeDisclosure = regionFrom(tokens, t2, [T3_ANCHOR, T4_ANCHOR]);
  if (t3 >= 0) out.applications = regionFrom(tokens, t3, [T4_ANCHOR]);
  if (t4 >= 0) out.reviewLitigation = regionFrom(tokens, t4, []);
  return out;
}

/** Where a region's table starts, for highlighting the whole table. */
export function regionPos(tokens: readonly Token[], region: Region): SourcePos {
  return { block: at(tokens, region.start).pos.block };
}
