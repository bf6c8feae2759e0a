/**
 * Issue 27's "done when": an inspection run start to finish in the browser alone, following the
 * dashboard's task list, with no JSON route and no curl. Each person does their own part (the
 * admin sets up and releases, inspectors enter, mark and write, a respondent answers through a
 * link), axe-core checks every page the journey lands on, and the end is a frozen report a
 * member of the public reads through a link. The JSON API is read only to check the result.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, axeViolations, launchChromium, SCREENSHOTS, signedInContext } from '#support/browser';

const AREA = `Journey ${Date.now().toString(36)}`;
let browser: Browser;
const people: Partial<Record<'admin' | 'inspector', { context: BrowserContext; page: Page }>> = {};
let dashboard = '';
const axeFound: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  people.admin = await signedInContext(browser, 'admin');
  people.inspector = await signedInContext(browser, 'inspector');
}, 60_000);

// Every page a step landed on, free of axe-core violations.
afterEach(() => {
  expect(axeFound.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Which page this is, as far as accessibility goes: its template (ids, criteria and case
 * references taken out) and whether it carries an error summary or a banner. The journey
 * passes the same page many times (the dashboard after every task, twenty grade forms); axe
 * checks each kind once, which keeps the journey inside the suite's budget.
 */
async function pageKind(page: Page): Promise<string> {
  const template = new URL(page.url()).pathname
    .replace(/\/inspections\/[^/]+/, '/inspections/:id')
    .replace(/\/(grades|findings)\/[^/]+/, '/$1/:criterion')
    .replace(/\/(cases|interviews|second-marking|moderation)\/[^/]+/, '/$1/:case');
  const marks = await page.locator('.govuk-error-summary, .govuk-notification-banner, .govuk-panel').count();
  return `${template} ${marks}`;
}
const audited = new Set<string>();

/** Follows a link or presses a button and waits for the next page; axe-core then checks it, once a kind of page. */
async function go(page: Page, act: () => Promise<unknown>): Promise<void> {
  try {
    await Promise.all([page.waitForNavigation({ timeout: 20_000 }), act()]);
  } catch (e) {
    writeFileSync(join(tmpdir(), 'journey-failed.html'), `<!-- ${page.url()} -->\n${await page.content()}`);
    throw e;
  }
  const kind = await pageKind(page);
  if (audited.has(kind)) return;
  audited.add(kind);
  const found = await axeViolations(page);
  axeFound.push(...found.map((v) => `${new URL(page.url()).pathname}: ${v}`));
}
const press = (page: Page, name: string) => go(page, () => page.getByRole('button', { name, exact: true }).first().click());
/** A link, or a GOV.UK start button (a link a screen reader hears as a button). */
const follow = (page: Page, name: string | RegExp) =>
  go(page, () =>
    page
      .getByRole('link', { name, exact: typeof name === 'string' })
      .or(page.locator('a[role="button"]', { hasText: name }))
      .first()
      .click(),
  );
/** A task's link from the task list: its page is headed by the task's own name (one word for each thing). */
async function followTask(page: Page, name: string): Promise<void> {
  await follow(page, name);
  expect(await page.locator('h1').first().innerText()).toBe(name);
}
const toDashboard = (page: Page) => go(page, () => page.goto(dashboard));

/**
 * What the task list says of a task (its name, hint and status as a person reads them), once it
 * says `expected`: the figures behind the list follow the table's stream, so a person who has
 * just saved may have to look again a moment later, as this does.
 */
async function task(page: Page, name: string, expected: RegExp): Promise<string> {
  let said = '';
  for (let tries = 0; tries < 30; tries++) {
    await toDashboard(page);
    said = await page.locator('.govuk-task-list__item', { hasText: name }).first().innerText();
    if (expected.test(said)) return said;
    await page.waitForTimeout(500);
  }
  return said;
}

/** Chooses one radio in every group of the page's form (the `pick`th option, or the last when a group has fewer). */
async function answerEveryGroup(page: Page, pick = 0, except: readonly string[] = []): Promise<number> {
  const all = await page.locator('form input[type="radio"]').evaluateAll((inputs) => [...new Set(inputs.map((i) => i.getAttribute('name') ?? ''))]);
  const names = all.filter((n) => !except.includes(n));
  for (const name of names) {
    const options = page.locator(`form input[type="radio"][name="${name}"]`);
    const n = await options.count();
    await options.nth(Math.min(pick, n - 1)).check();
  }
  return names.length;
}

const CASES = [
  ['JR-001', 'community'],
  ['JR-002', 'licence'],
] as const;

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const noProblems = async (page: Page) => expect(await page.locator('.govuk-error-summary').count(), await page.locator('main').innerText()).toBe(0);

