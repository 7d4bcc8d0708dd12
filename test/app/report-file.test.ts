/**
 * getReportFile: the PDF page view's only way to a file's bytes. It serves an imported report's
 * own file, only while it is unchanged since the audit, and nothing else.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeMethod } from '../../src/core/app';
import { defaultSpec, specToPdf } from '../fixtures';
import { startService, tempDir } from './harness';

describe('getReportFile', () => {
  it('returns an imported PDF byte for byte, refuses a changed file, an unknown id and a path', async () => {
    const { service } = await startService({ samplesDir: null });
    const dir = tempDir();
    const file = join(dir, '某某局2023年政府信息公开工作年度报告.pdf');
    const bytes = await specToPdf(defaultSpec({ agency: '某某局' }));
    writeFileSync(file, bytes);
    await service.importPaths({ paths: [file] });
    const [summary] = await service.listReports();
    expect(summary?.format).toBe('pdf');
    const id = summary?.id as string;

    const got = await service.getReportFile({ id });
    expect(got.format).toBe('pdf');
    expect(got.fileName).toBe('某某局2023年政府信息公开工作年度报告.pdf');
    expect(Buffer.from(got.base64, 'base64').equals(bytes)).toBe(true);

    // Through the validated IPC entry point: only a report id, never a path.
    const byPath = (await invokeMethod(service, 'getReportFile', [
      { id, path: '/etc/passwd' },
    ])) as { ok: boolean };
    expect(byPath.ok).toBe(false);
    const unknown = (await invokeMethod(service, 'getReportFile', [{ id: 'nope' }])) as {
      ok: boolean;
      message?: string;
    };
    expect(unknown).toMatchObject({ ok: false, message: expect.stringMatching(/找不到/) });

    // The file changed after the audit: its pages would not match the findings.
    writeFileSync(file, Buffer.concat([bytes, Buffer.from('\n% appended\n')]));
    const changed = (await invokeMethod(service, 'getReportFile', [{ id }])) as {
      ok: boolean;
      message?: string;
    };
    expect(changed).toMatchObject({ ok: false, message: expect.stringMatching(/已被修改/) });
    await service.shutdown();
  });
});
