/**
 * The GOV.UK page template, hand-written (no Nunjucks): skip link, header with the service
 * name, optional "Exit this page" and back link, main, footer. Every page states its
 * language; Welsh pages are Welsh throughout. No inline scripts or styles (the stack sends a
 * strict CSP); the one module script only adds GOV.UK Frontend's enhancements, and every page
 * works without it.
 *
 * Everything interpolated goes through `esc` (escape-html). Callers pass `content` already
 * built from escaped parts.
 */
import escapeHtml from 'escape-html';
import { pageText } from '#questionnaires/index';
import type { Language } from '#schemas/questionnaire';
import { ASSET_PATHS } from './assets';
import { FOOTER_CROWN, GOVUK_LOGO, LICENCE_LOGO } from './logos';
import { webText } from './strings';

export const esc = (value: unknown): string => escapeHtml(String(value ?? ''));

/** Where "Exit this page" goes: a neutral page that says nothing about why someone left. */
export const EXIT_URL = 'https://www.bbc.co.uk/weather';

const OGL = {
  en: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  cy: 'https://www.nationalarchives.gov.uk/doc/open-government-licence-cymraeg/version/3/',
} as const;
const CROWN_COPYRIGHT =
  'https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/';

export interface PageOptions {
  lang: Language;
  /** The page's own heading; the document title adds the service name, and "Error: " when `hasErrors`. */
  title: string;
  content: string;
  hasErrors?: boolean;
  backHref?: string;
  exitThisPage?: boolean;
  /** Content wider than two thirds of the page (the check answers page). */
  fullWidth?: boolean;
  /** Another service name in the header and the title (the staff report pages); the respondents' by default. */
  serviceName?: string;
  /** Items for the service navigation (the workbench's links and its sign-out button), already built from escaped parts. */
  navigation?: string;
  /** More stylesheets of our own, linked after GOV.UK Frontend's. */
  stylesheets?: readonly string[];
  /**
   * The respondent pages' language switch: a link to the same page (`?lang=`) in the other
   * language. The handler keeps the choice for the link, so place and answers stay as they are.
   */
  languageSwitch?: boolean;
}

const OTHER: Record<Language, Language> = { en: 'cy', cy: 'en' };

/** "English | Cymraeg": the current language as text, the other as a link in its own language. */
export function languageSwitch(lang: Language): string {
  const other = OTHER[lang];
  const names = { en: 'English', cy: 'Cymraeg' } as const;
  return `<nav class="govuk-!-margin-top-3 govuk-!-margin-bottom-0" aria-label="${esc(lang === 'cy' ? 'Dewis iaith' : 'Language')}">
  <p class="govuk-body-s govuk-!-margin-bottom-0"><span aria-current="true">${esc(names[lang])}</span> | <a class="govuk-link" href="?lang=${other}" hreflang="${other}" lang="${other}" rel="alternate">${esc(names[other])}</a></p>
</nav>`;
}

/** The respondent pages' footer links: the accessibility statement and the privacy notice, in the page's language. */
export function serviceFooterLinks(lang: Language): string {
  const t = pageText[lang];
  const q = lang === 'cy' ? '?lang=cy' : '';
  return `<h2 class="govuk-visually-hidden">${esc(lang === 'cy' ? 'Dolenni cymorth' : 'Support links')}</h2>
          <ul class="govuk-footer__inline-list">
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility${q}">${esc(t.accessibility)}</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/privacy${q}">${esc(t.privacy)}</a></li>
          </ul>`;
}

export function exitThisPage(lang: Language): string {
  const t = pageText[lang];
  const w = webText[lang];
  return `<div class="govuk-exit-this-page" data-module="govuk-exit-this-page" data-i18n.activated="${esc(t.exitThisPageActivated)}" data-i18n.timed-out="${esc(w.exitTimedOut)}" data-i18n.press-two-more-times="${esc(w.exitPressTwoMoreTimes)}" data-i18n.press-one-more-time="${esc(w.exitPressOneMoreTime)}">
  <a href="${esc(EXIT_URL)}" role="button" draggable="false" class="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button" data-module="govuk-button" rel="nofollow noreferrer">
    <span class="govuk-visually-hidden">${esc(w.emergency)}</span> ${esc(t.exitThisPage)}
  </a>
</div>`;
}

