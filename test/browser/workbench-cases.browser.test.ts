/**
 * The workbench's case form and admin pages in Chromium (issue 12, second half): an inspector
 * enters a case keyboard only, breaking and fixing a field on the way, then changes an answer
 * and reads the case's history, with JavaScript on and off; an admin issues invitations and
 * gets the CSV, and visits the grades, report links and erase pages. axe-core runs on every
 * page visited and must find nothing.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, SCREENSHOTS, launchChromium } from '#support/browser';
import { createInspection } from '#support/fixtures';
import { signInFromStartPage } from '#support/sign-in';

let browser: Browser;
let auditPage: Page;
let pagesAudited = 0;
const javaScriptOff = new WeakSet<BrowserContext>();

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

const checked = (page: Page, selector: string) => page.evaluate<boolean>(`document.querySelector(${JSON.stringify(selector)})?.checked ?? false`);
const SAVE = 'main form button[type="submit"]';

/**
 * On the invitations page: a form with a mistake comes back with it named; then four links for
 * sentencers that stop working on 31 March next year. The page that follows shows the batch, its
 * date as chosen and its file, and an empty form; the file is the batch's links.
 */
async function issueInvitations(page: Page) {
  const year = new Date().getUTCFullYear() + 1;
  await page.getByLabel('Sentencers').check();
  await page.getByLabel('How many links').fill('0');
  await go(page, () => page.getByRole('button', { name: 'Issue the links' }).click());
  expect(await page.locator('.govuk-error-summary li').allInnerTexts()).toEqual([expect.stringContaining('from 1 to 1000')]);
  await page.getByLabel('How many links').fill('4');
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill(String(year));
  await go(page, () => page.getByRole('button', { name: 'Issue the links' }).click());
  const banner = page.locator('#issued');
  expect(await banner.innerText()).toContain('4 links for sentencers issued, in English');
  expect(await banner.innerText()).toContain(`They stop working at the end of 31 March ${year}, UK time.`);
  expect(await page.getByLabel('How many links').inputValue()).toBe('');
  expect(await page.getByLabel('Day').inputValue()).toBe('');
  expect(await checked(page, '#audience')).toBe(false);
  expect(await page.locator('table').innerText()).toMatch(new RegExp(`Sentencers\\s+Just issued\\s+English\\s+4\\s+31 March ${year}`));
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('link', { name: 'Download the links (CSV)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe('invitationId,audience,language,expiresAt,url,reference,expiresOn');
  expect(csv).toHaveLength(5);
  expect(csv[1]).toMatch(new RegExp(`,sentencer,en,${year}-03-31T22:59:59.000Z,http.*,31 March ${year}$`));
}

/** Keyboard only: a case with a reference that breaks the rule, fixed; then one answer changed; then the history read. */
async function enterCase(page: Page, id: string, ref: string, screenshot?: string) {
  await page.goto(`${baseUrl()}/workbench/inspections/${id}`);
  await audit(page);
  await tabTo(page, 'a[href$="/cases/new"]');
  await go(page, () => page.keyboard.press('Enter'));
  // The first step: the case type. The first radio is licence; one arrow down is community.
  await tabTo(page, 'input[name="caseType"]');
  await page.keyboard.press('ArrowDown');
  expect(await checked(page, '#caseType-community')).toBe(true);
  await tabTo(page, 'main form button[type="submit"]');
  await go(page, () => page.keyboard.press('Enter'));
  expect(new URL(page.url()).search).toBe('?caseType=community');
  await tabTo(page, '#caseRef');
  await page.keyboard.type('Smith');
  await tabTo(page, '#tier');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await page.inputValue('#tier')).toBe('2');
  await tabTo(page, '#q-1-2-1', 200);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  expect(await checked(page, '#q-1-2-2-no')).toBe(true);
  await tabTo(page, SAVE, 400);
  await go(page, () => page.keyboard.press('Enter'));
  const summary = page.locator('.govuk-error-summary');
  expect(await summary.locator('li').allInnerTexts()).toEqual([expect.stringContaining('must contain a digit')]);
  expect(await summary.locator('a').getAttribute('href')).toBe('#caseRef');
  // Everything typed is still there.
  expect(await checked(page, '#q-1-2-1')).toBe(true);
  expect(await checked(page, '#q-1-2-2-no')).toBe(true);
  expect(await page.inputValue('#tier')).toBe('2');
  await tabTo(page, '#caseRef');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ref);
  await go(page, () => page.keyboard.press('Enter'));
  expect(new URL(page.url()).pathname).toBe(`/workbench/inspections/${id}/cases/${ref}`);
  expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`Case ${ref} saved`);
  if (screenshot) {
    await page.setViewportSize({ width: 1024, height: 1500 });
    await page.screenshot({ path: `${SCREENSHOTS}${screenshot}` });
    await page.setViewportSize({ width: 1024, height: 900 });
  }
  // A second version: 1.2.1 from yes to no.
  await tabTo(page, '#q-1-2-1', 200);
  await page.keyboard.press('ArrowRight');
  expect(await checked(page, '#q-1-2-1-no')).toBe(true);
  await tabTo(page, SAVE, 400);
  await go(page, () => page.keyboard.press('Enter'));
  const history = await page.locator('#history + ol').innerText();
  expect(history).toContain('1.2.1: yes → no');
  expect(history).toMatch(/Version 1: Ines Inspector/);
  const stored = await call(`/inspections/${id}/cases/${ref}`, { as: 'admin' });
  expect(stored.json.profile).toEqual({ caseType: 'community', tier: 2 });
  expect(stored.json.answers['1.2.2']).toBe('no');
  expect(stored.json.version).toBe(2);
}

