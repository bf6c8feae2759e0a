/** functions/questionnaire-pages.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, RESPONDENT_MAX_BODY_BYTES, type RouteSpec } from './spec';

export const questionnairePagesRoutes = [
  {
    method: 'GET',
    path: '/q/{token}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'The questionnaire as web pages: the start page, or back to the first unanswered question',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/q/{token}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Start (or carry on): redirects to the first unanswered question',
    body: { kind: 'form' },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  },
  {
    method: 'GET',
    path: '/q/{token}/check',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Check your answers before sending',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/q/{token}/check',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Send the saved answers, once; redirects to the confirmation page',
    body: { kind: 'form' },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  },
  {
    method: 'GET',
    path: '/q/{token}/saved',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Your answers have been saved: come back with the same link',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/q/{token}/sent',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Confirmation: questionnaire sent',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'GET',
    path: '/q/{token}/{questionId}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'One question',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'POST',
    path: '/q/{token}/{questionId}',
    fn: 'questionnaire-pages',
    access: 'token',
    summary: 'Answer one question (kept as a draft); redirects to the next page',
    body: { kind: 'form' },
    maxBodyBytes: RESPONDENT_MAX_BODY_BYTES,
  },
] as const satisfies readonly RouteSpec[];

/**
 * The same, plus saveDraftAnswer and saveAnswerLanguage (UpdateItem).
 */
export const questionnairePagesFunction = httpFunction(
  'questionnaire-pages',
  questionnairePagesRoutes,
  { actions: ['GetItem', 'UpdateItem'] },
  { readsTexts: true },
);
