/** The shipped sample reports (resources/samples) open in the app as offered on first start. */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startService } from './harness';

const SAMPLES = resolve(__dirname, '../../resources/samples');

describe('shipped samples', () => {
  it('all open without failures, and the years of one agency can be compared', async () => {
    expect(existsSync(SAMPLES)).toBe(true);
    const files = readdirSync(SAMPLES).filter((n) => /\.(docx|xlsx|html?|txt|md)$/i.test(n));
    expect(files.length).toBeGreaterThan(0);
    const { service } = await startService({ samplesDir: SAMPLES });
    expect((await service.getState()).firstRun).toBe(true);
    const res = await service.openSamples();
    expect(res.failures).toEqual([]);
    expect(res.added).toHaveLength(files.length);
    const reports = await service.listReports();
    expect(reports.every((r) => r.year !== null && r.agency !== null)).toBe(true);
    const series = await service.listSeries();
    expect(series.length).toBeGreaterThan(0);
    const cmp = await service.compareYears({ agencyKey: series[0]!.agencyKey });
    expect(cmp.later.model.year).toBe((cmp.earlier.model.year ?? 0) + 1);
    expect((await service.getState()).firstRun).toBe(false);
    await service.shutdown();
  });
});
