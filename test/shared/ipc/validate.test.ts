/**
 * The shared IPC contract's validation (src/shared/ipc/validate.ts): every method has a validator;
 * validators accept well-formed arguments and reject everything else.
 */
import { describe, expect, it } from 'vitest';
import {
  IPC_METHODS,
  LIMITS,
  VALIDATORS,
  isAbsolutePath,
  isMethodName,
  validateCall,
} from '../../../src/shared/ipc';
import type { MethodName } from '../../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../../src/core/rules/types';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../../src/core/export/documents/settings';

const GOOD: Record<MethodName, unknown[]> = {
  getState: [],
  importFiles: [{ kind: 'folder' }],
  importPaths: [{ paths: ['C:\\报告\\2023.docx', '/home/u/a.txt', '\\\\server\\share\\b.xlsx'] }],
  openSamples: [],
  dismissSamplesOffer: [],
  listReports: [],
  getReport: [{ id: 'r1' }],
  getReportFile: [{ id: 'r1' }],
  removeReport: [{ id: 'r1' }],
  decide: [
    {
      fingerprint: 'applications/balance#某局#2023#applications|applications|newReceived|total|',
      status: 'confirmed',
      note: '已核实',
    },
  ],
  listSeries: [],
  compareYears: [{ agencyKey: '某局' }],
  exportWorkbook: [],
  exportLetters: [{ oneFile: false, includePending: true }],
  exportBriefing: [{ includePending: false }],
  getDocumentSettings: [],
  setDocumentSettings: [{ ...DEFAULT_DOCUMENT_SETTINGS, deadline: '2025-04-30' }],
  listIndicators: [],
  getSettings: [],
  setSettings: [structuredClone(DEFAULT_SETTINGS)],
  catalogue: [],
  getCoverage: [],
  importRoster: [],
  setRoster: [
    {
      units: [
        { id: 'u1', name: '洪泽区教育局', kind: 'department', parent: null, aliases: ['区教育局'] },
      ],
    },
  ],
  chooseVersion: [{ submissionKey: '洪泽区教育局#2023', reportId: 'r1' }],
  addAlias: [{ alias: '洪泽区人民政府', unitName: '淮安市洪泽区人民政府' }],
  newWorkspace: [],
  openWorkspace: [],
  saveWorkspace: [],
  saveWorkspaceAs: [],
};

