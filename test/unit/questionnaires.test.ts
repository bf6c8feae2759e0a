import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionnaireDefinition, QuestionnaireResponseBody, type Audience, type Language } from '#schemas/questionnaire';
import {
  audiences,
  getQuestionnaire,
  getQuestionnaireVersion,
  languageNames,
  pageText,
  questionnaireVersions,
  summaryPhrasesFor,
} from '#questionnaires/index';
import { codePoints, validateAnswers, validatePartial, validateResponseBody } from '#questionnaires/validate';

/** The first version of each questionnaire: these tests pin its shape and the validation rules on it (later versions are tested in versions.test.ts). */
const firstVersion = (a: Audience, l: Language) => getQuestionnaireVersion(`${a}-2008.1`, l)!;
const pairs = audiences.map((a) => [a, firstVersion(a, 'en'), firstVersion(a, 'cy')] as const);

/** The definition without anything a translator changes. */
function structure(def: QuestionnaireDefinition) {
  return {
    audience: def.audience,
    version: def.version,
    questions: def.questions.map((q) => ({
      id: q.id,
      type: q.type,
      optional: q.optional,
      values: q.options?.map((o) => o.value),
      positive: q.positive,
      notApplicable: q.notApplicable,
      exclusive: q.exclusive,
      maxLength: q.maxLength,
      hasHint: q.hint !== undefined,
    })),
  };
}

/** Common English words that have no business in Welsh text. */
const ENGLISH =
  /\b(the|you|your|and|select|enter|answer|question|this|has|have|been|page|link|with|of|to|is|are|was|were|please|not|no|yes|send|change|back|continue)\b/i;

