/**
 * The glossary: canonical keys of report-format.md and their Chinese labels.
 * Code uses the keys everywhere; Chinese lives here and in user-facing text.
 */

export const SECTION_KEYS = [
  'overview',
  'activeDisclosure',
  'applications',
  'reviewLitigation',
  'problems',
  'otherMatters',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

export interface SectionDef {
  key: SectionKey;
  number: 1 | 2 | 3 | 4 | 5 | 6;
  title: string;
  /** Accepted title variants (examples from real reports); matching is also tolerant beyond these. */
  variants: readonly string[];
}

export const SECTIONS: readonly SectionDef[] = [
  { key: 'overview', number: 1, title: '总体情况', variants: [] },
  {
    key: 'activeDisclosure',
    number: 2,
    title: '主动公开政府信息情况',
    variants: ['行政机关主动公开政府信息情况'],
  },
  {
    key: 'applications',
    number: 3,
    title: '收到和处理政府信息公开申请情况',
    variants: ['行政机关收到和处理政府信息公开申请情况'],
  },
  {
    key: 'reviewLitigation',
    number: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '政府信息公开行政复议及行政诉讼情况',
    ],
  },
  {
    key: 'problems',
    number: 5,
    title: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况'],
  },
  { key: 'otherMatters', number: 6, title: '其他需要报告的事项', variants: [] },
];

export const TABLE_KEYS = ['activeDisclosure', 'applications', 'reviewLitigation'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export const TABLE_LABELS: Record<TableKey, string> = {
  activeDisclosure: '表二（主动公开）',
  applications: '表三（依申请）',
  reviewLitigation: '表四（复议诉讼）',
};
/** Short form used in locations: 表二, 表三, 表四. */
export const TABLE_SHORT: Record<TableKey, string> = {
  activeDisclosure: '表二',
  applications: '表三',
  reviewLitigation: '表四',
};

// ---- Table 二 ----
export const DOCUMENT_ROW_KEYS = ['regulations', 'normativeDocuments'] as const;
export type DocumentRowKey = (typeof DOCUMENT_ROW_KEYS)[number];
export const DOCUMENT_COLUMN_KEYS = ['issued', 'repealed', 'effective'] as const;
export type DocumentColumnKey = (typeof DOCUMENT_COLUMN_KEYS)[number];
export const DECISION_ROW_KEYS = ['licensing', 'punishment', 'coercion'] as const;
export type DecisionRowKey = (typeof DECISION_ROW_KEYS)[number];
export const FEE_ROW_KEY = 'administrativeFees' as const;
export const ACTIVE_ROW_KEYS = [...DOCUMENT_ROW_KEYS, ...DECISION_ROW_KEYS, FEE_ROW_KEY] as const;
export type ActiveRowKey = (typeof ACTIVE_ROW_KEYS)[number];

export const ACTIVE_ROW_LABELS: Record<ActiveRowKey, string> = {
  regulations: '规章',
  normativeDocuments: '行政规范性文件',
  licensing: '行政许可',
  punishment: '行政处罚',
  coercion: '行政强制',
  administrativeFees: '行政事业性收费',
};
export const ACTIVE_COLUMN_LABELS: Record<DocumentColumnKey | 'decisions' | 'amount', string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  effective: '现行有效件数',
  decisions: '本年处理决定数量',
  amount: '本年收费金额（单位：万元）',
};

// ---- Table 三 ----
export const APPLICANT_COLUMN_KEYS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
] as const;
export type ApplicantColumnKey = (typeof APPLICANT_COLUMN_KEYS)[number];
/** The six applicant columns whose sum is `total`. */
export const APPLICANT_PARTS: readonly Exclude<ApplicantColumnKey, 'total'>[] =
  APPLICANT_COLUMN_KEYS.filter((k) => k !== 'total');

export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumnKey, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

export const APPLICATION_ROW_KEYS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.safetyStability',
  'denied.thirdPartyRights',
  'denied.internalAffairs',
  'denied.processInformation',
  'denied.enforcementFile',
  'denied.administrativeQuery',
  'unableToProvide.notHeld',
  'unableToProvide.needsCreation',
  'unableToProvide.unclear',
  'notProcessed.petition',
  'notProcessed.duplicate',
  'notProcessed.publication',
  'notProcessed.massRepeated',
  'notProcessed.confirmation',
  'otherHandling.overdueCorrection',
  'otherHandling.overdueFee',
  'otherHandling.other',
  'totalProcessed',
  'carriedForward',
] as const;
export type ApplicationRowKey = (typeof APPLICATION_ROW_KEYS)[number];
/** The 21 result rows whose sum is `totalProcessed` (granted … otherHandling.other). */
export const RESULT_ROW_KEYS: readonly ApplicationRowKey[] = APPLICATION_ROW_KEYS.slice(2, 23);

/** Full label as printed in the template (group prefix included for sub-rows). */
export const APPLICATION_ROW_LABELS: Record<ApplicationRowKey, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'denied.stateSecret': '1.属于国家秘密',
  'denied.lawForbidden': '2.其他法律行政法规禁止公开',
  'denied.safetyStability': '3.危及“三安全一稳定”',
  'denied.thirdPartyRights': '4.保护第三方合法权益',
  'denied.internalAffairs': '5.属于三类内部事务信息',
  'denied.processInformation': '6.属于四类过程性信息',
  'denied.enforcementFile': '7.属于行政执法案卷',
  'denied.administrativeQuery': '8.属于行政查询事项',
  'unableToProvide.notHeld': '1.本机关不掌握相关政府信息',
  'unableToProvide.needsCreation': '2.没有现成信息需要另行制作',
  'unableToProvide.unclear': '3.补正后申请内容仍不明确',
  'notProcessed.petition': '1.信访举报投诉类申请',
  'notProcessed.duplicate': '2.重复申请',
  'notProcessed.publication': '3.要求提供公开出版物',
  'notProcessed.massRepeated': '4.无正当理由大量反复申请',
  'notProcessed.confirmation': '5.要求行政机关确认或重新出具已获取信息',
  'otherHandling.overdueCorrection':
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'otherHandling.overdueFee':
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'otherHandling.other': '3.其他',
  totalProcessed: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

