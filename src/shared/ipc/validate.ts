/**
 * Validation of untrusted arguments: one validator per contract method (the main process never
 * trusts what the renderer sends), and the settings validator the workspace file shares. A
 * validator returns a fresh copy of well-formed arguments, or a Chinese message.
 */
import { isIsoDate, isMonthDay } from '../../core/model/dates';
import { UNIT_KINDS, isReviewStatus, isSeverity } from '../../core/model/glossary';
import type { Roster, RosterUnit, Severity } from '../../core/model/types';
import type { AuditSettings } from '../../core/rules/types';
import { MAX_DOCUMENT_TEXT, type DocumentSettings } from '../../core/export/documents/settings';
import { isMethodName } from './contract';
import type { MethodArgs, MethodName, ReportIdArgs } from './contract';

export type ArgsCheck<A> = { ok: true; args: A } | { ok: false; message: string };

export const LIMITS = {
  maxPaths: 5000,
  maxPathLength: 4096,
  maxIdLength: 200,
  maxFingerprintLength: 2000,
  maxNoteLength: 4000,
  maxSettingsEntries: 2000,
  maxNameLength: 500,
  maxRosterUnits: 5000,
} as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function hasOnlyKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

function isBoundedString(v: unknown, max: number, allowEmpty = false): v is string {
  return (
    typeof v === 'string' &&
    v.length <= max &&
    (allowEmpty || v.length > 0) &&
    !v.includes('\u0000')
  );
}

/** Absolute path on Windows (C:\…, \\server\share) or POSIX (/…). */
export function isAbsolutePath(v: unknown): v is string {
  if (!isBoundedString(v, LIMITS.maxPathLength)) return false;
  return /^[A-Za-z]:[\\/]/.test(v) || /^\\\\[^\\]+\\[^\\]+/.test(v) || v.startsWith('/');
}

function fail<A>(message: string): ArgsCheck<A> {
  return { ok: false, message };
}

function noArgs(args: unknown[]): ArgsCheck<[]> {
  return args.length === 0 ? { ok: true, args: [] } : fail('此操作不接受参数。');
}

function oneObject(args: unknown[]): Record<string, unknown> | null {
  if (args.length !== 1) return null;
  const [a] = args;
  return isPlainObject(a) ? a : null;
}

function checkReportId(args: unknown[]): ArgsCheck<[ReportIdArgs]> {
  const o = oneObject(args);
  if (!o || !hasOnlyKeys(o, ['id']) || !isBoundedString(o.id, LIMITS.maxIdLength))
    return fail('参数无效：需要报告编号。');
  return { ok: true, args: [{ id: o.id }] };
}

/** A copy of a record of bounded keys whose values all pass `valueOk`; null when it is not one. */
function stringRecord<T>(v: unknown, valueOk: (x: unknown) => x is T): Record<string, T> | null {
  if (!isPlainObject(v)) return null;
  const entries = Object.entries(v);
  if (entries.length > LIMITS.maxSettingsEntries) return null;
  const out: Record<string, T> = {};
  for (const [k, x] of entries) {
    if (k.length === 0 || k.length > LIMITS.maxNameLength || k.includes('\u0000') || !valueOk(x))
      return null;
    out[k] = x;
  }
  return out;
}

const isName = (s: unknown): s is string => isBoundedString(s, LIMITS.maxNameLength);
const isPathValue = (s: unknown): s is string => isBoundedString(s, LIMITS.maxPathLength);
const isRuleId = (s: unknown): s is string => isBoundedString(s, LIMITS.maxIdLength);

