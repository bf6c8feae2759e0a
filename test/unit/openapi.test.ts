/**
 * The OpenAPI document against the rules of Redocly's "recommended" set that a generated
 * document can break, checked by hand so a failure names the route (openapi-lint.test.ts runs
 * Redocly's own linter on the same document): servers, path parameters
 * in OpenAPI's syntax and declared, every required property defined, a summary, description,
 * tag and unique operationId on every operation, 2xx and 4xx responses; and it describes the
 * JSON API only, every JSON route of the table and no page.
 */
import { describe, expect, it } from 'vitest';
import { inJsonApi, openApiDocument, openApiPath } from '#http/openapi';
import { deployedRoutes } from '#shared/routes';

const doc = openApiDocument() as unknown as {
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  info: { license?: unknown };
  paths: Record<
    string,
    Record<
      string,
      {
        summary: string;
        description: string;
        tags: string[];
        operationId: string;
        parameters?: { name: string; in: string }[];
        responses: Record<string, unknown>;
      }
    >
  >;
};
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

/** Every `required` that names a property the same schema does not define, with where it is. */
function undefinedRequired(node: unknown, where: string, out: string[] = []): string[] {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const item of node) undefinedRequired(item, where, out);
    return out;
  }
  const schema = node as Record<string, unknown>;
  if (Array.isArray(schema.required) && (schema.type === 'object' || schema.properties || schema.additionalProperties)) {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    for (const key of schema.required as string[]) if (!(key in properties)) out.push(`${where}: ${key}`);
  }
  for (const value of Object.values(schema)) undefinedRequired(value, where, out);
  return out;
}

describe('the OpenAPI document', () => {
  it('names its servers and has a license', () => {
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.info.license).toBeDefined();
  });

  it('writes path parameters as OpenAPI does, each declared', () => {
    for (const { path, method, op } of operations) {
      const names = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
      for (const name of names) expect(name, `${method} ${path}`).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(
        (op.parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort(),
        `${method} ${path}`,
      ).toEqual(names.sort());
      expect(path, 'no trailing slash').toMatch(/^\/$|[^/]$/);
    }
  });

  it('defines every required property', () => {
    expect(operations.flatMap(({ path, method, op }) => undefinedRequired(op, `${method} ${path}`))).toEqual([]);
  });

  it('gives every operation a summary, a description, a described tag and a unique operationId, and its 2xx and 4xx answers', () => {
    const tags = new Set(doc.tags.map((t) => t.name));
    const ids = new Set<string>();
    for (const { path, method, op } of operations) {
      const at = `${method} ${path}`;
      expect(op.summary.length, at).toBeGreaterThan(0);
      expect(op.description.length, at).toBeGreaterThan(0);
      expect(op.tags.length, at).toBeGreaterThan(0);
      for (const tag of op.tags) expect(tags.has(tag), `${at}: tag ${tag}`).toBe(true);
      expect(ids.has(op.operationId), `${at}: operationId ${op.operationId} twice`).toBe(false);
      ids.add(op.operationId);
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        at,
      ).toBe(true);
      expect(
        statuses.some((s) => s.startsWith('4')),
        at,
      ).toBe(true);
    }
    for (const tag of doc.tags) expect(tag.description, tag.name).not.toBe(tag.name);
  });

  it('describes every JSON route of the table, and no HTML page, form post or stylesheet', () => {
    const routes = deployedRoutes();
    for (const route of routes.filter(inJsonApi))
      expect(doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    const pages = routes.filter((r) => !inJsonApi(r));
    expect(pages.some((r) => r.auth === 'session')).toBe(true);
    for (const route of pages) {
      const described = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(described, `${route.method} ${route.path}`).toBeUndefined();
    }
    for (const { op } of operations) expect(JSON.stringify(op.responses)).not.toContain('text/html');
  });
});
