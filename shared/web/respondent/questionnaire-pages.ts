/**
 * The respondent's pages, following the GOV.UK Design System: a start page, one question per
 * page (the question is the page heading), check your answers, a confirmation panel, and the
 * pages for a used, expired or unknown link. Pure functions from data to HTML strings; every
 * interpolated value is escaped. Words come from the questionnaire definition (its language),
 * `pageText` and, for the few words it lacks, `webText`.
 */
import { pageText } from '#questionnaires/index';
import type { Answer, Answers, Language, QuestionnaireDefinition, QuestionnaireQuestion } from '#schemas/questionnaire';
import { minutesToAnswer, position, previousQuestion } from '#domain/questionnaire-flow';
import { askedQuestions } from '#questionnaires/routing';
import { ASSET_PATHS } from '#web/common/assets';
import { errorMessage, errorSummary, esc, layout, type ErrorItem } from '#web/common/layout';
import { longDate, webText, type PluralMessages } from '#web/common/strings';

/* ---------------------------------------------------------------------------------------------
 * Addresses. The token is the credential, so it is in every path (and never in a cookie).
 * ------------------------------------------------------------------------------------------- */

export const urls = {
  start: (token: string) => `/q/${encodeURIComponent(token)}`,
  startPage: (token: string) => `/q/${encodeURIComponent(token)}?start=1`,
  question: (token: string, questionId: string, fromCheck = false) =>
    `/q/${encodeURIComponent(token)}/${encodeURIComponent(questionId)}${fromCheck ? '?from=check' : ''}`,
  resumeAt: (token: string, questionId: string) => `/q/${encodeURIComponent(token)}/${encodeURIComponent(questionId)}?resumed=1`,
  check: (token: string) => `/q/${encodeURIComponent(token)}/check`,
  saved: (token: string) => `/q/${encodeURIComponent(token)}/saved`,
  sent: (token: string) => `/q/${encodeURIComponent(token)}/sent`,
};

const isVictim = (def: QuestionnaireDefinition) => def.audience === 'victim';

/* ---------------------------------------------------------------------------------------------
 * Start page
 * ------------------------------------------------------------------------------------------- */

export function startPage(def: QuestionnaireDefinition, token: string, expiresAt?: string): string {
  const lang = def.language;
  const t = pageText[lang];
  const w = webText[lang];
  const content = `<h1 class="govuk-heading-xl">${esc(def.title)}</h1>
${def.intro ? `<p class="govuk-body">${esc(def.intro)}</p>` : ''}
<p class="govuk-body">${esc(t.takesMinutes(minutesToAnswer(def)))}</p>
<p class="govuk-body">${esc(t.confidential)}</p>
${expiresAt ? `<p class="govuk-body">${esc(w.answerUntil(longDate(expiresAt, lang)))}</p>` : ''}
<form method="post" action="${esc(urls.start(token))}" novalidate>
  <button type="submit" class="govuk-button govuk-button--start" data-module="govuk-button">
    ${esc(t.start)}
    <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>
    </svg>
  </button>
</form>`;
  return layout({ lang, title: def.title, content, exitThisPage: isVictim(def), languageSwitch: true });
}

/* ---------------------------------------------------------------------------------------------
 * One question
 * ------------------------------------------------------------------------------------------- */

export interface QuestionPageInput {
  def: QuestionnaireDefinition;
  token: string;
  question: QuestionnaireQuestion;
  /** The respondent's own saved answer, or what they just sent when it had a problem. */
  value: unknown;
  error?: string;
  fromCheck?: boolean;
  resumed?: boolean;
  /** The answers so far: which questions are asked (routing) decides the caption and Back. */
  draft?: Answers;
}

/** The field the error summary links to: the first radio or checkbox, or the textarea. */
export const fieldId = (question: QuestionnaireQuestion) => question.id;