/** A roster unit from the renderer or a workspace file: bounded strings, a known kind. */
export function validUnit(v: unknown): v is RosterUnit {
  if (!isPlainObject(v) || !hasOnlyKeys(v, ['id', 'name', 'kind', 'parent', 'aliases']))
    return false;
  return (
    isBoundedString(v.id, LIMITS.maxIdLength) &&
    isBoundedString(v.name, LIMITS.maxNameLength) &&
    UNIT_KINDS.some((k) => k === v.kind) &&
    (v.parent === null || isBoundedString(v.parent, LIMITS.maxNameLength, true)) &&
    Array.isArray(v.aliases) &&
    v.aliases.length <= 50 &&
    v.aliases.every((a) => isBoundedString(a, LIMITS.maxNameLength))
  );
}

function validRoster(v: unknown): v is Roster | null {
  if (v === null) return true;
  if (!isPlainObject(v) || !hasOnlyKeys(v, ['source', 'inferred', 'units'])) return false;
  return (
    (v.source === null || isBoundedString(v.source, LIMITS.maxPathLength)) &&
    v.inferred === false &&
    Array.isArray(v.units) &&
    v.units.length <= LIMITS.maxRosterUnits &&
    v.units.every(validUnit)
  );
}

export function validateSettings(v: unknown): ArgsCheck<[AuditSettings]> {
  if (
    !isPlainObject(v) ||
    !hasOnlyKeys(v, ['disabled', 'severities', 'deadlines', 'aliases', 'roster', 'versionChoices'])
  )
    return fail('设置格式无效。');
  const { disabled, severities: rawSeverities, deadlines, roster } = v;
  if (
    !Array.isArray(disabled) ||
    disabled.length > LIMITS.maxSettingsEntries ||
    !disabled.every(isRuleId)
  ) {
    return fail('设置无效：停用规则列表格式错误。');
  }
  const severities = stringRecord<Severity>(rawSeverities, isSeverity);
  if (!severities) return fail('设置无效：严重程度只能是“错误”“警告”或“提示”。');
  if (!isPlainObject(deadlines) || !hasOnlyKeys(deadlines, ['department', 'government']))
    return fail('设置无效：公开期限格式错误。');
  const { department, government } = deadlines;
  if (
    typeof department !== 'string' ||
    !isMonthDay(department) ||
    typeof government !== 'string' ||
    !isMonthDay(government)
  ) {
    return fail('设置无效：公开期限应为“月-日”格式，例如 01-31。');
  }
  const aliases = stringRecord(v.aliases, isName);
  if (!aliases) return fail('设置无效：单位别名格式错误。');
  if (roster !== undefined && !validRoster(roster)) return fail('设置无效：单位名单格式错误。');
  const versionChoices =
    v.versionChoices === undefined ? undefined : stringRecord(v.versionChoices, isPathValue);
  if (versionChoices === null) return fail('设置无效：版本选择格式错误。');
  return {
    ok: true,
    args: [
      {
        disabled: disabled.filter(isRuleId),
        severities,
        deadlines: { department, government },
        aliases,
        ...(roster !== undefined ? { roster } : {}),
        ...(versionChoices !== undefined ? { versionChoices } : {}),
      },
    ],
  };
}

/** Every key of DocumentSettings, by kind (the Record makes the compiler keep this list complete). */
const DOCUMENT_SETTING_KEYS: Record<keyof DocumentSettings, 'text' | 'date'> = {
  office: 'text',
  letterTitle: 'text',
  letterOpening: 'text',
  letterClosing: 'text',
  briefingTitle: 'text',
  briefingClosing: 'text',
  deadline: 'date',
  issueDate: 'date',
};

