/**
 * rules.md, Structure: `structure/subnumbering-inconsistent` (warning) — "sub-items of one
 * section mix styles: （一）（2）（三）, （1）… beside （二）".
 *
 * The bracketed labels opening the paragraphs of a section are read in order, each as a style
 * (Chinese numeral 「（一）」 or Arabic 「（1）」) and an ordinal. Bracket width does not count as a
 * style: 「(二)」 and 「（二）」 are the same label (an unbalanced 「（三)」 is text/unbalanced-brackets'
 * business). Both styles together are normal when they are two levels — （一） then （1）（2） under
 * it, then （二） — and then some ordinal appears in both styles. They are one mixed sequence when
 * both styles occur and no ordinal appears in both (seed 004: （1）（二）（三）（四）（5）). One
 * finding per section, pointing at the first label that breaks the style of the majority.
 */
import type { TextParagraph } from '../../model/types';
import { sectionPlace, toHalfWidth } from '../util/text';
import type { Draft, ReportRule } from '../types';

const CN_DIGITS = '一二三四五六七八九十';
const LABEL =
  /^\s*(?:\[bookmark:[^\]]*\]\s*)*(?:#+\s*)?\(\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*\)/;

interface Label {
  paragraph: TextParagraph;
  style: 'cn' | 'arabic';
  ordinal: number;
  text: string;
  start: number;
  end: number;
}

function cnValue(s: string): number {
  if (s === '十') return 10;
  if (s.length === 2 && s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1] ?? '') + 1;
  if (s.length === 2 && s.endsWith('十')) return (CN_DIGITS.indexOf(s[0] ?? '') + 1) * 10;
  return CN_DIGITS.indexOf(s) + 1;
}

function labelOf(p: TextParagraph): Label | null {
  const m = LABEL.exec(toHalfWidth(p.text));
  if (!m?.[1]) return null;
  const raw = m[1];
  const style = /\d/.test(raw) ? 'arabic' : 'cn';
  const end = m[0].length;
  const start = p.text.slice(0, end).search(/[（(]/);
  return {
    paragraph: p,
    style,
    ordinal: style === 'arabic' ? Number(raw) : cnValue(raw),
    text: p.text.slice(start, end),
    start,
    end,
  };
}

export const structureSubnumberingInconsistent: ReportRule = {
  meta: {
    id: 'structure/subnumbering-inconsistent',
    severity: 'warning',
    title: '小标题序号格式不一致',
    description:
      '同一部分内并列的小标题应使用统一的序号格式（如（一）（二）（三））；出现（一）（2）（三）这类混用时报告。',
  },
  scope: 'report',
  check({ report }) {
    const out: Draft[] = [];
    for (const section of report.sections) {
      if (!section.found) continue;
      const labels = section.paragraphs.map(labelOf).filter((l): l is Label => l !== null);
      const cn = labels.filter((l) => l.style === 'cn');
      const arabic = labels.filter((l) => l.style === 'arabic');
      if (cn.length === 0 || arabic.length === 0) continue;
      const cnOrdinals = new Set(cn.map((l) => l.ordinal));
      if (arabic.some((l) => cnOrdinals.has(l.ordinal))) continue; // two levels, not a mix
      const majority = cn.length >= arabic.length ? 'cn' : 'arabic';
      const breaker = labels.find((l) => l.style !== majority) ?? labels[0];
      if (!breaker) continue;
      const sequence = labels.map((l) => l.text).join('…');
      out.push({
        section: section.key,
        quote: breaker.text,
        pos: { ...breaker.paragraph.pos, start: breaker.start, end: breaker.end },
        message: `${sectionPlace(report, section.key)}的小标题序号格式不统一（${sequence}），中文序号与阿拉伯数字序号混用，应统一为（一）（二）（三）……`,
      });
    }
    return out;
  },
};
