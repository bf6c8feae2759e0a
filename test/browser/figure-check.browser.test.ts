/**
 * Contradicted figures as a person signed in sees them, in real Chromium: the flag beside the
 * finding in the workbench's report and on the findings page, readable as text, and axe-core
 * finding nothing on either page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { axeViolations, launchChromium, signedInContext } from '#support/browser';
import { inspectionWithScoredQuestion, type ScoredQuestion } from '#support/scored-question';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let id: string;
let q: ScoredQuestion;

beforeAll(async () => {
  ({ id, q } = await inspectionWithScoredQuestion('Figures in a browser (test)'));
  const read = await call(`/inspections/${id}/write-up`, { as: 'staff' });
  const strengths = [{ text: `In ${q.percent + 7}% of cases the work was done well.`, drafted: { question: q.id, percent: q.percent } }];
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': read.headers.get('etag')! },
    json: { ...read.json, criteria: { [q.criterion]: { strengths, improvements: [] } } },
  });
  expect(put.status, put.text).toBe(200);
  browser = await launchChromium();
  ({ context, page } = await signedInContext(browser, 'inspector'));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('a contradicted figure in the browser', () => {
  it('is flagged beside its finding in the workbench report, with no accessibility violations', async () => {
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/report`);
    const item = page.locator('li', { hasText: `In ${q.percent + 7}% of cases the work was done well.` });
    await expect(item.locator('.app-figure-mismatch').innerText()).resolves.toContain(`where question ${q.id} is ${q.percent}%`);
    expect(await page.locator('#figure-mismatches').innerText()).toContain('One finding gives a figure that its question contradicts');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is flagged on the findings page, with no accessibility violations', async () => {
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/findings/${q.criterion}`);
    expect(await page.locator('.app-figure-mismatch').innerText()).toContain(`The words give ${q.percent + 7}%; question ${q.id} is ${q.percent}%`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
