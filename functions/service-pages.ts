/** GET /accessibility and GET /privacy (`?lang=cy` for Welsh): the statements every respondent page links to. */
import { RETENTION_DAYS } from '#domain/retention';
import { html, httpHandler, type RouteHandler } from '#http/handler';
import { servicePagesRoutes } from '#route-table/service-pages';
import { languageNotAvailablePage } from '#web/respondent/questionnaire-pages';
import { accessibilityPage, privacyPage } from '#web/respondent/service-pages';

const languageOf = (lang: string | undefined) => (lang === undefined || lang === 'en' ? 'en' : lang === 'cy' ? 'cy' : undefined);

const accessibility: RouteHandler<'GET /accessibility'> = async ({ query }) => {
  const lang = languageOf(query.lang);
  return lang ? html(200, accessibilityPage(lang)) : html(400, languageNotAvailablePage());
};

const privacy: RouteHandler<'GET /privacy'> = async ({ query }) => {
  const lang = languageOf(query.lang);
  return lang ? html(200, privacyPage(lang, RETENTION_DAYS)) : html(400, languageNotAvailablePage());
};

export const handler = httpHandler(servicePagesRoutes, { 'GET /accessibility': accessibility, 'GET /privacy': privacy });
