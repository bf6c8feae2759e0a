/**
 * The workbench in a real browser (Debian's Chromium, playwright-core), one journey per role:
 * an admin signs in and creates an inspection (keyboard only); an inspector uploads a CSV with
 * a bad row, reads the error summary, fixes it and uploads again (JavaScript off); staff
 * download the summary CSV and open the report. An inspector fills in a case type's template in
 * the form's words and replaces a hand-entered case only after the confirmation page (issue 27). axe-core runs on every page visited and must
 * find nothing. One browser for the whole file (two cores).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, SCREENSHOTS, launchChromium } from '#support/browser';
import { createInspection } from '#support/fixtures';
import { casesCsv } from '#support/workbench';
import { completeProviderLogin, signInFromStartPage } from '#support/sign-in';

let browser: Browser;
let auditPage: Page;
let pagesAudited = 0;
const javaScriptOff = new WeakSet<BrowserContext>();
const scratch = mkdtempSync(join(tmpdir(), 'omi-workbench-'));

beforeAll(async () => {
  browser = await launchChromium();
  const auditContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  await auditContext.addInitScript(AXE_SOURCE);
  auditPage = await auditContext.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, acceptDownloads: true, ...options });
  if (options.javaScriptEnabled === false) javaScriptOff.add(context);
  else await context.addInitScript(AXE_SOURCE);
  const problems: string[] = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/assets/') && r.status() >= 400) problems.push(`asset ${r.status()}: ${r.url()}`);
    });
  });
  return { context, problems };
}

type AxeViolations = { id: string; nodes: { target: string[]; failureSummary: string }[] }[];
const runAxe = (page: Page) => page.evaluate<AxeViolations>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");

async function audit(page: Page) {
  await page.waitForLoadState('load');
  let violations: AxeViolations;
  if (javaScriptOff.has(page.context())) {
    // axe needs timers, which never fire without JavaScript: audit the same document elsewhere.
    const html = (await page.content())
      .replace(/<script type="module"[^>]*><\/script>/, '')
      .replace('<head>', `<head><base href="${new URL(page.url()).origin}/">`);
    await auditPage.setContent(html, { waitUntil: 'load' });
    violations = await runAxe(auditPage);
  } else {
    violations = await runAxe(page);
  }
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`),
    `axe on ${new URL(page.url()).pathname}`,
  ).toEqual([]);
  pagesAudited++;
}

async function go(page: Page, action: () => Promise<unknown>) {
  await Promise.all([page.waitForNavigation(), action()]);
  await audit(page);
}

async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** From the start page's "Sign in" through the local OpenID Connect provider's form, back to the home page. */
const signInAs = (page: Page, role: string, keyboard = false) => signInFromStartPage(page, role, { keyboard, audit });

