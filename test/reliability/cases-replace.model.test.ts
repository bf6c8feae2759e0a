/**
 * An upload never replaces a case nobody confirmed replacing (issue 27), under any order of
 * hand saves, uploads and confirmations: fast-check `commands` through the real local server,
 * the workbench's upload and confirmation page against a model of each case's version. After
 * every command each case's stored version must equal the model's, so:
 *   - an upload over a case already entered stores nothing and lists exactly those cases;
 *   - a confirmation replaces only when every listed case is still at the version it was shown,
 *     and the file replaces no other; otherwise the page asks again with the list as it is now;
 *   - a hand save is never lost to a confirmation sent after it.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { casesInFormWords, csrfOf, form, listedForReplacing, page, replaceForm, signIn, uploadCasesFile } from '#support/workbench';

const REFS = ['M-1', 'M-2', 'M-3'];

interface Model {
  /** Each case's version as stored (0: not entered). */
  versions: Record<string, number>;
  /** The confirmation page last shown: what it listed at which versions, the file's references, and its form. */
  asked?: { shown: Record<string, number>; refs: string[]; form: { action: string; fields: Record<string, string> } };
}
interface Real {
  id: string;
  cookie: string;
  csrf: string;
}

const storedVersion = async (id: string, ref: string) => {
  const res = await call(`/inspections/${id}/cases/${ref}`, { as: 'admin' });
  return res.status === 404 ? 0 : (res.json.version as number);
};

async function checkVersions(model: Model, real: Real) {
  for (const ref of REFS) expect(await storedVersion(real.id, ref), ref).toBe(model.versions[ref]);
}

/** The page asked: the model keeps what it listed, at the versions the model has now. */
function rememberAsked(model: Model, html: string, refs: string[]) {
  const entered = refs.filter((r) => model.versions[r]! > 0);
  expect(listedForReplacing(html).sort()).toEqual([...entered].sort());
  model.asked = { shown: Object.fromEntries(entered.map((r) => [r, model.versions[r]!])), refs, form: replaceForm(html)! };
}

class HandSave implements fc.AsyncCommand<Model, Real> {
  /** `listed`: the ref is the n-th case the open confirmation page listed (somebody saves a case while the page is open). */
  constructor(
    private ref: string,
    readonly listed?: number,
  ) {}
  check = (model: Readonly<Model>) => this.listed === undefined || Object.keys(model.asked?.shown ?? {}).length > 0;
  async run(model: Model, real: Real) {
    if (this.listed !== undefined) {
      const shown = Object.keys(model.asked!.shown);
      this.ref = shown[this.listed % shown.length]!;
    }
    const res = await call(`/inspections/${real.id}/cases/${this.ref}`, {
      method: 'PUT',
      as: 'admin',
      json: { profile: { caseType: 'licence' }, answers: {} },
    });
    expect(res.status).toBe(model.versions[this.ref] ? 200 : 201);
    model.versions[this.ref]! += 1;
    await checkVersions(model, real);
  }
  toString = () => `HandSave(${this.listed === undefined ? this.ref : `listed ${this.listed}`})`;
}

class Upload implements fc.AsyncCommand<Model, Real> {
  constructor(readonly refs: string[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const res = await uploadCasesFile(real.id, real.cookie, real.csrf, casesInFormWords(this.refs));
    if (this.refs.some((r) => model.versions[r]! > 0)) {
      expect(res.status).toBe(409);
      rememberAsked(model, res.text, this.refs);
    } else {
      expect(res.status).toBe(303);
      for (const r of this.refs) model.versions[r] = 1;
    }
    await checkVersions(model, real);
  }
  toString = () => `Upload(${this.refs.join(' ')})`;
}

class Confirm implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>) => model.asked !== undefined;
  async run(model: Model, real: Real) {
    const asked = model.asked!;
    const res = await page(asked.form.action, { cookie: real.cookie, ...form(asked.form.fields) });
    const nowEntered = asked.refs.filter((r) => model.versions[r]! > 0);
    const unchanged = nowEntered.length === Object.keys(asked.shown).length && nowEntered.every((r) => asked.shown[r] === model.versions[r]);
    if (unchanged) {
      expect(res.status).toBe(303);
      for (const r of asked.refs) model.versions[r]! += 1;
      model.asked = undefined;
    } else {
      expect(res.status).toBe(409);
      expect(res.text).toContain('The cases to replace changed after you were asked');
      rememberAsked(model, res.text, asked.refs);
    }
    await checkVersions(model, real);
  }
  toString = () => 'Confirm';
}

let cookie: string;
beforeAll(async () => {
  cookie = (await signIn('inspector')).cookie;
});

describe('replacing cases by upload', () => {
  it('replaces only what was confirmed, at the versions shown, whatever the order of saves, uploads and confirmations', async () => {
    const commands = [
      fc.constantFrom(...REFS).map((r) => new HandSave(r)),
      fc.nat(2).map((n) => new HandSave('', n)),
      fc.subarray(REFS, { minLength: 1 }).map((refs) => new Upload(refs)),
      fc.constant(new Confirm()),
    ];
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 10 }), async (cmds) => {
        const id = await createInspection('Replace model');
        const csrf = csrfOf((await page(`/workbench/inspections/${id}`, { cookie })).text);
        await fc.asyncModelRun(() => ({ model: { versions: Object.fromEntries(REFS.map((r) => [r, 0])) }, real: { id, cookie, csrf } }), cmds);
        runs++;
      }),
      { numRuns: 30, endOnFailure: true },
    );
    expect(runs).toBe(30);
  }, 300_000);
});
