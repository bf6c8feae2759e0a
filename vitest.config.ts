import { defineConfig } from 'vitest/config';

/**
 * Four projects, so a part can run alone: `npx vitest --project unit` needs no Java and runs in
 * seconds. The projects that need the local server share one (and one DynamoDB Local) per run:
 * see test/global-setup.ts.
 */
const needsServer = { globalSetup: ['test/global-setup.ts'] };

export default defineConfig({
  test: {
    pool: 'forks',
    // Two cores: the server and DynamoDB Local need one of them.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          ...needsServer,
        },
      },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], ...needsServer } },
    ],
  },
});
