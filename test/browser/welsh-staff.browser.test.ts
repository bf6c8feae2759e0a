/**
 * The Welsh staff report in a real browser (issue 28): the translator's list of blocks still
 * in English is free of accessibility violations, each of its links goes to its block (marked
 * lang="en"), and the conclusion form's Welsh field is a labelled, Welsh-tagged textarea.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { axeViolations, launchChromium, signedInContext } from '#support/browser';
import { createInspection } from '#support/fixtures';

let browser: Browser;
let page: Page;
let id: string;

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Welsh staff (browser)');
  const read = await call(`/inspections/${id}/write-up`, { as: 'inspector' });
  const writeUp = {
    ...read.json,
    summary: [{ section: '1', text: 'Preparing for sentence was strong.', textCy: 'Roedd paratoi ar gyfer dedfryd yn gryf.' }],
    criteria: {
      '1.1': {
        strengths: ['Court reports were timely.', { text: 'Reports were balanced.', textCy: 'Roedd yr adroddiadau’n gytbwys.' }],
        improvements: [],
      },
    },
    recommendations: [{ text: 'Screen every case for Risk of Harm.', criteria: ['1.2'] }],
  };
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': read.headers.get('etag')! },
    json: writeUp,
  });
  expect(put.status, put.text).toBe(200);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
  ({ page } = await signedInContext(browser, 'inspector'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the Welsh staff report in a browser', () => {
  it('lists the blocks still in English, each link going to its block, with no accessibility violations', async () => {
    const response = await page.goto(`${baseUrl()}/workbench/inspections/${id}/report?lang=cy`);
    expect(response!.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    const links = page.locator('#untranslated-list a');
    expect(await links.allInnerTexts()).toEqual(['Screen every case for Risk of Harm.', 'Court reports were timely.']);
    await links.nth(1).click();
    expect(new URL(page.url()).hash).toBe('#untranslated-2');
    expect(await page.locator('#untranslated-2').innerText()).toBe('Court reports were timely.');
    expect(await page.locator('#untranslated-2').getAttribute('lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('offers a conclusion’s Welsh on the form, labelled and tagged as Welsh', async () => {
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/grades/1.1`);
    const welsh = page.getByLabel('What the report says, in Welsh');
    expect(await welsh.getAttribute('lang')).toBe('cy');
    expect(await axeViolations(page)).toEqual([]);
  });
});
