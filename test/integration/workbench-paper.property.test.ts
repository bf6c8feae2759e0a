/**
 * The paper returns pages as rules over arbitrary input, through the real local server (issue
 * 32: the refusals' statuses, the error summaries and the `entered` banner had no test that a
 * fault in them would fail):
 *
 * - every refused paper return answers with its own page and the status of its kind: 400 a
 *   reference that is empty or no invitation's, 409 answered already or the inspection closed,
 *   410 expired; never a 500;
 * - every page with errors has a GOV.UK error summary whose every link points at an element on
 *   that page (never at `answers.<id>`: the API's error paths are not the page's field ids);
 * - the reference typed comes back on the page, escaped;
 * - a return saved goes to the start page with `?entered=<reference>`, whose banner names it; the
 *   banner shows only for a value shaped like a reference, and any other value changes nothing.
 *
 * The model is this file's own: which references were issued, answered or expired, and which
 * inspection is closed. Unknown references count against the brake (100 an hour per person
 * and inspection: shared/domain/paper-returns.ts), so each run sends at most one.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getQuestionnaire } from '#questionnaires/index';
import { call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { csrfOf, page, signIn, type PageResult } from '#support/workbench';

type State = 'open' | 'answered' | 'expired';
interface Issued {
  token: string;
  reference: string;
}

const victim = getQuestionnaire('victim', 'en');
/** Answers the victim questionnaire takes (contact declined: the routed questions stay blank). */
const VALID: Record<string, string> = { 'agreed-contact': 'no', 'mappa-aware': 'no', 'first-time-asked': 'yes', comments: 'On paper.' };

/** HTML-escaped as the pages escape text: the five characters HTML gives meaning to. */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** What a browser sends and the server reads: lone surrogates become U+FFFD on the wire. */
const onTheWire = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
/** A reference as the contract reads it: case, spaces and hyphens do not matter. */
const canonical = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

/**
 * Fewer draws in a mutation run (OMI_PROPERTY_RUNS), where each mutant reruns the file. fast-check
 * counts a property's `examples` among its numRuns, so each property adds room for its (at most 20) first.
 */
const RUNS = Number(process.env.OMI_PROPERTY_RUNS ?? 40) + 20;

let inspector: string;
let csrf: string;
let openId: string;
let closedId: string;
const state = new Map<string, State>();
const tokens = new Map<string, string>();
let closedReference: string;

async function invite(inspectionId: string, count: number, expiresAt?: string): Promise<Issued[]> {
  const res = await call(`/inspections/${inspectionId}/invitations`, {
    as: 'admin',
    json: { audience: 'victim', language: 'en', count, ...(expiresAt ? { expiresAt } : {}) },
  });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json.invitations;
}

async function track(issued: Issued[], as: State) {
  for (const i of issued) {
    state.set(i.reference, as);
    tokens.set(i.reference, i.token);
  }
}

/** A reference of this state in the open inspection, issuing a fresh one when none is left open. */
async function referenceIn(wanted: State): Promise<string> {
  let found = [...state].find(([, s]) => s === wanted)?.[0];
  if (!found && wanted === 'open') {
    await track(await invite(openId, 2), 'open');
    found = [...state].find(([, s]) => s === 'open')?.[0];
  }
  return found!;
}

