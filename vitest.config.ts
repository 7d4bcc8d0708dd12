import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // 2-core machines: keep parallelism modest so browser tests are not starved.
    maxWorkers: 2,
    reporters: ['default', './test/support/count-reporter.ts'],
  },
});
