import { defineConfig } from 'vitest/config';

/**
 * The pure unit tests alone: no global setup, so no local server or DynamoDB Local. Mutation
 * testing (stryker.config.json) runs these for shared/scoring, summaries, questionnaires and
 * cases, where a server would only cost time.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 30_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
