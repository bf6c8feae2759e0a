/**
 * The performance figures' upload in Chromium (issue 28): the Kent file of every Appendix 1 row
 * chosen and sent from the keyboard, its preview axe-clean; a file with bad cells answered with
 * the GOV.UK error summary naming each by row and column, axe-clean, the figures unchanged.
 * No JavaScript is needed: the form is a plain multipart post.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, axeViolations, launchChromium, signedInContext } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';
import { kentPerformanceCsv } from '#infra/local/demo-evidence';

let browser: Browser;
let context: BrowserContext;
let inspectionId: string;
const folder = mkdtempSync(join(tmpdir(), 'appendix1-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  browser = await launchChromium();
  inspectionId = await createInspection('Appendix 1 in Chromium');
  expect((await call(`/inspections/${inspectionId}/cases/AB-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the performance figures page in Chromium', () => {
  it('uploads every Kent row from the keyboard, previews them axe-clean, and names each bad cell in the error summary', async () => {
    const signedIn = await signedInContext(browser, 'inspector');
    context = signedIn.context;
    const { page } = signedIn;
    const area = `${baseUrl()}/workbench/inspections/${inspectionId}/area`;
    await page.goto(area);
    await page.setInputFiles('#file', file('kent.csv', kentPerformanceCsv()));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Upload the performance figures', exact: true }).press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/workbench/inspections/${inspectionId}/area`);
    const preview = page.locator('table', { hasText: 'Performance figures as uploaded' });
    expect(await preview.locator('tbody tr').count()).toBe(39);
    expect(await preview.locator('tr', { hasText: 'Ethnic Monitoring' }).innerText()).toContain('not available');
    expect(await violations()).toEqual([]);

    await page.setInputFiles(
      '#file',
      file('bad.csv', 'measure,target,area,national,period,grade\nVictim Contact,85%,98%,93%,Q2,5\nEthnic Monitoring,95%,####,97%,Q2,4\n'),
    );
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Upload the performance figures', exact: true }).press('Enter')]);
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Row 2, column grade: "5" is not an IPPF grade');
    expect(summary).toContain('Row 3, column area: "####" is what a spreadsheet shows when a figure is too wide for its column');
    // The error summary's links lead to the file input.
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#file');
    expect(await violations()).toEqual([]);
    await page.goto(area);
    expect(await page.locator('table', { hasText: 'Performance figures as uploaded' }).locator('tbody tr').count()).toBe(39);

    async function violations() {
      return axeViolations(page);
    }
  });

  it('shows Appendix 1 and the 4.2 table in the report, English and Welsh, free of accessibility violations', async () => {
    const figures = await call(`/inspections/${inspectionId}/performance-figures`, {
      method: 'PUT',
      as: 'inspector',
      body: kentPerformanceCsv(),
      headers: { 'content-type': 'text/csv' },
    });
    expect(figures.status, figures.text.slice(0, 300)).toBe(200);
    const link = await call(`/inspections/${inspectionId}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
    expect(link.status, link.text.slice(0, 300)).toBe(201);
    const reader = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    try {
      const page = await reader.newPage();
      await page.addInitScript(AXE_SOURCE);
      for (const [lang, caption] of [
        ['en', 'Summary of results for Appendix 1 in Chromium from the NOMS Integrated Probation Performance Framework (IPPF)'],
        ['cy', 'Crynodeb o ganlyniadau Appendix 1 in Chromium o Fframwaith Perfformiad Integredig y Gwasanaeth Prawf (IPPF) NOMS'],
      ] as const) {
        const res = await page.goto(`${link.json.url}${lang === 'cy' ? '?lang=cy' : ''}`);
        expect(res?.status()).toBe(200);
        expect(await page.locator('#ippf-domains caption').innerText()).toBe(caption);
        expect(await page.locator('#performance-public-protection tbody tr').count()).toBe(7);
        expect(await page.locator('#performance-management-information tbody tr').count()).toBe(8);
        expect(await axeViolations(page), lang).toEqual([]);
      }
    } finally {
      await reader.close();
    }
  }, 180_000);
});
