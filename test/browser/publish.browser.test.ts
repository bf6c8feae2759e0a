/**
 * Writing and publishing the report in Chromium: the write-up form (saved without JavaScript's
 * help, a section somebody saved since shown beside the writer's), the releases page, a frozen report in Welsh, the breakdowns
 * with the diversity view: each free of axe-core violations.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call, tokenFor } from '#support/api';
import { axeViolations, launchChromium, signedInContext } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';

let browser: Browser;
let id: string;

const pageAs = (role: 'admin' | 'inspector' | 'staff') => signedInContext(browser, role);
const violations = axeViolations;

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Publish in Chromium');
  await tokenFor('admin');
  for (let i = 1; i <= 8; i++) {
    const c = makeCase(i % 2 ? 'community' : 'licence', i);
    c.profile.gender = i % 2 ? 'male' : 'female';
    expect((await call(`/inspections/${id}/cases/B-${i}`, { method: 'PUT', as: 'inspector', json: c })).status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('writing and publishing in Chromium', () => {
  it('saves the write-up from the form, with no accessibility violations', async () => {
    const { context, page } = await pageAs('inspector');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'The write-up: summaries, findings, recommendations' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('The write-up');
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Section 1: Assessment and sentence planning', { exact: true }).fill('Assessment was mostly timely.');
    await page
      .getByLabel('1.1 strengths', { exact: true })
      .fill('In 79% of cases an OASys assessment had been completed within five working days.\n\nPlans were clear.');
    await page.getByLabel('Recommendation', { exact: true }).first().fill('Complete assessments on time.');
    await page.getByLabel('Criteria it is about').first().fill('1.1');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the write-up', exact: true }).click()]);
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('The write-up has been saved');
    expect(await violations(page)).toEqual([]);
    const stored = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(stored.criteria['1.1'].strengths).toHaveLength(2);
    await context.close();
  });

  it('refuses a section somebody saved since with an error summary, with no accessibility violations', async () => {
    const { context, page } = await pageAs('inspector');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/write-up`);
    const summary = (await call(`/inspections/${id}/write-up/sections`, { as: 'staff' })).json.sections.find(
      (s: { sectionId: string }) => s.sectionId === 'summary',
    );
    const theirs = [{ section: '2', text: 'Saved by the admin meanwhile.' }];
    expect(
      (
        await call(`/inspections/${id}/write-up/sections/summary`, {
          method: 'PUT',
          as: 'admin',
          json: { expectedVersion: summary.version, content: theirs },
        })
      ).status,
    ).toBe(200);
    await page.getByLabel('Section 2: Implementation of interventions', { exact: true }).fill('Typed late.');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the write-up', exact: true }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('An inspector saved Summary');
    expect(await page.getByLabel('Your text: Section 2: Implementation of interventions', { exact: true }).inputValue()).toBe('Typed late.');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('shows the breakdowns and the diversity view, with no accessibility violations', async () => {
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' })).status).toBe(200);
    const { context, page } = await pageAs('staff');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/breakdowns`);
    expect(await page.locator('#diversity').innerText()).toBe('Diversity');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('makes a final release, opens its Welsh report, and reopens, with no accessibility violations', async () => {
    const { context, page } = await pageAs('admin');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/releases`);
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Final (publishes and closes the inspection)').check();
    await page.getByLabel("For a final release, type the area's name to confirm").fill('Publish in Chromium');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Make the release' }).click()]);
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('The release has been made');
    // Who made it, by the name the admin signed in with (issue 27), never their account id.
    expect(await page.getByRole('table', { name: 'Releases, newest first' }).locator('tbody tr').first().locator('td').nth(1).innerText()).toBe(
      'Alex Admin',
    );
    expect(await violations(page)).toEqual([]);
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole('link', { name: /^Welsh/ })
        .first()
        .click(),
    ]);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('cy');
    expect(await violations(page)).toEqual([]);
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/releases`);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Reopen the inspection' }).click()]);
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('The inspection has been reopened');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
