/**
 * The page of long work a page handed over (a release of a large inspection), in Chromium:
 * running, done and failed, each free of axe-core violations; "Check again" reached and
 * followed with the keyboard alone; no JavaScript needed (the page never refreshes itself).
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#store/keys';
import { baseUrl } from '#support/api';
import { AXE_SOURCE, launchChromium } from '#support/browser';
import { createInspection } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { signIn } from '#support/workbench';

let browser: Browser;
let id: string;
const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));

async function jobIn(status: 'running' | 'done' | 'failed'): Promise<string> {
  const jobId = randomUUID();
  const at = new Date().toISOString();
  const outcome =
    status === 'done'
      ? {
          finishedAt: at,
          doing: 'Made the final release 20261207T000000000Z-aaaaaa.',
          result: { releaseId: '20261207T000000000Z-aaaaaa', kind: 'final', createdAt: at },
        }
      : status === 'failed'
        ? {
            finishedAt: at,
            doing: 'x',
            problem: {
              type: 'urn:omi:problem:conflict',
              title: 'Conflict',
              status: 409,
              detail: 'Cases are still being written: try the final release again in a minute.',
              errors: [],
            },
          }
        : { doing: 'Computing the figures from every input.' };
  await table.db.send(
    new PutCommand({
      TableName: inject('tableName'),
      Item: {
        ...keys.job(jobId),
        entity: 'job',
        jobId,
        kind: 'release',
        inspectionId: id,
        status,
        startedAt: at,
        startedBy: 'test',
        payload: {},
        ...outcome,
      },
    }),
  );
  return jobId;
}

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Jobs in Chromium');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  table.destroy();
});

describe("a job's page in Chromium", () => {
  it('says what it is doing, axe-clean in every state; "Check again" with the keyboard; no JavaScript needed', async () => {
    const { cookie } = await signIn('admin');
    const [name, value] = cookie.split('=') as [string, string];
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    await context.addCookies([{ name, value, url: baseUrl() }]);
    const page = await context.newPage();
    const running = await jobIn('running');
    await page.goto(`${baseUrl()}/workbench/jobs/${running}`);
    expect(await page.locator('h1').innerText()).toBe('Making a release');
    expect(await page.locator('main').innerText()).toContain('Computing the figures from every input.');
    await page.getByRole('link', { name: 'Check again' }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${baseUrl()}/workbench/jobs/${running}`);
    await context.close();

    const withAxe = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await withAxe.addCookies([{ name, value, url: baseUrl() }]);
    await withAxe.addInitScript(AXE_SOURCE);
    const axePage = await withAxe.newPage();
    for (const [status, words] of [
      ['running', 'In progress'],
      ['done', 'Finished'],
      ['failed', 'try the final release again'],
    ] as const) {
      await axePage.goto(`${baseUrl()}/workbench/jobs/${await jobIn(status)}`);
      expect(await axePage.locator('main').innerText()).toContain(words);
      const found = await axePage.evaluate<{ id: string }[]>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");
      expect(
        found.map((v) => v.id),
        status,
      ).toEqual([]);
    }
    await withAxe.close();
  });
});
