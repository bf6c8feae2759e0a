/**
 * `npm run faults`: the planted-fault round (issue 32). Each fault is a realistic mistake in
 * this turn's code, planted alone: the file is changed, the tests that should notice are run,
 * and the file is put back whatever happens. A fault is caught when those tests fail. The
 * results go to bench/FAULTS.md; `npm run faults -- <id> ...` runs some of them only.
 *
 * The list names the tests to run for speed, not to help them: each fault's tests are the
 * suites a developer would run after touching that file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface Fault {
  id: string;
  /** The mistake, as someone might make it. */
  what: string;
  file: string;
  find: string;
  replace: string;
  tests: string[];
}

export const FAULTS: Fault[] = [
  {
    id: 'second-marking-not-blind',
    what: 'The second marker is shown the first marking (answers defaulted from the case)',
    file: 'shared/domain/evidence-progress.ts',
    find: 'answers: second?.answers ?? {},',
    replace: 'answers: second?.answers ?? first.current.answers,',
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'first-marker-may-second-mark',
    what: 'The form is offered to the person who marked the case first',
    file: 'shared/domain/evidence-progress.ts',
    find: 'markedFirstByViewer: first.current.updatedBy === viewer.sub,',
    replace: 'markedFirstByViewer: false,',
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'interview-values-unchecked',
    what: "The interview use case trusts the answers' values (only the JSON schema checked them)",
    file: 'shared/domain/evidence.ts',
    find: 'if (!JUDGEMENTS.includes(answer)) return',
    replace: 'if (JUDGEMENTS.length === 0) return',
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'moderation-without-note',
    what: "A moderator's decision is accepted without a note",
    file: 'shared/domain/moderation-decisions.ts',
    find: "if (!note) problems.push(",
    replace: "if (note === '\\u0000') problems.push(",
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'moderation-ignores-version',
    what: "The agreed judgement overwrites a case saved since the moderator's page was opened",
    file: 'shared/domain/moderation-decisions.ts',
    find: '{ expectedVersion: input.version }',
    replace: '{}',
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'closed-evidence-writable',
    what: "A closed inspection's caseload form is still offered",
    file: 'shared/web/evidence-pages.ts',
    find: 'const readOnly = closed || !has(session, \'inspector\', \'admin\');',
    replace: "const readOnly = !has(session, 'inspector', 'admin');",
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'task-cannot-start-linked',
    what: 'A task that cannot start yet still links to its page',
    file: 'shared/web/task-list.ts',
    find: "const linked = task.page && task.status !== 'cannot-start' && canOpen(task.page);",
    replace: 'const linked = task.page && canOpen(task.page);',
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'task-moderation-complete-early',
    what: 'Moderation counts as complete while flagged cases are undecided',
    file: 'shared/domain/tasks.ts',
    find: 'decided >= flagged ?',
    replace: 'decided >= 0 ?',
    tests: ['test/unit/tasks.test.ts'],
  },
  {
    id: 'date-input-month-ignored',
    what: "A date with no month is taken as complete (the day and year alone)",
    file: 'functions/workbench.ts',
    find: "const missing = DATE_PARTS.filter((_, i) => ![day, month, year][i]);",
    replace: "const missing = DATE_PARTS.filter((p, i) => p !== 'month' && ![day, month, year][i]);",
    tests: ['test/integration/workbench.test.ts'],
  },
  {
    id: 'openapi-required-undefined',
    what: "The OpenAPI document keeps zod's enum-keyed records, whose required properties are not defined",
    file: 'shared/http/openapi.ts',
    find: '  defineRequired(out);',
    replace: '',
    tests: ['test/unit/openapi.test.ts'],
  },
  {
    id: 'openapi-lists-pages',
    what: 'The JSON API document lists the HTML pages',
    file: 'shared/http/openapi.ts',
    find: "route.auth !== 'session' &&",
    replace: '',
    tests: ['test/unit/openapi.test.ts'],
  },
  {
    id: 'links-outside-repo',
    what: 'The link check lets a link out of the repository through',
    file: 'test/unit/links.test.ts',
    find: "const inside = !relative(root, destination).startsWith('..');",
    replace: 'const inside = true;',
    tests: ['test/unit/links.test.ts'],
  },
];

function plant(fault: Fault): { caught: boolean; seconds: number; note?: string } {
  const path = join(root, fault.file);
  const original = readFileSync(path, 'utf8');
  const count = original.split(fault.find).length - 1;
  if (count !== 1) return { caught: false, seconds: 0, note: `the text to change occurs ${count} times: the list is stale` };
  const started = Date.now();
  try {
    writeFileSync(path, original.replace(fault.find, fault.replace));
    const run = spawnSync('npx', ['vitest', 'run', ...fault.tests], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' } });
    // Caught means a test failed on it: a suite that would not even load (a typo in the plant) proves nothing.
    const failed = /Tests\s+(\d+) failed/.exec(run.stdout);
    if (run.status !== 0 && !failed) return { caught: false, seconds: (Date.now() - started) / 1000, note: 'the tests did not run: the plant broke the suite' };
    return { caught: failed !== null && Number(failed[1]) > 0, seconds: (Date.now() - started) / 1000 };
  } finally {
    writeFileSync(path, original);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  const chosen = only.length ? FAULTS.filter((f) => only.includes(f.id)) : FAULTS;
  const rows: string[] = [];
  for (const fault of chosen) {
    const result = plant(fault);
    const line = `| ${fault.id} | ${fault.what} | \`${fault.file}\` | ${result.caught ? 'caught' : '**missed**'}${result.note ? ` (${result.note})` : ''} | ${result.seconds.toFixed(0)} s |`;
    console.log(line);
    rows.push(line);
  }
  const caught = rows.filter((r) => r.includes('| caught')).length;
  const text = `# Planted faults\n\nWritten by \`npm run faults\` on ${new Date().toISOString().slice(0, 10)}: each fault planted alone, its tests run, the file put back.\n\n${caught} of ${rows.length} caught.\n\n| fault | the mistake | file | result | time |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
  if (!only.length) writeFileSync(join(root, 'bench/FAULTS.md'), text);
  console.log(`${caught} of ${rows.length} caught`);
  process.exitCode = caught === rows.length ? 0 : 1;
}
