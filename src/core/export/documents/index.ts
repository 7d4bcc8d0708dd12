export { briefingDocx } from './briefing';
export { briefingFacts } from './briefing-facts';
export type {
  BriefingFacts,
  BriefingInput,
  CoverageEntry,
  CoverageFacts,
  TypicalProblem,
  UnitRank,
} from './briefing-facts';
export {
  combinedLettersDocx,
  itemText,
  letterDocx,
  letterFileName,
  planLetters,
  PENDING_MARK,
} from './letters';
export type { Letter, LettersInput } from './letters';
export { partOf, partTitle, selectReport, selectUnits, WHOLE_REPORT_TITLE } from './select';
export type {
  DocumentReport,
  PartGroup,
  SelectOptions,
  SelectedFinding,
  SelectedReport,
  UnitSelection,
} from './select';
export {
  DEFAULT_DOCUMENT_SETTINGS,
  chineseDate,
  documentDates,
  fillTemplate,
  normaliseDocumentSettings,
} from './settings';
export type { DocumentSettings } from './settings';
export { letterTargets, writeBriefing, writeCombinedLetters, writeLetters } from './write';
export type { ExistingPolicy, LettersWritten } from './write';