export function layout(options: PageOptions): string {
  const { lang } = options;
  const t = pageText[lang];
  const w = webText[lang];
  const serviceName = options.serviceName ?? t.serviceName;
  const title = `${options.hasErrors ? t.errorTitlePrefix : ''}${options.title} - ${serviceName}`;
  const column = options.fullWidth ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds';
  // Inside <main>, so that every piece of content sits in a landmark (axe "region").
  const before = [
    options.languageSwitch ? languageSwitch(lang) : '',
    options.exitThisPage ? exitThisPage(lang) : '',
    options.backHref ? `<a href="${esc(options.backHref)}" class="govuk-back-link">${esc(t.back)}</a>` : '',
  ].join('');
  return `<!DOCTYPE html>
<html lang="${esc(lang)}" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${esc(title)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#1d70b8">
  <meta name="robots" content="noindex, nofollow">
  <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
  <link rel="icon" sizes="any" href="/assets/images/favicon.svg" type="image/svg+xml">
  <link rel="mask-icon" href="/assets/images/govuk-icon-mask.svg" color="#1d70b8">
  <link rel="apple-touch-icon" href="/assets/images/govuk-icon-180.png">
  <link rel="manifest" href="/assets/manifest.json">
  <link rel="stylesheet" href="${esc(ASSET_PATHS.css)}">
${(options.stylesheets ?? []).map((href) => `  <link rel="stylesheet" href="${esc(href)}">\n`).join('')}</head>
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">${esc(t.skipToMain)}</a>
  <header class="govuk-template__header">
    <div class="govuk-header">
      <div class="govuk-header__container govuk-width-container">
        <div class="govuk-header__logo">
          <a href="https://www.gov.uk/" class="govuk-header__homepage-link">${GOVUK_LOGO}</a>
        </div>
      </div>
    </div>
    <section aria-label="${esc(w.serviceInformation)}" class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <span class="govuk-service-navigation__text">${esc(serviceName)}</span>
          </span>
${options.navigation ?? ''}
        </div>
      </div>
    </section>
  </header>
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper${before ? ' govuk-!-padding-top-0' : ''}" id="main-content">
      ${before}
      <div class="govuk-grid-row${before ? ' govuk-!-padding-top-6' : ''}">
        <div class="${column}">
${options.content}
        </div>
      </div>
    </main>
  </div>
  <footer class="govuk-template__footer">
    <div class="govuk-footer">
      <div class="govuk-width-container">
        ${FOOTER_CROWN}
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            ${options.serviceName ? '' : serviceFooterLinks(lang)}
            ${LICENCE_LOGO}
            <span class="govuk-footer__licence-description">${esc(w.licence.before)}<a class="govuk-footer__link" href="${esc(OGL[lang])}" rel="license">${esc(w.licence.link)}</a>${esc(w.licence.after)}</span>
          </div>
          <div class="govuk-footer__meta-item">
            <a class="govuk-footer__link govuk-footer__copyright-logo" href="${esc(CROWN_COPYRIGHT)}">${esc(t.crownCopyright)}</a>
          </div>
        </div>
      </div>
    </div>
  </footer>
  <script type="module" src="${esc(ASSET_PATHS.js)}"></script>
</body>
</html>
`;
}

export interface ErrorItem {
  href: string;
  message: string;
}

export function errorSummary(lang: Language, errors: readonly ErrorItem[]): string {
  if (errors.length === 0) return '';
  return `<div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert">
    <h2 class="govuk-error-summary__title">${esc(pageText[lang].thereIsAProblem)}</h2>
    <div class="govuk-error-summary__body">
      <ul class="govuk-list govuk-error-summary__list">
${errors.map((e) => `        <li><a href="${esc(e.href)}">${esc(e.message)}</a></li>`).join('\n')}
      </ul>
    </div>
  </div>
</div>`;
}

export function errorMessage(lang: Language, id: string, message: string): string {
  return `<p id="${esc(id)}" class="govuk-error-message"><span class="govuk-visually-hidden">${esc(pageText[lang].errorPrefix)}</span> ${esc(message)}</p>`;
}
