/**
 * rules.md, Structure: `structure/section-numbering` (warning) — "a section heading uses the
 * wrong numeral or style ("5、" for "五、", "三、" on section four)"; quiet when "numbering absent
 * altogether (auto-numbering lost)".
 *
 * The numeral as written (or recovered from Word auto-numbering) is compared with the section's
 * number: it must be the Chinese numeral followed by 、 (the 2021 format); a Chinese numeral with
 * 。/./．/space instead of 、 is tolerated as a typing variant. Arabic digits ("5、"), bracketed
 * forms ("（五）") and a wrong Chinese numeral are reported. An empty numeral is quiet.
 */
import { SECTION_NUMERALS } from '../../model/glossary';
import { toHalfWidth } from '../util/text';
import type { Draft, ReportRule } from '../types';

const CN_DIGITS = '一二三四五六七八九十';

function parseNumeral(raw: string): {
  style: 'cn' | 'cn-bracket' | 'arabic' | 'other';
  value: number | null;
} {
  const t = toHalfWidth(raw).replace(/\s/g, '').replace(/^#+/, '');
  let m = /^([一二三四五六七八九十])[、.。]?$/.exec(t);
  if (m?.[1]) return { style: 'cn', value: CN_DIGITS.indexOf(m[1]) + 1 };
  m = /^\(([一二三四五六七八九十])\)$/.exec(t);
  if (m?.[1]) return { style: 'cn-bracket', value: CN_DIGITS.indexOf(m[1]) + 1 };
  m = /^\(?(\d+)[)、.]?$/.exec(t);
  if (m?.[1]) return { style: 'arabic', value: Number(m[1]) };
  m = /^第([一二三四五六七八九十])部分$/.exec(t);
  if (m?.[1]) return { style: 'cn', value: CN_DIGITS.indexOf(m[1]) + 1 };
  return { style: 'other', value: null };
}

export const structureSectionNumbering: ReportRule = {
  meta: {
    id: 'structure/section-numbering',
    severity: 'warning',
    title: '部分序号错误',
    description:
      '六个部分的标题应依次使用“一、”至“六、”编号；使用阿拉伯数字（如“5、”）、括号序号或序号与部分不符时报告。标题完全没有序号（自动编号丢失）时不报告。',
  },
  scope: 'report',
  check({ report }) {
    const out: Draft[] = [];
    for (const h of report.headingsInOrder) {
      const written = h.numeral.trim();
      if (!written) continue;
      const section = report.sections.find((s) => s.key === h.key);
      if (!section) continue;
      const expected = `${SECTION_NUMERALS[section.number - 1]}、`;
      const parsed = parseNumeral(written);
      if (parsed.style === 'cn' && parsed.value === section.number) continue;
      const why =
        parsed.value !== null && parsed.value !== section.number
          ? `序号「${written}」与该部分的顺序不符`
          : `序号「${written}」不符合格式要求`;
      const start = h.text.indexOf(written);
      out.push({
        section: h.key,
        quote: h.text,
        pos: start >= 0 ? { ...h.pos, start, end: start + written.length } : h.pos,
        message: `第${SECTION_NUMERALS[section.number - 1]}部分「${section.title}」的标题「${h.text.trim()}」${why}，应为「${expected}」。`,
      });
    }
    return out;
  },
};
