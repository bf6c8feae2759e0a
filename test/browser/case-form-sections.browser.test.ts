/**
 * The case form in sections in Chromium (issue 27, point 5): keyboard only, an inspector goes
 * from the contents list to a criterion, answers there and in another section, saves from that
 * criterion's own Save button, and lands back in it with both answers stored and its count
 * down. The same with JavaScript off. Staff see the case as text. Then point 8's small things:
 * a duplicate inspection refused with a link to the existing one, an inspection deleted from
 * its page, the findings' checkboxes told apart by their accessible names (as Chromium computes
 * them), grades read as text. axe-core on every page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, launchChromium } from '#support/browser';
import { randomUUID } from 'node:crypto';
import { demoCasesCsv } from '#infra/local/demo-data';
import { bank, createInspection, kentSample, makeCase } from '#support/fixtures';
import { signInFromStartPage } from '#support/sign-in';

let browser: Browser;
let auditPage: Page;
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

async function newContext(javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, javaScriptEnabled });
  if (!javaScriptEnabled) javaScriptOff.add(context);
  else await context.addInitScript(AXE_SOURCE);
  return context;
}

type AxeViolations = { id: string; nodes: { target: string[] }[] }[];
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
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    `axe on ${new URL(page.url()).pathname}`,
  ).toEqual([]);
}

const focused = (page: Page, selector: string) => page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);

async function tabTo(page: Page, selector: string, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await focused(page, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const leftIn = (page: Page, criterionId: string) =>
  page.locator('#case-contents li', { has: page.locator(`a[href="#criterion-${criterionId.replaceAll('.', '-')}"]`) }).innerText();

/** A community case with 2.3 and 1.1 left unanswered, entered through the JSON route. */
async function partCase(id: string, ref: string) {
  const full = makeCase('community', 3, bank());
  const answers = Object.fromEntries(Object.entries(full.answers).filter(([q]) => !q.startsWith('2.3.') && !q.startsWith('1.1.')));
  expect((await call(`/inspections/${id}/cases/${ref}`, { as: 'inspector', method: 'PUT', json: { ...full, answers } })).status).toBe(201);
}

