/**
 * `npm run route-index`: writes shared/route-table/index.generated.ts, the one place that imports
 * every function's declaration, from the folder listing itself, so adding a function is writing
 * its two files (shared/route-table/<fn>.ts and functions/<fn>.ts) and nothing else. TypeScript
 * needs the imports written out to keep each route's literal types (RouteKey, RouteByKey), so
 * they are generated rather than globbed at run time. git ignores the output; `postinstall`,
 * `typecheck`, `start`, `build`, the CDK app and the other entry points that read the table run
 * this first, and test/unit/function-table.test.ts fails while it is stale.
 *
 * It reads each file as text (importing the table here would need the file it writes).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROUTE_TABLE_DIR = fileURLToPath(new URL('../shared/route-table/', import.meta.url));
export const ROUTE_INDEX = 'index.generated.ts';
/** What the folder holds besides the declarations: the helpers they are written with, and the output. */
const NOT_DECLARATIONS = new Set(['spec.ts', ROUTE_INDEX]);

const MAKERS = ['httpFunction', 'scheduledFunction', 'streamFunction', 'queueFunction', 'authorizerFunction'];
const DECLARATION = new RegExp(`^export const (\\w+Function) = (?:${MAKERS.join('|')})\\(`, 'gm');

/** The declaration files, by function name: the order the routes are documented in (matching is by specificity). */
export function declarationFiles(dir = ROUTE_TABLE_DIR): string[] {
  const stem = (name: string) => name.replace(/\.ts$/, '');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !NOT_DECLARATIONS.has(name))
    .sort((a, b) => (stem(a) < stem(b) ? -1 : stem(a) > stem(b) ? 1 : 0));
}

/** The one `*Function` a declaration file exports; anything else is a mistake named here, not a silent omission. */
export function exportedFunction(file: string, text: string): string {
  const found = [...text.matchAll(DECLARATION)].map((m) => m[1]!);
  if (found.length !== 1) {
    throw new Error(
      `shared/route-table/${file} must export exactly one \`export const <name>Function = ${MAKERS.join('|')}(...)\`; found ${found.length}`,
    );
  }
  return found[0]!;
}

export function routeIndexSource(dir = ROUTE_TABLE_DIR): string {
  const entries = declarationFiles(dir).map((file) => ({
    module: `./${file.replace(/\.ts$/, '')}`,
    name: exportedFunction(file, readFileSync(join(dir, file), 'utf8')),
  }));
  return `// Written by \`npm run route-index\` (infra/route-index.ts) from the files beside it: do not edit; git ignores it.
${entries.map(({ module, name }) => `import { ${name} } from '${module}';`).join('\n')}

/** Every function's declaration in this folder, by file name (shared/routes.ts splits them by kind). */
export const declaredFunctions = [
${entries.map(({ name }) => `  ${name},`).join('\n')}
] as const;
`;
}

export function writeRouteIndex(dir = ROUTE_TABLE_DIR): void {
  const path = join(dir, ROUTE_INDEX);
  const source = routeIndexSource(dir);
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  // Unchanged, it is left alone, so a watcher (tsc --watch, cdk watch) does not see a change.
  if (current !== source) writeFileSync(path, source);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeRouteIndex();
