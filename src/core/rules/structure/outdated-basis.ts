/**
 * rules.md, Structure: `structure/outdated-basis` (warning) — "the preamble cites
 * 国办公开办函〔2019〕60号 (superseded) as its basis"; quiet when "it cites 〔2021〕30号".
 *
 * Looks in the preamble (paragraphs before section 一, page chrome excluded) and, because many
 * reports open 总体情况 with their basis, in the first paragraph of section 一. Brackets of any
 * kind or none are accepted around the year ("〔2019〕60号", "[2019]60号", "2019年60号"). Quiet as
 * soon as the same text also cites the 2021 notice (〔2021〕30号, even when a bracket was lost as
 * in seed 002's "〔202130号").
 */
import type { TextParagraph } from '../../model/types';
import {
  findAll,
  paragraphPlace,
  preambleParagraphs,
  quoteDraft,
  sectionParagraphs,
} from '../util/text';
import type { ReportRule } from '../types';

const CITES_2019 = /(?:国办公开办函\s*)?[〔[［(（]?\s*2019\s*[〕\]）)年]?\s*(?:第\s*)?60\s*号/;
const CITES_2021 = /2021\s*[〕\]）)年]?\s*(?:第\s*)?30\s*号/;

export const structureOutdatedBasis: ReportRule = {
  meta: {
    id: 'structure/outdated-basis',
    severity: 'warning',
    title: '编制依据已过时',
    description:
      '报告开头以已被替代的国办公开办函〔2019〕60号作为编制依据时报告；现行依据为国办公开办函〔2021〕30号。',
  },
  scope: 'report',
  check({ report }) {
    const scope: TextParagraph[] = [
      ...preambleParagraphs(report),
      ...sectionParagraphs(report, 'overview').slice(0, 1),
    ];
    if (scope.some((p) => CITES_2021.test(p.text))) return [];
    for (const p of scope) {
      const hit = findAll(p.text, CITES_2019)[0];
      if (!hit) continue;
      return [
        quoteDraft(p, hit.start, hit.end, {
          message: `${paragraphPlace(report, p)}的编制依据引用了国办公开办函〔2019〕60号（「${hit.text}」），该文件已被国办公开办函〔2021〕30号替代，应依据新格式通知编制。`,
        }),
      ];
    }
    return [];
  },
};
