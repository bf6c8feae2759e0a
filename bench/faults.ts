/**
 * `npm run faults`: the planted-fault round (issue 32). Each fault is a realistic mistake in
 * this turn's code, planted alone: the file is changed, the tests that should notice are run,
 * and the file is put back whatever happens. A fault is caught when those tests fail. The
 * results go to bench/FAULTS.md; `npm run faults -- <id> ...` runs some of them only and
 * replaces their rows.
 *
 * The list names the tests to run for speed, not to help them: each fault's tests are the
 * suites a developer would run after touching that file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAULTS_HUNT } from './faults-hunt';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface Fault {
  id: string;
  /** The mistake, as someone might make it. */
  what: string;
  file: string;
  find: string;
  replace: string;
  tests: string[];
  /** The rule written after this fault first went through every test: kept so the round says which faults found a gap. */
  ruleAdded?: string;
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
    find: 'if (!note) problems.push(',
    replace: "if (note === '\\u0000') problems.push(",
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'moderation-ignores-version',
    what: "The agreed judgement overwrites a case saved since the moderator's page was opened",
    file: 'shared/domain/moderation-decisions.ts',
    find: 'expectedVersion: input.version,',
    replace: '',
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'closed-evidence-writable',
    what: "A closed inspection's caseload form is still offered",
    file: 'shared/web/workbench/area-page.ts',
    find: "const readOnly = closed || !has(session, 'inspector', 'admin');",
    replace: "const readOnly = !has(session, 'inspector', 'admin');",
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'task-cannot-start-linked',
    what: 'A task that cannot start yet still links to its page',
    file: 'shared/web/workbench/task-list.ts',
    find: "const linked = task.page && task.status !== 'cannot-start' && canOpen(task.page);",
    replace: 'const linked = task.page && canOpen(task.page);',
    tests: ['test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'task-moderation-complete-early',
    what: 'Moderation counts as complete while flagged cases are undecided',
    file: 'shared/domain/tasks.ts',
    find: ': decided >= flagged',
    replace: ': decided >= 0',
    tests: ['test/unit/tasks.test.ts'],
  },
  {
    id: 'date-input-month-ignored',
    what: 'A date with no month is taken as complete (the day and year alone)',
    file: 'shared/web/common/form-values.ts',
    find: 'const missing = DATE_PARTS.filter((_, i) => ![day, month, year][i]);',
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
  {
    id: 'figure-just-over-unbounded',
    what: '"Just over" a figure is read as plain "over": 90% is taken as just over half',
    file: 'shared/domain/figure-check.ts',
    find: 'return exact > claimed && exact <= claimed + 10;',
    replace: 'return exact > claimed;',
    tests: ['test/unit/figure-check.test.ts'],
  },
  {
    id: 'figure-count-total-ignored',
    what: '"31 of 48" agrees with any figure of 31 cases, whatever their total',
    file: 'shared/domain/figure-check.ts',
    find: 'return part.of === yes && part.total === whole;',
    replace: 'return part.of === yes;',
    tests: ['test/unit/figure-check.test.ts'],
  },
  {
    id: 'performance-not-available-no-note',
    what: 'A performance figure "not available" is taken without a note when it is the only one (an off-by-one on the count)',
    file: 'shared/cases/performance-csv.ts',
    find: "else if (notAvailable.length && note === '')",
    replace: "else if (notAvailable.length > 1 && note === '')",
    tests: ['test/unit/performance-csv.test.ts'],
  },
  {
    id: 'performance-reoffending-later-needs-predicted',
    what: 'The re-offending row whose data comes later is asked for a predicted rate (the rule forgets the row has no figures)',
    file: 'shared/cases/performance-csv.ts',
    find: "const reoffending = domain === 'reoffending' && withFigures;",
    replace: "const reoffending = domain === 'reoffending';",
    tests: ['test/unit/performance-csv.test.ts'],
  },
  {
    id: 'context-mappa-whole-refused',
    what: 'MAPPA levels adding up to exactly the whole caseload are refused (>= for >)',
    file: 'shared/cases/context.ts',
    find: 'if (mappa > 10_000)',
    replace: 'if (mappa >= 10_000)',
    tests: ['test/unit/appendix2-demo.test.ts'],
  },
  {
    id: 'job-finished-twice',
    what: 'A job is finished without checking it is still running, so a second delivery overwrites its outcome',
    file: 'shared/store/jobs.ts',
    find: "      ConditionExpression: '#status = :running',\n      ExpressionAttributeNames: { '#status': 'status', ...(outcome.status === 'done'",
    replace: "      ExpressionAttributeNames: { '#status': 'status', ...(outcome.status === 'done'",
    tests: ['test/integration/jobs-runner.test.ts'],
  },
  {
    id: 'dashboard-stale-figures',
    what: 'The dashboard shows the last computed figures even when an input has changed since',
    file: 'shared/domain/summary.ts',
    find: 'return marker ? recomputeTaking(inspection.inspectionId, marker) : currentSummary(inspection.inspectionId);',
    replace: 'return currentSummary(inspection.inspectionId);',
    tests: ['test/integration/workbench.test.ts'],
    ruleAdded: 'workbench.test.ts, "the dashboard\'s figures": a change once noticed is counted on the next view',
  },
  {
    id: 'write-up-box-for-staff',
    what: 'Staff are given the write-up form (staff added to the roles that may edit)',
    file: 'shared/web/workbench/write-up-page.ts',
    find: "const canEdit = has(session, 'inspector', 'admin') && inspection.status === 'open';",
    replace: "const canEdit = has(session, 'inspector', 'admin', 'staff') && inspection.status === 'open';",
    tests: ['test/integration/read-only-views.test.ts'],
  },
  {
    id: 'welsh-points-one-over',
    what: 'One Welsh point more than the English ones is let through (an off-by-one on the pairing)',
    file: 'functions/workbench-manage.ts',
    find: 'if (welsh.length > english.length)',
    replace: 'if (welsh.length > english.length + 1)',
    tests: ['test/integration/leadership-findings.test.ts'],
  },
  {
    id: 'replaced-case-named-by-sub',
    what: 'An upload over entered cases names who saved each by their sign-in id, not their name, in the JSON problem',
    file: 'shared/domain/cases.ts',
    find: `last saved by \${c.updatedByName} at`,
    replace: `last saved by \${c.updatedBy} at`,
    tests: ['test/integration/cases-upload.test.ts'],
  },
  {
    id: 'unknown-caseload-as-zero',
    what: 'A part of the caseload the area did not give is counted as 0 rather than not known',
    file: 'shared/summaries/evidence.ts',
    find: 'const caseload = given[key as keyof typeof given] ?? null;',
    replace: 'const caseload = given[key as keyof typeof given] ?? 0;',
    tests: ['test/integration/evidence.test.ts'],
  },
  {
    id: 'key-ring-previous-unchecked',
    what: "Only the current session key's length is checked: a short previous key is still accepted",
    file: 'shared/core/key-ring.ts',
    find: "if (name === 'session' && keys.some((k) => k.key.length < MIN_SESSION_KEY))",
    replace: "if (name === 'session' && keys[0]!.key.length < MIN_SESSION_KEY)",
    tests: ['test/unit/key-ring.test.ts'],
    ruleAdded: 'key-ring.test.ts: every key in a ring, current or previous, meets its length rule (session and invitation, property-based)',
  },
  ...FAULTS_HUNT,
];

