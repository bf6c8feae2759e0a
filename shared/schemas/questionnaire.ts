/**
 * Questionnaires for service users (contract: "A questionnaire").
 *
 * The definition is exactly the contract's JSON, with two optional, additive extensions:
 * - `intro` on the definition: a short paragraph shown before the first question;
 * - `exclusive` on a multi-choice question: option values that cannot be combined with any
 *   other value (GOV.UK's "None of these" checkbox).
 * English summary phrases ("findings") are deliberately NOT part of the definition: they
 * live beside it in `shared/questionnaires/<audience>.ts`, so the public definition stays
 * the contract's shape in both languages.
 */
import * as z from 'zod/mini';

export const Audience = z.enum(['offender', 'victim', 'sentencer']);
export type Audience = z.infer<typeof Audience>;

export const Language = z.enum(['en', 'cy']);
export type Language = z.infer<typeof Language>;

export const QuestionType = z.enum(['yes-no', 'single-choice', 'scale', 'multi-choice', 'text']);
export type QuestionType = z.infer<typeof QuestionType>;

/** Question ids and option values: kebab-case, stable across languages and versions. */
const Kebab = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

export const QuestionOption = z.strictObject({
  value: Kebab,
  label: z.string().check(z.minLength(1)),
});
export type QuestionOption = z.infer<typeof QuestionOption>;

/** Routing (contract): the question is asked only when `question` (an earlier one) was answered with one of `in`. */
export const ShowIf = z.strictObject({
  question: Kebab,
  in: z.array(Kebab).check(z.minLength(1)),
});
export type ShowIf = z.infer<typeof ShowIf>;

export const QuestionnaireQuestion = z
  .strictObject({
    id: Kebab,
    type: QuestionType,
    text: z.string().check(z.minLength(1)),
    hint: z.optional(z.string()),
    /** Required questions must be answered; optional ones may be left out. */
    optional: z.boolean(),
    /** Closed questions only (every type but `text`). */
    options: z.optional(z.array(QuestionOption)),
    /** Option values that count as a positive answer in the summaries. */
    positive: z.optional(z.array(Kebab)),
    /** Option values that do not count as an answer in the summaries ("I do not know"). */
    notApplicable: z.optional(z.array(Kebab)),
    /** Multi-choice only (extension): values that cannot be combined with any other. */
    exclusive: z.optional(z.array(Kebab)),
    /** Text only: the most Unicode code points an answer may have. */
    maxLength: z.optional(z.int().check(z.positive())),
    /** Routing: asked only when an earlier closed question was answered with one of these values. */
    showIf: z.optional(ShowIf),
  })
  .check(
    z.superRefine((q, ctx) => {
      const issue = (message: string) => ctx.issues.push({ code: 'custom', message, input: q });
      if (q.type === 'text') {
        if (q.maxLength === undefined) issue(`${q.id}: a text question needs maxLength`);
        if (q.options || q.positive || q.notApplicable || q.exclusive) {
          issue(`${q.id}: a text question has no options`);
        }
        return;
      }
      if (q.maxLength !== undefined) issue(`${q.id}: maxLength is for text questions only`);
      const options = q.options ?? [];
      if (options.length < 2) issue(`${q.id}: a closed question needs at least two options`);
      const values = options.map((o) => o.value);
      if (new Set(values).size !== values.length) issue(`${q.id}: option values must be unique`);
      for (const [field, list] of [
        ['positive', q.positive],
        ['notApplicable', q.notApplicable],
        ['exclusive', q.exclusive],
      ] as const) {
        for (const v of list ?? []) {
          if (!values.includes(v)) issue(`${q.id}: ${field} value "${v}" is not an option`);
        }
      }
      for (const v of q.positive ?? []) {
        if (q.notApplicable?.includes(v)) issue(`${q.id}: "${v}" is both positive and notApplicable`);
      }
      if (q.exclusive && q.type !== 'multi-choice') issue(`${q.id}: exclusive is for multi-choice only`);
    }),
  );
export type QuestionnaireQuestion = z.infer<typeof QuestionnaireQuestion>;