/** Group prefixes of sub-rows, as a reviewer names them: （三）不予公开 2.其他法律行政法规禁止公开. */
export const APPLICATION_GROUP_LABELS: Record<string, string> = {
  denied: '（三）不予公开',
  unableToProvide: '（四）无法提供',
  notProcessed: '（五）不予处理',
  otherHandling: '（六）其他处理',
};

/** Short, reviewer-style name of a table-三 row: 「（三）不予公开 1.属于国家秘密」. */
export function applicationRowName(key: ApplicationRowKey): string {
  const group = key.includes('.') ? APPLICATION_GROUP_LABELS[key.split('.')[0] ?? ''] : undefined;
  const label = APPLICATION_ROW_LABELS[key];
  const short = key === 'partiallyGranted' ? '（二）部分公开' : label;
  return group ? `${group} ${short}` : short;
}

// ---- Table 四 ----
export const REVIEW_GROUP_KEYS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewGroupKey = (typeof REVIEW_GROUP_KEYS)[number];
export const REVIEW_COLUMN_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewColumnKey = (typeof REVIEW_COLUMN_KEYS)[number];
export const REVIEW_PARTS: readonly Exclude<ReviewColumnKey, 'total'>[] = REVIEW_COLUMN_KEYS.filter(
  (k) => k !== 'total',
);

export const REVIEW_GROUP_LABELS: Record<ReviewGroupKey, string> = {
  review: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReview: '行政诉讼（复议后起诉）',
};
export const REVIEW_COLUMN_LABELS: Record<ReviewColumnKey, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** Severities, most serious first: the order of every list, sort and column of counts. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Sort key of a severity (0 = most serious). */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;
export function isSeverity(v: unknown): v is Severity {
  return SEVERITIES.some((s) => s === v);
}

/** A reviewer's decision on a finding; 'pending' until decided. */
export const REVIEW_STATUSES = ['pending', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: '待审查',
  confirmed: '已确认',
  dismissed: '已排除',
};
export function isReviewStatus(v: unknown): v is ReviewStatus {
  return REVIEW_STATUSES.some((s) => s === v);
}

/** 汇总's 审查状态 of a file that was not audited: read and failed, or left out unread. */
export const UNAUDITED_LABELS = { failed: '无法读取', skipped: '已跳过' } as const;
export const TEMPLATE_LABELS = {
  '2021': '2021 年版',
  '2019': '2019 年试行版',
  'pre-2019': '2019 年以前',
  unknown: '无法识别',
} as const;

// ───────────────────────── Units, submissions, skipped files ─────────────────────────

export const UNIT_KINDS = ['government', 'department', 'township', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '人民政府',
  department: '部门',
  township: '乡镇街道',
  other: '其他',
};

/** Why a file was not audited (cli-contract.md `skippedDetails[].reason`). */
export const SKIP_REASONS = ['unsupported', 'not-a-report', 'own-output', 'clutter'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  unsupported: '不支持的文件类型',
  'not-a-report': '不是年度报告',
  'own-output': '本工具生成的结果文件',
  clutter: '系统或临时文件',
};

/** A unit's standing for one year (报送情况). */
export const SUBMISSION_STATUSES = ['onTime', 'late', 'missing', 'notOnRoster'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  onTime: '已报',
  late: '逾期',
  missing: '未报',
  notOnRoster: '名单外',
};

/** 整改 loop: a finding of the current version against the previous version of the same submission. */
export const VERSION_DIFF_LABELS = { fixed: '已整改', persists: '仍存在', new: '新出现' } as const;
export type VersionDiff = keyof typeof VERSION_DIFF_LABELS;

/** Written into the document properties of every file this tool produces, so it never reads them back as reports. */
export const OUTPUT_MARKER = 'nianbao-audit:output';
/** The creator named in those properties. */
export const OUTPUT_CREATOR = '年报审查';
/**
 * Rule groups (the part of a rule id before the slash) in plain Chinese, as the settings screen,
 * the briefing's problem table and the letters name them. One list, so the three never disagree.
 */
export const RULE_GROUP_LABELS: Record<string, string> = {
  structure: '结构',
  text: '文字',
  active: '表二 主动公开',
  applications: '表三 依申请',
  review: '表四 复议诉讼',
  table: '表格',
  consistency: '文表一致',
  problems: '第五部分',
  other: '第六部分',
  series: '跨年度',
  corpus: '跨单位',
  timeliness: '公开时限',
  submission: '报送',
  engine: '规则执行',
};

/** The group label of a rule id; '其他' for a group the list does not know. */
export function ruleGroupLabel(ruleId: string): string {
  const group = ruleId.split('/')[0] ?? '';
  return (
    (Object.prototype.hasOwnProperty.call(RULE_GROUP_LABELS, group)
      ? RULE_GROUP_LABELS[group]
      : undefined) ?? '其他'
  );
}
