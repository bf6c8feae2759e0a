/**
 * The evidence beyond the case file (issue 14) in Chromium: the Kent demo's moderation page
 * and its dashboard, free of axe-core violations. (The report's new parts are audited with the
 * whole report in report.browser.test.ts.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKentDemo } from '#infra/local/seed';
import { baseUrl, tokenFor } from '#support/api';
import { AXE_SOURCE, launchChromium } from '#support/browser';
import { signIn } from '#support/workbench';

let browser: Browser;
let page: Page;
let inspectionId: string;

beforeAll(async () => {
  browser = await launchChromium();
  inspectionId = await createKentDemo(baseUrl(), await tokenFor('admin'), 'Kent evidence', await tokenFor('inspector'));
  const { cookie } = await signIn('staff');
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addCookies([{ name, value, url: baseUrl() }]);
  await context.addInitScript(AXE_SOURCE);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function violations(): Promise<string[]> {
  const found = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('the evidence pages in Chromium', () => {
  it('shows the flagged cases side by side, with no accessibility violations', async () => {
    await page.goto(`${baseUrl()}/workbench/inspections/${inspectionId}/moderation`);
    expect(await page.locator('h1').innerText()).toBe('Second markings: the cases for a moderator');
    expect(await page.locator('h2[id^="case-"]').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it('links the moderation page from the dashboard, with no accessibility violations', async () => {
    await page.goto(`${baseUrl()}/workbench/inspections/${inspectionId}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Second markings: the cases for a moderator' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/workbench/inspections/${inspectionId}/moderation`);
    await page.goBack();
    expect(await violations()).toEqual([]);
  });
});
