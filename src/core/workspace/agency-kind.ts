/**
 * The kind of a unit, read from its name, in the roster's vocabulary (cli-contract.md, roster
 * units: government | department | township | other). The briefing groups its indicators by it.
 * A roster's own 类别 column wins where one is given; this is the fallback for names alone.
 *
 * - township: a 镇/乡/苏木 government or a 街道办事处 (agency-level.ts says the name's last place is
 *   a township and the name ends with 人民政府 / 办事处 / 街道);
 * - government: any other name ending with 人民政府;
 * - department: any other name that names a body (局、委、办、中心…);
 * - other: no name.
 */
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../model/glossary';
import { agencyLevel } from './agency-level';

/** The roster's unit kinds (model/glossary.ts): one vocabulary. */
export type AgencyKind = UnitKind;
export const AGENCY_KIND_LABELS = UNIT_KIND_LABELS;
export const AGENCY_KINDS: readonly AgencyKind[] = UNIT_KINDS;

export function agencyKind(agency: string | null): AgencyKind {
  if (!agency) return 'other';
  const name = agency.replace(/\s+/g, '');
  if (/(街道办事处|街道办|街道)$/.test(name)) return 'township';
  if (/人民政府$/.test(name)) {
    if (/[镇乡]人民政府$/.test(name) || agencyLevel(name) === 'township') return 'township';
    return 'government';
  }
  return 'department';
}
