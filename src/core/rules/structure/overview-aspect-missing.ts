/**
 * rules.md, Structure: `structure/overview-aspect-missing` (warning) — "总体情况 does not cover
 * one of its five aspects (one finding per aspect)"; quiet when "the aspect is covered under other
 * wording (e.g. 监督保障 as 考核、督查)".
 *
 * The five aspects of report-format.md (主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设,
 * 监督保障) are each recognised by a list of words reports use for them, searched in the body of
 * section 一. The lists are deliberately broad: the rule is about an aspect left out entirely,
 * not about the exact sub-heading. Quiet when section 一 itself is missing (that is
 * structure/missing-section).
 */
import { flatText, sectionOf, sectionPlace } from '../util/text';
import type { Draft, ReportRule } from '../types';

interface Aspect {
  label: string;
  pattern: RegExp;
}

const ASPECTS: readonly Aspect[] = [
  {
    label: '主动公开',
    pattern:
      /主动公开|主动发布|公开(?:各类)?(?:政府)?信息\d|发布(?:各类|政务)?信息\d|公开[^。]{0,10}\d+\s*[条篇件]/,
  },
  { label: '依申请公开', pattern: /依申请|公开申请|申请公开/ },
  {
    label: '政府信息管理',
    pattern:
      /信息管理|保密审查|公开目录|公开指南|发布审核|审核发布|动态(?:更新|调整)|文件清理|清理[^。]{0,6}文件|三审三校|公开属性/,
  },
  {
    label: '政府信息公开平台建设',
    pattern: /平台|网站|新媒体|公众号|专栏|微博|客户端|政务服务中心|公开栏|查阅点|阅览室/,
  },
  {
    label: '监督保障',
    pattern: /监督|保障|考核|考评|督查|督导|培训|领导小组|责任追究|问责|评议|测评/,
  },
];

export const structureOverviewAspectMissing: ReportRule = {
  meta: {
    id: 'structure/overview-aspect-missing',
    severity: 'warning',
    title: '总体情况缺少应述方面',
    description:
      '总体情况应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面；某一方面完全没有提及时逐项报告（换用其他说法不报告）。',
  },
  scope: 'report',
  check({ report }) {
    const section = sectionOf(report, 'overview');
    if (!section?.found) return [];
    const text = flatText(section.paragraphs);
    const out: Draft[] = [];
    for (const aspect of ASPECTS) {
      if (aspect.pattern.test(text)) continue;
      out.push({
        section: 'overview',
        ...(section.heading ? { pos: section.heading.pos } : {}),
        message: `${sectionPlace(report, 'overview')}未涉及「${aspect.label}」方面的情况，总体情况应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。`,
      });
    }
    return out;
  },
};
