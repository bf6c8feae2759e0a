/**
 * Issue 29's pages in Chromium, with JavaScript off as a browser without it would be: a
 * meeting recorded through its form (a refused count shown in the GOV.UK error summary
 * first), the list, and the improvement plan followed and recorded; every page free of
 * axe-core violations.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { axeViolationsAt, launchChromium } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';
import { signIn } from '#support/workbench';

let browser: Browser;
let inspectionId: string;
let publishedId: string;

async function pageAs(role: 'inspector' | 'staff'): Promise<{ context: BrowserContext; page: Page }> {
  const { cookie } = await signIn(role);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
  await context.addCookies([{ name, value, url: baseUrl() }]);
  return { context, page: await context.newPage() };
}

/** axe runs in a page of its own with scripts on: the page under test has none. */
async function violations(url: string, cookieRole: 'inspector' | 'staff'): Promise<string[]> {
  const { cookie } = await signIn(cookieRole);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addCookies([{ name, value, url: baseUrl() }]);
  const found = await axeViolationsAt(context, url);
  await context.close();
  return found;
}

beforeAll(async () => {
  browser = await launchChromium();
  inspectionId = await createInspection('Meetings in Chromium');
  publishedId = await createInspection('Plan in Chromium');
  expect((await call(`/inspections/${publishedId}/cases/B-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
  const read = await call(`/inspections/${publishedId}/write-up`, { as: 'staff' });
  const body = { summary: [], criteria: {}, recommendations: [{ text: 'Sentence plans are reviewed.', criteria: ['1.5'] }], goodPractice: [] };
  expect(
    (
      await call(`/inspections/${publishedId}/write-up`, {
        method: 'PUT',
        as: 'inspector',
        json: body,
        headers: { 'if-match': read.headers.get('etag')! },
      })
    ).status,
  ).toBe(200);
  expect((await call(`/inspections/${publishedId}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Plan in Chromium' } })).status).toBe(
    201,
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('meetings and the improvement plan in Chromium', () => {
  it('records a meeting through the form without JavaScript, naming a refused count first, and lists it', async () => {
    const { context, page } = await pageAs('inspector');
    const form = `${baseUrl()}/workbench/inspections/${inspectionId}/meetings/new`;
    await page.goto(form);
    await page.fill('#f-meetingId', 'idap-group');
    await page.check('#f-kind-2');
    await page.selectOption('#f-audience', 'offender');
    await page.fill('#f-people', '0');
    await page.fill('#f-date', '2007-11-06');
    await page.fill('#f-criteria', '2.5');
    await page.fill('#f-findings', 'All four spoke well of the programme.');
    await page.fill('#f-quote-0-text', 'It made me think.');
    await page.check('#f-quote-0-consent');
    await Promise.all([page.waitForNavigation(), page.click('button[value="save"]')]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('A group of 0 people');
    // What was typed is kept; the error links to its field.
    expect(await page.inputValue('#f-findings')).toBe('All four spoke well of the programme.');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#f-people');
    await page.fill('#f-people', '4');
    await Promise.all([page.waitForNavigation(), page.click('button[value="save"]')]);
    expect(new URL(page.url()).pathname).toBe(`/workbench/inspections/${inspectionId}/meetings`);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Meeting idap-group saved.');
    expect(await page.locator('table').innerText()).toContain('idap-group');
    await context.close();
    const stored = (await call(`/inspections/${inspectionId}/meetings/idap-group`, { as: 'staff' })).json;
    expect(stored).toMatchObject({
      kind: 'group',
      audience: 'offender',
      people: 4,
      findings: ['All four spoke well of the programme.'],
      quotes: [{ text: 'It made me think.', consent: true }],
    });
  });

  it("has no accessibility violations on the meetings list, a meeting (for its author and read only), a new meeting's form, the improvement plan, and the read-only views", async () => {
    for (const [url, role] of [
      [`/workbench/inspections/${inspectionId}/meetings`, 'inspector'],
      [`/workbench/inspections/${inspectionId}/meetings/idap-group`, 'inspector'],
      [`/workbench/inspections/${inspectionId}/meetings/new`, 'inspector'],
      [`/workbench/inspections/${inspectionId}/meetings/idap-group`, 'staff'],
      [`/workbench/inspections/${publishedId}/improvement-plan`, 'staff'],
      // Read only as text (issue 27, item 8): the plan to an inspector, the write-up's settings to staff, a closed inspection's paper returns.
      [`/workbench/inspections/${publishedId}/improvement-plan`, 'inspector'],
      [`/workbench/inspections/${publishedId}/meetings/new`, 'inspector'],
      [`/workbench/inspections/${publishedId}/write-up`, 'staff'],
      [`/workbench/inspections/${publishedId}/paper-returns`, 'inspector'],
    ] as const) {
      expect(await violations(baseUrl() + url, role), `${url} as ${role}`).toEqual([]);
    }
  });

  it('records an action of the improvement plan and shows it overdue', async () => {
    const { context, page } = await pageAs('staff');
    await page.goto(`${baseUrl()}/workbench/inspections/${publishedId}/improvement-plan`);
    expect(await page.locator('#plan-state').innerText()).toContain('Due');
    await page.fill('#f-a-0-action', 'Review ten plans a month.');
    await page.fill('#f-a-0-owner', 'Senior probation officer');
    await page.fill('#f-a-0-due', '2008-01-31');
    await Promise.all([page.waitForNavigation(), page.click('#plan-form button[type="submit"]')]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('The plan is saved.');
    expect(await page.locator('table').innerText()).toMatch(/Review ten plans a month\.[\s\S]*Overdue/);
    await context.close();
  });
});
