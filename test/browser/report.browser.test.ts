/**
 * The printable report in a real browser (Debian's Chromium, driven by playwright-core),
 * opened the way a person opens it: with a report link, no bearer token. axe-core finds
 * nothing on it; on paper (print media) the page chrome and the links go and each major part
 * starts a new page; the CSV download works from the page. Saves docs/screenshots/report.png
 * (the whole page), report-chart.png (Chart 1) and report-print.png (as printed).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKentDemo } from '#infra/local/seed';
import { baseUrl, call, tokenFor } from '#support/api';
import { AXE_SOURCE, SCREENSHOTS, launchChromium } from '#support/browser';
import { signInInBrowser } from '#support/sign-in';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let inspectionId: string;
let reportUrl: string;
const problems: string[] = [];

async function axeViolations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => typeof (globalThis as any).axe !== 'undefined'))) await p.evaluate(AXE_SOURCE);
  const result = await p.evaluate(async () => (globalThis as any).axe.run());
  return (result.violations as { id: string; nodes: { target: string[]; failureSummary: string }[] }[]).map(
    (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`,
  );
}

/** The computed value of a CSS property of the first element matching `selector`. */
const css = (p: Page, selector: string, property: string) =>
  p.evaluate(
    ([s, prop]) => {
      const doc = (globalThis as any).document;
      const el = doc.querySelector(s);
      return el ? (globalThis as any).getComputedStyle(el).getPropertyValue(prop) : null;
    },
    [selector, property] as const,
  );

beforeAll(async () => {
  browser = await launchChromium();
  inspectionId = await createKentDemo(baseUrl(), await tokenFor('admin'), 'Kent', await tokenFor('inspector'));
  const link = await call(`/inspections/${inspectionId}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
  expect(link.status).toBe(201);
  reportUrl = link.json.url;

  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if ((path.startsWith('/assets/') || path === '/report.css') && response.status() >= 400) problems.push(`${response.status()}: ${path}`);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the report in a browser', () => {
  it('opens from a report link without signing in, styled, with no accessibility violations', async () => {
    const response = await page.goto(reportUrl);
    expect(response!.status()).toBe(200);
    await page.waitForLoadState('load');
    expect(await page.locator('h1').innerText()).toBe('Kent');
    // A link to the live draft (the test's inspection has no release): marked as the draft it is.
    expect(await page.title()).toBe('Draft, not published: Offender Management Inspection: Kent - Probation inspection reports');
    // GOV.UK Frontend's fonts and our stylesheet both applied
    expect(await css(page, 'h1', 'font-family')).toMatch(/GDS Transport/);
    expect(await css(page, '.app-sample-grid', 'display')).toBe('grid');
    const chart = await page.locator('svg.app-chart__svg').boundingBox();
    expect(chart!.width).toBeGreaterThan(800);
    expect(await page.locator('svg.app-chart__svg').getAttribute('role')).toBe('img');
    expect(await page.locator('svg.app-chart__svg rect[fill="#1d70b8"]').count()).toBe(14 + 1);
    expect(await page.getByRole('img', { name: /^Chart 1: Scoring of sections 1 to 3/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: /Table 1: Scoring of section 4/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: /Table 2: Risk of Harm thread/ }).count()).toBe(1);
    expect(await page.getByText('[c] marks a figure that is not shown').count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}report.png`, fullPage: true });
    await page.locator('#chart-1').screenshot({ path: `${SCREENSHOTS}report-chart.png` });
  });

  it('downloads the summary as CSV from the page', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${inspectionId}-summary.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    // a byte order mark first, so that Excel reads it as UTF-8
    expect(text.split(/\r?\n/)[0]).toBe('\uFEFFpart,id,name,measure,value');
    expect(text).toContain('criterion,1.1,Preparing for sentence,percent,79');
  });

  it('prints without the header, footer, contents or links, each major part on a new page, the chart in black-and-white-safe shapes', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await css(page, '.govuk-template__header', 'display')).toBe('none');
      expect(await css(page, '.govuk-template__footer', 'display')).toBe('none');
      expect(await css(page, '.govuk-skip-link', 'display')).toBe('none');
      expect(await css(page, 'nav.app-no-print', 'display')).toBe('none');
      expect(await page.locator('a[download]').first().isVisible()).toBe(false);
      expect(await css(page, '#service-users', 'break-before')).toBe('page');
      expect(await css(page, '#sample', 'break-before')).toBe('page');
      expect(await page.locator('svg.app-chart__svg').isVisible()).toBe(true);
      // section bars are hatched (a pattern), not told apart by colour alone, and every bar has its figure as text
      expect(await page.locator('svg.app-chart__svg pattern#chart1-hatch').count()).toBe(1);
      expect(await page.locator('svg.app-chart__svg text', { hasText: /^\d+%$/ }).count()).toBeGreaterThanOrEqual(14 + 3);

      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(5);
      await page.screenshot({ path: `${SCREENSHOTS}report-print.png`, fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows a GOV.UK page for an unknown link, also free of violations', async () => {
    const unknown = await page.goto(`${new URL(reportUrl).origin}/reports/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(unknown!.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the Welsh report and the findings page in a browser', () => {
  it('opens in Welsh with lang="cy", free of accessibility violations, and links to the English', async () => {
    const response = await page.goto(`${reportUrl}?lang=cy`);
    expect(response!.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    expect(await page.title()).toBe('Drafft, heb ei gyhoeddi: Arolygiad Rheoli Troseddwyr: Kent - Adroddiadau arolygu prawf');
    expect(await page.getByRole('img', { name: /^Siart 1: Sgorio adrannau 1 i 3/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: /Tabl 1: Sgorio adran 4/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Argymhellion ar gyfer gwella' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}report-cy.png`, fullPage: true });
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForLoadState('load');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'Recommendations for improvement' }).count()).toBe(1);
  });

  it('lets an inspector tick a drafted finding, edit it and save it, with no accessibility violations', async () => {
    const findings = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const p = await findings.newPage();
    try {
      await signInInBrowser(p, 'inspector');
      await p.goto(`${baseUrl()}/workbench/inspections/${inspectionId}/findings`);
      expect(await axeViolations(p)).toEqual([]);
      await Promise.all([p.waitForLoadState('load'), p.getByRole('link', { name: /^1\.3 / }).click()]);
      expect(await axeViolations(p)).toEqual([]);
      await p.locator('#use-0').check();
      await p.locator('#text-d-0').fill('Words chosen by the inspector.');
      await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name: 'Save findings' }).click()]);
      expect(await p.getByText('The findings of criterion 1.3 are saved in the write-up.').count()).toBe(1);
      expect(await axeViolations(p)).toEqual([]);
      const saved = await call(`/inspections/${inspectionId}/write-up`, { as: 'staff' });
      expect(JSON.stringify(saved.json.criteria['1.3'])).toContain('Words chosen by the inspector.');
      // The staff report has more than a link's (suggested bands, comments, the markers' agreement): audited too, in both languages.
      for (const lang of ['en', 'cy']) {
        await p.goto(`${baseUrl()}/workbench/inspections/${inspectionId}/report?lang=${lang}`);
        expect(await p.getAttribute('html', 'lang')).toBe(lang);
        expect(await p.locator('#moderation').count()).toBe(1);
        expect(await axeViolations(p)).toEqual([]);
      }
    } finally {
      await findings.close();
    }
  });
});