export function questionPage(input: QuestionPageInput): string {
  const { def, token, question, error } = input;
  const lang = def.language;
  const t = pageText[lang];
  const w = webText[lang];
  const where = position(def, question.id, input.draft ?? {});
  const caption = t.questionXOfY(where.index + 1, where.of);
  const heading = question.optional ? `${question.text} ${t.optionalSuffix}` : question.text;

  const previous = previousQuestion(def, question.id, input.draft ?? {});
  const backHref = input.fromCheck ? urls.check(token) : previous ? urls.question(token, previous.id) : urls.startPage(token);

  const field =
    question.type === 'text'
      ? textField(lang, question, input.value, caption, heading, error)
      : choiceField(lang, question, input.value, caption, heading, error);
  const banner = input.resumed
    ? `<div class="govuk-notification-banner" role="region" aria-labelledby="govuk-notification-banner-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header">
    <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">${esc(w.important)}</h2>
  </div>
  <div class="govuk-notification-banner__content">
    <p class="govuk-notification-banner__heading">${esc(t.answersSaved)}</p>
    <p class="govuk-body">${esc(w.carryOn)}</p>
  </div>
</div>`
    : '';

  const content = `${error ? errorSummary(lang, [{ href: `#${fieldId(question)}`, message: error }]) : ''}
${banner}
<form method="post" action="${esc(urls.question(token, question.id, input.fromCheck))}" novalidate>
${field}
  <div class="govuk-button-group">
    <button type="submit" class="govuk-button" data-module="govuk-button" name="action" value="continue">${esc(t.continue)}</button>
    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" name="action" value="save">${esc(t.saveAndComeBack)}</button>
  </div>
</form>`;
  return layout({ lang, title: question.text, content, hasErrors: Boolean(error), backHref, exitThisPage: isVictim(def), languageSwitch: true });
}

function hintFor(lang: Language, question: QuestionnaireQuestion): string | undefined {
  if (question.hint) return question.hint;
  if (question.type === 'multi-choice') return pageText[lang].selectAllThatApply;
  return undefined;
}

function selectedValues(value: unknown): Set<string> {
  if (typeof value === 'string') return new Set([value]);
  if (Array.isArray(value)) return new Set(value.filter((v): v is string => typeof v === 'string'));
  return new Set();
}

function choiceField(lang: Language, q: QuestionnaireQuestion, value: unknown, caption: string, heading: string, error?: string): string {
  const t = pageText[lang];
  const kind = q.type === 'multi-choice' ? 'checkboxes' : 'radios';
  const hint = hintFor(lang, q);
  const hintId = `${q.id}-hint`;
  const errorId = `${q.id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const selected = selectedValues(value);
  const options = q.options ?? [];
  // "I do not know" (and "None of these") sit apart at the end, after an "or".
  const apart = new Set(kind === 'checkboxes' ? (q.exclusive ?? []) : (q.notApplicable ?? []));
  let firstApart = options.length;
  while (firstApart > 0 && apart.has(options[firstApart - 1]!.value)) firstApart--;
  const divider = firstApart > 0 && firstApart < options.length ? firstApart : -1;

  const items = options
    .map((option, i) => {
      const id = i === 0 ? q.id : `${q.id}-${i + 1}`;
      const exclusive = kind === 'checkboxes' && (q.exclusive ?? []).includes(option.value);
      const item = `      <div class="govuk-${kind}__item">
        <input class="govuk-${kind}__input" id="${esc(id)}" name="${esc(q.id)}" type="${kind === 'radios' ? 'radio' : 'checkbox'}" value="${esc(option.value)}"${selected.has(option.value) ? ' checked' : ''}${exclusive ? ' data-behaviour="exclusive"' : ''}>
        <label class="govuk-label govuk-${kind}__label" for="${esc(id)}">${esc(option.label)}</label>
      </div>`;
      return i === divider ? `      <div class="govuk-${kind}__divider">${esc(t.or)}</div>\n${item}` : item;
    })
    .join('\n');

  return `  <div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <fieldset class="govuk-fieldset"${describedBy ? ` aria-describedby="${esc(describedBy)}"` : ''}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
        <span class="govuk-caption-l">${esc(caption)}</span>
        <h1 class="govuk-fieldset__heading">${esc(heading)}</h1>
      </legend>
      ${hint ? `<div id="${esc(hintId)}" class="govuk-hint">${esc(hint)}</div>` : ''}
      ${error ? errorMessage(lang, errorId, error) : ''}
      <div class="govuk-${kind}" data-module="govuk-${kind}">
${items}
      </div>
    </fieldset>
  </div>`;
}

function i18nAttributes(key: string, messages: PluralMessages | string): string {
  if (typeof messages === 'string') return ` data-i18n.${key}="${esc(messages)}"`;
  return Object.entries(messages)
    .map(([form, message]) => ` data-i18n.${key}.${form}="${esc(message)}"`)
    .join('');
}

function textField(lang: Language, q: QuestionnaireQuestion, value: unknown, caption: string, heading: string, error?: string): string {
  const w = webText[lang];
  const hint = hintFor(lang, q);
  const hintId = `${q.id}-hint`;
  const errorId = `${q.id}-error`;
  const infoId = `${q.id}-info`;
  const max = q.maxLength ?? 2000;
  const describedBy = [infoId, hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const text = typeof value === 'string' ? value : '';
  const i18n =
    i18nAttributes('characters-under-limit', w.charactersUnderLimit) +
    i18nAttributes('characters-at-limit', w.charactersAtLimit) +
    i18nAttributes('characters-over-limit', w.charactersOverLimit);
  return `  <div class="govuk-form-group govuk-character-count${error ? ' govuk-form-group--error' : ''}" data-module="govuk-character-count" data-maxlength="${max}"${i18n}>
    <h1 class="govuk-label-wrapper">
      <label class="govuk-label govuk-label--l" for="${esc(q.id)}"><span class="govuk-caption-l">${esc(caption)}</span> ${esc(heading)}</label>
    </h1>
    ${hint ? `<div id="${esc(hintId)}" class="govuk-hint">${esc(hint)}</div>` : ''}
    ${error ? errorMessage(lang, errorId, error) : ''}
    <textarea class="govuk-textarea govuk-js-character-count${error ? ' govuk-textarea--error' : ''}" id="${esc(q.id)}" name="${esc(q.id)}" rows="8" aria-describedby="${esc(describedBy)}">
${esc(text)}</textarea>
    <div id="${esc(infoId)}" class="govuk-hint govuk-character-count__message">${esc(w.charactersLimit(max))}</div>
  </div>`;
}

/* ---------------------------------------------------------------------------------------------
 * Check your answers
 * ------------------------------------------------------------------------------------------- */

export function answerHtml(lang: Language, q: QuestionnaireQuestion, answer: Answer | undefined): string {
  if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) return esc(pageText[lang].notAnswered);
  const label = (value: string) => q.options?.find((o) => o.value === value)?.label ?? value;
  if (Array.isArray(answer)) {
    return answer.length === 1 ? esc(label(answer[0]!)) : `<ul class="govuk-list">${answer.map((v) => `<li>${esc(label(v))}</li>`).join('')}</ul>`;
  }
  if (q.type === 'text') return esc(answer).replace(/\n/g, '<br>');
  return esc(label(answer));
}

export function checkPage(
  def: QuestionnaireDefinition,
  token: string,
  draft: Answers,
  missing: readonly { questionId: string; message: string }[] = [],
): string {
  const lang = def.language;
  const t = pageText[lang];
  const w = webText[lang];
  const asked = askedQuestions(def, draft);
  const rows = asked
    .map(
      (q) => `  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${esc(q.text)}</dt>
    <dd class="govuk-summary-list__value">${answerHtml(lang, q, draft[q.id])}</dd>
    <dd class="govuk-summary-list__actions">
      <a class="govuk-link" href="${esc(urls.question(token, q.id, true))}">${esc(t.change)}<span class="govuk-visually-hidden"> ${esc(t.changeAnswerTo(q.text))}</span></a>
    </dd>
  </div>`,
    )
    .join('\n');
  const errors: ErrorItem[] = missing.map((m) => ({ href: urls.question(token, m.questionId, true), message: m.message }));
  const last = asked[asked.length - 1] ?? def.questions[0]!;
  const content = `${errorSummary(lang, errors)}
<h1 class="govuk-heading-l">${esc(t.checkAnswersTitle)}</h1>
<dl class="govuk-summary-list govuk-!-margin-bottom-9">
${rows}
</dl>
<h2 class="govuk-heading-m">${esc(t.nowSend)}</h2>
<p class="govuk-body">${esc(w.cannotChangeAfter)}</p>
<form method="post" action="${esc(urls.check(token))}" novalidate>
  <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">${esc(t.send)}</button>
</form>`;
  return layout({
    lang,
    languageSwitch: true,
    title: t.checkAnswersTitle,
    content,
    hasErrors: errors.length > 0,
    // The questions are long: the summary list needs the width.
    fullWidth: true,
    backHref: urls.question(token, last.id),
    exitThisPage: isVictim(def),
  });
}

/* ---------------------------------------------------------------------------------------------
 * Saved, sent, and the pages for links that cannot be used
 * ------------------------------------------------------------------------------------------- */

export function savedPage(def: QuestionnaireDefinition, expiresAt?: string): string {
  const lang = def.language;
  const t = pageText[lang];
  const w = webText[lang];
  const content = `<h1 class="govuk-heading-l">${esc(t.answersSaved)}</h1>
<p class="govuk-body">${esc(w.savedBody)}</p>
${expiresAt ? `<p class="govuk-body">${esc(w.answerUntil(longDate(expiresAt, lang)))}</p>` : ''}
<p class="govuk-body">${esc(t.sentNext)}</p>`;
  return layout({ lang, title: t.answersSaved, content, exitThisPage: isVictim(def), languageSwitch: true });
}

export function sentPage(def: QuestionnaireDefinition): string {
  const lang = def.language;
  const t = pageText[lang];
  const w = webText[lang];
  const content = `<div class="govuk-panel govuk-panel--confirmation">
  <h1 class="govuk-panel__title">${esc(t.sentTitle)}</h1>
  <div class="govuk-panel__body">${esc(t.sentThanks)}</div>
</div>
<h2 class="govuk-heading-m">${esc(w.whatHappensNext)}</h2>
<p class="govuk-body">${esc(w.whatHappensNextBody)}</p>
<p class="govuk-body">${esc(t.sentNext)}</p>`;
  return layout({ lang, title: t.sentTitle, content, exitThisPage: isVictim(def), languageSwitch: true });
}

export type Unusable = 'used' | 'expired' | 'problem';

export function unusablePage(kind: Unusable, lang: Language, victim = false): string {
  const t = pageText[lang];
  const [title, body] =
    kind === 'used'
      ? [t.linkUsedTitle, t.linkUsedBody]
      : kind === 'expired'
        ? [t.linkExpiredTitle, t.linkExpiredBody]
        : [t.serviceProblemTitle, t.serviceProblemBody];
  const content = `<h1 class="govuk-heading-l">${esc(title)}</h1>
<p class="govuk-body">${esc(body)}</p>`;
  return layout({ lang, title, content, exitThisPage: victim, languageSwitch: true });
}

/**
 * An unknown link: we cannot know the respondent's language (nor say whether the link ever
 * existed), so the page says it in English and in Welsh.
 */
export function notFoundPage(): string {
  const en = pageText.en;
  const cy = pageText.cy;
  const content = `<h1 class="govuk-heading-l">${esc(en.pageNotFoundTitle)}</h1>
<p class="govuk-body">${esc(en.pageNotFoundBody)}</p>
<div lang="cy">
  <h2 class="govuk-heading-l">${esc(cy.pageNotFoundTitle)}</h2>
  <p class="govuk-body">${esc(cy.pageNotFoundBody)}</p>
</div>`;
  return layout({ lang: 'en', title: en.pageNotFoundTitle, content });
}

/**
 * A language the service does not offer (`?lang=fr`): said in both languages, with the two it
 * does offer as links, so nobody is left on a page they cannot read.
 */
export function languageNotAvailablePage(): string {
  const content = `<h1 class="govuk-heading-l">This language is not available</h1>
<p class="govuk-body">This service is in English and Welsh. <a class="govuk-link" href="?lang=en">Continue in English</a>.</p>
<div lang="cy">
  <h2 class="govuk-heading-l">Nid yw'r iaith hon ar gael</h2>
  <p class="govuk-body">Mae'r gwasanaeth hwn yn Saesneg ac yn Gymraeg. <a class="govuk-link" href="?lang=cy">Parhau yn Gymraeg</a>.</p>
</div>`;
  return layout({ lang: 'en', title: 'This language is not available', content, hasErrors: true });
}

/** The words of the 429 page, in English and Welsh. */
function tooManyRequestsContent(): string {
  const en = pageText.en;
  const cy = pageText.cy;
  return `<h1 class="govuk-heading-l">${esc(en.tooManyRequestsTitle)}</h1>
<p class="govuk-body">${esc(en.tooManyRequestsBody)}</p>
<div lang="cy">
  <h2 class="govuk-heading-l">${esc(cy.tooManyRequestsTitle)}</h2>
  <p class="govuk-body">${esc(cy.tooManyRequestsBody)}</p>
</div>`;
}

/** 429 for a page: we cannot read the link before the limit, so the page is in English and Welsh. */
export function tooManyRequestsPage(): string {
  return layout({ lang: 'en', title: pageText.en.tooManyRequestsTitle, content: tooManyRequestsContent() });
}

/**
 * The same page as the edge's answer to a blocked respondent (the WAF's custom response,
 * infra/stacks/waf-stack.ts): the same words and GOV.UK styles, without the crown's inline
 * SVG and the footer, because a WAF response body may be at most 4 KB.
 */
export function tooManyRequestsEdgePage(): string {
  const title = `${pageText.en.tooManyRequestsTitle} - ${pageText.en.serviceName}`;
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="stylesheet" href="${esc(ASSET_PATHS.css)}">
</head>
<body class="govuk-template__body">
<header class="govuk-header"><div class="govuk-header__container govuk-width-container"><a href="https://www.gov.uk/" class="govuk-header__link govuk-header__link--homepage">GOV.UK</a></div></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
${tooManyRequestsContent()}
</main></div>
</body>
</html>`;
}
