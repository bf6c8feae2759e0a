/**
 * Routing (`showIf`), property-tested: for any routed questionnaire and any answers, the
 * questions asked are exactly those whose conditions hold (written here a second time, as a
 * recursion over the conditions), validation requires exactly those and refuses an answer to
 * any other, and the page flow walks exactly those.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstUnseen, nextQuestion } from '#domain/questionnaire-flow';
import { askedQuestions } from '#questionnaires/routing';
import { validateAnswers } from '#questionnaires/validate';
import { QuestionnaireDefinition, type Answers, type QuestionnaireQuestion } from '#schemas/questionnaire';

const VALUES = ['a', 'b', 'c'];

/** A definition of 1-7 closed questions, each after the first maybe routed on an earlier one. */
const routedDefinition: fc.Arbitrary<QuestionnaireDefinition> = fc
  .array(fc.record({ on: fc.option(fc.nat(), { nil: undefined }), show: fc.subarray(VALUES, { minLength: 1 }), multi: fc.boolean() }), {
    minLength: 1,
    maxLength: 7,
  })
  .map((specs) => {
    const questions: QuestionnaireQuestion[] = specs.map((spec, i) => ({
      id: `q${i}`,
      type: spec.multi ? 'multi-choice' : 'single-choice',
      text: `Question ${i}`,
      optional: false,
      options: VALUES.map((value) => ({ value, label: value.toUpperCase() })),
      ...(i > 0 && spec.on !== undefined ? { showIf: { question: `q${spec.on % i}`, in: spec.show } } : {}),
    }));
    return QuestionnaireDefinition.parse({ audience: 'victim', language: 'en', version: 'victim-2099.1', title: 'Routed', questions });
  });

const answersFor = (def: QuestionnaireDefinition): fc.Arbitrary<Answers> =>
  fc
    .tuple(
      ...def.questions.map((q) =>
        fc.option<string | string[]>(q.type === 'multi-choice' ? fc.subarray(VALUES, { minLength: 1 }) : fc.constantFrom(...VALUES), {
          nil: undefined,
        }),
      ),
    )
    .map((values) => {
      const out: Answers = {};
      values.forEach((v, i) => {
        if (v !== undefined && v !== null) out[def.questions[i]!.id] = v;
      });
      return out;
    });

/** The rule a second time: asked when unconditioned, or when the named question was asked and answered with a listed value. */
function shouldBeAsked(def: QuestionnaireDefinition, id: string, answers: Answers): boolean {
  const q = def.questions.find((x) => x.id === id)!;
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  const picked = Array.isArray(given) ? given : given === undefined ? [] : [given];
  return shouldBeAsked(def, q.showIf.question, answers) && picked.some((v) => q.showIf!.in.includes(v));
}

const withAnswers = routedDefinition.chain((def) => answersFor(def).map((answers) => ({ def, answers })));

describe('routing', () => {
  it('asks exactly the questions whose conditions hold', () => {
    void fc.assert(
      fc.property(withAnswers, ({ def, answers }) => {
        const asked = askedQuestions(def, answers).map((q) => q.id);
        expect(asked).toEqual(def.questions.filter((q) => shouldBeAsked(def, q.id, answers)).map((q) => q.id));
      }),
      { numRuns: 500 },
    );
  });

  it('validation requires every asked question, none of the hidden ones, and names each hidden one answered', () => {
    void fc.assert(
      fc.property(withAnswers, ({ def, answers }) => {
        const asked = new Set(def.questions.filter((q) => shouldBeAsked(def, q.id, answers)).map((q) => q.id));
        const result = validateAnswers(def, answers);
        const hiddenAnswered = Object.keys(answers).filter((id) => !asked.has(id));
        const askedMissing = [...asked].filter((id) => answers[id] === undefined);
        if (hiddenAnswered.length === 0 && askedMissing.length === 0) expect(result.ok).toBe(true);
        else {
          expect(result.ok).toBe(false);
          const paths = result.ok ? [] : result.errors.map((e) => e.path);
          expect(paths.sort()).toEqual([...hiddenAnswered, ...askedMissing].map((id) => `answers.${id}`).sort());
        }
        // Answers to the asked questions only: nothing refused but what is missing.
        const onlyAsked = Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id)));
        const trimmed = validateAnswers(def, onlyAsked);
        expect(trimmed.ok ? [] : trimmed.errors.map((e) => e.path).sort()).toEqual(askedMissing.map((id) => `answers.${id}`).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('the page flow, answering as it goes, visits exactly the asked questions, in order', () => {
    void fc.assert(
      fc.property(withAnswers, ({ def, answers }) => {
        // A respondent who answers each page with their planned answer (a blank stays blank).
        const given: Answers = {};
        const visited: string[] = [];
        for (let q = firstUnseen(def, [], given); q; q = nextQuestion(def, q.id, given)) {
          visited.push(q.id);
          if (answers[q.id] !== undefined) given[q.id] = answers[q.id]!;
          if (visited.length > def.questions.length) break;
        }
        expect(visited).toEqual(def.questions.filter((q) => shouldBeAsked(def, q.id, answers)).map((q) => q.id));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a showIf naming a later question, a text question or a value that is not an option', () => {
    const base = { audience: 'victim', language: 'en', version: 'victim-2099.1', title: 'T' } as const;
    const closed = (id: string, showIf?: { question: string; in: string[] }) => ({
      id,
      type: 'yes-no',
      text: id,
      optional: false,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
      ...(showIf ? { showIf } : {}),
    });
    expect(QuestionnaireDefinition.safeParse({ ...base, questions: [closed('a', { question: 'b', in: ['yes'] }), closed('b')] }).success).toBe(false);
    expect(QuestionnaireDefinition.safeParse({ ...base, questions: [closed('a'), closed('b', { question: 'a', in: ['maybe'] })] }).success).toBe(
      false,
    );
    expect(
      QuestionnaireDefinition.safeParse({
        ...base,
        questions: [{ id: 't', type: 'text', text: 't', optional: true, maxLength: 5 }, closed('b', { question: 't', in: ['yes'] })],
      }).success,
    ).toBe(false);
    expect(QuestionnaireDefinition.safeParse({ ...base, questions: [closed('a'), closed('b', { question: 'a', in: ['no'] })] }).success).toBe(true);
  });
});
