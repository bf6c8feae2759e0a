/**
 * GET /openapi.json through Redocly's own linter (@redocly/cli, the "recommended" rules plus the
 * ones in redocly.yaml): no error and no warning. test/unit/openapi.test.ts checks the same
 * promises by hand; this is the independent oracle. A second test feeds the linter a document
 * with known faults, so a linter that stopped reading the document (or the config) cannot pass
 * in silence.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#http/openapi';

const CONFIG = fileURLToPath(new URL('../../redocly.yaml', import.meta.url));
const CLI = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/** Every problem Redocly finds in `doc`, as `severity ruleId at pointer: message`. */
function lint(doc: unknown): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 1));
    const run = spawnSync(process.execPath, [CLI, 'lint', '--config', CONFIG, '--format=json', file], {
      encoding: 'utf8',
      // The linter asks nothing of the network: no telemetry, no update check.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    if (!run.stdout.trim().startsWith('{')) throw new Error(`redocly lint gave no report (exit ${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { problems: Problem[] };
    return report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the OpenAPI document, through Redocly lint', () => {
  it('has no error and no warning under the recommended rules and redocly.yaml', () => {
    expect(lint(openApiDocument())).toEqual([]);
  });

  it('is read by a live linter: planted faults are found', () => {
    const doc = structuredClone(openApiDocument()) as {
      paths: Record<string, unknown>;
      servers?: unknown;
      components: { schemas: Record<string, unknown> };
    };
    // API Gateway's greedy parameter, as the route table writes it, is not OpenAPI's syntax.
    doc.paths['/assets/{path+}'] = {
      get: {
        summary: 'A static file',
        description: 'A static file',
        tags: ['service'],
        operationId: 'getAssetsPlanted',
        parameters: [{ name: 'path', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Success' }, '404': { description: 'Problem' } },
      },
    };
    delete doc.servers;
    doc.components.schemas.Planted = { type: 'object', required: ['missing'], properties: {} };
    const rules = new Set(lint(doc).map((line) => line.split(' ')[1]));
    expect(rules).toContain('path-parameters-defined');
    expect(rules).toContain('no-empty-servers');
    expect(rules).toContain('no-required-schema-properties-undefined');
  });
});