export const QuestionnaireDefinition = z
  .strictObject({
    audience: Audience,
    language: Language,
    /** e.g. "victim-2008.1"; a response is always judged against the version it was given. */
    version: z.string().check(z.regex(/^(offender|victim|sentencer)-\d{4}\.\d+$/)),
    title: z.string().check(z.minLength(1)),
    /** Extension: a short paragraph shown before the first question. */
    intro: z.optional(z.string()),
    questions: z.array(QuestionnaireQuestion).check(z.minLength(1)),
  })
  .check(
    z.superRefine((d, ctx) => {
      const ids = d.questions.map((q) => q.id);
      if (new Set(ids).size !== ids.length) {
        ctx.issues.push({ code: 'custom', message: 'question ids must be unique', input: d });
      }
      d.questions.forEach((q, i) => {
        if (!q.showIf) return;
        const on = d.questions.findIndex((o) => o.id === q.showIf!.question);
        const target = d.questions[on];
        if (on < 0 || on >= i) {
          ctx.issues.push({ code: 'custom', message: `${q.id}: showIf must name an earlier question`, input: d });
        } else if (target!.type === 'text') {
          ctx.issues.push({ code: 'custom', message: `${q.id}: showIf must name a closed question`, input: d });
        } else {
          const values = (target!.options ?? []).map((o) => o.value);
          for (const v of q.showIf.in) {
            if (!values.includes(v))
              ctx.issues.push({ code: 'custom', message: `${q.id}: showIf value "${v}" is not an option of ${target!.id}`, input: d });
          }
        }
      });
      if (!d.version.startsWith(`${d.audience}-`)) {
        ctx.issues.push({ code: 'custom', message: 'version must start with the audience', input: d });
      }
    }),
  );
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;

/** `POST /questionnaires/{token}/responses` body; each answer is checked by `validateAnswers`. */
export const QuestionnaireResponseBody = z.strictObject({
  answers: z.record(z.string(), z.unknown()),
});
export type QuestionnaireResponseBody = z.infer<typeof QuestionnaireResponseBody>;

/** A normalised answer: one option value, several option values, or text. */
export type Answer = string | string[];
export type Answers = Record<string, Answer>;

/* ------------------------------------------------------------------------------------------
 * Authoring: each questionnaire is written once, English and Welsh side by side, and the two
 * language definitions are derived from it, so ids, types, values, positive, notApplicable,
 * exclusive and maxLength cannot drift apart. Only text, hints, labels and the title differ.
 * ---------------------------------------------------------------------------------------- */

export interface BilingualText {
  en: string;
  cy: string;
}

export interface BilingualQuestion {
  id: string;
  type: QuestionType;
  optional: boolean;
  text: BilingualText;
  hint?: BilingualText;
  options?: Array<{ value: string } & BilingualText>;
  positive?: string[];
  notApplicable?: string[];
  exclusive?: string[];
  maxLength?: number;
  showIf?: ShowIf;
  /**
   * English verb phrase for the summary sentence, plural agreement, e.g. "were satisfied with
   * the services provided" (closed questions only). Never sent to respondents.
   */
  finding?: string;
  /**
   * English, plural: the group the questions routed on this one's positive answer were put to,
   * for the summary ("had agreed to contact" -> "All five victims who had agreed to contact and
   * who answered ..."). Defaults to `finding`.
   */
  askedOf?: string;
}

export interface BilingualQuestionnaire {
  audience: Audience;
  version: string;
  title: BilingualText;
  intro?: BilingualText;
  /** English nouns for the summary sentences: "victim" / "victims". */
  noun: { singular: string; plural: string };
  questions: BilingualQuestion[];
}

/** The English words the summaries use for one audience. */
export interface SummaryPhrases {
  audience: Audience;
  noun: { singular: string; plural: string };
  /** question id -> plural verb phrase ("were satisfied with ..."). */
  findings: Record<string, string>;
  /** question id -> the group its routed questions were put to ("had agreed to contact"). */
  askedOf?: Record<string, string>;
}

/** The definition in one language, keys in the contract's order, absent fields left out. */
export function inLanguage(source: BilingualQuestionnaire, language: Language): QuestionnaireDefinition {
  const questions = source.questions.map((b) => {
    const q: QuestionnaireQuestion = { id: b.id, type: b.type, text: b.text[language], optional: b.optional };
    if (b.hint) q.hint = b.hint[language];
    if (b.options) q.options = b.options.map((o) => ({ value: o.value, label: o[language] }));
    if (b.positive) q.positive = [...b.positive];
    if (b.notApplicable) q.notApplicable = [...b.notApplicable];
    if (b.exclusive) q.exclusive = [...b.exclusive];
    if (b.maxLength !== undefined) q.maxLength = b.maxLength;
    if (b.showIf) q.showIf = { question: b.showIf.question, in: [...b.showIf.in] };
    return q;
  });
  const def: QuestionnaireDefinition = {
    audience: source.audience,
    language,
    version: source.version,
    title: source.title[language],
    ...(source.intro ? { intro: source.intro[language] } : {}),
    questions,
  };
  return def;
}

export function summaryPhrasesOf(source: BilingualQuestionnaire): SummaryPhrases {
  const findings: Record<string, string> = {};
  const askedOf: Record<string, string> = {};
  for (const q of source.questions) {
    if (q.finding) findings[q.id] = q.finding;
    if (q.askedOf) askedOf[q.id] = q.askedOf;
  }
  return { audience: source.audience, noun: { ...source.noun }, findings, ...(Object.keys(askedOf).length > 0 ? { askedOf } : {}) };
}
