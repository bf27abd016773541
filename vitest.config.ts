import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Many tests run the built CLI as a process (npx, kubectl, cfn-lint, interrupted runs): on a
    // loaded 2-core CI machine a few of them take over 30 s. A test that would hang has its own limit.
    testTimeout: 120000,
    hookTimeout: 120000,
    pool: 'threads',
    // One temporary folder per run, removed at its end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
  },
});
