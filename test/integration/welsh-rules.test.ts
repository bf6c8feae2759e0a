/**
 * Welsh text selection as a rule over a respondent's pages (issue 32): a respondent reading in
 * Welsh, whether their link was issued in Welsh or they switched to it, gets every page in
 * Welsh: `lang="cy"`, none of the English texts the service's tables hold (the page texts and
 * the English questionnaire's own words), and no English month in a date. The oracle is the
 * English side of the texts table and the calendar's English month names, not the code that
 * picks a language. In the Welsh report, a quotation given in English only is printed as said,
 * and marked `lang="en"` so that a screen reader reads it in English.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pageText } from '#questionnaires/index';
import { webText } from '#web/common/strings';
import { call } from '#support/api';
import { bank, createInspection, makeCase, meetingBody } from '#support/fixtures';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Every English string of the texts tables (functions at a sample argument) that its Welsh entry does not share. */
function englishTexts(en: Record<string, unknown>, cy: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (e: unknown, c: unknown) => {
    const text = typeof e === 'function' ? (e as (x: unknown) => unknown)(3) : e;
    const welsh = typeof c === 'function' ? (c as (x: unknown) => unknown)(3) : c;
    if (typeof text === 'string' && text !== welsh && text.length >= 12) out.push(text.replace(/'/g, '&#39;').replace(/&(?!#39;)/g, '&amp;'));
    else if (text && typeof text === 'object') for (const k of Object.keys(text)) add((text as never)[k], (welsh as never)?.[k]);
  };
  for (const key of Object.keys(en)) add(en[key], cy[key]);
  return out;
}

let welshLink: string;
let switchedLink: string;
let english: string[];
const expiresAt = '2099-03-31';

beforeAll(async () => {
  const id = await createInspection('Welsh rules');
  const issue = async (language: 'en' | 'cy') => {
    const res = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'offender', language, count: 1, expiresAt } });
    expect(res.status, res.text).toBe(201);
    return res.json.invitations[0].token as string;
  };
  welshLink = await issue('cy');
  switchedLink = await issue('en');
  const def = (await call(`/questionnaires/${switchedLink}`)).json;
  const questionWords = def.questions.flatMap((q: { text: string }) => [q.text]).filter((t: string) => t.length >= 12);
  english = [
    ...englishTexts(pageText.en as never, pageText.cy as never),
    ...englishTexts(webText.en as never, webText.cy as never),
    ...questionWords.map((t: string) => t.replace(/'/g, '&#39;')),
  ];
  expect(english.length).toBeGreaterThan(20);
});

/** What is English on a Welsh page: its lang, texts of the English tables, English months. */
function englishOn(html: string): string[] {
  const problems: string[] = [];
  if (!/<html lang="cy"/.test(html)) problems.push('html lang is not cy');
  // The language switch offers English by name; that one link is English by design.
  const body = html.replace(/<a [^>]*hreflang="en"[^>]*>[\s\S]*?<\/a>/g, '').replace(/<[^>]*lang="en"[^>]*>[\s\S]*?<\/[a-z]+>/g, '');
  for (const text of english) if (body.includes(text)) problems.push(`English text: ${text.slice(0, 60)}`);
  for (const month of MONTHS_EN) if (new RegExp(`\\b${month}\\b`).test(body)) problems.push(`English month: ${month}`);
  return problems;
}

describe('a respondent reading in Welsh', () => {
  it('whose link was issued in Welsh gets every page in Welsh, dates included', async () => {
    const start = await call(`/q/${welshLink}`);
    expect(start.status).toBe(200);
    expect(start.text).toContain('2099');
    const def = (await call(`/questionnaires/${welshLink}`)).json;
    const question = await call(`/q/${welshLink}/${def.questions[0].id}`);
    const saved = await call(`/q/${welshLink}/saved`);
    expect({ start: englishOn(start.text), question: englishOn(question.text), saved: englishOn(saved.text) }).toEqual({
      start: [],
      question: [],
      saved: [],
    });
  });

  it('who switched to Welsh keeps Welsh on every page after the switch', async () => {
    const switched = await call(`/q/${switchedLink}?lang=cy`);
    expect(switched.status).toBeLessThan(400);
    const def = (await call(`/questionnaires/${switchedLink}`)).json;
    const pages = {
      start: await call(`/q/${switchedLink}`),
      question: await call(`/q/${switchedLink}/${def.questions[0].id}`),
      saved: await call(`/q/${switchedLink}/saved`),
    };
    expect(Object.fromEntries(Object.entries(pages).map(([name, res]) => [name, englishOn(res.text)]))).toEqual({
      start: [],
      question: [],
      saved: [],
    });
  });
});

describe('the Welsh report', () => {
  it('marks every quotation given in English only as English', async () => {
    const id = await createInspection('Welsh quotes');
    expect((await call(`/inspections/${id}/cases/W-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status).toBe(201);
    const quotes = ['It made me think about what I did.', 'My officer always rang me back the same day.'];
    const body = meetingBody({ quotes: quotes.map((text) => ({ text, consent: true })) });
    expect((await call(`/inspections/${id}/meetings/welsh-quotes`, { method: 'PUT', as: 'inspector', json: body })).status).toBeLessThan(300);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    const cy = (await call(`/inspections/${id}/report?lang=cy`, { as: 'staff' })).text;
    const unmarked: string[] = [];
    for (const quote of quotes) {
      let at = cy.indexOf(quote);
      expect(at, quote).toBeGreaterThan(0);
      for (; at > 0; at = cy.indexOf(quote, at + 1)) {
        // The element the words stand in: the last tag opened before them.
        const opened = [...cy.slice(0, at).matchAll(/<[a-z][a-z0-9]*\b[^>]*>/g)].at(-1)?.[0] ?? '';
        if (!/\blang="en"/.test(opened)) unmarked.push(`${quote.slice(0, 30)} in ${opened}`);
      }
    }
    expect(unmarked).toEqual([]);
  });

  it('marks a quotation given in Welsh as nothing but Welsh', async () => {
    const id = await createInspection('Welsh quotes translated');
    expect((await call(`/inspections/${id}/cases/W-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1, bank()) })).status).toBe(201);
    const textCy = 'Gwnaeth i mi feddwl am yr hyn a wnes i.';
    const body = meetingBody({ quotes: [{ text: 'It made me think about what I did.', textCy, consent: true }] });
    expect((await call(`/inspections/${id}/meetings/welsh-quotes`, { method: 'PUT', as: 'inspector', json: body })).status).toBeLessThan(300);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    const cy = (await call(`/inspections/${id}/report?lang=cy`, { as: 'staff' })).text;
    const at = cy.indexOf(textCy);
    expect(at).toBeGreaterThan(0);
    const opened = [...cy.slice(0, at).matchAll(/<[a-z][a-z0-9]*\b[^>]*>/g)].at(-1)?.[0] ?? '';
    expect(opened).not.toMatch(/\blang="en"/);
  });
});