describe('the case form and the admin pages in Chromium', () => {
  it('an inspector enters a case keyboard only, fixes a field, changes an answer and reads the history', async () => {
    const id = await createInspection('Browser cases');
    const { context, problems } = await newContext();
    const page = await context.newPage();
    await signInAs(page, 'inspector', true);
    await enterCase(page, id, 'KB-101', 'workbench-case-form.png');
    expect(problems).toEqual([]);
    await context.close();
    // Some 300 key presses and six axe runs on a 128-question page: about 20 s alone, more beside the other suites.
  }, 120_000);

  it('the same with JavaScript off', async () => {
    const id = await createInspection('Browser cases no JS');
    const { context, problems } = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, 'inspector', true);
    await enterCase(page, id, 'KB-102');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('an admin issues invitations and gets the CSV, and visits grades, report links and erasure', async () => {
    const id = await createInspection('Browser admin');
    const { context, problems } = await newContext();
    const page = await context.newPage();
    await signInAs(page, 'admin');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}`);
    await audit(page);
    await go(page, () => page.getByRole('link', { name: 'Questionnaire invitations' }).click());
    await issueInvitations(page);
    await go(page, () => page.getByRole('link', { name: 'Back' }).click());
    await go(page, () => page.getByRole('link', { name: 'Leadership grades and conclusions' }).click());
    await go(page, () => page.getByRole('link', { name: /^4\.1 / }).click());
    await page.getByLabel('Well met').check();
    await page.getByLabel('Strengths', { exact: true }).fill('Clear plan\nGood staff');
    // The Welsh sits folded beside the English, one point a line, a dash for one not translated.
    await page.getByText('Strengths in Welsh', { exact: true }).first().click();
    await page.getByLabel('Strengths in Welsh', { exact: true }).fill('Cynllun clir\n-');
    await go(page, () => page.getByRole('button', { name: 'Save grade' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('4.1 saved');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/grades/4.1`);
    await audit(page);
    expect(await page.getByLabel('Strengths in Welsh', { exact: true }).inputValue()).toBe('Cynllun clir\n-');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/report-links`);
    await audit(page);
    // No release yet: the admin's link is to the live draft.
    await page.getByLabel('A link to the live draft instead (admins only)').check();
    await go(page, () => page.getByRole('button', { name: 'Make a report link' }).click());
    expect(await page.inputValue('#made-link')).toMatch(/\/reports\/[\w-]+$/);
    await go(page, () => page.getByRole('button', { name: /^Withdraw/ }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('withdrawn');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/erase`);
    await audit(page);
    await page.getByLabel(/To confirm/).fill('browser admin');
    await go(page, () => page.getByRole('button', { name: 'Erase the responses' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Nothing was erased');
    await page.getByLabel(/To confirm/).fill('Browser admin');
    await go(page, () => page.getByRole('button', { name: 'Erase the responses' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('0 responses erased');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an admin issues invitations with JavaScript off, and downloads them from the page that shows the batch', async () => {
    const id = await createInspection('Browser invitations no JS');
    const { context, problems } = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, 'admin');
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/invitations`);
    await audit(page);
    await issueInvitations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('audited every page it visited', () => {
    expect(pagesAudited).toBeGreaterThanOrEqual(25);
  });
});
