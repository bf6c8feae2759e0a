/**
 * The questionnaire as web pages at /q/{token}: start, one question per page (answers kept as
 * the respondent goes), check answers, send once, confirmation. Every POST answers with a 303
 * to the next page (post/redirect/get). A used, expired or unknown link gets a GOV.UK page
 * with the right status (409, 410, 404) instead of problem+json.
 */
import { ensureCounted, findInvitation, saveDraft, sendResponse } from '../shared/domain/invitations';
import { checkOneAnswer, firstUnseen, missingAnswers, nextQuestion, rawAnswerFromForm } from '../shared/domain/questionnaire-flow';
import { html, httpHandler, type HttpReply, type HttpRequest } from '../shared/http/handler';
import { log, safeErrorFields } from '../shared/http/log';
import { validateAnswers, validatePartial } from '../shared/questionnaires/validate';
import type { Language } from '../shared/schemas/questionnaire';
import { checkPage, notFoundPage, questionPage, savedPage, sentPage, startPage, unusablePage, urls } from '../shared/web/questionnaire-pages';

const redirect = (location: string): HttpReply => ({ status: 303, body: '', contentType: 'text/html; charset=utf-8', headers: { location } });

export const handler = httpHandler(
  [
    'GET /q/{token}',
    'POST /q/{token}',
    'GET /q/{token}/check',
    'POST /q/{token}/check',
    'GET /q/{token}/saved',
    'GET /q/{token}/sent',
    'GET /q/{token}/{questionId}',
    'POST /q/{token}/{questionId}',
  ],
  async (request) => {
    const context: { lang: Language; victim: boolean } = { lang: 'en', victim: false };
    try {
      return await serve(request, context);
    } catch (error) {
      // Nothing from the request goes into the log: only the error's class and stack frames.
      log('error', 'questionnaire page failed', { correlationId: request.correlationId, ...safeErrorFields(error) });
      return html(500, unusablePage('problem', context.lang, context.victim));
    }
  },
);

async function serve({ route, params, query, body }: HttpRequest, context: { lang: Language; victim: boolean }): Promise<HttpReply> {
  const token = params.token ?? '';
  const found = await findInvitation(token);
  if (!found) return html(404, notFoundPage());
  const { invitation, definition: def } = found;
  context.lang = def.language;
  context.victim = def.audience === 'victim';
  const key = `${route.method} ${route.path}`;

  // The confirmation stays readable after sending: a refresh, or the second of a double click.
  if (key === 'GET /q/{token}/sent') return found.state === 'submitted' ? html(200, sentPage(def)) : redirect(urls.start(token));
  // The second of a double click on Send finds the response already there: same confirmation.
  if (key === 'POST /q/{token}/check' && found.state === 'submitted') {
    await ensureCounted(found);
    return redirect(urls.sent(token));
  }
  if (found.state === 'submitted') return html(409, unusablePage('used', def.language, context.victim));
  if (found.state === 'expired') return html(410, unusablePage('expired', def.language, context.victim));

  switch (key) {
    case 'GET /q/{token}': {
      // Coming back: carry on at the first question not yet answered (?start=1 is the Back link to the start page).
      if (query.start === undefined && invitation.seen.length > 0) {
        const next = firstUnseen(def, invitation.seen);
        return redirect(next ? urls.resumeAt(token, next.id) : urls.check(token));
      }
      return html(200, startPage(def, token, invitation.expiresAt));
    }

    case 'POST /q/{token}': {
      const next = firstUnseen(def, invitation.seen);
      return redirect(next ? urls.question(token, next.id) : urls.check(token));
    }

    case 'GET /q/{token}/check':
      return html(200, checkPage(def, token, invitation.draft));

    case 'POST /q/{token}/check': {
      const checked = validateAnswers(def, invitation.draft);
      if (!checked.ok) return html(400, checkPage(def, token, invitation.draft, missingAnswers(def, invitation.draft)));
      await sendResponse(found, checked.answers);
      // 'duplicate' too: a double click's second request lands on the same confirmation.
      return redirect(urls.sent(token));
    }

    case 'GET /q/{token}/saved':
      return html(200, savedPage(def, invitation.expiresAt));

    case 'GET /q/{token}/{questionId}':
    case 'POST /q/{token}/{questionId}': {
      const question = def.questions.find((q) => q.id === params.questionId);
      if (!question) return html(404, notFoundPage());
      const fromCheck = query.from === 'check';
      if (route.method === 'GET') {
        return html(200, questionPage({ def, token, question, value: invitation.draft[question.id], fromCheck, resumed: query.resumed === '1' }));
      }

      const form = body as URLSearchParams;
      const raw = rawAnswerFromForm(question, form);
      const saveForLater = form.get('action') === 'save';
      let answer;
      if (saveForLater) {
        // Saving for later keeps whatever is valid so far; a required question left blank stays unseen.
        const partial = validatePartial(def, { [question.id]: raw });
        if (!partial.ok) return html(400, questionPage({ def, token, question, value: raw, error: partial.errors[0]!.message, fromCheck }));
        answer = partial.answers[question.id];
        if (answer === undefined && !question.optional) return redirect(urls.saved(token));
      } else {
        const checked = checkOneAnswer(def, question, raw);
        if (!checked.ok) return html(400, questionPage({ def, token, question, value: raw, error: checked.message, fromCheck }));
        answer = checked.answer;
      }
      if (!(await saveDraft(found, question.id, answer))) {
        // Sent (or gone) between our read and this write, perhaps from another tab.
        return html(409, unusablePage('used', def.language, context.victim));
      }
      if (saveForLater) return redirect(urls.saved(token));
      if (fromCheck) return redirect(urls.check(token));
      const next = nextQuestion(def, question.id);
      return redirect(next ? urls.question(token, next.id) : urls.check(token));
    }

    default:
      return html(404, notFoundPage());
  }
}
