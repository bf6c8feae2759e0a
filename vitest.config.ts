import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One local server (and one DynamoDB Local) for the whole run; see test/global-setup.ts.
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Two cores: the server and DynamoDB Local need one of them.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
