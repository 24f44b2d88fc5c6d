// Two test projects: fast unit tests (node, fake-indexeddb where a db is needed) and
// end-to-end tests that drive Debian's Chromium against the real gateway serving the built app.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/e2e-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 150_000,
          // One browser at a time: the machine has two cores, and the gateway is shared.
          fileParallelism: false,
        },
      },
    ],
  },
});