/** Keyboard only: contents list -> 2.3 -> an answer there; back to the contents -> 1.1 -> an answer; saved from 1.1's button. */
async function finishBySection(page: Page, id: string, ref: string) {
  const b = bank();
  const q23 = b.questions.find((q) => q.criterion === '2.3' && q.appliesTo.includes('community'))!.id;
  const q11 = b.questions.find((q) => q.criterion === '1.1' && q.appliesTo.includes('community'))!.id;
  const asked23 = b.questions.filter((q) => q.criterion === '2.3' && q.appliesTo.includes('community')).length;
  const asked11 = b.questions.filter((q) => q.criterion === '1.1' && q.appliesTo.includes('community')).length;
  await page.goto(`${baseUrl()}/workbench/inspections/${id}/cases/${ref}`);
  await audit(page);
  expect(await leftIn(page, '2.3')).toContain(`${asked23} left`);
  await tabTo(page, 'a[href="#criterion-2-3"]');
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toBe('#criterion-2-3');
  // The next Tab is inside 2.3: its first question, answered "No" with one arrow.
  await page.keyboard.press('Tab');
  expect(await focused(page, `#q-${q23.replaceAll('.', '-')}`)).toBe(true);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  // Back to the contents list by the section's own link, then on to 1.1.
  await tabTo(page, '#criterion-2-3 a[href="#case-contents"]');
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toBe('#case-contents');
  expect(await page.locator(`#q-${q23.replaceAll('.', '-')}-no`).isChecked()).toBe(true);
  await tabTo(page, 'a[href="#criterion-1-1"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await focused(page, `#q-${q11.replaceAll('.', '-')}`)).toBe(true);
  await page.keyboard.press('Space');
  await tabTo(page, '#criterion-1-1 button[name="returnTo"]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await audit(page);
  const url = new URL(page.url());
  expect(url.hash).toBe('#criterion-1-1');
  expect(await page.locator('#criterion-1-1 .govuk-notification-banner').innerText()).toContain(`Case ${ref} saved`);
  expect(await leftIn(page, '1.1')).toContain(`${asked11 - 1} left`);
  expect(await leftIn(page, '2.3')).toContain(`${asked23 - 1} left`);
  const stored = (await call(`/inspections/${id}/cases/${ref}`, { as: 'admin' })).json;
  expect(stored.answers[q11]).toBe('yes');
  expect(stored.answers[q23]).toBe('no');
  expect(stored.version).toBe(2);
}

describe('the case form in sections in Chromium', () => {
  it('keyboard only: reaches a section from the contents list and saves from it, keeping what was typed elsewhere', async () => {
    const id = await createInspection('Sections keyboard');
    await partCase(id, 'SK-1');
    const context = await newContext();
    const page = await context.newPage();
    await signInFromStartPage(page, 'inspector', { keyboard: true, audit });
    await finishBySection(page, id, 'SK-1');
    await context.close();
  }, 120_000);

  it('the same with JavaScript off', async () => {
    const id = await createInspection('Sections no JS');
    await partCase(id, 'SN-1');
    const context = await newContext(false);
    const page = await context.newPage();
    await signInFromStartPage(page, 'inspector', { keyboard: true, audit });
    await finishBySection(page, id, 'SN-1');
    await context.close();
  }, 120_000);

  it('staff read the case as text, unanswered questions marked so', async () => {
    const id = await createInspection('Sections staff');
    await partCase(id, 'SS-1');
    const context = await newContext();
    const page = await context.newPage();
    await signInFromStartPage(page, 'staff', { audit });
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/cases/SS-1`);
    await audit(page);
    expect(await page.locator('main input:not([type="hidden"]), main select, main textarea').count()).toBe(0);
    expect(await page.locator('#criterion-2-3 .govuk-summary-list__value').first().innerText()).toBe('Unanswered');
    await context.close();
  }, 120_000);
});

describe('the small things in Chromium', () => {
  it('an admin is refused a duplicate inspection with a link to the existing one, then deletes an inspection made by mistake', async () => {
    const area = `Browser duplicate ${randomUUID().slice(0, 6)}`;
    const existing = (await call('/inspections', { as: 'admin', json: { area, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } })).json
      .inspectionId as string;
    const context = await newContext(false);
    const page = await context.newPage();
    await signInFromStartPage(page, 'admin', { audit });
    await page.goto(`${baseUrl()}/workbench/inspections/new`);
    await page.fill('#area', area);
    for (const [field, [d, m, y]] of [
      ['fieldworkStart', ['6', '11', '2007']],
      ['fieldworkEnd', ['8', '11', '2007']],
    ] as const) {
      await page.fill(`#${field}`, d);
      await page.fill(`#${field}-month`, m);
      await page.fill(`#${field}-year`, y);
    }
    await Promise.all([page.waitForNavigation(), page.click('main form button[type="submit"]')]);
    await audit(page);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('already has an inspection');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Go to that inspection' }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/workbench/inspections/${existing}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Delete the inspection' }).click()]);
    await audit(page);
    await page.getByLabel(`To confirm, type the area’s name: ${area}`).fill(area);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Delete the inspection' }).click()]);
    await audit(page);
    expect(await page.locator('h1').innerText()).toBe('Inspection deleted');
    expect((await call(`/inspections/${existing}`, { as: 'admin' })).status).toBe(404);
    await context.close();
  }, 120_000);

  it('the findings page names each checkbox for its finding; staff read grades as text', async () => {
    const id = await createInspection(`Browser findings ${randomUUID().slice(0, 6)}`);
    const csv = demoCasesCsv(
      kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
      bank(),
    );
    expect((await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
    expect(
      (
        await call(`/inspections/${id}/leadership/4.1`, {
          method: 'PUT',
          as: 'inspector',
          json: { grade: 'well-met', strengths: ['Clear plans'], improvements: [] },
        })
      ).status,
    ).toBeLessThan(300);
    const context = await newContext();
    const page = await context.newPage();
    await signInFromStartPage(page, 'inspector', { audit });
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/findings/1.3`);
    await audit(page);
    // The names as Chromium's accessibility tree has them, not as the page's code builds them.
    const names = [...(await page.locator('main').ariaSnapshot()).matchAll(/checkbox "([^"]*)"/g)].map((m) => m[1]!);
    const count = await page.getByRole('checkbox').count();
    expect(count).toBeGreaterThan(2);
    expect(names).toHaveLength(count);
    for (const name of names) expect(name).toMatch(/^(Use|Keep) in the report ?: \S/);
    expect(new Set(names).size).toBe(count);
    await context.close();

    const staffContext = await newContext();
    const staffPage = await staffContext.newPage();
    await signInFromStartPage(staffPage, 'staff', { audit });
    await staffPage.goto(`${baseUrl()}/workbench/inspections/${id}/grades/4.1`);
    await audit(staffPage);
    expect(await staffPage.locator('main input:not([type="hidden"]), main textarea').count()).toBe(0);
    expect(await staffPage.locator('#recorded').innerText()).toContain('Well met');
    await staffPage.goto(`${baseUrl()}/workbench/inspections/${id}/findings/1.3`);
    await audit(staffPage);
    expect(await staffPage.locator('main input:not([type="hidden"]), main textarea').count()).toBe(0);
    await staffContext.close();
  }, 180_000);
});
