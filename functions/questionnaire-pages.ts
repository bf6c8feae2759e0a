/**
 * The questionnaire as web pages at /q/{token}: start, one question per page (answers kept as
 * the respondent goes), check answers, send once, confirmation. Every POST answers with a 303
 * to the next page (post/redirect/get). A used, expired or unknown link gets a GOV.UK page
 * with the right status (409, 410, 404) instead of problem+json.
 */
import { Conflict, InvalidInput } from '#core/errors';
import { log, safeErrorFields } from '#core/log';
import { findInvitation, saveDraft, submitResponse, switchLanguage, type Found } from '#domain/invitations';
import { checkOneAnswer, firstUnseen, missingAnswers, nextQuestion, rawAnswerFromForm } from '#domain/questionnaire-flow';
import { html, httpHandler, type HttpReply, type HttpRequest } from '#http/handler';
import { questionnairePagesRoutes } from '#route-table/questionnaire-pages';
import { isAsked } from '#questionnaires/routing';
import { validatePartial } from '#questionnaires/validate';
import type { Answer } from '#schemas/questionnaire';
import {
  checkPage,
  languageNotAvailablePage,
  notFoundPage,
  questionPage,
  savedPage,
  sentPage,
  startPage,
  unusablePage,
  urls,
} from '#web/respondent/questionnaire-pages';

type PageRequest = HttpRequest<unknown, Record<string, string | undefined>, Record<string, string>>;
type Page = (request: PageRequest, found: Found) => Promise<HttpReply>;

const redirect = (location: string): HttpReply => ({ status: 303, body: '', contentType: 'text/html; charset=utf-8', headers: { location } });

/**
 * Every page starts the same way: find the link, then refuse a used or expired one. `whenSent`
 * serves the few pages that stay meaningful after sending.
 */
function page(serve: Page, whenSent?: Page, options: { evenIfExpired?: boolean } = {}) {
  return async (request: PageRequest): Promise<HttpReply> => {
    const context = { lang: 'en' as 'en' | 'cy', victim: false };
    try {
      let found = await findInvitation(request.params.token ?? '');
      if (!found) return html(404, notFoundPage());
      const lang = request.query.lang;
      if (lang !== undefined && request.event.requestContext?.http?.method === 'GET') {
        // The language switch: an unsupported language is a clear page, not a guess.
        if (!isLanguage(lang)) return html(400, languageNotAvailablePage());
        found = await switchLanguage(found, lang);
        // Kept for the link: back to the same page without ?lang= (post/redirect/get keeps the address clean).
        if (found.state === 'open') return redirect(withoutLang(request));
      }
      const def = found.definition;
      context.lang = def.language;
      context.victim = def.audience === 'victim';
      if (found.state === 'submitted' && whenSent) return await whenSent(request, found);
      if (found.state === 'submitted') return html(409, unusablePage('used', def.language, context.victim));
      if (found.state === 'expired' && !options.evenIfExpired) return html(410, unusablePage('expired', def.language, context.victim));
      // The inspection is over: the link has ended as surely as an expired one.
      if (found.state === 'closed') return html(410, unusablePage('expired', def.language, context.victim));
      return await serve(request, found);
    } catch (error) {
      // Nothing from the request goes into the log: only the error's class and stack frames.
      log('error', 'questionnaire page failed', { correlationId: request.correlationId, ...safeErrorFields(error) });
      return html(500, unusablePage('problem', context.lang, context.victim));
    }
  };
}

const isLanguage = (lang: string): lang is 'en' | 'cy' => lang === 'en' || lang === 'cy';

/** The same page's address without `lang` (other parameters, such as from=check, kept). */
function withoutLang(request: PageRequest): string {
  const rest = new URLSearchParams(Object.entries(request.query).filter((e): e is [string, string] => e[0] !== 'lang' && e[1] !== undefined));
  const query = rest.toString();
  return `${request.event.rawPath}${query ? `?${query}` : ''}`;
}

const start: Page = async ({ params, query }, { invitation, definition }) => {
  // Coming back: carry on at the first question not yet answered (?start=1 is the Back link to the start page).
  if (query.start === undefined && invitation.seen.length > 0) {
    const next = firstUnseen(definition, invitation.seen, invitation.draft);
    return redirect(next ? urls.resumeAt(params.token!, next.id) : urls.check(params.token!));
  }
  return html(200, startPage(definition, params.token!, invitation.expiresAt));
};

const begin: Page = async ({ params }, { invitation, definition }) => {
  const next = firstUnseen(definition, invitation.seen, invitation.draft);
  return redirect(next ? urls.question(params.token!, next.id) : urls.check(params.token!));
};

