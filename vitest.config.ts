import { defineConfig } from 'vitest/config';

// Four kinds of tests, each its own project: pure logic (unit), the built site (site), a real PocketBase per
// file (integration), and a real Chromium through the built site (journey).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      // Checks on the built site in dist/ (budgets, generated pages); `npm test` builds first.
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file has its own PocketBase on a free port and a temp data dir, so two run at once:
          // much of a file's time is waiting on PocketBase, not the CPU.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'journey',
          include: ['tests/journey/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Chromium is heavy on a 2-core machine: one journey file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
