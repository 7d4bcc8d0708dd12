/** The structure/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { structureGovernmentAccountabilityMissing } from './government-accountability-missing';
import { structureMissingContact } from './missing-contact';
import { structureMissingSection } from './missing-section';
import { structureMissingTable } from './missing-table';
import { structureOutdatedBasis } from './outdated-basis';
import { structureOutdatedTemplate } from './outdated-template';
import { structureOverviewAspectMissing } from './overview-aspect-missing';
import { structureSectionNumbering } from './section-numbering';
import { structureSectionOrder } from './section-order';
import { structureStatisticsPeriod } from './statistics-period';
import { structureSubnumberingInconsistent } from './subnumbering-inconsistent';
import { structureTableAsImage } from './table-as-image';

export const structureRules: Rule[] = [
  structureGovernmentAccountabilityMissing,
  structureMissingContact,
  structureMissingSection,
  structureMissingTable,
  structureOutdatedBasis,
  structureOutdatedTemplate,
  structureOverviewAspectMissing,
  structureSectionNumbering,
  structureSectionOrder,
  structureStatisticsPeriod,
  structureSubnumberingInconsistent,
  structureTableAsImage,
];
