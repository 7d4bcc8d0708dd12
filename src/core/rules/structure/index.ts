/** The structure/* rules of rules.md, in id order. Each rule lives in its own file named after its id. */
import type { Rule } from '../types';
import { governmentAccountabilityMissing } from './government-accountability-missing';
import { missingContact } from './missing-contact';
import { missingSection } from './missing-section';
import { missingTable } from './missing-table';
import { outdatedBasis } from './outdated-basis';
import { outdatedTemplate } from './outdated-template';
import { overviewAspectMissing } from './overview-aspect-missing';
import { sectionNumbering } from './section-numbering';
import { sectionOrder } from './section-order';
import { statisticsPeriod } from './statistics-period';
import { subnumberingInconsistent } from './subnumbering-inconsistent';
import { tableAsImage } from './table-as-image';

export const structureRules: Rule[] = [
  governmentAccountabilityMissing,
  missingContact,
  missingSection,
  missingTable,
  outdatedBasis,
  outdatedTemplate,
  overviewAspectMissing,
  sectionNumbering,
  sectionOrder,
  statisticsPeriod,
  subnumberingInconsistent,
  tableAsImage,
];