describe('questionnaire definitions', () => {
  it.each(pairs)('%s: both languages parse against the schema', (_a, en, cy) => {
    expect(QuestionnaireDefinition.safeParse(en).success).toBe(true);
    expect(QuestionnaireDefinition.safeParse(cy).success).toBe(true);
    expect(en.language).toBe('en');
    expect(cy.language).toBe('cy');
  });

  it.each(pairs)('%s: en and cy have identical ids, types, values, positive and notApplicable', (_a, en, cy) => {
    expect(structure(cy)).toEqual(structure(en));
  });

  it.each(pairs)('%s: every positive and notApplicable value is an option', (_a, en) => {
    for (const q of en.questions) {
      const values = (q.options ?? []).map((o) => o.value);
      for (const v of [...(q.positive ?? []), ...(q.notApplicable ?? []), ...(q.exclusive ?? [])]) {
        expect(values, `${q.id}: ${v}`).toContain(v);
      }
      if (q.type !== 'text') expect(q.positive?.length, q.id).toBeGreaterThan(0);
    }
  });

  it.each(pairs)('%s: shape rules (kebab ids, optional set, maxLength on text, ends with optional comments)', (_a, en) => {
    for (const q of en.questions) {
      expect(q.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(typeof q.optional).toBe('boolean');
      if (q.type === 'text') {
        expect(q.maxLength).toBe(2000);
        expect(q.options).toBeUndefined();
      } else {
        expect(q.options!.length).toBeGreaterThanOrEqual(2);
        expect(q.maxLength).toBeUndefined();
      }
    }
    const last = en.questions.at(-1)!;
    expect(last).toMatchObject({ id: 'comments', type: 'text', optional: true });
  });

  it.each(pairs)('%s: every Welsh text differs from the English and reads as Welsh', (_a, en, cy) => {
    const check = (e: string | undefined, c: string | undefined, where: string) => {
      expect(c, where).toBeDefined();
      expect(c, where).not.toBe(e);
      expect(c!, where).not.toMatch(ENGLISH);
    };
    check(en.title, cy.title, 'title');
    check(en.intro, cy.intro, 'intro');
    en.questions.forEach((q, i) => {
      const w = cy.questions[i]!;
      check(q.text, w.text, `${q.id} text`);
      if (q.hint) check(q.hint, w.hint, `${q.id} hint`);
      q.options?.forEach((o, j) => check(o.label, w.options![j]!.label, `${q.id} ${o.value}`));
    });
  });

  it('the victim questionnaire carries the contract example question exactly', () => {
    const q = firstVersion('victim', 'en').questions.find((x) => x.id === 'contact-prompt');
    expect(q).toEqual({
      id: 'contact-prompt',
      type: 'yes-no',
      text: 'Were you contacted promptly after sentence?',
      optional: false,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
        { value: 'dont-know', label: 'I do not know' },
      ],
      positive: ['yes'],
      notApplicable: ['dont-know'],
    });
  });

  it('question ids per audience are the stable published ones', () => {
    const ids = (a: Audience) => firstVersion(a, 'en').questions.map((q) => q.id);
    expect(ids('victim')).toEqual([
      'agreed-contact',
      'contact-prompt',
      'role-explained',
      'needs-considered',
      'offender-information',
      'safety',
      'satisfaction',
      'comments',
    ]);
    expect(ids('sentencer')).toEqual([
      'sdr-quality',
      'fdr-quality',
      'sdr-timeliness',
      'fdr-timeliness',
      'report-type-clear',
      'breach-effective',
      'liaison-effective',
      'policy-information',
      'lcjb-engagement',
      'court-staffing',
      'court-staff-skills',
      'proposal-monitoring',
      'comments',
    ]);
    expect(ids('offender')).toEqual([
      'induction',
      'rules-clear',
      'sentence-plan-seen',
      'sentence-plan-involved',
      'regular-contact',
      'custody-contact',
      'unpaid-work',
      'programme',
      'help-received',
      'supported',
      'comments',
    ]);
  });

  it('getQuestionnaire and questionnaireVersions agree, and the definitions are frozen', () => {
    for (const a of audiences) {
      for (const l of ['en', 'cy'] as Language[]) {
        const def = getQuestionnaire(a, l);
        expect(def.audience).toBe(a);
        expect(def.language).toBe(l);
        expect(def.version).toBe(questionnaireVersions[a]);
      }
      expect(questionnaireVersions[a]).toMatch(new RegExp(`^${a}-2008\\.\\d+$`));
    }
    const def = getQuestionnaire('victim', 'en');
    expect(() => {
      (def.questions[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
  });

  it('every closed question has an English finding phrase for the summary, and text questions none', () => {
    for (const a of audiences) {
      const { findings, noun } = summaryPhrasesFor(a);
      expect(noun.plural).toBe(`${a}s`);
      for (const q of getQuestionnaire(a, 'en').questions) {
        if (q.type === 'text') expect(findings[q.id], q.id).toBeUndefined();
        // A closed question with no positive value (which kind of sentencer) is a split, not a finding.
        else if (q.positive?.length)
          expect(findings[q.id], q.id).toMatch(/^(were|had|felt|thought|received|saw|could|knew|understood|said|recalled|started) /);
      }
    }
  });

  it('the schema rejects a positive value that is not an option, and a text question without maxLength', () => {
    const base = firstVersion('victim', 'en');
    const badPositive = structuredClone(base);
    badPositive.questions[0]!.positive = ['maybe'];
    expect(QuestionnaireDefinition.safeParse(badPositive).success).toBe(false);
    const noMax = structuredClone(base);
    delete noMax.questions.at(-1)!.maxLength;
    expect(QuestionnaireDefinition.safeParse(noMax).success).toBe(false);
  });

  it('the response body is a strict object of answers', () => {
    expect(QuestionnaireResponseBody.safeParse({ answers: { a: 1 } }).success).toBe(true);
    expect(QuestionnaireResponseBody.safeParse({ answers: {}, extra: 1 }).success).toBe(false);
    expect(QuestionnaireResponseBody.safeParse({ answers: [] }).success).toBe(false);
  });
});

describe('page text', () => {
  /** Every string in a PageText, functions called with sample arguments, keyed by path. */
  function flatten(o: object, prefix = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(o)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out[path] = v;
      else if (typeof v === 'function') out[path] = String(v.length === 2 ? v(7, 10) : v(2000));
      else if (v && typeof v === 'object') Object.assign(out, flatten(v, path));
    }
    return out;
  }

  const en = flatten(pageText.en);
  const cy = flatten(pageText.cy);

  it('has the same keys in both languages, and the GOV.UK flow words', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
    expect(pageText.en).toMatchObject({
      thereIsAProblem: 'There is a problem',
      errorPrefix: 'Error:',
      continue: 'Continue',
      checkAnswersTitle: 'Check your answers before sending',
      change: 'Change',
      send: 'Send',
      sentTitle: 'Questionnaire sent',
      yes: 'Yes',
      no: 'No',
      dontKnow: 'I do not know',
      selectAnOption: 'Select an option',
      exitThisPage: 'Exit this page',
      back: 'Back',
      optional: 'Optional',
      linkUsedTitle: 'This link has already been used',
      linkExpiredTitle: 'This link has expired',
      pageNotFoundTitle: 'Page not found',
    });
    expect(pageText.cy).toMatchObject({
      thereIsAProblem: 'Mae problem wedi codi',
      errorPrefix: 'Gwall:',
      continue: 'Parhau',
      checkAnswersTitle: 'Gwirio eich atebion cyn anfon',
      change: 'Newid',
      send: 'Anfon',
      yes: 'Ie',
      no: 'Na',
      dontKnow: 'Nid wyf yn gwybod',
      exitThisPage: 'Gadael y dudalen hon',
      back: 'Yn ôl',
      optional: 'Dewisol',
    });
    expect(pageText.en.questionXOfY(3, 8)).toBe('Question 3 of 8');
    expect(pageText.cy.questionXOfY(3, 8)).toBe('Cwestiwn 3 o 8');
    expect(pageText.en.errors.tooLong(2000)).toBe('Enter no more than 2,000 characters');
    expect(pageText.en.errors.selectAnswer('Q?')).toBe('Select an answer to: Q?');
  });

  it('no English string leaks into the Welsh page text', () => {
    for (const [k, v] of Object.entries(cy)) {
      expect(v, k).not.toBe(en[k]);
      expect(v, k).not.toMatch(ENGLISH);
    }
  });

  it('names each language in itself for the language switch', () => {
    expect(languageNames).toEqual({ en: 'English', cy: 'Cymraeg' });
  });
});

describe('validateAnswers', () => {
  const victim = firstVersion('victim', 'en');
  const offender = firstVersion('offender', 'en');
  const complete = {
    'agreed-contact': 'yes',
    'contact-prompt': 'no',
    'role-explained': 'yes',
    'needs-considered': 'dont-know',
    'offender-information': 'yes',
    safety: 'yes',
    satisfaction: 'satisfied',
  };

  it('accepts a complete response and normalises text', () => {
    const r = validateAnswers(victim, { ...complete, comments: '  Thank you\r\nfor everything  ' });
    expect(r).toEqual({ ok: true, answers: { ...complete, comments: 'Thank you\nfor everything' } });
  });

  it('lists every problem in one call: missing required, not an option, unknown id, too long', () => {
    const { 'contact-prompt': _, ...rest } = complete;
    const r = validateAnswers(victim, { ...rest, safety: 'maybe', 'favourite-colour': 'blue', comments: 'x'.repeat(2001) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: 'answers.contact-prompt', message: 'Select an answer to: Were you contacted promptly after sentence?' },
      { path: 'answers.safety', message: 'Select one of the answers listed for: Was good attention given to your safety?' },
      { path: 'answers.comments', message: 'Enter no more than 2,000 characters' },
      { path: 'answers.favourite-colour', message: 'There is no question with this id in this questionnaire' },
    ]);
  });

  it('lists every missing required question of an empty response, and none of the optional ones', () => {
    const r = validateAnswers(victim, {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(victim.questions.filter((q) => !q.optional).map((q) => `answers.${q.id}`));
  });

  it('counts text length in Unicode code points', () => {
    expect(codePoints('😀'.repeat(3))).toBe(3);
    const ok = validateAnswers(victim, { ...complete, comments: '😀'.repeat(2000) });
    expect(ok.ok).toBe(true);
    const tooLong = validateAnswers(victim, { ...complete, comments: '😀'.repeat(2001) });
    expect(tooLong.ok).toBe(false);
  });

  it('checks types: a number for a choice, a string for a multi-choice, an object for text', () => {
    const base = {
      induction: 'yes',
      'rules-clear': 'yes',
      'sentence-plan-seen': 'no',
      'sentence-plan-involved': 'no',
      'regular-contact': 'yes',
      'custody-contact': 'not-in-custody',
      'unpaid-work': 'yes',
      programme: 'no-programme',
      'help-received': ['mentor', 'accommodation'],
      supported: 'yes',
    };
    const good = validateAnswers(offender, base);
    expect(good).toEqual({ ok: true, answers: { ...base, 'help-received': ['accommodation', 'mentor'] } });

    const r = validateAnswers(offender, { ...base, induction: 1, 'help-received': 'mentor', comments: { a: 1 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['answers.induction', 'answers.help-received', 'answers.comments']);
  });

  it('rejects duplicates, unknown values and an exclusive value combined with another in a multi-choice', () => {
    const withHelp = (v: unknown) => validatePartial(offender, { 'help-received': v });
    expect(withHelp(['mentor', 'mentor'])).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/only once/) }] });
    expect(withHelp(['mentor', 'money'])).toMatchObject({ ok: false, errors: [{ path: 'answers.help-received' }] });
    expect(withHelp(['none', 'mentor'])).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/None of these/) }] });
    expect(withHelp(['none'])).toEqual({ ok: true, answers: { 'help-received': ['none'] } });
  });

  it('validatePartial lets required questions be missing but still checks what is there', () => {
    expect(validatePartial(victim, {})).toEqual({ ok: true, answers: {} });
    expect(validatePartial(victim, { safety: 'yes', comments: '   ' })).toEqual({ ok: true, answers: { safety: 'yes' } });
    const r = validatePartial(victim, { safety: 'perhaps', nope: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['answers.safety', 'answers.nope']);
  });

  it('treats null and "" as not answered', () => {
    const r = validateAnswers(victim, { ...complete, safety: null, comments: '' });
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'answers.safety' }] });
  });

  it('gives messages in the definition language', () => {
    const cy = firstVersion('victim', 'cy');
    const r = validateAnswers(cy, { ...complete, safety: undefined });
    expect(r).toMatchObject({
      ok: false,
      errors: [{ path: 'answers.safety', message: "Dewiswch ateb i: A roddwyd sylw da i'ch diogelwch?" }],
    });
  });

  it('rejects answers that are not an object', () => {
    for (const bad of [null, [], 'yes', 3, undefined]) {
      expect(validateAnswers(victim, bad)).toMatchObject({ ok: false, errors: [{ path: 'answers' }] });
    }
  });

  it('validateResponseBody wants exactly { answers }', () => {
    expect(validateResponseBody(victim, { answers: complete })).toMatchObject({ ok: true });
    const r = validateResponseBody(victim, { answers: complete, token: 'x' });
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'token' }] });
    expect(validateResponseBody(victim, {})).toMatchObject({ ok: false, errors: [{ path: 'answers' }] });
  });

  it('never throws on arbitrary JSON, and returns ok or a non-empty error list', () => {
    const defs = audiences.flatMap((a) => [firstVersion(a, 'en'), firstVersion(a, 'cy')]);
    fc.assert(
      fc.property(fc.constantFrom(...defs), fc.jsonValue(), (def, input) => {
        const r = validateAnswers(def, input);
        expect(r.ok ? true : r.errors.length > 0).toBe(true);
        const p = validatePartial(def, input);
        expect(p.ok ? true : p.errors.length > 0).toBe(true);
      }),
    );
  });

  it('on answers keyed by real ids with arbitrary values: every error names a question, ok answers re-validate', () => {
    const def = firstVersion('offender', 'en');
    const ids = def.questions.map((q) => q.id);
    const optionValues = def.questions.flatMap((q) => (q.options ?? []).map((o) => o.value));
    const value = fc.oneof(
      fc.constantFrom(...optionValues),
      fc.array(fc.constantFrom(...optionValues), { maxLength: 4 }),
      fc.string({ maxLength: 30 }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids, 'extra'), value), (answers) => {
        const r = validateAnswers(def, answers);
        if (r.ok) {
          expect(validateAnswers(def, r.answers)).toEqual(r);
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.path).toMatch(/^answers\.[a-z-]+$/);
          expect(new Set(r.errors.map((e) => e.path)).size).toBe(r.errors.length);
        }
      }),
    );
  });
});
