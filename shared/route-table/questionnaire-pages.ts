/** functions/questionnaire-pages.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, RESPONDENT_MAX_BODY_BYTES, type RouteSpec, FORM, HTML, routesOfFunction } from './spec';

const route = routesOfFunction('questionnaire-pages');

export const questionnairePagesRoutes = [
  route.get('/q/{token}', 'token', 'The questionnaire as web pages: the start page, or back to the first unanswered question', { response: HTML }),
  route.post('/q/{token}', 'token', 'Start (or carry on): redirects to the first unanswered question', {
    body: FORM,
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  }),
  route.get('/q/{token}/check', 'token', 'Check your answers before sending', { response: HTML }),
  route.post('/q/{token}/check', 'token', 'Send the saved answers, once; redirects to the confirmation page', {
    body: FORM,
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  }),
  route.get('/q/{token}/saved', 'token', 'Your answers have been saved: come back with the same link', { response: HTML }),
  route.get('/q/{token}/sent', 'token', 'Confirmation: questionnaire sent', { response: HTML }),
  route.get('/q/{token}/{questionId}', 'token', 'One question', { response: HTML }),
  route.post('/q/{token}/{questionId}', 'token', 'Answer one question (kept as a draft); redirects to the next page', {
    body: FORM,
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  }),
] as const satisfies readonly RouteSpec[];

/**
 * The same, plus saveDraftAnswer and saveAnswerLanguage (UpdateItem).
 */
export const questionnairePagesFunction = httpFunction('questionnaire-pages', questionnairePagesRoutes, {
  actions: ['GetItem', 'UpdateItem'],
  readsTexts: true,
});
