import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'tools/**/*.test.ts',
      'eval/**/*.test.ts',
      'web/src/**/*.test.ts',
      'web/tools/**/*.test.ts',
    ],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/reporters/summary-line.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI: keep parallel files modest so Postgres and ffmpeg are not starved.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
