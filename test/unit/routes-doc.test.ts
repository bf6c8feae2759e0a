/** docs/routes.md is the route table's own list: it fails here while it is stale (run `npm run routes-doc`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES_DOC, routesMarkdown } from '#infra/routes-doc';
import { deployedRoutes } from '#shared/routes';

describe('docs/routes.md', () => {
  it('is what the route table writes', () => {
    expect(readFileSync(ROUTES_DOC, 'utf8')).toBe(routesMarkdown());
  });

  it('lists every deployed route once', () => {
    const text = routesMarkdown();
    for (const route of deployedRoutes())
      expect(text.split(`| ${route.method} | \`${route.path}\` |`).length - 1, `${route.method} ${route.path}`).toBe(1);
  });
});
