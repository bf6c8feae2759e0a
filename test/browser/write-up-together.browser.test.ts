/**
 * Writing together in Chromium (issue 27): two inspectors, each in their own browser context,
 * edit the write-up at once. Different criteria: both saves land. The same criterion: the
 * second is shown who saved it and when, their text beside theirs, and keeps theirs by keyboard
 * alone. Every page free of axe-core violations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { axeViolations, launchChromium, SCREENSHOTS, signedInContext } from '#support/browser';
import { createInspection } from '#support/fixtures';

let browser: Browser;
let id: string;

const contextAs = (role: 'admin' | 'inspector') => signedInContext(browser, role);
const violations = axeViolations;

type Focused = { tag: string; text: string; name: string };
const focused = (page: Page) =>
  page.evaluate<Focused>(
    "(() => { const a = document.activeElement; return { tag: a ? a.tagName.toLowerCase() : '', text: a ? a.textContent.trim() : '', name: (a && a.getAttribute('name')) || '' }; })()",
  );

/** Presses Tab until the focused element matches, as a keyboard user would (unless it has focus already); fails when it never does. */
async function tabTo(page: Page, matches: (el: Focused) => boolean, max = 400): Promise<void> {
  if (matches(await focused(page))) return;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`never reached by Tab; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Types into a criterion's box by keyboard: its link in the contents, then Tab into the box. */
async function typeInto(page: Page, criterionId: string, title: string, list: 'strengths' | 'improvements', words: string): Promise<void> {
  await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith(`${criterionId} ${title}`));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await tabTo(page, (el) => el.name === `criteria.${criterionId}.${list}`, 20);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(words);
}

const saveByKeyboard = async (page: Page, button = 'Save the write-up') => {
  await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith(button));
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
};

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Writing together');
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('two inspectors writing the write-up at once, in Chromium', () => {
  it('lands both saves when they write different criteria', async () => {
    const [a, b] = await Promise.all([contextAs('inspector'), contextAs('admin')]);
    const titles = Object.fromEntries(
      ((await call('/question-bank', { as: 'staff' })).json.criteria as { id: string; title: string }[]).map((c) => [c.id, c.title]),
    );
    await Promise.all([
      a.page.goto(`${baseUrl()}/workbench/inspections/${id}/write-up`),
      b.page.goto(`${baseUrl()}/workbench/inspections/${id}/write-up`),
    ]);
    expect(await violations(a.page)).toEqual([]);
    await typeInto(a.page, '1.2', titles['1.2']!, 'strengths', 'Inspector: plans were reviewed on time.');
    await typeInto(b.page, '2.2', titles['2.2']!, 'improvements', 'Admin: interventions started late.');
    await saveByKeyboard(a.page);
    expect(await a.page.locator('.govuk-notification-banner__heading').innerText()).toBe('The write-up has been saved');
    await saveByKeyboard(b.page);
    expect(await b.page.locator('.govuk-notification-banner__heading').innerText()).toBe('The write-up has been saved');
    const stored = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json;
    expect(stored.criteria['1.2'].strengths).toEqual(['Inspector: plans were reviewed on time.']);
    expect(stored.criteria['2.2'].improvements).toEqual(['Admin: interventions started late.']);
    // Each criterion says who saved it last, by name.
    expect(await b.page.locator('#criterion-1-2 + p').innerText()).toMatch(/^Last saved by Ines Inspector on /);
    expect(await violations(b.page)).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('shows the same criterion side by side, naming who saved it, and keeps either by keyboard', async () => {
    const [a, b] = await Promise.all([contextAs('inspector'), contextAs('admin')]);
    const titles = Object.fromEntries(
      ((await call('/question-bank', { as: 'staff' })).json.criteria as { id: string; title: string }[]).map((c) => [c.id, c.title]),
    );
    await Promise.all([
      a.page.goto(`${baseUrl()}/workbench/inspections/${id}/write-up`),
      b.page.goto(`${baseUrl()}/workbench/inspections/${id}/write-up`),
    ]);
    await typeInto(a.page, '1.3', titles['1.3']!, 'strengths', 'Inspector: the words that landed first.');
    await typeInto(b.page, '1.3', titles['1.3']!, 'strengths', 'Admin: the words typed at the same time.');
    await saveByKeyboard(a.page);
    await saveByKeyboard(b.page);
    // The conflict: who and when, their text beside the admin's own, and nothing of the admin's saved.
    const summary = await b.page.locator('.govuk-error-summary').innerText();
    expect(summary).toMatch(/Ines Inspector saved 1\.3 .+ at .+, after you opened this page/);
    expect(await b.page.getByRole('region', { name: 'Their text (Ines Inspector): 1.3 strengths' }).innerText()).toBe(
      'Inspector: the words that landed first.',
    );
    expect(await b.page.getByLabel('Your text: 1.3 strengths', { exact: true }).inputValue()).toBe('Admin: the words typed at the same time.');
    expect(await violations(b.page)).toEqual([]);
    await b.page.evaluate("document.getElementById('criterion-1-3').scrollIntoView({ block: 'start' })");
    await b.page.screenshot({ path: `${SCREENSHOTS}workbench-write-up-conflict.png` });
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.criteria['1.3'].strengths).toEqual([
      'Inspector: the words that landed first.',
    ]);
    // Keyboard only: the error summary's link leads to the choice; keep theirs, then save.
    await b.page.keyboard.press('Shift+Tab'); // out of wherever focus was left
    await tabTo(b.page, (el) => el.tag === 'a' && el.text.startsWith('Ines Inspector saved 1.3'));
    // GOV.UK Frontend's error summary moves focus to the choice itself; without it, the link's target is the next stop.
    await b.page.keyboard.press('Enter');
    await tabTo(b.page, (el) => el.name === 'keep:criterion-1.3', 10);
    await b.page.keyboard.press('ArrowDown'); // from "Yours" to "Theirs", which arrows also select
    expect(await b.page.getByLabel(/^Theirs, as Ines Inspector saved it/).isChecked()).toBe(true);
    await saveByKeyboard(b.page, 'Save the write-up with this choice');
    expect(await b.page.locator('.govuk-notification-banner__heading').innerText()).toBe('The write-up has been saved');
    expect((await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.criteria['1.3'].strengths).toEqual([
      'Inspector: the words that landed first.',
    ]);
    expect(await violations(b.page)).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });
});
