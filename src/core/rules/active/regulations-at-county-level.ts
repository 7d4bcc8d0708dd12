/**
 * active/regulations-at-county-level — rules.md, Table 二:
 * "规章 counts ≠ 0 in a report of a county-level or lower body (区、县、县级市、镇、乡、街道 and their
 * departments)" — quiet for "provincial / 设区的市 bodies".
 *
 * The level comes from the agency name (src/core/workspace/agency-level.ts): "淄博市临淄区…" is a
 * district body, "淮安市人民政府" a 设区的市. A lone "X市" is county-level only when it is a known
 * 县级市 (樟树市) or sits under another city (宜春市樟树市); an unknown lone 市 stays quiet. One
 * finding for the 规章 row, placed on its first non-zero cell; text or missing cells are ignored.
 */
import { DOCUMENT_COLUMN_KEYS } from '../../model/glossary';
import type { ReportRule } from '../types';
import { agencyLevel } from '../../workspace/agency-level';
import { sameValue } from '../util/compare';
import { cellDraft, checksTables, columnLabel, fmt, usable } from '../util/table-cells';

const LEVEL_WORDS = { county: '县级', township: '乡镇（街道）级' } as const;

export const activeRegulationsAtCountyLevel: ReportRule = {
  meta: {
    id: 'active/regulations-at-county-level',
    severity: 'warning',
    title: '县级及以下机关填报规章',
    description:
      '规章只能由国务院部门和省级、设区的市级人民政府制定。区、县、县级市、乡镇、街道及其部门的报告中，表二“规章”一行的数字通常应为 0，请核实是否误将规范性文件填入规章一栏。',
  },
  scope: 'report',
  check: ({ report }) => {
    const t = report.tables.activeDisclosure;
    if (!t || !checksTables(report)) return [];
    const level = agencyLevel(report.agency);
    if (level !== 'county' && level !== 'township') return [];
    const nonZero = DOCUMENT_COLUMN_KEYS.filter((c) => {
      const v = usable(t.regulations[c]);
      return v !== null && !sameValue(v, 0);
    });
    const first = nonZero[0];
    if (first === undefined) return [];
    const cell = t.regulations[first];
    const listed = nonZero
      .map((c) => `${columnLabel('activeDisclosure', c)} ${fmt(usable(t.regulations[c]) ?? 0)}`)
      .join('，');
    return [
      cellDraft(
        { table: 'activeDisclosure', row: 'regulations', cell },
        {
          message: `${report.agency ?? '本机关'}属于${LEVEL_WORDS[level]}机关，无权制定规章，但表二「规章」行填报了${listed}，请核实是否应填入「行政规范性文件」行。`,
        },
      ),
    ];
  },
};