const checkAnswers: Page = async ({ params }, { invitation, definition }) => html(200, checkPage(definition, params.token!, invitation.draft));

const send: Page = async ({ params }, found) => {
  const { invitation, definition } = found;
  try {
    await submitResponse(found, invitation.draft);
  } catch (error) {
    if (error instanceof InvalidInput)
      return html(400, checkPage(definition, params.token!, invitation.draft, missingAnswers(definition, invitation.draft)));
    // Sent meanwhile (a double click's second request): the same confirmation.
    if (!(error instanceof Conflict)) throw error;
  }
  return redirect(urls.sent(params.token!));
};

/** The second of a double click on Send finds the response already there: same confirmation. */
const sentAlready: Page = async ({ params }) => redirect(urls.sent(params.token!));

const saved: Page = async (_request, { invitation, definition }) => html(200, savedPage(definition, invitation.expiresAt));

/** The confirmation stays readable after sending: a refresh, or the second of a double click. */
const sent: Page = async ({ params }) => redirect(urls.start(params.token!));
const sentConfirmation: Page = async (_request, { definition }) => html(200, sentPage(definition));

/** A question the respondent's answers hide (a typed address, an old Back link) sends them on to where they are. */
const hidden = (token: string, found: Found): HttpReply => {
  const next = firstUnseen(found.definition, found.invitation.seen, found.invitation.draft);
  return redirect(next ? urls.question(token, next.id) : urls.check(token));
};

const showQuestion: Page = async ({ params, query }, found) => {
  const { invitation, definition } = found;
  const question = definition.questions.find((q) => q.id === params.questionId);
  if (!question) return html(404, notFoundPage());
  if (!isAsked(definition, question.id, invitation.draft)) return hidden(params.token!, found);
  const fromCheck = query.from === 'check';
  return html(
    200,
    questionPage({
      def: definition,
      token: params.token!,
      question,
      value: invitation.draft[question.id],
      fromCheck,
      resumed: query.resumed === '1',
      draft: invitation.draft,
    }),
  );
};

const answerQuestion: Page = async ({ params, query, body }, found) => {
  const def = found.definition;
  const token = params.token!;
  const question = def.questions.find((q) => q.id === params.questionId);
  if (!question) return html(404, notFoundPage());
  if (!isAsked(def, question.id, found.invitation.draft)) return hidden(token, found);
  const fromCheck = query.from === 'check';
  const form = body as URLSearchParams;
  const raw = rawAnswerFromForm(question, form);
  const saveForLater = form.get('action') === 'save';
  let answer: Answer | undefined;
  if (saveForLater) {
    // Saving for later keeps whatever is valid so far; a required question left blank stays unseen.
    const partial = validatePartial(def, { [question.id]: raw }, { routing: false });
    if (!partial.ok)
      return html(
        400,
        questionPage({ def, token, question, value: raw, error: partial.errors[0]!.message, fromCheck, draft: found.invitation.draft }),
      );
    answer = partial.answers[question.id];
    if (answer === undefined && !question.optional) return redirect(urls.saved(token));
  } else {
    const checked = checkOneAnswer(def, question, raw);
    if (!checked.ok)
      return html(400, questionPage({ def, token, question, value: raw, error: checked.message, fromCheck, draft: found.invitation.draft }));
    answer = checked.answer;
  }
  if (!(await saveDraft(found, question.id, answer))) {
    // Sent (or gone) between our read and this write, perhaps from another tab.
    return html(409, unusablePage('used', def.language, def.audience === 'victim'));
  }
  if (saveForLater) return redirect(urls.saved(token));
  const draft = { ...found.invitation.draft };
  if (answer === undefined) delete draft[question.id];
  else draft[question.id] = answer;
  // From the check page, an answer that shows questions not yet seen leads to them first.
  const unseen = fromCheck ? firstUnseen(def, [...found.invitation.seen, question.id], draft) : undefined;
  if (fromCheck) return redirect(unseen ? urls.question(token, unseen.id) : urls.check(token));
  const next = nextQuestion(def, question.id, draft);
  return redirect(next ? urls.question(token, next.id) : urls.check(token));
};

export const handler = httpHandler(questionnairePagesRoutes, {
  'GET /q/{token}': page(start),
  'POST /q/{token}': page(begin),
  'GET /q/{token}/check': page(checkAnswers),
  'POST /q/{token}/check': page(send, sentAlready),
  'GET /q/{token}/saved': page(saved),
  'GET /q/{token}/sent': page(sent, sentConfirmation, { evenIfExpired: true }),
  'GET /q/{token}/{questionId}': page(showQuestion),
  'POST /q/{token}/{questionId}': page(answerQuestion),
});
