/**
 * Shared lookups of the cross-year rules on table 二's 现行有效件数 (series/effective-unchanged,
 * series/effective-chain): for each document row, this year's 制发/废止/现行有效 and last year's
 * 现行有效, or nothing when the chain is not defined.
 *
 * report-format.md: "现行有效件数 exists since the 2021 format; the 2019 format's 对外公开总数量
 * is a different measure: never chain across that boundary" — so both years must be in the 2021
 * format. Blank cells count as 0; missing or text cells drop the row.
 */
import { DOCUMENT_ROW_KEYS, type DocumentRowKey } from '../../model/glossary';
import type { CellValue, ReportModel } from '../../model/types';
import type { Draft } from '../types';
import { roundForDisplay, sameValue } from './compare';
import { cellDraft, usableAll } from './table-cells';

export interface EffectiveLink {
  row: DocumentRowKey;
  issued: number;
  repealed: number;
  effective: number;
  previousEffective: number;
  /** previousEffective + issued − repealed. */
  chained: number;
  cell: CellValue;
}

export function effectiveLinks(report: ReportModel, previous: ReportModel): EffectiveLink[] {
  if (report.template !== '2021' || previous.template !== '2021') return [];
  const t = report.tables.activeDisclosure;
  const p = previous.tables.activeDisclosure;
  if (!t || !p) return [];
  const links: EffectiveLink[] = [];
  for (const row of DOCUMENT_ROW_KEYS) {
    const v = usableAll([t[row].issued, t[row].repealed, t[row].effective, p[row].effective]);
    if (v === null) continue;
    const [issued = 0, repealed = 0, effective = 0, previousEffective = 0] = v;
    links.push({
      row,
      issued,
      repealed,
      effective,
      previousEffective,
      chained: roundForDisplay(previousEffective + issued - repealed),
      cell: t[row].effective,
    });
  }
  return links;
}

/** The classic copy-forward sign: 现行有效 unchanged although 制发 ≠ 废止. */
export function isUnchanged(link: EffectiveLink): boolean {
  return (
    sameValue(link.effective, link.previousEffective) && !sameValue(link.issued, link.repealed)
  );
}

/**
 * The finding both 现行有效 rules report on a link: this year's 现行有效件数 cell, expected the
 * chained value, actual the value filed. Only the wording differs between the two rules.
 */
export function effectiveDraft(link: EffectiveLink, message: string): Draft {
  return cellDraft(
    { table: 'activeDisclosure', row: link.row, column: 'effective', cell: link.cell },
    {
      expected: link.chained,
      actual: link.effective,
      message,
    },
  );
}