/** A copy of a DocumentSettings from the renderer, or why it cannot be saved (Chinese). */
function readDocumentSettings(v: unknown): DocumentSettings | string {
  if (!isPlainObject(v)) return '设置格式无效。';
  const keys = Object.keys(DOCUMENT_SETTING_KEYS);
  if (!hasOnlyKeys(v, keys) || keys.some((k) => typeof v[k] !== 'string')) return '设置格式无效。';
  const text = (k: keyof DocumentSettings): string | null => {
    const x = v[k];
    return typeof x === 'string' ? x : null;
  };
  const out: DocumentSettings = {
    office: text('office') ?? '',
    letterTitle: text('letterTitle') ?? '',
    letterOpening: text('letterOpening') ?? '',
    letterClosing: text('letterClosing') ?? '',
    briefingTitle: text('briefingTitle') ?? '',
    briefingClosing: text('briefingClosing') ?? '',
    deadline: text('deadline') ?? '',
    issueDate: text('issueDate') ?? '',
  };
  for (const [k, kind] of Object.entries(DOCUMENT_SETTING_KEYS)) {
    const x = v[k];
    if (typeof x !== 'string') return '设置格式无效。';
    if (kind === 'text') {
      if (!x.trim()) return '发文机关、标题和正文模板都不能为空。';
      if (!isBoundedString(x, MAX_DOCUMENT_TEXT)) return `每项文字不超过 ${MAX_DOCUMENT_TEXT} 字。`;
    } else if (x !== '' && !isIsoDate(x)) {
      return '日期应为“年-月-日”格式，例如 2025-04-30，或留空。';
    }
  }
  return out;
}

/** Why a DocumentSettings from the renderer cannot be saved (Chinese), or null. */
export function documentSettingsProblem(v: unknown): string | null {
  const read = readDocumentSettings(v);
  return typeof read === 'string' ? read : null;
}

type Validators = { [K in MethodName]: (args: unknown[]) => ArgsCheck<MethodArgs<K>> };