function plant(fault: Fault): { caught: boolean; seconds: number; note?: string } {
  const path = join(root, fault.file);
  const original = readFileSync(path, 'utf8');
  const count = original.split(fault.find).length - 1;
  if (count !== 1) return { caught: false, seconds: 0, note: `the text to change occurs ${count} times: the list is stale` };
  const started = Date.now();
  try {
    writeFileSync(path, original.replace(fault.find, fault.replace));
    const run = spawnSync('npx', ['vitest', 'run', ...fault.tests], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    // Caught means a test failed on it: a suite that would not even load (a typo in the plant) proves nothing.
    const failed = /Tests\s+(\d+) failed/.exec(run.stdout);
    if (run.status !== 0 && !failed)
      return { caught: false, seconds: (Date.now() - started) / 1000, note: 'the tests did not run: the plant broke the suite' };
    return { caught: failed !== null && Number(failed[1]) > 0, seconds: (Date.now() - started) / 1000 };
  } finally {
    writeFileSync(path, original);
  }
}

const idOf = (row: string) => /^\| ([\w-]+) \|/.exec(row)?.[1];

/**
 * The table of every fault in the list's order. A partial run replaces its own rows and keeps
 * the others' last results, so that rerunning one fault after a fix does not lose the round.
 */
function report(rows: string[], partial: boolean): string {
  const path = join(root, 'bench/FAULTS.md');
  const byId = new Map<string, string>();
  if (partial) for (const row of readFileSync(path, 'utf8').split('\n')) if (idOf(row)) byId.set(idOf(row)!, row);
  for (const row of rows) byId.set(idOf(row)!, row);
  const all = FAULTS.flatMap((f) => byId.get(f.id) ?? []);
  const caught = all.filter((r) => r.includes('| caught')).length;
  const when = `run on ${new Date().toISOString().slice(0, 10)}${partial ? ', some rows kept from an earlier run' : ''}`;
  return `# Planted faults\n\nWritten by \`npm run faults\` (${when}): each fault planted alone, its tests run, the file put back. \`npm run faults -- <id> ...\` reruns some and keeps the other rows.\n\n${caught} of ${all.length} caught.\n\n| fault | the mistake | file | tests run | result | time |\n| --- | --- | --- | --- | --- | --- |\n${all.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  const chosen = only.length ? FAULTS.filter((f) => only.includes(f.id)) : FAULTS;
  const rows: string[] = [];
  for (const fault of chosen) {
    const result = plant(fault);
    const line = `| ${fault.id} | ${fault.what} | \`${fault.file}\` | ${fault.tests.map((t) => `\`${t}\``).join(', ')} | ${result.caught ? 'caught' : '**missed**'}${result.note ? ` (${result.note})` : ''}${fault.ruleAdded ? `; missed before the rule in ${fault.ruleAdded}` : ''} | ${result.seconds.toFixed(0)} s |`;
    console.log(line);
    rows.push(line);
  }
  const caught = rows.filter((r) => r.includes('| caught')).length;
  console.log(`${caught} of ${rows.length} caught`);
  writeFileSync(join(root, 'bench/FAULTS.md'), report(rows, only.length > 0));
  process.exitCode = caught === rows.length ? 0 : 1;
}
