/**
 * The report's front and back matter in Chromium: axe-clean as a form, after a save and with an
 * error; a part written and saved with the keyboard alone and JavaScript off, landing back on
 * that part with its banner.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl } from '#support/api';
import { axeViolations, launchChromium, signedInContext } from '#support/browser';
import { createInspection } from '#support/fixtures';
import { signIn } from '#support/workbench';

let browser: Browser;
let id: string;

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Front matter in Chromium');
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the report's front and back matter in Chromium", () => {
  it('is axe-clean, and a part is written and saved by keyboard alone without JavaScript', async () => {
    const { cookie } = await signIn('inspector');
    const [name, value] = cookie.split('=') as [string, string];
    const noScript = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    await noScript.addCookies([{ name, value, url: baseUrl() }]);
    const page = await noScript.newPage();
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/write-up/document`);
    await page.locator('#acknowledgements-paragraphs').focus();
    await page.keyboard.type('We thank everyone who helped.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Save acknowledgements');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${baseUrl()}/workbench/inspections/${id}/write-up/document?saved=acknowledgements#acknowledgements`);
    expect(await page.locator('#acknowledgements .govuk-notification-banner__heading').innerText()).toBe('Acknowledgements saved');
    expect(await page.locator('#acknowledgements-paragraphs').inputValue()).toBe('We thank everyone who helped.');
    await noScript.close();

    const { context, page: axePage } = await signedInContext(browser, 'inspector');
    await axePage.goto(`${baseUrl()}/workbench/inspections/${id}/write-up/document?saved=acknowledgements`);
    expect(await axeViolations(axePage)).toEqual([]);
    await axePage.locator('#cover-publicationMonth').fill('February');
    await Promise.all([axePage.waitForNavigation(), axePage.getByRole('button', { name: 'Save cover' }).click()]);
    expect(await axePage.locator('.govuk-error-summary').innerText()).toContain('Enter the month of publication');
    expect(await axeViolations(axePage)).toEqual([]);
    await context.close();
  });
});
