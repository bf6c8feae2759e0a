/**
 * Drafting from a sub-group's figure in Chromium with JavaScript off (issue 28, item 9): an
 * inspector chooses question 2.1.2 and the Tier 4 cases, reads "All three Tier 4 cases" with
 * the disclosure rule's warning, ticks the draft and saves it; a bad choice shows the GOV.UK
 * error summary, focused links to each field. axe-core finds nothing on any of these pages.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { axeViolationsAt, launchChromium, signedInContext } from '#support/browser';
import { createInspection } from '#support/fixtures';
import { putSubGroupCases, Q } from '#support/sub-group-cases';

let browser: Browser;
let id: string;

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Sub-group drafting (browser)');
  await putSubGroupCases(id);
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
});

describe('a sub-group figure, chosen and drafted in the browser', () => {
  it('works without JavaScript, from choosing the group to the saved finding, and is axe-clean', async () => {
    const { context } = await signedInContext(browser, 'inspector');
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
    const page = await noScript.newPage();
    const url = `${baseUrl()}/workbench/inspections/${id}/findings/2.1`;
    await page.goto(url);
    await page.getByLabel('Question', { exact: true }).selectOption(Q);
    await page.getByLabel('Sub-group').selectOption('tier:4');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show the figure' }).click()]);
    await expect.poll(() => page.locator('#sub-group-figure').innerText()).toContain('All three Tier 4 cases (3 of 3, 100%)');
    expect(await page.locator('#sub-group-figure').innerText()).toContain('Not for publication');
    expect(await axeViolationsAt(context, page.url())).toEqual([]);
    const label = page.getByRole('textbox', { name: /Strength: drafted from question 2\.1\.2 for Tier 4 cases \(100%\)/ });
    expect(await label.inputValue()).toBe('In all three Tier 4 cases the offender manager showed commitment to the work with the offender.');
    const n = (await label.getAttribute('id'))!.replace('text-d-', '');
    expect(
      await page.getByRole('checkbox', { name: /Use in the report\s*: Strength: drafted from question 2\.1\.2 for Tier 4 cases/ }).getAttribute('id'),
    ).toBe(`use-${n}`);
    await page.check(`#use-${n}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save findings' }).click()]);
    expect(await page.locator('body').innerText()).toContain('The findings of criterion 2.1 are saved in the write-up.');
    const entry = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.criteria['2.1'];
    expect(entry.strengths).toContainEqual(expect.objectContaining({ drafted: { question: Q, percent: 100, group: 'tier:4' } }));
    await noScript.close();
    await context.close();
  }, 120_000);

  it('shows the error summary for a choice left out, linked to its field, and is axe-clean', async () => {
    const { context, page } = await signedInContext(browser, 'inspector');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/findings/2.1`);
    await page.getByLabel('Question', { exact: true }).selectOption(Q);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show the figure' }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Choose a sub-group of the sample');
    await page.locator('.govuk-error-summary a[href="#sg-group"]').click();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('sg-group');
    expect(await axeViolationsAt(context, page.url())).toEqual([]);
    await context.close();
  }, 120_000);
});
