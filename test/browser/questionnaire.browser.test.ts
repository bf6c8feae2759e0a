/**
 * A respondent's journey in a real browser (Debian's Chromium, driven by playwright-core):
 * every questionnaire in English and in Welsh, once with the keyboard only, once with
 * JavaScript off, leaving and coming back, changing an answer from the check page, sending,
 * and the link refusing a second use. axe-core runs on every page visited and must find
 * nothing. One browser for the whole file (two cores).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQuestionnaire, pageText } from '#questionnaires/index';
import { askedQuestions, isAsked } from '#questionnaires/routing';
import type { Answers, Audience, Language, QuestionnaireDefinition, QuestionnaireQuestion } from '#schemas/questionnaire';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { AXE_SOURCE, SCREENSHOTS, launchChromium } from '#support/browser';

/** English words that have no business in the visible text of a Welsh page. */
const ENGLISH = /\b(the|you|your|and|continue|back|question|save|change|send|error|skip|start|answers|select|enter|yes|no)\b/i;

let browser: Browser;
let inspectionId: string;
let pagesAudited = 0;
/** Pages seen with JavaScript off are audited here: axe needs JavaScript, GOV.UK Frontend's script is left out. */
let auditPage: Page;
const javaScriptOff = new WeakSet<BrowserContext>();

beforeAll(async () => {
  browser = await launchChromium();
  inspectionId = await createInspection('Dyfed-Powys');
  const auditContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  await auditContext.addInitScript(AXE_SOURCE);
  auditPage = await auditContext.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function link(audience: Audience, language: Language): Promise<string> {
  const res = await call(`/inspections/${inspectionId}/invitations`, { as: 'admin', json: { audience, language, count: 1 } });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
  return res.json.invitations[0].url;
}

/** A context that records what went wrong in it: asset failures, script errors, CSP violations. */
async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, ...options });
  if (options.javaScriptEnabled === false) javaScriptOff.add(context);
  // Injected by the DevTools protocol, so the pages' CSP (script-src 'self') does not stop it.
  else await context.addInitScript(AXE_SOURCE);
  const problems: string[] = [];
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

function watch(page: Page, problems: string[]) {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 400/409 document is logged as "Failed to load resource"; assets are checked below instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/assets/') && response.status() >= 400)
      problems.push(`asset ${response.status()}: ${response.url()}`);
  });
}

type AxeViolations = { id: string; nodes: { target: string[]; failureSummary: string }[] }[];
const runAxe = (page: Page) => page.evaluate<AxeViolations>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");

/** axe-core on the page as it stands: no violations at all; the page's language is set, and Welsh pages are Welsh. */
async function audit(page: Page, lang: Language) {
  await page.waitForLoadState('load');
  expect(await page.evaluate<string>('document.documentElement.lang')).toBe(lang);
  let violations: AxeViolations;
  if (javaScriptOff.has(page.context())) {
    // axe schedules its work with timers, which never fire in a page without JavaScript: audit
    // the very same document in a page with JavaScript, minus the one script tag, styles and all.
    const html = (await page.content())
      .replace(/<script type="module"[^>]*><\/script>/, '')
      .replace('<head>', `<head><base href="${new URL(page.url()).origin}/">`);
    await auditPage.setContent(html, { waitUntil: 'load' });
    violations = await runAxe(auditPage);
  } else {
    violations = await runAxe(page);
  }
  const where = new URL(page.url()).pathname.replace(/\/q\/[^/?]+/, '/q/{token}');
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`),
    `axe on ${where}`,
  ).toEqual([]);
  if (lang === 'cy') {
    const text = await page.evaluate<string>('document.body.innerText');
    expect(text.match(ENGLISH)?.[0], `English on the Welsh page ${where}`).toBeUndefined();
  }
  pagesAudited++;
}

/** Does something that loads a new page (a click, Enter), waits for it and audits it. */
async function go(page: Page, lang: Language, action: () => Promise<unknown>) {
  await Promise.all([page.waitForNavigation(), action()]);
  await audit(page, lang);
}

async function open(page: Page, url: string, lang: Language) {
  const response = await page.goto(url);
  await audit(page, lang);
  return response!;
}

/** Presses Tab until the focused element matches `selector` (the keyboard user's way to it). */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const heading = (page: Page) => page.locator('h1').first().innerText();
const questionPath = (page: Page) => new URL(page.url()).pathname.split('/')[3];

/** Answers one question page with the mouse and continues. */
async function answerByClicks(page: Page, lang: Language, q: QuestionnaireQuestion, pick: number | string[] | string) {
  if (q.type === 'text') await page.fill(`#${q.id}`, String(pick));
  else if (Array.isArray(pick)) for (const v of pick) await page.check(`input[name="${q.id}"][value="${v}"]`);
  else await page.check(`input[name="${q.id}"][value="${q.options![pick as number]!.value}"]`);
  await go(page, lang, () => page.click('button[value="continue"]'));
}

