/**
 * An interrupted release on the releases page in Chromium (issue 24): the warning and its two
 * buttons free of axe-core violations, and "Undo it" reached and pressed with the keyboard
 * alone, leaving the inspection open with nothing of the dead release behind.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '#store/keys';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, launchChromium } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { signIn } from '#support/workbench';

let browser: Browser;
let id: string;
const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Recover in Chromium');
  expect((await call(`/inspections/${id}/cases/RC-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
  // The state a final release leaves when it dies after closing the inspection.
  const startedAt = new Date(Date.now() - 600_000).toISOString();
  const transition = { id: 'dead', kind: 'final', releaseId: '20260101T000000000Z-cccccc', startedAt, startedBy: 'test', expiresAt: Date.now() - 1 };
  await table.db.send(
    new UpdateCommand({
      TableName: inject('tableName'),
      Key: keys.inspection(id),
      UpdateExpression: 'SET #t = :t, #s = :closed',
      ExpressionAttributeNames: { '#t': 'transition', '#s': 'status' },
      ExpressionAttributeValues: { ':t': transition, ':closed': 'closed' },
    }),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  table.destroy();
});

describe('an interrupted release in Chromium', () => {
  it('is shown with its two ways out, axe-clean, and undone with the keyboard', async () => {
    const { cookie } = await signIn('admin');
    const [name, value] = cookie.split('=') as [string, string];
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.addCookies([{ name, value, url: baseUrl() }]);
    await context.addInitScript(AXE_SOURCE);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/workbench/inspections/${id}/releases`);
    expect(await page.locator('.govuk-warning-text__text').innerText()).toMatch(/A final release started .* stopped before it finished/);
    const found = await page.evaluate<{ id: string }[]>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");
    expect(found.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Undo it' }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.locator('.govuk-notification-banner__heading').innerText()).toBe('It has been undone');
    // The interrupted release's panel is gone (the readiness check may still warn of what is missing).
    expect(await page.getByText(/stopped before it finished/).count()).toBe(0);
    const inspection = (await call(`/inspections/${id}`, { as: 'staff' })).json;
    expect(inspection.status).toBe('open');
    await context.close();
  });
});
