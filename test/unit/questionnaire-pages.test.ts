import { describe, expect, it } from 'vitest';
import { audiences, getQuestionnaire, languages } from '#questionnaires/index';
import type { QuestionnaireDefinition } from '#schemas/questionnaire';
import { checkPage, notFoundPage, questionPage, savedPage, sentPage, startPage, unusablePage } from '#web/respondent/questionnaire-pages';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const ENGLISH = /\b(the|you|your|and|continue|back|question|save|change|send|error|skip|start|answers|select|enter|yes|no|optional|characters)\b/i;

/** The words a reader sees (and a screen reader hears): text and aria-labels, without tags, scripts or SVG. */
function visibleText(html: string): string {
  const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<head>[\s\S]*?<\/head>/, (head) => head.match(/<title>[\s\S]*?<\/title>/)?.[0] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'");
  return `${text} ${labels.join(' ')}`.replace(/GOV\.UK/g, '');
}

function everyPage(def: QuestionnaireDefinition): [string, string][] {
  const q = (i: number) => def.questions[i]!;
  const text = def.questions.find((x) => x.type === 'text')!;
  const multi = def.questions.find((x) => x.type === 'multi-choice');
  const pages: [string, string][] = [
    ['start', startPage(def, TOKEN, '2026-12-31T23:59:59.000Z')],
    ['question', questionPage({ def, token: TOKEN, question: q(0), value: undefined })],
    ['question with error', questionPage({ def, token: TOKEN, question: q(1), value: undefined, error: 'x', resumed: true })],
    ['text question', questionPage({ def, token: TOKEN, question: text, value: 'hello' })],
    ['check', checkPage(def, TOKEN, { [q(0).id]: q(0).options![0]!.value }, [{ questionId: q(1).id, message: 'm' }])],
    ['saved', savedPage(def, '2026-12-31T23:59:59.000Z')],
    ['sent', sentPage(def)],
    ['used', unusablePage('used', def.language)],
    ['expired', unusablePage('expired', def.language)],
    ['problem', unusablePage('problem', def.language)],
  ];
  if (multi) pages.push(['multi question', questionPage({ def, token: TOKEN, question: multi, value: [multi.options![0]!.value] })]);
  return pages;
}

const all = audiences.flatMap((a) => languages.map((l) => getQuestionnaire(a, l)));