describe('an inspection from start to finish in the browser alone', () => {
  it('set-up: the admin creates the inspection and gives the caseload and the performance figures', async () => {
    const { page } = people.admin!;
    await go(page, () => page.goto(`${baseUrl()}/workbench`));
    await follow(page, 'Create a new inspection');
    await page.getByLabel('Probation area').fill(AREA);
    for (const [field, d, m, y] of [
      ['fieldworkStart', '5', '11', '2007'],
      ['fieldworkEnd', '9', '11', '2007'],
    ] as const) {
      await page.locator(`#${field}`).fill(d);
      await page.locator(`#${field}-month`).fill(m);
      await page.locator(`#${field}-year`).fill(y);
    }
    await press(page, 'Create inspection');
    await noProblems(page);
    dashboard = page.url();
    expect(dashboard).toMatch(/\/workbench\/inspections\/[^/]+$/);
    expect(await page.locator('h1').innerText()).toContain(AREA);
    await page.screenshot({ path: `${SCREENSHOTS}task-list.png`, fullPage: true });

    await followTask(page, 'Caseload and performance figures');
    await page.getByLabel('Caseload: the cases the area holds').fill('4000');
    await press(page, 'Save the caseload');
    await noProblems(page);
    const figures = join(tmpdir(), `journey-figures-${Date.now()}.csv`);
    writeFileSync(figures, 'measure,target,area,national,period\nOrders and licences successfully completed,70,74,71,2006-07\n');
    await page.setInputFiles('#file', figures);
    await press(page, 'Upload the performance figures');
    await noProblems(page);
    expect(await page.locator('main').innerText()).toContain('Orders and licences successfully completed');
    expect(await task(page, 'Caseload and performance figures', /Completed/)).toMatch(/Caseload 4000; 1 performance figure\s+Completed/);
  }, 120_000);

  it('fieldwork: an inspector enters the sample through the case form, section by section, and records the interviews', async () => {
    const { page } = people.inspector!;
    for (const [caseRef, type] of CASES) {
      await toDashboard(page);
      await followTask(page, 'Cases');
      await follow(page, 'Enter a case');
      await page.locator(`input[name="caseType"][value="${type}"]`).check();
      await press(page, 'Continue');
      await page.getByLabel('Case reference').fill(caseRef);
      expect(await answerEveryGroup(page, 0, ['caseType'])).toBeGreaterThan(20);
      await go(page, () =>
        page
          .getByRole('button', { name: /^Save case/ })
          .first()
          .click(),
      );
      await noProblems(page);
    }
    expect(await task(page, 'Cases', /2 of the usual 110 cases finished/)).toContain('In progress');

    await followTask(page, 'Offender manager interviews');
    for (const [caseRef] of CASES) {
      await follow(page, `Record the interview for case ${caseRef}`);
      expect(await answerEveryGroup(page, 0)).toBeGreaterThan(5);
      await press(page, 'Save the interview');
      await noProblems(page);
    }
    expect(await task(page, 'Offender manager interviews', /2 of 2 cases interviewed/)).toContain('Completed');
  }, 240_000);

  it('moderation: the admin marks a case a second time, blind, and records the agreed judgements', async () => {
    const { page } = people.admin!;
    await toDashboard(page);
    await followTask(page, 'Second marking');
    const [caseRef] = CASES[0];
    await follow(page, `Mark case ${caseRef} a second time`);
    // Blind: the first marker's answers are nowhere on the page.
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    expect(await answerEveryGroup(page, 1)).toBeGreaterThan(20);
    await press(page, 'Save the second marking');
    await noProblems(page);
    expect(await task(page, 'Second marking', /1 case marked a second time/)).toContain('In progress');

    await followTask(page, 'Second markings: the cases for a moderator');
    expect(await answerEveryGroup(page, 0)).toBeGreaterThan(0);
    await page.getByLabel(`Why: the moderator's note for case ${caseRef}`).fill('The first marking stands: the plan was reviewed on time.');
    await go(page, () => page.getByRole('button', { name: `Record the agreed judgement for case ${caseRef}` }).click());
    await noProblems(page);
    expect(await task(page, 'Second markings: the cases for a moderator', /1 of 1 flagged case decided|No case differs/)).toContain('Completed');
  }, 240_000);

  it('questionnaires: the admin issues links, downloads them, and a respondent answers through one', async () => {
    const { page } = people.admin!;
    await toDashboard(page);
    await followTask(page, 'Questionnaire invitations');
    await page.locator('input[name="audience"][value="offender"]').check();
    await page.getByLabel('How many links').fill('3');
    await page.locator('input[name="language"][value="en"]').check();
    await press(page, 'Issue the links');
    await noProblems(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the links (CSV)' }).first().click(),
    ]);
    const csv = await streamText(await download.createReadStream());
    const links = csv.match(/https?:\/\/[^,"\s]+/g) ?? [];
    expect(links).toHaveLength(3);

    const respondent = await browser.newContext({ javaScriptEnabled: false });
    await respondent.addInitScript(AXE_SOURCE);
    const answering = await respondent.newPage();
    await answering.goto(links[0]!);
    await answering.locator('button.govuk-button--start, a.govuk-button--start').first().click();
    const sent = answering.locator('.govuk-panel__title');
    for (let step = 0; step < 40 && !(await sent.count()); step++) {
      const radios = answering.locator('form input[type="radio"]');
      if (await radios.count()) await radios.first().check();
      const boxes = answering.locator('form input[type="checkbox"]');
      if (await boxes.count()) await boxes.first().check();
      const text = answering.locator('form textarea, form input[type="text"]');
      if (await text.count()) await text.first().fill('Helpful.');
      const next = answering.locator('button[value="continue"]');
      await Promise.all([
        answering.waitForNavigation(),
        (await next.count()) ? next.click() : answering.locator('button[type="submit"]').first().click(),
      ]);
    }
    expect(await sent.count()).toBe(1);
    await respondent.close();
    expect(await task(page, 'Questionnaire returns', /offenders: 1 of 3 returned/)).toContain('In progress');
  }, 240_000);

  it('drafting: an inspector grades the leadership criteria, concludes on the others, and writes the report', async () => {
    const { page } = people.inspector!;
    await toDashboard(page);
    await followTask(page, 'Leadership grades and conclusions');
    const criteria = await page.locator('main table a.govuk-link').allInnerTexts();
    expect(criteria.length).toBeGreaterThan(10);
    for (const criterion of criteria) {
      await follow(page, criterion);
      await answerEveryGroup(page, 1);
      if (criterion.startsWith('4.')) await page.getByLabel('Strengths', { exact: true }).fill(`Managers in ${AREA} knew their staff.`);
      await go(page, () => page.getByRole('button', { name: /^Save (grade|conclusion)$/ }).click());
      await noProblems(page);
    }
    expect(await task(page, 'Leadership grades and conclusions', /6 of 6 leadership criteria graded/)).toContain('Completed');

    await follow(page, 'The write-up: summaries, findings, recommendations');
    await page.getByLabel('Section 1: Assessment and sentence planning', { exact: true }).fill('Assessment was mostly timely.');
    await page.getByLabel('1.1 strengths', { exact: true }).fill('Every case in the sample had a pre-sentence report.');
    await page.getByLabel('Recommendation', { exact: true }).first().fill('Complete assessments on time.');
    await page.getByLabel('Criteria it is about').first().fill('1.1');
    await press(page, 'Save the write-up');
    await noProblems(page);

    await follow(page, "the report's front and back matter");
    const cover = page.locator('section#cover');
    await cover.getByLabel('Month of publication').fill('2008-02');
    await cover.getByLabel('The inspection dates, as the cover words them').fill('Fieldwork: 5-9 November 2007');
    await press(page, 'Save cover');
    await noProblems(page);
    const nextSteps = page.locator('section#next-steps');
    await nextSteps.getByLabel('No further inspection').check();
    await press(page, 'Save next steps');
    await noProblems(page);
  }, 300_000);

  it('factual accuracy and publication: the admin sends the draft to the area, then makes the final release', async () => {
    const { page } = people.admin!;
    await toDashboard(page);
    await follow(page, 'Factual accuracy release');
    await page.locator('input[name="kind"][value="factual-accuracy"]').check();
    await press(page, 'Make the release');
    await noProblems(page);
    expect(await task(page, 'Factual accuracy release', /1 release sent for checking/)).toContain('Completed');

    await follow(page, 'Final release');
    await page.locator('input[name="kind"][value="final"]').check();
    await page.getByLabel("For a final release, type the area's name to confirm").fill(AREA);
    await press(page, 'Make the release');
    await noProblems(page);
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('The release has been made');
    expect(await task(page, 'Final release', /Released: the inspection is closed/)).toContain('Completed');
    await page.screenshot({ path: `${SCREENSHOTS}task-list-released.png`, fullPage: true });
  }, 240_000);

  it('the end: a member of the public reads the frozen report through a link, and it says what was entered', async () => {
    const { page } = people.admin!;
    await toDashboard(page);
    await follow(page, 'Report links');
    await press(page, 'Make a report link');
    const url = await page.inputValue('#made-link');
    // Scripts on only so that axe-core can run: the report itself has none.
    const reader = await browser.newContext();
    await reader.addInitScript(AXE_SOURCE);
    const reading = await reader.newPage();
    await reading.goto(url);
    const report = await reading.locator('main').innerText();
    expect(report).toContain(AREA);
    expect(report).toContain('February 2008');
    expect(report).toContain('Every case in the sample had a pre-sentence report.');
    expect(report).toContain('Complete assessments on time.');
    expect(report).toContain(`Managers in ${AREA} knew their staff.`);
    expect(report).not.toMatch(/Draft, not published/);
    expect(await axeViolations(reading)).toEqual([]);
    await reader.close();

    // Checked through the API only now, after the journey: the inspection is closed, with the two releases the pages made.
    const { json: inspection } = await call(`/inspections/${new URL(dashboard).pathname.split('/').pop()}`, { as: 'staff' });
    expect(inspection.status).toBe('closed');
    const { json } = await call(`/inspections/${inspection.inspectionId}/releases`, { as: 'staff' });
    expect(json.releases.map((r: { kind: string }) => r.kind).sort()).toEqual(['factual-accuracy', 'final']);
    // Every kind of page the journey passed was audited: the forms, their saved and refused states, the task list.
    expect(audited.size).toBeGreaterThan(20);
  }, 300_000);
});