async function expectUsed(page: Page, url: string, lang: Language) {
  const again = await open(page, url, lang);
  expect(again.status()).toBe(409);
  expect(await heading(page)).toBe(pageText[lang].linkUsedTitle);
}

function optionLabel(q: QuestionnaireQuestion, index: number) {
  return q.options![index]!.label;
}

describe('the questionnaire in a browser', () => {
  it('victim, English, keyboard only (Tab, Space, arrows, Enter), with "Exit this page" on every page', async () => {
    const { context, problems } = await newContext();
    const page = await context.newPage();
    const def = getQuestionnaire('victim', 'en');
    const url = await link('victim', 'en');

    await open(page, url, 'en');
    expect(await heading(page)).toBe(def.title);
    expect(await page.locator('.govuk-exit-this-page a[href="https://www.bbc.co.uk/weather"]').count()).toBe(1);
    await tabTo(page, 'button.govuk-button--start');
    await go(page, 'en', () => page.keyboard.press('Enter'));

    for (const [i, q] of def.questions.entries()) {
      expect(questionPath(page)).toBe(q.id);
      expect(await page.locator('.govuk-exit-this-page a[href="https://www.bbc.co.uk/weather"]').count()).toBe(1);
      if (q.type === 'text') {
        await tabTo(page, `#${q.id}`);
        await page.keyboard.type('The liaison officer was kind.');
      } else {
        await tabTo(page, `input[name="${q.id}"]`);
        // Tabbing into an unanswered group lands on its first option: Space picks it, an arrow picks the next.
        await page.keyboard.press(i % 2 === 0 ? 'Space' : 'ArrowDown');
        expect(await page.locator(`input[name="${q.id}"]:checked`).getAttribute('value')).toBe(q.options![i % 2]!.value);
      }
      await tabTo(page, 'button[value="continue"]');
      await go(page, 'en', () => page.keyboard.press('Enter'));
    }

    // Check answers, change the first answer from the keyboard, come back to the check page.
    expect(await heading(page)).toBe('Check your answers before sending');
    const first = def.questions[0]!;
    await tabTo(page, `a[href$="/${first.id}?from=check"]`);
    await go(page, 'en', () => page.keyboard.press('Enter'));
    expect(await page.locator(`input[name="${first.id}"]:checked`).getAttribute('value')).toBe(first.options![0]!.value);
    await tabTo(page, `input[name="${first.id}"]`);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button[value="continue"]');
    await go(page, 'en', () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toMatch(/\/check$/);
    expect(await page.locator('.govuk-summary-list__row').first().locator('.govuk-summary-list__value').innerText()).toBe(optionLabel(first, 1));

    await tabTo(page, 'form[action$="/check"] button');
    await go(page, 'en', () => page.keyboard.press('Enter'));
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Questionnaire sent');

    await expectUsed(page, url, 'en');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('sentencer, Welsh, JavaScript off: errors, save and come back later, resume, change, send', async () => {
    const def = getQuestionnaire('sentencer', 'cy');
    const t = pageText.cy;
    const url = await link('sentencer', 'cy');
    const questions = def.questions;

    // First visit: an error, three answers, then "save and come back later" on the fourth.
    const first = await newContext({ javaScriptEnabled: false });
    let page = await first.context.newPage();
    await open(page, url, 'cy');
    await go(page, 'cy', () => page.click('button.govuk-button--start'));
    await go(page, 'cy', () => page.click('button[value="continue"]'));
    expect(await page.title()).toMatch(/^Gwall: /);
    expect(await page.locator('.govuk-error-summary__title').innerText()).toBe(t.thereIsAProblem);
    expect(await page.locator('p.govuk-error-message').innerText()).toContain(t.errorPrefix);
    expect(await page.locator('input:checked').count()).toBe(0);
    await page.click('.govuk-error-summary__list a');
    expect(new URL(page.url()).hash).toBe(`#${questions[0]!.id}`);
    for (const q of questions.slice(0, 3)) await answerByClicks(page, 'cy', q, 0);
    await page.check(`input[name="${questions[3]!.id}"][value="${questions[3]!.options![1]!.value}"]`);
    await go(page, 'cy', () => page.click('button[value="save"]'));
    expect(await heading(page)).toBe(t.answersSaved);
    await first.context.close();

    // Later, another browser: the same link carries on at the first unanswered question.
    const second = await newContext({ javaScriptEnabled: false });
    page = await second.context.newPage();
    await open(page, url, 'cy');
    expect(questionPath(page)).toBe(questions[4]!.id);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(t.answersSaved);
    await go(page, 'cy', () => page.click('.govuk-back-link'));
    expect(questionPath(page)).toBe(questions[3]!.id);
    expect(await page.locator(`input[name="${questions[3]!.id}"]:checked`).getAttribute('value')).toBe(questions[3]!.options![1]!.value);
    await go(page, 'cy', () => page.click('button[value="continue"]'));
    for (const q of questions.slice(4)) await answerByClicks(page, 'cy', q, q.type === 'text' ? 'Gwasanaeth da.' : 0);

    expect(await heading(page)).toBe(t.checkAnswersTitle);
    const target = questions[2]!;
    await go(page, 'cy', () => page.click(`a[href$="/${target.id}?from=check"]`));
    await answerByClicks(page, 'cy', target, 1);
    expect(await heading(page)).toBe(t.checkAnswersTitle);
    expect(await page.locator('.govuk-summary-list__row').nth(2).locator('.govuk-summary-list__value').innerText()).toBe(optionLabel(target, 1));

    await go(page, 'cy', () => page.click('form[action$="/check"] button'));
    expect(await page.locator('.govuk-panel__title').innerText()).toBe(t.sentTitle);
    await expectUsed(page, url, 'cy');
    expect(second.problems).toEqual([]);
    expect(first.problems).toEqual([]);
    await second.context.close();
  }, 120_000);

  it('offender, English, with the mouse: "None of these", over-long text, GOV.UK styling and fonts, screenshots', async () => {
    const { context, problems } = await newContext();
    const page = await context.newPage();
    const def = getQuestionnaire('offender', 'en');
    const url = await link('offender', 'en');

    await open(page, url, 'en');
    await go(page, 'en', () => page.click('button.govuk-button--start'));
    // Styled and with GOV.UK's own fonts (served from /assets, allowed by the CSP).
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.govuk-header')).backgroundColor")).toBe('rgb(29, 112, 184)');
    const fonts = await page.evaluate<string[]>(
      "document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/\"/g, '')))",
    );
    expect(fonts).toContain('GDS Transport');
    expect(await page.evaluate<boolean>("document.body.classList.contains('govuk-frontend-supported')")).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}question-page.png`, fullPage: true });

    for (const q of def.questions) {
      if (q.type === 'multi-choice') {
        const values = q.options!.map((o) => o.value).filter((v) => !(q.exclusive ?? []).includes(v));
        // "None of these" is exclusive: with JavaScript, ticking it clears the others.
        await page.check(`input[name="${q.id}"][value="${values[0]}"]`);
        await page.check(`input[name="${q.id}"][value="${q.exclusive![0]}"]`);
        expect(await page.locator(`input[name="${q.id}"]:checked`).count()).toBe(1);
        await page.check(`input[name="${q.id}"][value="${values[0]}"]`);
        await page.check(`input[name="${q.id}"][value="${values[1]}"]`);
        await go(page, 'en', () => page.click('button[value="continue"]'));
      } else if (q.type === 'text') {
        await page.fill(`#${q.id}`, 'x'.repeat(q.maxLength! + 5));
        await go(page, 'en', () => page.click('button[value="continue"]'));
        expect(await page.title()).toMatch(/^Error: /);
        expect(await page.locator('p.govuk-error-message').innerText()).toContain('Enter no more than 2,000 characters');
        await answerByClicks(page, 'en', q, 'My officer helped me find a course.');
      } else {
        await answerByClicks(page, 'en', q, 0);
      }
    }
    expect(await heading(page)).toBe('Check your answers before sending');
    const multi = def.questions.find((q) => q.type === 'multi-choice')!;
    const row = page.locator('.govuk-summary-list__row').nth(def.questions.indexOf(multi));
    expect(await row.locator('li').count()).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}check-answers.png`, fullPage: true });

    await go(page, 'en', () => page.click('form[action$="/check"] button'));
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Questionnaire sent');
    await expectUsed(page, url, 'en');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it.each([
    ['victim', 'cy', true],
    ['sentencer', 'en', false],
    ['offender', 'cy', true],
  ] as const)(
    '%s, %s: completes and sends (JavaScript %s)',
    async (audience, lang, javaScriptEnabled) => {
      const { context, problems } = await newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const def: QuestionnaireDefinition = getQuestionnaire(audience, lang);
      const url = await link(audience, lang);
      await open(page, url, lang);
      expect(await heading(page)).toBe(def.title);
      await go(page, lang, () => page.click('button.govuk-button--start'));
      // Routing: only the questions the answers so far ask.
      const given: Answers = {};
      for (const [i, q] of def.questions.entries()) {
        if (!isAsked(def, q.id, given)) continue;
        expect(await heading(page)).toContain(q.text);
        if (q.type === 'multi-choice') await answerByClicks(page, lang, q, [q.options![0]!.value]);
        else if (q.type === 'text') await answerByClicks(page, lang, q, i % 2 ? '' : 'Diolch.');
        else await answerByClicks(page, lang, q, i % q.options!.length);
        if (q.type === 'multi-choice') given[q.id] = [q.options![0]!.value];
        else if (q.type !== 'text') given[q.id] = q.options![i % q.options!.length]!.value;
      }
      expect(await heading(page)).toBe(pageText[lang].checkAnswersTitle);
      await go(page, lang, () => page.click('form[action$="/check"] button'));
      expect(await page.locator('.govuk-panel__title').innerText()).toBe(pageText[lang].sentTitle);
      await expectUsed(page, url, lang);
      expect(problems).toEqual([]);
      await context.close();
    },
    120_000,
  );

  it.each(['en', 'cy'] as const)(
    'victim who declined contact, %s: sees only the questions that apply, switches language and back, reads the statements',
    async (lang) => {
      const { context, problems } = await newContext();
      const page = await context.newPage();
      const def = getQuestionnaire('victim', lang);
      const t = pageText[lang];
      const other = lang === 'en' ? 'cy' : 'en';
      const url = await link('victim', lang);
      const declined: Answers = { 'agreed-contact': 'no' };
      const applies = askedQuestions(def, declined);
      expect(applies.map((q) => q.id)).toEqual(['agreed-contact', 'mappa-aware', 'first-time-asked', 'comments']);

      await open(page, url, lang);
      await go(page, lang, () => page.click('button.govuk-button--start'));
      const contact = def.questions[0]!;
      await answerByClicks(
        page,
        lang,
        contact,
        contact.options!.findIndex((o) => o.value === 'no'),
      );
      const seen: string[] = [contact.id];
      while (new URL(page.url()).pathname.split('/')[3] !== 'check') {
        const q = def.questions.find((x) => x.id === questionPath(page))!;
        seen.push(q.id);
        expect(await page.locator('.govuk-caption-l, .govuk-caption-xl, .govuk-caption-m').first().innerText()).toBe(
          t.questionXOfY(seen.length, applies.length),
        );
        if (q.id === 'mappa-aware') {
          // The language switch keeps the place and the answers so far.
          await go(page, other, () => page.click(`a[hreflang="${other}"]`));
          expect(questionPath(page)).toBe('mappa-aware');
          await go(page, other, () => page.click('.govuk-back-link'));
          expect(questionPath(page)).toBe(contact.id);
          expect(await page.locator(`input[name="${contact.id}"]:checked`).getAttribute('value')).toBe('no');
          await go(page, lang, () => page.click(`a[hreflang="${lang}"]`));
          await go(page, lang, () => page.click('button[value="continue"]'));
          expect(questionPath(page)).toBe('mappa-aware');
        }
        await answerByClicks(page, lang, q, q.type === 'text' ? '' : 0);
      }
      expect(seen).toEqual(applies.map((q) => q.id));
      expect(await heading(page)).toBe(t.checkAnswersTitle);
      expect(await page.locator('.govuk-summary-list__row').count()).toBe(applies.length);
      const body = await page.locator('main').innerText();
      for (const q of def.questions) if (!applies.includes(q)) expect(body).not.toContain(q.text);

      // The footer's statements, in the page's language.
      await go(page, lang, () => page.click('footer a[href^="/accessibility"]'));
      expect(await heading(page)).toBe(t.accessibility);
      await go(page, lang, () => page.click('footer a[href^="/privacy"]'));
      await page.goBack();
      await page.goBack();
      await audit(page, lang);

      await go(page, lang, () => page.click('form[action$="/check"] button'));
      expect(await page.locator('.govuk-panel__title').innerText()).toBe(t.sentTitle);
      await expectUsed(page, url, lang);
      expect(problems).toEqual([]);
      await context.close();
    },
    120_000,
  );

  it('ran axe on every page visited', () => {
    expect(pagesAudited).toBeGreaterThan(60);
  });
});
