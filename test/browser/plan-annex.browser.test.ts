/**
 * The improvement plan annex in Chromium, opened as a member of the public opens it: a report
 * link to a final release, no sign-in, no JavaScript needed. From the report's contents a
 * reader follows the annex link, finds each recommendation with its actions in a table named
 * by its caption, switches to Welsh and back to the report; axe-core finds nothing on the
 * annex page in either language, nor on the page that says no plan has come yet. Saves
 * docs/screenshots/plan-annex.png (with OMI_SCREENSHOTS=1).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { axeViolationsAt, launchChromium, SCREENSHOTS } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';

let browser: Browser;
let reportUrl: string;
let waitingUrl: string;

/** A final release of a fresh inspection with one recommendation, and a report link to it. */
async function publishedWithLink(area: string): Promise<{ id: string; releaseId: string; createdAt: string; url: string; recommendation: string }> {
  const id = await createInspection(area);
  expect((await call(`/inspections/${id}/cases/C-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
  const read = await call(`/inspections/${id}/write-up`, { as: 'staff' });
  const body = {
    summary: [],
    criteria: {},
    recommendations: [{ text: 'Sentence plans are reviewed.', textCy: 'Caiff cynlluniau dedfrydu eu hadolygu.', criteria: ['1.5'] }],
    goodPractice: [],
  };
  expect(
    (await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', json: body, headers: { 'if-match': read.headers.get('etag')! } }))
      .status,
  ).toBe(200);
  const release = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: area } });
  expect(release.status, release.text).toBe(201);
  const link = await call(`/inspections/${id}/report-links?releaseId=${release.json.releaseId}`, { method: 'POST', as: 'staff' });
  const recommendation = (await call(`/inspections/${id}/write-up`, { as: 'staff' })).json.recommendations[0].id;
  return { id, releaseId: release.json.releaseId, createdAt: release.json.createdAt, url: link.json.url, recommendation };
}

beforeAll(async () => {
  browser = await launchChromium();
  const done = await publishedWithLink('Kent');
  const plan = await call(`/inspections/${done.id}/improvement-plan`, { as: 'staff' });
  const actions = [
    {
      recommendation: done.recommendation,
      action: 'Audit ten sentence plans a month.',
      owner: 'Head of offender management',
      due: '2008-01-15',
      status: 'open',
    },
    { recommendation: done.recommendation, action: 'Review training for managers.', owner: 'Training manager', due: '2008-02-01', status: 'done' },
  ];
  const saved = await call(`/inspections/${done.id}/improvement-plan`, {
    method: 'PUT',
    as: 'staff',
    headers: { 'if-match': plan.headers.get('etag')! },
    json: { receivedAt: done.createdAt.slice(0, 10), actions },
  });
  expect(saved.status, saved.text).toBe(200);
  expect((await call(`/inspections/${done.id}/releases/${done.releaseId}/improvement-plan`, { method: 'POST', as: 'admin' })).status).toBe(201);
  reportUrl = done.url;
  waitingUrl = `${(await publishedWithLink('Kent (plan awaited)')).url}/improvement-plan`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the improvement plan annex in Chromium', () => {
  it('is reached from the report contents without JavaScript, reads as a table per recommendation, switches to Welsh and back', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await page.goto(reportUrl))!.status()).toBe(200);
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Annex: the area’s improvement plan' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(/\/reports\/[^/]+\/improvement-plan$/);
    expect(await page.locator('h1').innerText()).toBe('Annex: improvement plan');
    expect(await page.getByRole('heading', { level: 2, name: 'Sentence plans are reviewed.' }).count()).toBe(1);
    const table = page.getByRole('table', { name: 'The two actions' });
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.getByRole('cell', { name: 'Head of offender management' }).count()).toBe(1);
    expect(await table.getByText('Overdue', { exact: true }).count()).toBe(1);
    expect(await table.getByText('Done', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}plan-annex.png`, fullPage: true });
    await page.getByRole('link', { name: 'Cymraeg' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await page.locator('h1').innerText()).toBe('Atodiad: cynllun gwella');
    await page.getByRole('link', { name: 'Yn ôl i’r adroddiad' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await page.locator('#annex-contents a').getAttribute('href')).toMatch(/\/improvement-plan\?lang=cy$/);
    await context.close();
  });

  it('has no accessibility violations, in English and Welsh, with a plan and while none has come', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const annexUrl = `${reportUrl}/improvement-plan`;
    for (const url of [annexUrl, `${annexUrl}?lang=cy`, waitingUrl, `${waitingUrl}?lang=cy`])
      expect(await axeViolationsAt(context, url), url).toEqual([]);
    const page = await context.newPage();
    await page.goto(waitingUrl);
    expect(await page.locator('#no-plan').innerText()).toMatch(
      /^No improvement plan received yet\. It is due by \d{1,2} \w+ \d{4}, four weeks after publication\.$/,
    );
    await context.close();
  });
});
