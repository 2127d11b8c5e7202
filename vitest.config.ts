// Test runner configuration: tests live beside the code (src/**/*.test.ts) and in tests/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    reporters: ['default', './tests/support/count-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['./tests/support/build.ts', './tests/support/postgres.ts'],
  },
});
