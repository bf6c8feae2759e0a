import { defineConfig } from 'vitest/config';

/**
 * Mutation testing through the HTTP API (npm run mutate:integration): the local server's
 * handlers run in the test worker (test/mutate/in-process-server.ts), not in a child process,
 * so Stryker's active mutant reaches them. DynamoDB Local is started once per Stryker test
 * runner. Which test files run is chosen per folder by bench/mutate.ts (OMI_MUTATE_TESTS, a
 * comma-separated list); `npm test` never reads this file.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/mutate/global-setup.ts'],
    setupFiles: ['test/mutate/in-process-server.ts'],
    include: (process.env.OMI_MUTATE_TESTS ?? 'test/integration/life-cycle.test.ts').split(','),
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', OMI_RATE_LIMIT_PER_MIN: '0', OMI_SEED_DEMO: '0' },
  },
});
