/**
 * The interviews CSV upload in Chromium with JavaScript off, as an inspector (issue 27, item 2):
 * a file with problems comes back with each one in the GOV.UK error summary, linked to the file
 * field, and nothing saved; the corrected file saves every row. axe-core audits each page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, axeViolations, launchChromium } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';
import { signIn } from '#support/workbench';

let browser: Browser;
let auditPage: Page;
let id: string;

beforeAll(async () => {
  browser = await launchChromium();
  const audit = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await audit.addInitScript(AXE_SOURCE);
  auditPage = await audit.newPage();
  id = await createInspection('Interviews upload in Chromium');
  for (let i = 1; i <= 3; i++)
    expect((await call(`/inspections/${id}/cases/IB-${i}`, { method: 'PUT', as: 'inspector', json: makeCase('licence', i) })).status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
});

/** axe needs scripts, which this page has off: the same document is audited in a page with them on. */
async function violations(page: Page): Promise<string[]> {
  const html = (await page.content()).replace(/<script type="module"[^>]*><\/script>/, '').replace('<head>', `<head><base href="${baseUrl()}/">`);
  await auditPage.setContent(html, { waitUntil: 'load' });
  return axeViolations(auditPage);
}

describe('the interviews upload without JavaScript', () => {
  it('names every problem by row and column, saves nothing, then saves the corrected file', async () => {
    const { cookie } = await signIn('inspector');
    const [name, value] = cookie.split('=') as [string, string];
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    await context.addCookies([{ name, value, url: baseUrl() }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/interviews`);
    expect(await violations(page)).toEqual([]);
    expect(await page.locator('main').innerText()).toContain('0 of 3');

    const send = async (csv: string) => {
      await page.getByLabel('A CSV file of interviews').setInputFiles({ name: 'interviews.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Upload the interviews' }).click()]);
    };
    await send('caseRef,om.informed,om.role\nIB-1,Yes,perhaps\nIB-2,no,Not relevant\n');
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('li').allInnerTexts()).toEqual([
      'The file has 1 problem: no interview was saved.',
      'Row 2, column om.role: "perhaps" is not an answer: use yes, no or not relevant (na), or leave it empty',
    ]);
    expect(await violations(page)).toEqual([]);
    // The summary's links go to the file field.
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#file');
    expect(await page.locator('main').innerText()).toContain('0 of 3');

    await send('caseRef,om.informed,om.role\nIB-1,Yes,no\nIB-2,no,Not relevant\nIB-3,yes,\n');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('3 interviews uploaded');
    expect(await page.locator('main').innerText()).toContain('3 of 3');
    expect(await violations(page)).toEqual([]);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).json.interviews.count).toBe(3);
    await context.close();
  });
});
