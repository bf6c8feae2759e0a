/**
 * Signing out in Chromium with the product's real Content-Security-Policy (issue 25): sign in
 * through the local OpenID Connect provider, sign out, press Back and reload, and be signed out
 * at both the service and the provider. Chromium applies `form-action` to the redirects that
 * follow a form's post, so a CSP that leaves out the provider's origin blocks the sign-out's
 * way to the provider's logout, and this test fails.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl } from '#support/api';
import { AXE_SOURCE, launchChromium } from '#support/browser';
import { completeProviderLogin, signInInBrowser, signInOverHttp } from '#support/sign-in';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Every CSP refusal and script error the pages report. */
function watch(context: BrowserContext): string[] {
  const problems: string[] = [];
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });
  return problems;
}

const onStartPage = async (page: Page) =>
  (await page.getByRole('button', { name: 'Sign in' }).count()) === 1 && (await page.getByRole('button', { name: 'Sign out' }).count()) === 0;

describe('signing out in Chromium', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`ends the session at the service and at the provider; Back and reload stay signed out (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const problems = watch(context);
      const page = await context.newPage();

      await signInInBrowser(page, 'inspector');
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.locator('h1').innerText()).toBe('Inspections');
      const home = await page.goto(`${baseUrl()}/`);

      await page.getByRole('button', { name: 'Sign out' }).click();
      if (!javaScriptEnabled) {
        // The provider's logout page sends itself where scripts run; without them, its button.
        await page.waitForURL((url) => url.origin === inject('identityProvider'));
        await page.getByRole('button', { name: 'Sign out' }).click();
      }
      await page.waitForURL(`${baseUrl()}/`);
      expect(await onStartPage(page)).toBe(true);

      await page.goBack().catch(() => undefined);
      await page.reload().catch(() => undefined);
      await page.waitForLoadState('load');
      // Wherever Back led, nothing of the signed-in workbench is shown.
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain('Signed in as');

      // Signed out at the service: a workbench page sends the browser to sign in; and at the
      // provider: it asks for the password again instead of signing straight back in.
      await page.goto(`${baseUrl()}/workbench/inspections/new`);
      await page.waitForURL((url) => url.origin === inject('identityProvider'));
      expect(await page.getByLabel('Password').count()).toBe(1);
      // And signing in again works, as another person at the same PC would.
      await completeProviderLogin(page, 'admin');
      expect(new URL(page.url()).pathname).toBe('/workbench/inspections/new');

      expect(problems).toEqual([]);
      // The header Chromium enforced on the signed-in page: our own forms, and exactly the provider's origin.
      const csp = (await home!.allHeaders())['content-security-policy'] ?? '';
      expect(csp).toContain(`form-action 'self' ${inject('identityProvider')};`);
      await context.close();
    });
  }

  it("an admin finds who is signed in from the menu and ends a person's sessions, keyboard only, with no accessibility violations", async () => {
    const context = await browser.newContext();
    await context.addInitScript(AXE_SOURCE);
    const problems = watch(context);
    const page = await context.newPage();
    const axe = async () =>
      (
        await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
          "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
        )
      ).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    // A person of this file's own (test/global-setup.ts), signed in elsewhere.
    const leaver = await signInOverHttp('leaver');
    await signInInBrowser(page, 'admin');
    await Promise.all([page.waitForURL(`${baseUrl()}/workbench/sessions`), page.getByRole('link', { name: 'Who is signed in' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Who is signed in');
    expect(await page.locator('tbody th').allInnerTexts()).toEqual(expect.arrayContaining(['Alex Admin', 'Test leaver']));
    expect(await axe()).toEqual([]);
    await page.getByRole('button', { name: 'End sessions of Test leaver' }).focus();
    await Promise.all([page.waitForURL(/\/workbench\/sessions\?ended=1$/), page.keyboard.press('Enter')]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('1 session ended');
    expect(await page.locator('tbody th').allInnerTexts()).not.toContain('Test leaver');
    expect(await axe()).toEqual([]);
    // The person's own browser: sent to sign in at once.
    const after = await fetch(`${baseUrl()}/workbench/inspections/${'x'}`, { headers: { cookie: leaver.cookie }, redirect: 'manual' });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/sign-in/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
