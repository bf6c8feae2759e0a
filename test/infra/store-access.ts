/**
 * What each Lambda can actually do to the table, read from the code rather than declared:
 *
 * 1. Each function in shared/store/*.ts is read for the SDK commands it constructs (and, for
 *    a transaction, the item operations inside it) and for `IndexName`, then closed over the
 *    other store functions it calls (queryPages, writeAll, module helpers).
 * 2. Each Lambda is bundled by esbuild unminified, so tree-shaking drops every store function
 *    its handler cannot reach; the store functions left in the bundle (esbuild marks each
 *    module's section with a `// shared/store/x.ts` comment) are the ones it can call.
 *
 * The union is what the function's IAM policy must allow, no more and no less.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { DynamoAction } from '#shared/routes';

const COMMAND_ACTIONS: Record<string, DynamoAction | 'Scan'> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactWriteCommand: 'TransactWriteItems',
};
/** IAM checks each item of a TransactWriteItems against its own action too. */
const TRANSACT_ITEMS: Record<string, DynamoAction> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

export interface Reach {
  actions: Set<string>;
  index: boolean;
}

interface StoreFn {
  module: string;
  name: string;
  direct: Reach;
  calls: string[];
}

/** `module:name` -> what the store function does directly and whom it calls. */
export function storeFunctions(root: string): Map<string, StoreFn> {
  const dir = join(root, 'shared/store');
  const found = new Map<string, StoreFn>();
  const perModule = new Map<string, { locals: Set<string>; imports: Map<string, string>; bodies: Map<string, string> }>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const module = file.replace(/\.ts$/, '');
    const text = readFileSync(join(dir, file), 'utf8');
    const imports = new Map<string, string>();
    for (const [, names, from] of text.matchAll(/^import\s+(?:type\s+)?\{([^}]+)\}\s+from\s+'\.\/([\w-]+)';/gm)) {
      for (const binding of names!
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)) {
        const [imported, local = imported] = binding.replace(/^type\s+/, '').split(/\s+as\s+/);
        imports.set(local!, `${from}:${imported}`);
      }
    }
    // A top-level function runs from its declaration to the next top-level line (the house
    // style: declarations start at column 0, bodies are indented, closing braces at column 0).
    const bodies = new Map<string, string>();
    const lines = text.split('\n');
    const declaration = /^(?:export\s+)?(?:async\s+)?(?:function\*?\s+(\w+)|const\s+(\w+)\s*=\s*(?:async\s*)?\()/;
    for (let i = 0; i < lines.length; i++) {
      const match = declaration.exec(lines[i]!);
      if (!match) continue;
      let j = i + 1;
      while ((j < lines.length && !/^\S/.test(lines[j]!)) || (j < lines.length && /^[})]/.test(lines[j]!))) j++;
      bodies.set((match[1] ?? match[2])!, lines.slice(i, j).join('\n'));
      i = j - 1;
    }
    perModule.set(module, { locals: new Set(bodies.keys()), imports, bodies });
  }
  for (const [module, { locals, imports, bodies }] of perModule) {
    for (const [name, body] of bodies) {
      const actions = new Set<string>();
      for (const [, command] of body.matchAll(/new\s+(\w+Command)\s*\(/g)) {
        const action = COMMAND_ACTIONS[command!];
        if (!action) throw new Error(`shared/store/${module}.ts ${name}: unknown command ${command}; add it to COMMAND_ACTIONS`);
        actions.add(action);
        if (command === 'TransactWriteCommand') {
          for (const [item, itemAction] of Object.entries(TRANSACT_ITEMS)) if (new RegExp(`\\b${item}\\s*:`).test(body)) actions.add(itemAction);
        }
      }
      // A transaction's items may be built apart from the command that sends them (fence.ts: the
      // check, and each fenced write's own Put, Update or Delete): an item literal counts where it is built.
      if (!actions.has('TransactWriteItems')) {
        for (const [item, itemAction] of Object.entries(TRANSACT_ITEMS)) if (new RegExp(`\\b${item}\\s*:\\s*\\{`).test(body)) actions.add(itemAction);
      }
      const calls: string[] = [];
      for (const [, callee] of body.matchAll(/\b(\w+)\s*\(/g)) {
        if (locals.has(callee!) && callee !== name) calls.push(`${module}:${callee}`);
        else if (imports.has(callee!)) calls.push(imports.get(callee!)!);
      }
      found.set(`${module}:${name}`, { module, name, direct: { actions, index: /\bIndexName\s*:/.test(body) }, calls });
    }
  }
  return found;
}

function closure(fns: Map<string, StoreFn>, id: string, seen = new Set<string>()): Reach {
  const fn = fns.get(id);
  const reach: Reach = { actions: new Set(fn?.direct.actions), index: fn?.direct.index ?? false };
  if (!fn || seen.has(id)) return reach;
  seen.add(id);
  for (const callee of fn.calls) {
    const sub = closure(fns, callee, seen);
    for (const a of sub.actions) reach.actions.add(a);
    reach.index ||= sub.index;
  }
  return reach;
}

/** The store functions left in `entry`'s tree-shaken bundle, as `module:name`. */
export async function reachableStoreFunctions(root: string, entry: string, fns: Map<string, StoreFn>): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: false,
    treeShaking: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    // The SDK is irrelevant here and slow to bundle: only our own modules matter.
    external: ['@aws-sdk/*', '@smithy/*'],
  });
  const code = result.outputFiles[0]!.text;
  const reached: string[] = [];
  // esbuild prefixes each module's code with a `// path` comment.
  const sections = code.split(/^\/\/ (\S+\.ts)$/m);
  for (let i = 1; i < sections.length; i += 2) {
    const match = /^shared\/store\/([\w-]+)\.ts$/.exec(sections[i]!);
    if (!match) continue;
    const body = sections[i + 1]!;
    for (const fn of fns.values()) {
      if (fn.module !== match[1]) continue;
      // esbuild may suffix a name that collides with another module's (`getCase2`).
      if (new RegExp(`(?:function\\*?\\s+|(?:var|let|const)\\s+)${fn.name}\\d*\\s*[(=]`).test(body)) reached.push(`${fn.module}:${fn.name}`);
    }
  }
  return reached;
}

/** The table access `entry` can exercise: its reachable store functions, closed over their calls. */
export async function derivedAccess(root: string, entry: string, fns = storeFunctions(root)): Promise<Reach & { via: Record<string, string[]> }> {
  const reach: Reach = { actions: new Set(), index: false };
  const via: Record<string, string[]> = {};
  for (const id of await reachableStoreFunctions(root, entry, fns)) {
    const sub = closure(fns, id);
    for (const a of sub.actions) (via[a] ??= []).push(id), reach.actions.add(a);
    if (sub.index) (via.index ??= []).push(id);
    reach.index ||= sub.index;
  }
  return { ...reach, via };
}