describe('the workbench in Chromium', () => {
  it('an admin signs in and creates an inspection, keyboard only, fixing a bad date on the way', async () => {
    const { context, problems } = await newContext();
    const page = await context.newPage();
    await signInAs(page, 'admin', true);
    expect(await page.locator('h1').innerText()).toBe('Inspections');
    await tabTo(page, 'a[href="/workbench/inspections/new"]');
    await go(page, () => page.keyboard.press('Enter'));
    await tabTo(page, '#area');
    await page.keyboard.type('Browser Kent');
    // The GOV.UK date inputs: day, month, year, each its own field.
    for (const part of ['5', '11', '2007', '40', '11', '2007']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(part);
    }
    await tabTo(page, 'form button[type="submit"]');
    await go(page, () => page.keyboard.press('Enter'));
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('The last day of fieldwork must be a real date');
    expect(await page.inputValue('#area')).toBe('Browser Kent');
    expect(await page.inputValue('#fieldworkEnd')).toBe('40');
    await page.locator('#fieldworkEnd').fill('');
    await page.focus('#fieldworkEnd');
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workbench\/inspections\/browser-kent-/);
    await audit(page);
    expect(await page.locator('h1').innerText()).toBe('Browser Kent');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an inspector uploads a CSV with a bad row, reads the error summary, fixes it and uploads again, JavaScript off', async () => {
    const id = await createInspection('Browser upload');
    const { context, problems } = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, 'inspector');
    await go(page, () => page.getByRole('link', { name: 'Browser upload' }).click());
    const bad = join(scratch, 'bad.csv');
    const good = join(scratch, 'good.csv');
    writeFileSync(bad, casesCsv('BR', 12, 5));
    writeFileSync(good, casesCsv('BR', 12));
    await page.setInputFiles('#file', bad);
    await go(page, () => page.getByRole('button', { name: 'Upload cases' }).click());
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('h2').innerText()).toBe('There is a problem');
    expect(await summary.locator('li').allInnerTexts()).toEqual([expect.stringMatching(/^Row 5, column caseType \(Case type\): /)]);
    expect((await call(`/inspections/${id}/cases`, { as: 'admin' })).json.cases).toEqual([]);
    await page.setInputFiles('#file', good);
    await go(page, () => page.getByRole('button', { name: 'Upload cases' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Cases uploaded: 12 created, 0 replaced');
    expect(await page.locator('main').innerText()).toContain('12 cases entered, against the usual 110');
    await page.screenshot({ path: `${SCREENSHOTS}workbench-dashboard.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("an inspector fills in a case type's template in the form's words, fixes a column's rows, and replaces a hand-entered case only after confirming, JavaScript off", async () => {
    const id = await createInspection('Browser replace');
    const byHand = await call(`/inspections/${id}/cases/H-1`, {
      method: 'PUT',
      as: 'admin',
      json: { profile: { caseType: 'licence', tier: 3 }, answers: {} },
    });
    expect(byHand.status).toBe(201);
    const { context, problems } = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, 'inspector');
    await go(page, () => page.getByRole('link', { name: 'Browser replace' }).click());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the CSV template for licence cases' }).click(),
    ]);
    const template = parse(readFileSync(await download.path(), 'utf8')) as string[][];
    expect(template[1]![0]).toMatch(/^# What goes in each column/);
    expect(template[3]![0]).toBe('# Example: K-001');
    // Two cases from the example row, typed as the case form words them; the notes rows stay in the file.
    const header = template[0]!;
    const words: Record<string, string> = {
      licence: 'Licence',
      yes: 'Yes',
      no: 'No',
      na: 'Not relevant',
      hmi: 'HMI inspector',
      area: 'Area assessor',
    };
    const caseRow = (ref: string, tier: string) =>
      template[3]!.map((cell, i) => (i === 0 ? ref : header[i] === 'tier' ? tier : (words[cell] ?? cell)));
    const file = (tier: string) => stringify([...template, caseRow('H-1', tier), caseRow('H-2', tier)]);
    const bad = join(scratch, 'licence-bad.csv');
    const good = join(scratch, 'licence-good.csv');
    writeFileSync(bad, file('Tier 9'));
    writeFileSync(good, file('Tier 2'));

    await page.setInputFiles('#file', bad);
    await go(page, () => page.getByRole('button', { name: 'Upload cases' }).click());
    expect(await page.locator('.govuk-error-summary li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Column tier \(Tier\): rows 5, 6: not one of the allowed values \("Tier 9"\): use 1, 2, 3 or 4/),
    ]);

    await page.setInputFiles('#file', good);
    await go(page, () => page.getByRole('button', { name: 'Upload cases' }).click());
    expect(await page.locator('h1').innerText()).toBe('Replace 1 case already entered?');
    const listed = await page.locator('main table tbody tr').allInnerTexts();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(/^H-1\s+5\s+An inspector\s+\d{1,2} \w+ \d{4} at \d{2}:\d{2}\s+Unfinished$/);
    expect((await call(`/inspections/${id}/cases/H-1`, { as: 'admin' })).json.version).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}workbench-upload-confirm.png`, fullPage: true });

    await go(page, () => page.getByRole('button', { name: 'Replace this case' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Cases uploaded: 1 created, 1 replaced');
    const replaced = (await call(`/inspections/${id}/cases/H-1`, { as: 'admin' })).json;
    expect([replaced.version, replaced.updatedBy, replaced.profile.tier, replaced.finished]).toEqual([2, 'local-inspector', 2, true]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('staff download the summary CSV and open the report', async () => {
    const id = await createInspection('Browser staff');
    const { context, problems } = await newContext();
    const page = await context.newPage();
    // A signed-out visit to a page comes back to it after signing in.
    await page.goto(`${baseUrl()}/workbench/inspections/${id}`);
    expect(new URL(page.url()).origin).toBe(inject('identityProvider'));
    await completeProviderLogin(page, 'staff');
    await audit(page);
    expect(new URL(page.url()).pathname).toBe(`/workbench/inspections/${id}`);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /CSV/ }).first().click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(`inspection,${id},Browser staff`);
    await go(page, () => page.getByRole('link', { name: 'Figures, downloads and the report' }).click());
    expect(await page.locator('caption').allInnerTexts()).toEqual(expect.arrayContaining(['Scores by criterion']));
    await page.getByRole('link', { name: 'Read the report' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').first().innerText()).toContain('Browser staff');
    await go(page, () => page.goBack());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('audited every page it visited', () => {
    expect(pagesAudited).toBeGreaterThanOrEqual(13);
  });
});