describe('the respondent pages', () => {
  it.each(all.map((d) => [`${d.audience} ${d.language}`, d] as const))(
    '%s: every page sets its language, has no inline script or style, uses the v6 header',
    (_n, def) => {
      for (const [name, html] of everyPage(def)) {
        expect(html, name).toContain(`<html lang="${def.language}" class="govuk-template">`);
        expect(html, name).toContain('govuk-header__homepage-link');
        expect(html, name).not.toContain('govuk-header__link--homepage');
        expect(html, name).not.toMatch(/<script(?![^>]*\bsrc=)/);
        expect(html, name).not.toMatch(/\sstyle=|<style/);
        expect(html, name).toContain('<a href="#main-content" class="govuk-skip-link"');
        expect(html, name).toContain('id="main-content"');
      }
    },
  );

  it.each(all.filter((d) => d.language === 'cy').map((d) => [d.audience, d] as const))(
    '%s in Welsh: no English words anywhere a reader sees',
    (_n, def) => {
      for (const [name, html] of everyPage(def)) {
        // The language switch's link to English is in English on purpose, and says so (lang="en").
        const text = visibleText(html.replace(/>x<|> x<|>m</g, '><').replace(/<a [^>]*\blang="en"[^>]*>[\s\S]*?<\/a>/g, ''));
        expect(text.match(ENGLISH)?.[0], name).toBeUndefined();
      }
    },
  );

  it('offers "Exit this page" on every victim page and on no other', () => {
    for (const def of all) {
      for (const [name, html] of everyPage(def)) {
        if (['used', 'expired', 'problem'].includes(name)) continue;
        expect(html.includes('govuk-exit-this-page'), `${def.audience} ${name}`).toBe(def.audience === 'victim');
      }
    }
    expect(unusablePage('used', 'en', true)).toContain('href="https://www.bbc.co.uk/weather"');
  });

  it('puts the question in the page heading: legend h1 for choices, label h1 for text', () => {
    const def = getQuestionnaire('victim', 'en');
    const radios = questionPage({ def, token: TOKEN, question: def.questions[0]!, value: undefined });
    expect(radios).toMatch(
      /<legend class="govuk-fieldset__legend govuk-fieldset__legend--l">[\s\S]*<h1 class="govuk-fieldset__heading">Did you agree/,
    );
    const text = def.questions.find((q) => q.type === 'text')!;
    const textarea = questionPage({ def, token: TOKEN, question: text, value: undefined });
    expect(textarea).toMatch(/<h1 class="govuk-label-wrapper">\s*<label class="govuk-label govuk-label--l" for="comments">/);
    expect(textarea).toContain('(optional)');
    expect(textarea).toContain('You can enter up to 2,000 characters');
    expect(textarea).toContain('<title>Is there anything else');
  });

  it('never pre-selects a radio, except the respondent’s own answer', () => {
    const def = getQuestionnaire('sentencer', 'en');
    const q = def.questions[0]!;
    expect(questionPage({ def, token: TOKEN, question: q, value: undefined })).not.toContain(' checked');
    const own = q.options![1]!.value;
    const mine = questionPage({ def, token: TOKEN, question: q, value: own });
    expect(mine.match(/ checked/g)).toHaveLength(1);
    expect(mine).toContain(`value="${own}" checked`);
  });

  it('offers "I do not know" apart, after "or", where it is an answer', () => {
    const def = getQuestionnaire('victim', 'cy');
    const html = questionPage({ def, token: TOKEN, question: def.questions[0]!, value: undefined });
    expect(html).toMatch(/<div class="govuk-radios__divider">neu<\/div>\s*<div class="govuk-radios__item">\s*<input[^>]*value="dont-know"/);
  });

  it('shows errors GOV.UK style: title prefix, summary linking to the field, inline message', () => {
    for (const [lang, prefix, summary] of [
      ['en', 'Error: ', 'There is a problem'],
      ['cy', 'Gwall: ', 'Mae problem wedi codi'],
    ] as const) {
      const def = getQuestionnaire('offender', lang);
      const q = def.questions[2]!;
      const html = questionPage({ def, token: TOKEN, question: q, value: undefined, error: 'Pick one' });
      expect(html).toContain(`<title>${prefix}`);
      expect(html).toContain(summary);
      expect(html).toContain(`<a href="#${q.id}">Pick one</a>`);
      expect(html).toContain(`id="${q.id}-error" class="govuk-error-message"`);
      expect(html).toMatch(new RegExp(`aria-describedby="[^"]*${q.id}-error"`));
      expect(html).toContain('govuk-form-group--error');
    }
  });

  it('escapes everything it interpolates', () => {
    const base = getQuestionnaire('victim', 'en');
    const def = structuredClone(base) as QuestionnaireDefinition;
    def.title = '<script>alert(1)</script>';
    def.questions[0]!.text = 'Q <img src=x onerror=alert(1)>';
    const text = def.questions.find((q) => q.type === 'text')!;
    const pages = [
      startPage(def, '"><script>x</script>'),
      questionPage({ def, token: TOKEN, question: def.questions[0]!, value: undefined, error: '<b>bad</b>' }),
      questionPage({ def, token: TOKEN, question: text, value: '</textarea><script>alert(2)</script>' }),
      checkPage(def, TOKEN, { [text.id]: '<i>hi</i>\nthere' }),
    ];
    for (const html of pages) {
      expect(html).not.toMatch(/<script>|<img src=x|<b>bad|<i>hi|<\/textarea><script/);
    }
    expect(pages[3]).toContain('&lt;i&gt;hi&lt;/i&gt;<br>there');
  });

  it('has a check answers page with a Change link for every question, and a bilingual not-found page', () => {
    const def = getQuestionnaire('sentencer', 'cy');
    const html = checkPage(def, TOKEN, {});
    expect(html.match(/class="govuk-summary-list__row"/g)).toHaveLength(def.questions.length);
    for (const q of def.questions) expect(html).toContain(`href="/q/${TOKEN}/${q.id}?from=check">Newid<span class="govuk-visually-hidden">`);
    const notFound = notFoundPage();
    expect(notFound).toContain('<html lang="en"');
    expect(notFound).toContain('<div lang="cy">');
  });
});
