import { defineConfig } from 'vitest/config';

/**
 * Mutation testing of shared/store (npm run mutate:store): only the tests that call the store
 * in this process. The local server runs the store in a child process, where Stryker never
 * switches a mutant on, so the API tests would only cost time here.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/integration/store.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