describe('IPC contract', () => {
  it('lists every method once, each with a validator', () => {
    expect(new Set(IPC_METHODS).size).toBe(IPC_METHODS.length);
    expect([...IPC_METHODS].sort()).toEqual(Object.keys(VALIDATORS).sort());
    expect([...IPC_METHODS].sort()).toEqual(Object.keys(GOOD).sort());
  });

  it('accepts well-formed arguments for every method', () => {
    for (const name of IPC_METHODS) {
      const res = validateCall(name, GOOD[name]);
      expect(res, name).toMatchObject({ ok: true, name });
    }
    expect(validateCall('compareYears', [{ reportIds: ['r1', 'r2'] }]).ok).toBe(true);
    expect(validateCall('importFiles', [{ kind: 'files' }]).ok).toBe(true);
  });

  it('rejects malformed letters/briefing options and document settings', () => {
    expect(validateCall('exportLetters', [{ oneFile: 'yes', includePending: false }]).ok).toBe(
      false,
    );
    expect(validateCall('exportLetters', [{ oneFile: true }]).ok).toBe(false);
    expect(
      validateCall('exportBriefing', [{ includePending: false, path: '/tmp/x.docx' }]).ok,
    ).toBe(false);
    expect(
      validateCall('setDocumentSettings', [{ ...DEFAULT_DOCUMENT_SETTINGS, office: '  ' }]),
    ).toMatchObject({ ok: false });
    expect(
      validateCall('setDocumentSettings', [
        { ...DEFAULT_DOCUMENT_SETTINGS, deadline: '2025-02-30' },
      ]),
    ).toMatchObject({ ok: false });
    expect(
      validateCall('setDocumentSettings', [{ ...DEFAULT_DOCUMENT_SETTINGS, extra: 1 }]),
    ).toMatchObject({ ok: false });
    expect(
      validateCall('setDocumentSettings', [
        { ...DEFAULT_DOCUMENT_SETTINGS, office: 'x'.repeat(2001) },
      ]),
    ).toMatchObject({ ok: false });
  });

  it('rejects unknown methods, including prototype names', () => {
    for (const name of [
      'deleteEverything',
      '__proto__',
      'constructor',
      'toString',
      '',
      42,
      null,
      undefined,
    ]) {
      expect(isMethodName(name)).toBe(false);
      expect(validateCall(name, [])).toMatchObject({
        ok: false,
        message: expect.stringContaining('未知操作'),
      });
    }
  });

  it('rejects arguments where none are taken — a renderer cannot smuggle a path into a dialog operation', () => {
    for (const name of [
      'exportWorkbook',
      'saveWorkspaceAs',
      'openWorkspace',
      'saveWorkspace',
      'openSamples',
      'newWorkspace',
    ] as const) {
      expect(validateCall(name, ['/etc/passwd']).ok, name).toBe(false);
      expect(validateCall(name, [{ path: 'C:\\x.xlsx' }]).ok, name).toBe(false);
    }
    expect(validateCall('getState', 'not an array').ok).toBe(false);
  });

  it('rejects malformed import arguments', () => {
    const bad: unknown[][] = [
      [],
      [{ kind: 'everything' }],
      [{ kind: 'files', paths: ['/x'] }],
      ['files'],
    ];
    for (const args of bad)
      expect(validateCall('importFiles', args).ok, JSON.stringify(args)).toBe(false);
    const badPaths: unknown[][] = [
      [{ paths: [] }],
      [{ paths: 'C:\\a.docx' }],
      [{ paths: ['relative/a.docx'] }],
      [{ paths: ['..\\..\\a.docx'] }],
      [{ paths: ['C:a.docx'] }],
      [{ paths: ['/ok.txt', 7] }],
      [{ paths: ['/a\u0000.txt'] }],
      [{ paths: ['/' + 'a'.repeat(LIMITS.maxPathLength)] }],
      [{ paths: Array.from({ length: LIMITS.maxPaths + 1 }, (_, i) => `/f${i}.txt`) }],
      [{ paths: ['/a.txt'], extra: true }],
      [{ paths: ['/a.txt'] }, { paths: ['/b.txt'] }],
    ];
    for (const args of badPaths)
      expect(validateCall('importPaths', args).ok, JSON.stringify(args).slice(0, 80)).toBe(false);
    expect(isAbsolutePath('D:/年报/a.docx')).toBe(true);
  });

  it('rejects malformed decisions', () => {
    const good = { fingerprint: 'a#b#2023#', status: 'dismissed', note: '' };
    expect(validateCall('decide', [good]).ok).toBe(true);
    const bad = [
      { ...good, status: 'approved' },
      { ...good, status: undefined },
      { ...good, fingerprint: '' },
      { ...good, fingerprint: 5 },
      { ...good, note: null },
      { ...good, note: 'x'.repeat(LIMITS.maxNoteLength + 1) },
      { ...good, extra: 1 },
      Object.assign(Object.create({ inherited: true }) as object, good),
    ];
    for (const args of bad)
      expect(validateCall('decide', [args]).ok, JSON.stringify(args).slice(0, 80)).toBe(false);
    // JSON with a __proto__ key arrives as an own property and is refused, not merged.
    expect(
      validateCall('decide', [
        JSON.parse('{"fingerprint":"a","status":"pending","note":"","__proto__":{"x":1}}'),
      ]).ok,
    ).toBe(false);
  });

  it('rejects malformed report ids and comparisons', () => {
    for (const args of [[], [{}], [{ id: '' }], [{ id: 1 }], [{ id: 'r1', x: 1 }], ['r1']]) {
      expect(validateCall('getReport', args).ok, JSON.stringify(args)).toBe(false);
    }
    for (const args of [
      [{ reportIds: ['r1'] }],
      [{ reportIds: ['r1', 'r1'] }],
      [{ reportIds: ['r1', 2] }],
      [{ agencyKey: '' }],
      [{ agencyKey: 'a', reportIds: ['r1', 'r2'] }],
    ]) {
      expect(validateCall('compareYears', args).ok, JSON.stringify(args)).toBe(false);
    }
  });

  it('rejects malformed settings, with a Chinese message', () => {
    const base = structuredClone(DEFAULT_SETTINGS);
    const bad: unknown[] = [
      null,
      { ...base, disabled: 'all' },
      { ...base, disabled: [1] },
      { ...base, severities: { 'a/b': 'fatal' } },
      { ...base, deadlines: { department: '1-31', government: '03-31' } },
      { ...base, deadlines: { department: '13-01', government: '03-31' } },
      { ...base, deadlines: { department: '02-30', government: '03-31' } },
      { ...base, deadlines: { department: '01-31' } },
      { ...base, aliases: { 某局: 3 } },
      { ...base, aliases: [] },
      { ...base, unknown: true },
    ];
    for (const s of bad) {
      const res = validateCall('setSettings', [s]);
      expect(res.ok, JSON.stringify(s)).toBe(false);
      if (!res.ok) expect(res.message).toMatch(/设置/);
    }
    const res = validateCall('setSettings', [
      { ...base, severities: { 'a/b': 'info' }, aliases: { 某某局: '某局' }, disabled: ['x/y'] },
    ]);
    expect(res).toMatchObject({
      ok: true,
      args: [{ severities: { 'a/b': 'info' }, aliases: { 某某局: '某局' } }],
    });
  });

  it('returns copies, so later mutation by the caller cannot change validated arguments', () => {
    const paths = ['/a.txt'];
    const res = VALIDATORS.importPaths([{ paths }]);
    paths.push('/etc/shadow');
    expect(res.ok && res.args[0].paths).toEqual(['/a.txt']);
  });
});
