/**
 * The esbuild options for every Lambda bundle, in one place: `npm run build` (and the
 * benchmarks) and the CDK app's NodejsFunction both read them, so what we measure is what
 * we deploy.
 */
export const LAMBDA_TARGET = 'node24';

export const BUNDLE = {
  minify: true,
  sourcemap: true,
  // Stack traces need only the mappings: every function runs with --enable-source-maps, which
  // reads and parses the whole .map while the module loads, and the sources' text was two thirds
  // of it (issue 31: RESULTS.md section 9).
  sourcesContent: false,
  format: 'esm' as const,
  platform: 'node' as const,
  target: LAMBDA_TARGET,
  // The SDK's ESM build tree-shakes about 200 KB better than its CommonJS main.
  mainFields: ['module', 'main'],
  // ESM bundles of the SDK still call require() for node: built-ins.
  banner: "import { createRequire as __omiCreateRequire } from 'node:module'; const require = __omiCreateRequire(import.meta.url);",
  // Bundle the SDK too: the version we test is the version that runs.
  external: [] as string[],
};