const base = (id: string) => `/workbench/inspections/${id}/paper-returns`;
const post = (id: string, fields: [string, string][]) =>
  page(base(id), {
    cookie: inspector,
    body: new URLSearchParams([['csrf', csrf], ...fields]).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

/** Every link of the page's error summary, as the ids it points at; [] when it has none. */
function summaryTargets(text: string): string[] | undefined {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(text);
  if (!summary) return undefined;
  return [...summary[0].matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]!);
}

/** The rule every answer of these pages keeps: a page, never a 500, and a summary (exactly when refused) whose links all land on the page. */
function expectAPage(res: PageResult) {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  if (res.status === 303) return;
  expect(res.headers.get('content-type')).toContain('text/html');
  expect(res.headers.get('cache-control')).toContain('no-store');
  const targets = summaryTargets(res.text);
  if (res.status === 200) {
    expect(targets).toBeUndefined();
    return;
  }
  expect(targets, `a ${res.status} page without an error summary`).toBeDefined();
  expect(targets!.length).toBeGreaterThan(0);
  for (const href of targets!) {
    expect(href).toMatch(/^#/);
    expect(href).not.toMatch(/^#answers\./);
    const id = href.slice(1);
    expect(res.text.split(`id="${id}"`).length - 1, `the summary links to #${id}, which is not on the page`).toBeGreaterThan(0);
  }
}

beforeAll(async () => {
  inspector = (await signIn('inspector')).cookie;
  openId = await createInspection('Paper rules');
  closedId = await createInspection('Paper rules closed');
  csrf = csrfOf((await page(base(openId), { cookie: inspector })).text);

  await track(await invite(openId, 3), 'open');
  // Far enough ahead that a loaded machine issues it before it expires; then waited out.
  const expiresAt = Date.now() + 4000;
  await track(await invite(openId, 1, new Date(expiresAt).toISOString()), 'expired');
  const [answered] = await invite(openId, 1);
  const entered = await call(`/inspections/${openId}/paper-responses`, {
    as: 'inspector',
    json: { reference: answered!.reference, answers: VALID },
  });
  expect(entered.status).toBe(201);
  await track([answered!], 'answered');

  [{ reference: closedReference }] = (await invite(closedId, 1)) as [Issued];
  // A final release needs a case to report on.
  expect((await call(`/inspections/${closedId}/cases/P-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBeLessThan(
    300,
  );
  const area = (await call(`/inspections/${closedId}`, { as: 'admin' })).json.area as string;
  const closing = await call(`/inspections/${closedId}/releases`, { as: 'admin', json: { kind: 'final', confirm: area } });
  expect(closing.status, closing.text.slice(0, 300)).toBe(201);
  await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 300));
}, 120_000);

/** What is typed in the reference box: a real reference (any case, spaced or hyphenated), blank, or anything at all. */
const typedReference = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom<State>('open', 'answered', 'expired'),
      lower: fc.boolean(),
      hyphen: fc.boolean(),
      pad: fc.constantFrom('', ' ', '\t', '  ', '\u00a0'),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', '\u3000').map((s) => ({ raw: s })) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => ({ raw: s })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => ({ raw: s })) },
);

/** Anything in the answers' fields: the options' values, blanks, arbitrary Unicode and control characters, or a set that is valid. */
const anyValue = fc.oneof(
  fc.constantFrom('yes', 'no', 'dont-know', 'satisfied', '', ' '),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const typedAnswers = fc.oneof(
  { weight: 1, arbitrary: fc.constant(Object.entries(VALID)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(...victim.questions.map((q) => fc.option(fc.array(anyValue, { minLength: 1, maxLength: q.type === 'multi-choice' ? 3 : 1 }))))
      .map((values) => victim.questions.flatMap((q, i) => (values[i] ?? []).map((v) => [q.id, v] as [string, string]))),
  },
);

describe('every paper return refused answers with its own page, status and a summary that links to the page', () => {
  it('for any reference and any answers, on an open and on a closed inspection', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('open', 'closed'),
        fc.constantFrom('reference', 'answers'),
        typedReference,
        typedAnswers,
        async (where, stage, ref, answers) => {
          const inspectionId = where === 'open' ? openId : closedId;
          let sent: string;
          let real: string | undefined;
          if ('raw' in ref) sent = ref.raw;
          else {
            real = where === 'open' ? await referenceIn(ref.kind) : closedReference;
            const shown = ref.hyphen ? `${real.slice(0, 4)}-${real.slice(4)}` : real;
            sent = `${ref.pad}${ref.lower ? shown.toLowerCase() : shown}${ref.pad}`;
          }
          // The reference box is trimmed; the answers form's hidden field is sent as it was shown.
          const typed = stage === 'reference' ? onTheWire(sent).trim().slice(0, 32) : onTheWire(sent).slice(0, 32);
          const known = [...state.keys(), closedReference].find((r) => r === canonical(typed));
          const fields: [string, string][] = stage === 'answers' ? [['stage', 'answers'], ['reference', sent], ...answers] : [['reference', sent]];
          const res = await post(inspectionId, fields);
          expectAPage(res);

          const blank = stage === 'reference' && typed === '';
          // Exactly as typed (its first 32 characters; the reference box's spaces around it dropped): in the box, or read only when closed.
          const carriedBack = () =>
            expect(res.text).toContain(
              where === 'closed'
                ? `<dd class="govuk-summary-list__value">${html(onTheWire(typed))}</dd>`
                : `name="reference" type="text" value="${html(onTheWire(typed))}"`,
            );
          if (blank) {
            expect(res.status).toBe(400);
            expect(res.text).toContain('Enter the reference printed on the paper form');
            return;
          }
          if (where === 'closed') {
            expect(res.status).toBe(409);
            expect(res.text).toContain('This inspection is closed');
            // A refused return loses nothing typed: the reference, or the answers read only.
            if (!known) {
              if (typed !== '') carriedBack();
            } else if (stage === 'reference') carriedBack();
            else expect(res.text).toContain('id="typed-answers"');
            return;
          }
          const now = known ? state.get(known) : undefined;
          if (now === undefined) {
            expect(res.status).toBe(400);
            expect(res.text).toContain('There is no invitation with this reference');
            carriedBack();
          } else if (now === 'answered') {
            expect(res.status).toBe(409);
            expect(res.text).toContain('already been answered');
            carriedBack();
          } else if (now === 'expired') {
            expect(res.status).toBe(410);
            expect(res.text).toContain('had expired');
            carriedBack();
          } else if (stage === 'reference') {
            expect(res.status).toBe(200);
            expect(res.text).toContain(`name="reference" value="${known}"`);
          } else if (res.status === 303) {
            // Saved: counted once, and said so on the start page.
            expect(res.headers.get('location')).toBe(`${base(openId)}?entered=${known}`);
            state.set(known!, 'answered');
            const start = await page(res.headers.get('location')!, { cookie: inspector });
            expect(start.status).toBe(200);
            expect(start.text).toContain(`Paper return ${known} entered`);
            expect((await call(`/questionnaires/${tokens.get(known!)}`)).status).toBe(409);
          } else {
            expect(res.status).toBe(400);
            expect(res.text).toContain(`name="reference" value="${known}"`);
            // Nothing stored: the link still opens.
            expect((await call(`/questionnaires/${tokens.get(known!)}`)).status).toBe(200);
          }
        },
      ),
      {
        numRuns: RUNS,
        // Each kind of answer at least once, whatever the draw: saved, every refusal, and the closed form read only.
        examples: [
          ['open', 'answers', { kind: 'open', lower: true, hyphen: true, pad: ' ' }, Object.entries(VALID)],
          [
            'open',
            'answers',
            { kind: 'open', lower: false, hyphen: false, pad: '' },
            [
              ['agreed-contact', 'no'],
              ['safety', 'yes'],
            ],
          ],
          ['open', 'reference', { kind: 'open', lower: true, hyphen: false, pad: '\t' }, []],
          ['open', 'reference', { kind: 'answered', lower: false, hyphen: true, pad: '' }, []],
          ['open', 'answers', { kind: 'expired', lower: false, hyphen: false, pad: '' }, Object.entries(VALID)],
          ['open', 'reference', { raw: '<b>"x\u0000\t/\\evil' }, []],
          ['closed', 'answers', { kind: 'open', lower: false, hyphen: false, pad: '' }, [['comments', '<script>\r\n']]],
          ['closed', 'answers', { raw: 'ZZZZ2222' }, []],
          ['closed', 'reference', { raw: '' }, []],
          ['closed', 'reference', { kind: 'open', lower: true, hyphen: false, pad: ' ' }, []],
          ['open', 'reference', { raw: ' \t ' }, []],
          ['open', 'reference', { kind: 'answered', lower: true, hyphen: false, pad: '  ' }, []],
          ['open', 'reference', { raw: `${'A'.repeat(40)}<` }, []],
          ['open', 'answers', { raw: `${'B'.repeat(40)}<` }, []],
        ],
      },
    );
  }, 240_000);

  it('the start page fills in any reference from its address, and shows the `entered` banner only for a reference-shaped value', async () => {
    const plain = await page(base(openId), { cookie: inspector });
    const withoutToken = (text: string) => text.replace(/name="csrf" value="[^"]*"/g, '');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('reference', 'entered'),
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
          fc.stringMatching(/^[A-Z0-9]{8}$/),
          fc.stringMatching(/^[a-zA-Z0-9]{7,9}$/),
        ),
        async (name, raw) => {
          const value = onTheWire(raw);
          const res = await page(`${base(openId)}?${name}=${encodeURIComponent(value)}`, { cookie: inspector });
          expectAPage(res);
          expect(res.status).toBe(200);
          if (name === 'reference') {
            expect(res.text).toContain(`id="reference" name="reference" type="text" value="${html(onTheWire(value.slice(0, 32)))}"`);
            expect(res.text).not.toContain('notification-banner--success');
          } else if (/^[A-Z0-9]{8}$/.test(value)) {
            expect(res.text).toContain(`Paper return ${value} entered`);
          } else {
            // Anything else is not a reference: the page is the plain start page, echoing nothing.
            expect(withoutToken(res.text)).toBe(withoutToken(plain.text));
          }
        },
      ),
      {
        numRuns: RUNS,
        examples: [
          ['entered', 'ABCD2345'],
          ['entered', 'abcd2345'],
          ['entered', 'ABCD23456'],
          ['entered', '<i>x</i>'],
          ['reference', '<b>"\u0000\t'],
          ['reference', `${'R'.repeat(40)}<`],
        ],
      },
    );
  }, 120_000);

  it('a post without a reference at all is asked for one, at either stage', async () => {
    for (const fields of [[], [['stage', 'answers']]] as [string, string][][]) {
      const res = await post(openId, fields);
      expectAPage(res);
      expect(res.status).toBe(400);
      expect(res.text).toContain('name="reference" type="text" value=""');
    }
  });
});