export const VALIDATORS: Validators = {
  getState: noArgs,
  importFiles(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['kind']) || (o.kind !== 'files' && o.kind !== 'folder'))
      return fail('参数无效：导入方式应为文件或文件夹。');
    return { ok: true, args: [{ kind: o.kind }] };
  },
  importPaths(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['paths']) || !Array.isArray(o.paths))
      return fail('参数无效：需要文件路径列表。');
    if (o.paths.length === 0) return fail('没有可导入的文件。');
    if (o.paths.length > LIMITS.maxPaths) return fail(`一次最多导入 ${LIMITS.maxPaths} 个文件。`);
    const paths = o.paths.filter(isAbsolutePath);
    if (paths.length !== o.paths.length) return fail('参数无效：文件路径必须是完整的绝对路径。');
    return { ok: true, args: [{ paths }] };
  },
  openSamples: noArgs,
  dismissSamplesOffer: noArgs,
  listReports: noArgs,
  getReport: checkReportId,
  getReportFile: checkReportId,
  removeReport: checkReportId,
  decide(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['fingerprint', 'status', 'note']))
      return fail('参数无效：审查结论格式错误。');
    if (!isBoundedString(o.fingerprint, LIMITS.maxFingerprintLength))
      return fail('参数无效：缺少问题标识。');
    const { status } = o;
    if (!isReviewStatus(status)) return fail('参数无效：审查状态只能是待审查、已确认或已排除。');
    if (typeof o.note !== 'string' || o.note.length > LIMITS.maxNoteLength) {
      return fail(`参数无效：备注须为文字，且不超过 ${LIMITS.maxNoteLength} 字。`);
    }
    return {
      ok: true,
      args: [{ fingerprint: o.fingerprint, status, note: o.note }],
    };
  },
  listSeries: noArgs,
  compareYears(args) {
    const o = oneObject(args);
    if (o && hasOnlyKeys(o, ['agencyKey']) && isBoundedString(o.agencyKey, LIMITS.maxNameLength)) {
      return { ok: true, args: [{ agencyKey: o.agencyKey }] };
    }
    if (
      o &&
      hasOnlyKeys(o, ['reportIds']) &&
      Array.isArray(o.reportIds) &&
      o.reportIds.length === 2
    ) {
      const [a, b]: unknown[] = o.reportIds;
      if (
        isBoundedString(a, LIMITS.maxIdLength) &&
        isBoundedString(b, LIMITS.maxIdLength) &&
        a !== b
      ) {
        return { ok: true, args: [{ reportIds: [a, b] }] };
      }
    }
    return fail('参数无效：需要单位，或两份不同的报告。');
  },
  exportWorkbook: noArgs,
  exportLetters(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['oneFile', 'includePending']) ||
      typeof o.oneFile !== 'boolean' ||
      typeof o.includePending !== 'boolean'
    ) {
      return fail('参数无效：导出审查意见的选项格式错误。');
    }
    return { ok: true, args: [{ oneFile: o.oneFile, includePending: o.includePending }] };
  },
  exportBriefing(args) {
    const o = oneObject(args);
    if (!o || !hasOnlyKeys(o, ['includePending']) || typeof o.includePending !== 'boolean')
      return fail('参数无效：导出通报的选项格式错误。');
    return { ok: true, args: [{ includePending: o.includePending }] };
  },
  getDocumentSettings: noArgs,
  setDocumentSettings(args) {
    if (args.length !== 1) return fail('设置格式无效。');
    const read = readDocumentSettings(args[0]);
    return typeof read === 'string' ? fail(read) : { ok: true, args: [read] };
  },
  listIndicators: noArgs,
  getSettings: noArgs,
  setSettings(args) {
    if (args.length !== 1) return fail('设置格式无效。');
    return validateSettings(args[0]);
  },
  catalogue: noArgs,
  getCoverage: noArgs,
  importRoster: noArgs,
  setRoster(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['units']) ||
      !Array.isArray(o.units) ||
      o.units.length > LIMITS.maxRosterUnits
    )
      return fail('参数无效：单位名单格式错误。');
    const units = o.units.filter(validUnit);
    if (units.length !== o.units.length)
      return fail('参数无效：单位名单中有格式错误的单位（名称不能为空）。');
    return { ok: true, args: [{ units: units.map((u) => ({ ...u, aliases: [...u.aliases] })) }] };
  },
  chooseVersion(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['submissionKey', 'reportId']) ||
      !isBoundedString(o.submissionKey, LIMITS.maxNameLength) ||
      !isBoundedString(o.reportId, LIMITS.maxIdLength)
    ) {
      return fail('参数无效：需要报送记录和所选版本。');
    }
    return { ok: true, args: [{ submissionKey: o.submissionKey, reportId: o.reportId }] };
  },
  addAlias(args) {
    const o = oneObject(args);
    if (
      !o ||
      !hasOnlyKeys(o, ['alias', 'unitName']) ||
      !isBoundedString(o.alias, LIMITS.maxNameLength) ||
      !isBoundedString(o.unitName, LIMITS.maxNameLength)
    ) {
      return fail('参数无效：需要报告中的名称和名单中的单位。');
    }
    return { ok: true, args: [{ alias: o.alias, unitName: o.unitName }] };
  },
  newWorkspace: noArgs,
  openWorkspace: noArgs,
  saveWorkspace: noArgs,
  saveWorkspaceAs: noArgs,
};

/** The answer to a call of a method the contract does not have. */
export function unknownMethodMessage(name: unknown): string {
  return `未知操作：${String(name).slice(0, 60)}`;
}

/** Validates the (untrusted) arguments of a known method: its typed arguments, or a message. */
export function validateArgs<K extends MethodName>(
  name: K,
  args: unknown[],
): ArgsCheck<MethodArgs<K>> {
  const validator: Validators[K] = VALIDATORS[name];
  return validator(args);
}

/** Validates a call by (untrusted) name and arguments. */
export function validateCall(
  name: unknown,
  args: unknown,
): { ok: true; name: MethodName; args: unknown[] } | { ok: false; message: string } {
  if (!isMethodName(name)) return { ok: false, message: unknownMethodMessage(name) };
  if (!Array.isArray(args)) return { ok: false, message: '参数无效。' };
  const check: ArgsCheck<unknown[]> = validateArgs(name, args);
  if (!check.ok) return check;
  return { ok: true, name, args: check.args };
}
