/**
 * Issue 24 in Chromium, each page free of axe-core violations: the releases page lists what a
 * final report would still miss; a final release needs the area's name typed; a closed
 * inspection's case form is read only; a report link to the live draft says "Draft" on its page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, launchChromium } from '#support/browser';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { signIn } from '#support/workbench';

const AREA = 'Life cycle in Chromium';
let browser: Browser;
let id: string;

async function pageAs(role: 'admin' | 'inspector' | 'staff' | null): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  if (role) {
    const { cookie } = await signIn(role);
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl() }]);
  }
  await context.addInitScript(AXE_SOURCE);
  return { context, page: await context.newPage() };
}

async function violations(page: Page): Promise<string[]> {
  const found = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const click = (page: Page, name: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection(AREA);
  expect((await call(`/inspections/${id}/cases/LC-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBe(201);
  // An unfinished case: the community questions but the first answered.
  const c = makeCase('community', 2);
  const first = bank().questions.find((q) => q.appliesTo.includes('community'))!.id;
  delete c.answers[first];
  expect((await call(`/inspections/${id}/cases/LC-2`, { method: 'PUT', as: 'inspector', json: c })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the life cycle in Chromium', () => {
  it('the releases page lists what a final report would still miss, before the form', async () => {
    const { context, page } = await pageAs('admin');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/releases`);
    const check = await page.locator('#readiness-result').innerText();
    expect(check).toContain('Unfinished cases');
    expect(check).toContain('LC-2');
    expect(check).toContain('Leadership grades');
    expect(check).toContain('Conclusions');
    expect(check).toContain('Write-up not written yet');
    expect(await page.locator('input[name="kind"]:checked').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('a final release needs the area’s name typed; the page keeps the choice and says what to type', async () => {
    const { context, page } = await pageAs('admin');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/releases`);
    await page.getByLabel('Final (publishes and closes the inspection)').check();
    await click(page, 'Make the release');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(`Type the area's name, ${AREA}, to confirm the final release`);
    expect(await page.getByLabel('Final (publishes and closes the inspection)').isChecked()).toBe(true);
    expect(await violations(page)).toEqual([]);
    const label = "For a final release, type the area's name to confirm";
    await page.getByLabel(label).fill(AREA.toLowerCase());
    await click(page, 'Make the release');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Nothing was released');
    expect((await call(`/inspections/${id}/releases`, { as: 'staff' })).json.releases).toEqual([]);
    await page.getByLabel(label).fill(AREA);
    await click(page, 'Make the release');
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('The release has been made');
    expect((await call(`/inspections/${id}`, { as: 'staff' })).json.status).toBe('closed');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("a closed inspection's case form is read only, and says why and who can reopen it", async () => {
    const { context, page } = await pageAs('inspector');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/cases/LC-1`);
    expect(await page.locator('#closed-notice').innerText()).toContain('An admin can reopen it');
    expect(await page.getByRole('button', { name: 'Save case' }).count()).toBe(0);
    // Read only as text: every question with its answer, no greyed-out inputs.
    expect(await page.locator('input, select, textarea').and(page.locator(':not([type="hidden"])')).count()).toBe(0);
    expect(await page.locator('main .govuk-summary-list__row').count()).toBeGreaterThan(10);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('a report link to the live draft says "Draft, not published" on its page', async () => {
    const { context, page } = await pageAs('admin');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/report-links`);
    await page.getByLabel('A link to the live draft instead (admins only)').check();
    await click(page, 'Make a report link');
    const url = await page.inputValue('#made-link');
    expect(await page.locator('table').innerText()).toContain('Draft, not published');
    expect(await violations(page)).toEqual([]);
    await context.close();

    const reader = await pageAs(null);
    await reader.page.goto(url);
    expect(await reader.page.locator('#draft-title').innerText()).toBe('Draft, not published');
    expect(await reader.page.title()).toMatch(/^Draft, not published: /);
    expect(await violations(reader.page)).toEqual([]);
    await reader.context.close();
  });
});
