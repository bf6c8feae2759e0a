/**
 * `npm run routes-doc`: writes docs/routes.md, every route of the deployed table (method, path,
 * who may use it, what it answers) from shared/routes.ts itself, so the list a newcomer reads
 * cannot drift from the code. test/unit/routes-doc.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inJsonApi } from '#http/openapi';
import { deployedRoutes, type RouteSpec } from '#shared/routes';

export const ROUTES_DOC = fileURLToPath(new URL('../docs/routes.md', import.meta.url));

const who = (route: RouteSpec) =>
  route.access === 'public'
    ? 'anyone'
    : route.access === 'token'
      ? 'the link holder'
      : route.access.length === 3
        ? 'signed in'
        : route.access.join(', ');

const kind = (route: RouteSpec) =>
  inJsonApi(route)
    ? route.response?.contentType === 'text/csv' || route.body?.kind === 'csv'
      ? 'CSV'
      : 'JSON'
    : route.auth === 'session'
      ? 'page (workbench)'
      : route.response?.contentType === 'text/css'
        ? 'stylesheet'
        : 'page';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function routesMarkdown(): string {
  const rows = deployedRoutes()
    .map((r) => `| ${r.method} | \`${r.path}\` | ${who(r)} | ${kind(r)} | \`${r.fn}\` | ${cell(r.summary)} |`)
    .join('\n');
  return `# Routes

Written by \`npm run routes-doc\` from the route table (\`shared/routes.ts\`); do not edit by hand.
The JSON routes are also described, with their schemas, at \`GET /openapi.json\`; the pages are
HTML for people and are listed only here. "Signed in" is any of admin, inspector and staff; JSON
routes take a bearer token, workbench pages the session cookie. The public contract is
[contract.md](contract.md).

| method | path | who | answers | function | what it does |
| --- | --- | --- | --- | --- | --- |
${rows}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(ROUTES_DOC, routesMarkdown());
